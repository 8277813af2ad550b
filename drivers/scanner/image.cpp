#include "drivers/scanner/image.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace scanner {

Image to_gray(const Image& img) {
  if (img.channels == 1) return img;
  Image out = Image::blank(img.width, img.height, 1, 0, img.dpi);
  const std::size_t n = static_cast<std::size_t>(img.width) * img.height;
  const std::uint8_t* src = img.pixels.data();
  std::uint8_t* dst = out.pixels.data();
  for (std::size_t i = 0; i < n; ++i) {
    // Integer BT.601 weights (77, 150, 29) / 256.
    const unsigned v = 77u * src[0] + 150u * src[1] + 29u * src[2];
    dst[i] = static_cast<std::uint8_t>(v >> 8);
    src += 3;
  }
  return out;
}

Image downscale_by(const Image& img, int factor) {
  if (factor <= 1) return img;
  const int w = img.width / factor;
  const int h = img.height / factor;
  const int ch = img.channels;
  Image out = Image::blank(std::max(w, 1), std::max(h, 1), ch, 0, img.dpi / factor);
  std::vector<unsigned> acc(static_cast<std::size_t>(out.width) * ch);
  const unsigned area = static_cast<unsigned>(factor * factor);
  for (int oy = 0; oy < out.height; ++oy) {
    std::fill(acc.begin(), acc.end(), 0u);
    for (int dy = 0; dy < factor; ++dy) {
      const int sy = std::min(oy * factor + dy, img.height - 1);
      const std::uint8_t* s = img.row(sy);
      for (int ox = 0; ox < out.width; ++ox) {
        for (int dx = 0; dx < factor; ++dx) {
          const int sx = std::min(ox * factor + dx, img.width - 1);
          for (int c = 0; c < ch; ++c) acc[static_cast<std::size_t>(ox) * ch + c] += s[sx * ch + c];
        }
      }
    }
    std::uint8_t* d = out.row(oy);
    for (std::size_t i = 0; i < acc.size(); ++i)
      d[i] = static_cast<std::uint8_t>((acc[i] + area / 2) / area);
  }
  return out;
}

namespace {

// Area-average shrink along one axis using fixed-point coverage weights.
Image shrink_area(const Image& img, int w, int h) {
  const int ch = img.channels;
  // Horizontal pass into float rows, then vertical.
  const double sx = static_cast<double>(img.width) / w;
  const double sy = static_cast<double>(img.height) / h;
  std::vector<float> tmp(static_cast<std::size_t>(w) * img.height * ch);
  for (int y = 0; y < img.height; ++y) {
    const std::uint8_t* s = img.row(y);
    float* t = tmp.data() + static_cast<std::size_t>(y) * w * ch;
    for (int ox = 0; ox < w; ++ox) {
      const double x0 = ox * sx;
      const double x1 = x0 + sx;
      for (int c = 0; c < ch; ++c) {
        double sum = 0;
        for (int ix = static_cast<int>(x0); ix < static_cast<int>(std::ceil(x1)); ++ix) {
          const double cover = std::min<double>(ix + 1, x1) - std::max<double>(ix, x0);
          sum += cover * s[std::min(ix, img.width - 1) * ch + c];
        }
        t[ox * ch + c] = static_cast<float>(sum / sx);
      }
    }
  }
  Image out = Image::blank(w, h, ch, 0, 0);
  std::vector<double> acc(static_cast<std::size_t>(w) * ch);
  for (int oy = 0; oy < h; ++oy) {
    const double y0 = oy * sy;
    const double y1 = y0 + sy;
    std::fill(acc.begin(), acc.end(), 0.0);
    for (int iy = static_cast<int>(y0); iy < static_cast<int>(std::ceil(y1)); ++iy) {
      const double cover = std::min<double>(iy + 1, y1) - std::max<double>(iy, y0);
      const float* t = tmp.data() + static_cast<std::size_t>(std::min(iy, img.height - 1)) * w * ch;
      for (std::size_t i = 0; i < acc.size(); ++i) acc[i] += cover * t[i];
    }
    std::uint8_t* d = out.row(oy);
    for (std::size_t i = 0; i < acc.size(); ++i)
      d[i] = static_cast<std::uint8_t>(std::clamp(acc[i] / sy + 0.5, 0.0, 255.0));
  }
  return out;
}

Image grow_bilinear(const Image& img, int w, int h) {
  const int ch = img.channels;
  Image out = Image::blank(w, h, ch, 0, 0);
  const double sx = static_cast<double>(img.width) / w;
  const double sy = static_cast<double>(img.height) / h;
  for (int y = 0; y < h; ++y) {
    const double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, img.height - 1.0);
    const int y0 = static_cast<int>(fy);
    const int y1 = std::min(y0 + 1, img.height - 1);
    const double wy = fy - y0;
    std::uint8_t* d = out.row(y);
    for (int x = 0; x < w; ++x) {
      const double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, img.width - 1.0);
      const int x0 = static_cast<int>(fx);
      const int x1 = std::min(x0 + 1, img.width - 1);
      const double wx = fx - x0;
      for (int c = 0; c < ch; ++c) {
        const double a = img.row(y0)[x0 * ch + c] * (1 - wx) + img.row(y0)[x1 * ch + c] * wx;
        const double b = img.row(y1)[x0 * ch + c] * (1 - wx) + img.row(y1)[x1 * ch + c] * wx;
        d[x * ch + c] = static_cast<std::uint8_t>(a * (1 - wy) + b * wy + 0.5);
      }
    }
  }
  return out;
}

}  // namespace

