#pragma once
// An 8-bit image in memory: gray (1 channel) or RGB (3 channels), rows
// packed without padding. Scanned pages live only in these buffers.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scanner {

struct Image {
  int width = 0;
  int height = 0;
  int channels = 1;  // 1 gray, 3 RGB
  int dpi = 0;       // 0 when unknown (camera images)
  std::vector<std::uint8_t> pixels;

  static Image blank(int w, int h, int ch, std::uint8_t value = 255, int dpi = 0) {
    Image img{w, h, ch, dpi, {}};
    img.pixels.assign(
        static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * static_cast<std::size_t>(ch),
        value);
    return img;
  }
  bool empty() const { return width <= 0 || height <= 0; }
  std::size_t stride() const { return static_cast<std::size_t>(width) * channels; }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * stride(); }
  const std::uint8_t* row(int y) const {
    return pixels.data() + static_cast<std::size_t>(y) * stride();
  }
};

struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  friend bool operator==(const Rect&, const Rect&) = default;
};

// Luma (BT.601) of an RGB image; a gray image is returned as a copy.
Image to_gray(const Image& img);

// Area-average downscale by an integer factor (>= 1).
Image downscale_by(const Image& img, int factor);

// Resample to exactly w x h (area average when shrinking, bilinear when
// growing). Keeps channels; dpi is scaled with the width.
Image resize(const Image& img, int w, int h);

// Sub-image copy; the rect is clipped to the image.
Image crop(const Image& img, Rect r);

// Rotates about the centre by `degrees` (counter-clockwise positive, as on
// screen with y down this turns content anticlockwise), same size, areas
// that come from outside filled with `fill`. Bilinear.
Image rotate(const Image& img, double degrees, std::uint8_t fill = 255);

// Rotation and resampling in one bilinear pass into an out_w x out_h image
// (same centre): deskew and the drop to the output dpi together, touching
// each output pixel once. dpi is scaled with the width.
Image rotate_scaled(const Image& img, double degrees, int out_w, int out_h,
                    std::uint8_t fill = 255);

// Securely clears the pixels (pages are personal data) and empties them.
void wipe(Image& img);

}  // namespace scanner
