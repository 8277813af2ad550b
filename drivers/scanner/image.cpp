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
  const int w = std::max(img.width / factor, 1);
  const int h = std::max(img.height / factor, 1);
  const int ch = img.channels;
  Image out = Image::blank(w, h, ch, 0, img.dpi / factor);
  const std::size_t n = static_cast<std::size_t>(w) * ch;
  std::vector<unsigned> acc(n);
  const unsigned area = static_cast<unsigned>(factor * factor);
  const int in_w = std::min(img.width, w * factor);
  if (factor == 2 && ch == 1 && img.height >= 2 * h) {
    // The hot path of every page (300 -> 150 dpi analysis copy): two rows
    // at a time, no division.
    for (int oy = 0; oy < h; ++oy) {
      const std::uint8_t* a = img.row(2 * oy);
      const std::uint8_t* b = img.row(2 * oy + 1);
      std::uint8_t* d = out.row(oy);
      for (int x = 0; x < w; ++x)
        d[x] =
            static_cast<std::uint8_t>((a[2 * x] + a[2 * x + 1] + b[2 * x] + b[2 * x + 1] + 2) >> 2);
    }
    return out;
  }
  for (int oy = 0; oy < h; ++oy) {
    std::fill(acc.begin(), acc.end(), 0u);
    for (int dy = 0; dy < factor; ++dy) {
      const std::uint8_t* src = img.row(std::min(oy * factor + dy, img.height - 1));
      if (ch == 1) {
        // The common case (gray analysis images): a tight loop the compiler
        // vectorises.
        for (int x = 0; x < in_w; ++x) acc[static_cast<std::size_t>(x / factor)] += src[x];
      } else {
        for (int x = 0; x < in_w; ++x)
          for (int c = 0; c < ch; ++c)
            acc[static_cast<std::size_t>(x / factor) * ch + c] += src[x * ch + c];
      }
    }
    std::uint8_t* d = out.row(oy);
    for (std::size_t i2 = 0; i2 < n; ++i2)
      d[i2] = static_cast<std::uint8_t>((acc[i2] + area / 2) / area);
  }
  return out;
}

