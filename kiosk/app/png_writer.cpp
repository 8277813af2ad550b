#include "kiosk/app/png_writer.hpp"

#include <png.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace kiosk::app {

kx::expected<void, std::string> write_png_rgba(const std::filesystem::path& path, int width,
                                               int height, std::span<const std::uint8_t> rgba) {
  if (width <= 0 || height <= 0 ||
      rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
    return kx::unexpected(std::string("bad image size"));
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) return kx::unexpected("cannot write " + path.string());
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_write_struct(&png, &info);
    return kx::unexpected(std::string("libpng init failed"));
  }
  std::vector<png_const_bytep> rows(static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) {
    rows[static_cast<std::size_t>(y)] =
        rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 4;
  }
  // libpng reports errors by longjmp; nothing with a destructor is created
  // between here and the end of the write.
  if (setjmp(png_jmpbuf(png))) {  // NOLINT(cert-err52-cpp)
    png_destroy_write_struct(&png, &info);
    return kx::unexpected("PNG write failed: " + path.string());
  }
  png_init_io(png, file.get());
  // Measured on a 1920x1080 home screen (bench in docs/performance.md):
  // unfiltered RGB rows at deflate level 1 are both the fastest and the
  // smallest choice for flat UI screens (~150 KB); filters and Z_RLE cost
  // more time and bytes here.
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_set_filler(png, 0, PNG_FILLER_AFTER);  // drop the (always opaque) alpha byte
  png_write_rows(png, const_cast<png_bytepp>(rows.data()),
                 static_cast<png_uint_32>(height));  // NOLINT
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return {};
}

}  // namespace kiosk::app
