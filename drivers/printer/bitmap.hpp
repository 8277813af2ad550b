#pragma once
// A 1-bit picture the width of the paper or less: what raster commands
// carry and what the virtual printer draws into.
#include <cstdint>
#include <span>
#include <vector>

namespace printer {

struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> ink;  // one byte per dot, 1 = black, row-major

  Bitmap() = default;
  Bitmap(int w, int h) : width(w), height(h), ink(static_cast<std::size_t>(w) * h, 0) {}
  std::uint8_t at(int x, int y) const { return ink[static_cast<std::size_t>(y) * width + x]; }
  void set(int x, int y, std::uint8_t v = 1) { ink[static_cast<std::size_t>(y) * width + x] = v; }

  // Rows packed MSB-first, (width+7)/8 bytes each: the GS v 0 layout.
  std::vector<std::uint8_t> packed_rows(int first_row, int rows) const;
};

// 8-bit grey (0 black .. 255 white) to 1 bit by Floyd-Steinberg error
// diffusion, so photos and map thumbnails keep their tones on a thermal head.
Bitmap dither_floyd_steinberg(std::span<const std::uint8_t> grey, int width, int height);

// Scales each dot to a `scale` x `scale` block (QR modules, logo upscaling).
Bitmap scale_up(const Bitmap& src, int scale);

// Places `src` on a `width`-dot wide strip at x offset (centre/right alignment
// baked into the picture, so it does not depend on how a printer treats ESC a
// for raster data).
Bitmap place_on_strip(const Bitmap& src, int width, int x);

}  // namespace printer