namespace {

// Area-average shrink as two separable passes with precomputed 14-bit
// coverage weights per output column / row (integer arithmetic only).
struct Taps {
  std::vector<int> first;              // first source index per output index
  std::vector<int> count;              // taps per output index
  std::vector<std::uint32_t> weights;  // count[i] weights per output index, flattened
  std::vector<std::size_t> offset;     // start of each output's weights
};

Taps area_taps(int in, int out) {
  Taps t;
  const double scale = static_cast<double>(in) / out;
  for (int o = 0; o < out; ++o) {
    const double x0 = o * scale;
    const double x1 = std::min<double>(in, x0 + scale);
    const int a = static_cast<int>(x0);
    const int b = std::min(in, static_cast<int>(std::ceil(x1)));
    t.first.push_back(a);
    t.count.push_back(b - a);
    t.offset.push_back(t.weights.size());
    std::uint32_t sum = 0;
    for (int i = a; i < b; ++i) {
      const double cover = std::min<double>(i + 1, x1) - std::max<double>(i, x0);
      const auto w = static_cast<std::uint32_t>(std::lround(cover / scale * 16384.0));
      t.weights.push_back(w);
      sum += w;
    }
    // Make the weights sum to exactly 1.0 so flat areas stay flat.
    if (b > a) t.weights[t.offset.back()] += 16384 - sum;
  }
  return t;
}

Image shrink_area(const Image& img, int w, int h) {
  const int ch = img.channels;
  const Taps tx = area_taps(img.width, w);
  const Taps ty = area_taps(img.height, h);
  // Horizontal pass: keep 16-bit intermediates (value << 6) for precision.
  std::vector<std::uint16_t> tmp(static_cast<std::size_t>(w) * ch * img.height);
  for (int y = 0; y < img.height; ++y) {
    const std::uint8_t* s = img.row(y);
    std::uint16_t* t = tmp.data() + static_cast<std::size_t>(y) * w * ch;
    for (int ox = 0; ox < w; ++ox) {
      const std::uint32_t* wt = tx.weights.data() + tx.offset[static_cast<std::size_t>(ox)];
      const int first = tx.first[static_cast<std::size_t>(ox)];
      const int count = tx.count[static_cast<std::size_t>(ox)];
      for (int c = 0; c < ch; ++c) {
        std::uint32_t acc = 0;
        for (int k = 0; k < count; ++k) acc += wt[k] * s[(first + k) * ch + c];
        t[ox * ch + c] = static_cast<std::uint16_t>((acc + (1u << 7)) >> 8);  // value * 64
      }
    }
  }
  Image out = Image::blank(w, h, ch, 0, 0);
  const std::size_t n = static_cast<std::size_t>(w) * ch;
  std::vector<std::uint32_t> acc(n);
  for (int oy = 0; oy < h; ++oy) {
    std::fill(acc.begin(), acc.end(), 0u);
    const std::uint32_t* wt = ty.weights.data() + ty.offset[static_cast<std::size_t>(oy)];
    const int first = ty.first[static_cast<std::size_t>(oy)];
    for (int k = 0; k < ty.count[static_cast<std::size_t>(oy)]; ++k) {
      const std::uint16_t* t = tmp.data() + static_cast<std::size_t>(first + k) * n;
      const std::uint32_t wk = wt[k];
      for (std::size_t i = 0; i < n; ++i) acc[i] += wk * t[i];
    }
    std::uint8_t* d = out.row(oy);
    // acc = value * 64 * 16384 = value << 20.
    for (std::size_t i = 0; i < n; ++i)
      d[i] = static_cast<std::uint8_t>(std::min<std::uint32_t>(255, (acc[i] + (1u << 19)) >> 20));
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
  return rotate_scaled(img, degrees, img.width, img.height, fill);
}

Image rotate_scaled(const Image& img, double degrees, int out_w, int out_h, std::uint8_t fill) {
  const int ch = img.channels;
  Image out = Image::blank(
      out_w, out_h, ch, fill,
      img.dpi > 0 ? static_cast<int>(std::lround(static_cast<double>(img.dpi) * out_w / img.width))
                  : 0);
  const double rad = degrees * std::numbers::pi / 180.0;
  // Source pixels per destination pixel along each axis.
  const double scale = static_cast<double>(img.width) / out_w;
  const double c = std::cos(rad) * scale;
  const double s = std::sin(rad) * scale;
  const double cx = (img.width - 1) / 2.0;
  const double cy = (img.height - 1) / 2.0;
  const double ocx = (out_w - 1) / 2.0;
  const double ocy = (out_h - 1) / 2.0;
  // Inverse mapping in 16.16 fixed point: for each destination pixel find
  // the source point; walking along a row adds a constant step.
  constexpr int kShift = 16;
  constexpr double kOne = 1 << kShift;
  const auto step_x = static_cast<std::int64_t>(c * kOne);
  const auto step_y = static_cast<std::int64_t>(s * kOne);
  for (int y = 0; y < out_h; ++y) {
    const double dy = y - ocy;
    // Forward (content turns anticlockwise on screen, y down):
    //   x' = x c + y s, y' = -x s + y c; this is its inverse.
    const double sx0 = -ocx * c - dy * s + cx;
    const double sy0 = -ocx * s + dy * c + cy;
    // The x range whose source lies inside the image, so the inner loop
    // needs no bounds test: solve 0 <= sx0 + x c <= W-1 and the same for y.
    double lo = 0, hi = out_w - 1.0;
    auto clip = [&](double start, double step, double limit) {
      if (std::abs(step) < 1e-12) {
        if (start < 0 || start > limit) hi = -1;
        return;
      }
      double a = (0 - start) / step, b = (limit - start) / step;
      if (a > b) std::swap(a, b);
      lo = std::max(lo, a);
      hi = std::min(hi, b);
    };
    clip(sx0, c, img.width - 1.0);
    clip(sy0, s, img.height - 1.0);
    const int x_begin = static_cast<int>(std::ceil(lo + 1e-6));
    const int x_end = static_cast<int>(std::floor(hi - 1e-6));
    std::uint8_t* d = out.row(y);
    auto fx = static_cast<std::int64_t>((sx0 + x_begin * c) * kOne);
    auto fy = static_cast<std::int64_t>((sy0 + x_begin * s) * kOne);
    for (int x = x_begin; x <= x_end; ++x, fx += step_x, fy += step_y) {
      // Clamped: rounding of the fixed-point steps may drift a hair outside.
      const int x0 = std::clamp(static_cast<int>(fx >> kShift), 0, img.width - 1);
      const int y0 = std::clamp(static_cast<int>(fy >> kShift), 0, img.height - 1);
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
