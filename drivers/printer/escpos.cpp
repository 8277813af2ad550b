#include "drivers/printer/escpos.hpp"

#include "drivers/printer/gb18030.hpp"

#include <algorithm>

namespace printer {
namespace {

std::uint8_t u8(int v) {
  return static_cast<std::uint8_t>(v & 0xFF);
}

}  // namespace

bool is_plain_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

Encoder& Encoder::init() {
  put({0x1B, 0x40});
  chinese_ = false;
  return *this;
}

Encoder& Encoder::chinese(bool on) {
  if (on) {
    put({0x1C, 0x26});
  } else {
    put({0x1C, 0x2E});
  }
  chinese_ = on;
  return *this;
}

Encoder& Encoder::bold(bool on) {
  put({0x1B, 0x45, u8(on ? 1 : 0)});
  return *this;
}

Encoder& Encoder::size(int w, int h) {
  w = std::clamp(w, 1, 8);
  h = std::clamp(h, 1, 8);
  put({0x1D, 0x21, u8(((w - 1) << 4) | (h - 1))});
  return *this;
}

Encoder& Encoder::align(Align a) {
  put({0x1B, 0x61, u8(static_cast<int>(a))});
  return *this;
}

Encoder& Encoder::line_spacing(int d) {
  put({0x1B, 0x33, u8(std::clamp(d, 0, 255))});
  return *this;
}

Encoder& Encoder::default_line_spacing() {
  put({0x1B, 0x32});
  return *this;
}

Encoder& Encoder::newline() {
  put({0x0A});
  return *this;
}

Encoder& Encoder::feed(int lines) {
  put({0x1B, 0x64, u8(std::clamp(lines, 0, 255))});
  return *this;
}

Encoder& Encoder::cut(bool partial) {
  put({0x1D, 0x56, u8(partial ? 1 : 0)});
  return *this;
}

Encoder& Encoder::feed_and_cut(int d) {
  put({0x1D, 0x56, 0x42, u8(std::clamp(d, 0, 255))});
  return *this;
}

Encoder& Encoder::raw(std::span<const std::uint8_t> b) {
  out_.insert(out_.end(), b.begin(), b.end());
  return *this;
}

kx::expected<void, Error> Encoder::text(std::string_view utf8) {
  const bool ascii = std::all_of(utf8.begin(), utf8.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    out_.insert(out_.end(), utf8.begin(), utf8.end());
    return {};
  }
  auto gb = utf8_to_gb18030(utf8);
  if (!gb) return kx::unexpected(gb.error());
  if (!chinese_) chinese(true);
  out_.insert(out_.end(), gb->begin(), gb->end());
  return {};
}

kx::expected<void, Error> Encoder::line(std::string_view utf8) {
  auto r = text(utf8);
  if (!r) return r;
  newline();
  return {};
}

kx::expected<void, Error> Encoder::qr_native(std::string_view data, int module, QrEcc ecc) {
  // Store takes at most 7089 bytes; p = len + 3 must fit pL pH.
  if (data.empty() || data.size() > 7089) {
    return kx::unexpected(Error{ErrorCode::qr_too_long, "native QR data length out of range"});
  }
  put({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00});
  put({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, u8(std::clamp(module, 1, 16))});
  put({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, u8(0x30 + static_cast<int>(ecc))});
  const std::size_t p = data.size() + 3;
  put({0x1D, 0x28, 0x6B, u8(static_cast<int>(p & 0xFF)), u8(static_cast<int>(p >> 8)), 0x31, 0x50,
       0x30});
  out_.insert(out_.end(), data.begin(), data.end());
  put({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30});
  return {};
}

kx::expected<void, Error> Encoder::qr_raster(std::string_view utf8, int module, QrEcc ecc,
                                             Align a) {
  auto m = qr_matrix(utf8, ecc);
  if (!m) return kx::unexpected(m.error());
  // Shrink the module if the code would not fit the paper.
  module = std::clamp(module, 1, 16);
  while (module > 1 && m->width * module > dots(width_)) --module;
  if (m->width * module > dots(width_)) {
    return kx::unexpected(Error{ErrorCode::qr_too_long, "QR code wider than the paper"});
  }
  return raster(scale_up(*m, module), a);
}

kx::expected<void, Error> Encoder::qr(std::string_view utf8, const QrOptions& opt, Align a) {
  if (opt.native_supported && is_plain_ascii(utf8) && utf8.size() <= opt.native_max_length) {
    align(a);
    return qr_native(utf8, opt.module, opt.ecc);
  }
  return qr_raster(utf8, opt.module, opt.ecc, a);
}

kx::expected<void, Error> Encoder::raster(const Bitmap& image, Align a) {
  const int paper = dots(width_);
  if (image.width <= 0 || image.height <= 0) return {};
  if (image.width > paper) {
    return kx::unexpected(Error{ErrorCode::image_too_large, "raster image wider than paper"});
  }
  // Alignment is baked into the picture (left pad) rather than left to ESC a,
  // which printers apply to raster data inconsistently.
  Bitmap placed = image;
  if (a != Align::left) {
    const int x = a == Align::center ? (paper - image.width) / 2 : paper - image.width;
    placed = place_on_strip(image, image.width + x, x);
  }
  const int bytes_per_row = (placed.width + 7) / 8;
  for (int y0 = 0; y0 < placed.height; y0 += kRasterBand) {
    const int rows = std::min(kRasterBand, placed.height - y0);
    put({0x1D, 0x76, 0x30, 0x00, u8(bytes_per_row), u8(bytes_per_row >> 8), u8(rows),
         u8(rows >> 8)});
    auto packed = placed.packed_rows(y0, rows);
    out_.insert(out_.end(), packed.begin(), packed.end());
  }
  return {};
}

kx::expected<void, Error> Encoder::code128(std::string_view ascii, int height, int module) {
  if (ascii.empty() || ascii.size() > 253 || !is_plain_ascii(ascii) ||
      ascii.find('{') != std::string_view::npos) {
    return kx::unexpected(Error{ErrorCode::barcode_invalid, "Code128 data must be 1..253 ASCII"});
  }
  put({0x1D, 0x68, u8(std::clamp(height, 1, 255))});
  put({0x1D, 0x77, u8(std::clamp(module, 2, 6))});
  put({0x1D, 0x48, 0x02});
  put({0x1D, 0x6B, 0x49, u8(static_cast<int>(ascii.size()) + 2), 0x7B, 0x42});
  out_.insert(out_.end(), ascii.begin(), ascii.end());
  return {};
}

}  // namespace printer
