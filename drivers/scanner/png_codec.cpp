#include "drivers/scanner/codecs.hpp"

#include <png.h>

#include <cstring>
#include <string>

namespace scanner {

kx::expected<Image, Error> decode_png(std::span<const std::uint8_t> data) {
  // libpng's simplified API reports errors through return values, no longjmp
  // reaches our code.
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, data.data(), data.size()))
    return kx::unexpected(Error{ErrorCode::bad_image, std::string("libpng: ") + png.message});
  if (static_cast<long long>(png.width) * png.height > 20000LL * 20000LL) {
    png_image_free(&png);
    return kx::unexpected(Error{ErrorCode::bad_image, "png: unreasonable dimensions"});
  }
  const bool gray = (png.format & PNG_FORMAT_FLAG_COLOR) == 0;
  png.format = gray ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  Image img =
      Image::blank(static_cast<int>(png.width), static_cast<int>(png.height), gray ? 1 : 3, 0);
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&png, &white, img.pixels.data(), 0, nullptr)) {
    png_image_free(&png);
    return kx::unexpected(Error{ErrorCode::bad_image, std::string("libpng: ") + png.message});
  }
  return img;
}

kx::expected<Image, Error> decode_image(std::span<const std::uint8_t> data) {
  static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G'};
  if (data.size() >= 4 && std::memcmp(data.data(), kPng, 4) == 0) return decode_png(data);
  if (data.size() >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    return decode_jpeg(data);
  return kx::unexpected(Error{ErrorCode::bad_image, "neither a JPEG nor a PNG signature"});
}

}  // namespace scanner
