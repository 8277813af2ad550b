#include "tools/devsim/printer/png_writer.hpp"

#include <png.h>

#include <cstdio>
#include <vector>

namespace devsim::printer {

std::string write_png(const ::printer::Bitmap& paper, const std::filesystem::path& path) {
  if (paper.width <= 0 || paper.height <= 0) return "empty paper";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return "cannot create " + path.string();
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    return "libpng init failed";
  }
  // libpng reports errors by longjmp; nothing with a destructor lives
  // between here and the end of the writes.
  std::vector<png_byte> row(static_cast<std::size_t>(paper.width));
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    return "libpng write failed";
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, static_cast<png_uint_32>(paper.width),
               static_cast<png_uint_32>(paper.height), 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 1);  // speed over size: the virtual printer prints many
  png_write_info(png, info);
  for (int y = 0; y < paper.height; ++y) {
    for (int x = 0; x < paper.width; ++x) {
      row[static_cast<std::size_t>(x)] = paper.at(x, y) ? 0 : 255;
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
  return {};
}

}  // namespace devsim::printer
