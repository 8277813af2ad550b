#include "drivers/scanner/codecs.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

namespace scanner {

namespace {

// libjpeg reports fatal errors through error_exit, which must not return:
// we longjmp back to the caller. The functions that call setjmp keep no
// objects with destructors alive across it (plain C state only).
struct ErrorManager {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

extern "C" void on_jpeg_error(j_common_ptr cinfo) {
  auto* mgr = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, mgr->message);
  std::longjmp(mgr->jump, 1);
}

extern "C" void on_jpeg_message(j_common_ptr, int) {}  // silence warnings on stderr

// Returns 0 on success, otherwise leaves the libjpeg message in err.
int compress(const Image& img, const JpegOptions& opt, unsigned char** out, unsigned long* out_size,
             ErrorManager& err) {
  jpeg_compress_struct cinfo;
  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_jpeg_error;
  err.pub.emit_message = on_jpeg_message;
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    return 1;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, out, out_size);
  cinfo.image_width = static_cast<JDIMENSION>(img.width);
  cinfo.image_height = static_cast<JDIMENSION>(img.height);
  cinfo.input_components = img.channels;
  cinfo.in_color_space = img.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, std::clamp(opt.quality, 1, 100), TRUE);
  const int dpi = opt.dpi > 0 ? opt.dpi : img.dpi;
  if (dpi > 0) {
    cinfo.density_unit = 1;  // dots per inch
    cinfo.X_density = static_cast<UINT16>(dpi);
    cinfo.Y_density = static_cast<UINT16>(dpi);
  }
  cinfo.dct_method = JDCT_ISLOW;
  // Huffman tables fitted to this page: a few % smaller for one more pass
  // over the coefficients, which matters for the 300 KB upload limit.
  cinfo.optimize_coding = TRUE;
  if (opt.progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(img.row(static_cast<int>(cinfo.next_scanline)));
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return 0;
}

struct DecodeHeader {
  int width = 0;
  int height = 0;
  int channels = 0;
  int dpi = 0;
};

// Two-phase so the pixel buffer (a std::vector) is allocated outside the
// setjmp scope: phase 1 reads the header, phase 2 fills `pixels`.
int decompress(const std::uint8_t* data, std::size_t size, DecodeHeader& hdr, std::uint8_t* pixels,
               ErrorManager& err) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_jpeg_error;
  err.pub.emit_message = on_jpeg_message;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return 1;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = cinfo.jpeg_color_space == JCS_GRAYSCALE ? JCS_GRAYSCALE : JCS_RGB;
  if (pixels == nullptr) {
    hdr.width = static_cast<int>(cinfo.image_width);
    hdr.height = static_cast<int>(cinfo.image_height);
    hdr.channels = cinfo.out_color_space == JCS_GRAYSCALE ? 1 : 3;
    if (cinfo.density_unit == 1 && cinfo.X_density > 1) hdr.dpi = cinfo.X_density;
    if (cinfo.density_unit == 2 && cinfo.X_density > 1)
      hdr.dpi = static_cast<int>(cinfo.X_density * 2.54 + 0.5);
    jpeg_destroy_decompress(&cinfo);
    return 0;
  }
  jpeg_start_decompress(&cinfo);
  const std::size_t stride = static_cast<std::size_t>(hdr.width) * hdr.channels;
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = pixels + cinfo.output_scanline * stride;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return 0;
}

}  // namespace

kx::expected<std::vector<std::uint8_t>, Error> encode_jpeg(const Image& img,
                                                           const JpegOptions& opt) {
  if (img.empty() || (img.channels != 1 && img.channels != 3) ||
      img.pixels.size() != img.stride() * static_cast<std::size_t>(img.height))
    return kx::unexpected(Error{ErrorCode::invalid_argument, "encode_jpeg: malformed image"});
  ErrorManager err{};
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  const int rc = compress(img, opt, &buf, &size, err);
  std::vector<std::uint8_t> out;
  if (rc == 0 && buf != nullptr) out.assign(buf, buf + size);
  std::free(buf);
  if (rc != 0)
    return kx::unexpected(Error{ErrorCode::internal, std::string("libjpeg: ") + err.message});
  return out;
}

kx::expected<Image, Error> decode_jpeg(std::span<const std::uint8_t> data) {
  ErrorManager err{};
  DecodeHeader hdr;
  if (decompress(data.data(), data.size(), hdr, nullptr, err) != 0)
    return kx::unexpected(Error{ErrorCode::bad_image, std::string("libjpeg: ") + err.message});
  // Refuse absurd sizes before allocating (a hostile or corrupt file).
  if (hdr.width <= 0 || hdr.height <= 0 ||
      static_cast<long long>(hdr.width) * hdr.height > 20000LL * 20000LL)
    return kx::unexpected(Error{ErrorCode::bad_image, "jpeg: unreasonable dimensions"});
  Image img = Image::blank(hdr.width, hdr.height, hdr.channels, 0, hdr.dpi);
  if (decompress(data.data(), data.size(), hdr, img.pixels.data(), err) != 0)
    return kx::unexpected(Error{ErrorCode::bad_image, std::string("libjpeg: ") + err.message});
  return img;
}

}  // namespace scanner
