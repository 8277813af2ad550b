#include "drivers/printer/bitmap.hpp"

#include <algorithm>

namespace printer {

std::vector<std::uint8_t> Bitmap::packed_rows(int first_row, int rows) const {
  const int bytes_per_row = (width + 7) / 8;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(bytes_per_row) * rows, 0);
  for (int y = 0; y < rows; ++y) {
    const std::uint8_t* src = &ink[static_cast<std::size_t>(first_row + y) * width];
    std::uint8_t* dst = &out[static_cast<std::size_t>(y) * bytes_per_row];
    for (int x = 0; x < width; ++x) {
      if (src[x]) dst[x >> 3] = static_cast<std::uint8_t>(dst[x >> 3] | (0x80 >> (x & 7)));
    }
  }
  return out;
}

Bitmap dither_floyd_steinberg(std::span<const std::uint8_t> grey, int width, int height) {
  Bitmap out(width, height);
  if (width <= 0 || height <= 0 ||
      grey.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) {
    return out;
  }
  // Two rows of accumulated error, in 1/16ths of a grey level.
  std::vector<int> cur(static_cast<std::size_t>(width) + 2, 0);
  std::vector<int> next(static_cast<std::size_t>(width) + 2, 0);
  for (int y = 0; y < height; ++y) {
    std::fill(next.begin(), next.end(), 0);
    for (int x = 0; x < width; ++x) {
      const std::size_t i = static_cast<std::size_t>(x) + 1;
      const int v = grey[static_cast<std::size_t>(y) * width + x] * 16 + cur[i];
      const bool black = v < 128 * 16;
      if (black) out.set(x, y);
      const int err = (v - (black ? 0 : 255 * 16)) / 16;
      cur[i + 1] += err * 7;
      next[i - 1] += err * 3;
      next[i] += err * 5;
      next[i + 1] += err * 1;
    }
    std::swap(cur, next);
  }
  return out;
}

Bitmap scale_up(const Bitmap& src, int scale) {
  if (scale <= 1) return src;
  Bitmap out(src.width * scale, src.height * scale);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) out.set(x, y, src.at(x / scale, y / scale));
  }
  return out;
}

Bitmap place_on_strip(const Bitmap& src, int width, int x0) {
  Bitmap out(std::max(width, src.width), src.height);
  x0 = std::clamp(x0, 0, out.width - src.width);
  for (int y = 0; y < src.height; ++y) {
    std::copy_n(&src.ink[static_cast<std::size_t>(y) * src.width], src.width,
                &out.ink[static_cast<std::size_t>(y) * out.width + x0]);
  }
  return out;
}

}  // namespace printer