Image resize(const Image& img, int w, int h) {
  if (img.empty() || w <= 0 || h <= 0) return Image{};
  if (w == img.width && h == img.height) return img;
  Image out;
  if (img.width % w == 0 && img.height % h == 0 && img.width / w == img.height / h) {
    out = downscale_by(img, img.width / w);
  } else if (w <= img.width && h <= img.height) {
    out = shrink_area(img, w, h);
  } else {
    out = grow_bilinear(img, w, h);
  }
  out.dpi =
      img.dpi > 0 ? static_cast<int>(std::lround(static_cast<double>(img.dpi) * w / img.width)) : 0;
  return out;
}

Image crop(const Image& img, Rect r) {
  const int x0 = std::clamp(r.x, 0, img.width);
  const int y0 = std::clamp(r.y, 0, img.height);
  const int x1 = std::clamp(r.x + r.width, x0, img.width);
  const int y1 = std::clamp(r.y + r.height, y0, img.height);
  Image out = Image::blank(x1 - x0, y1 - y0, img.channels, 0, img.dpi);
  const std::size_t n = out.stride();
  for (int y = y0; y < y1; ++y)
    std::memcpy(out.row(y - y0), img.row(y) + static_cast<std::size_t>(x0) * img.channels, n);
  return out;
}

Image rotate(const Image& img, double degrees, std::uint8_t fill) {
  const int ch = img.channels;
  Image out = Image::blank(img.width, img.height, ch, fill, img.dpi);
  const double rad = degrees * std::numbers::pi / 180.0;
  const double c = std::cos(rad);
  const double s = std::sin(rad);
  const double cx = (img.width - 1) / 2.0;
  const double cy = (img.height - 1) / 2.0;
  // Inverse mapping in 16.16 fixed point: for each destination pixel find
  // the source point; walking along a row adds a constant step.
  constexpr int kShift = 16;
  constexpr double kOne = 1 << kShift;
  const auto step_x = static_cast<std::int64_t>(c * kOne);
  const auto step_y = static_cast<std::int64_t>(s * kOne);
  const std::int64_t max_x = static_cast<std::int64_t>(img.width - 1) << kShift;
  const std::int64_t max_y = static_cast<std::int64_t>(img.height - 1) << kShift;
  for (int y = 0; y < img.height; ++y) {
    const double dy = y - cy;
    // Forward (content turns anticlockwise on screen, y down):
    //   x' = x c + y s, y' = -x s + y c; this is its inverse.
    auto fx = static_cast<std::int64_t>((-cx * c - dy * s + cx) * kOne);
    auto fy = static_cast<std::int64_t>((-cx * s + dy * c + cy) * kOne);
    std::uint8_t* d = out.row(y);
    for (int x = 0; x < img.width; ++x, fx += step_x, fy += step_y) {
      if (fx < 0 || fy < 0 || fx > max_x || fy > max_y) continue;
      const int x0 = static_cast<int>(fx >> kShift);
      const int y0 = static_cast<int>(fy >> kShift);
      const int x1 = std::min(x0 + 1, img.width - 1);
      const int y1 = std::min(y0 + 1, img.height - 1);
      const auto wx = static_cast<unsigned>((fx >> 8) & 0xFF);
      const auto wy = static_cast<unsigned>((fy >> 8) & 0xFF);
      const std::uint8_t* r0 = img.row(y0);
      const std::uint8_t* r1 = img.row(y1);
      for (int k = 0; k < ch; ++k) {
        const unsigned top = r0[x0 * ch + k] * (256 - wx) + r0[x1 * ch + k] * wx;
        const unsigned bot = r1[x0 * ch + k] * (256 - wx) + r1[x1 * ch + k] * wx;
        d[x * ch + k] = static_cast<std::uint8_t>((top * (256 - wy) + bot * wy + 32768) >> 16);
      }
    }
  }
  return out;
}

void wipe(Image& img) {
  // volatile writes so the compiler cannot drop the clearing of a buffer
  // that is about to be freed.
  volatile std::uint8_t* p = img.pixels.data();
  for (std::size_t i = 0; i < img.pixels.size(); ++i) p[i] = 0;
  img.pixels.clear();
  img.pixels.shrink_to_fit();
  img.width = img.height = 0;
}

}  // namespace scanner
