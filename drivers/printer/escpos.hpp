#pragma once
// ESC/POS command encoder. Builds the exact bytes a receipt printer gets;
// byte layouts follow PRODUCT.md ("Receipt printer (ESC/POS)").
#include "base/expected.hpp"
#include "drivers/printer/barcode_raster.hpp"
#include "drivers/printer/bitmap.hpp"
#include "drivers/printer/errors.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace printer {

// Printable width in dots at 203 dpi: 58 mm paper -> 384, 80 mm -> 576.
enum class PaperWidth { mm58 = 384, mm80 = 576 };
constexpr int dots(PaperWidth w) {
  return static_cast<int>(w);
}

enum class Align { left = 0, center = 1, right = 2 };

struct QrOptions {
  int module = 6;  // dots per module, 1..16
  QrEcc ecc = QrEcc::M;
  // Printers that cannot do GS ( k get the raster fallback for everything.
  bool native_supported = true;
  // Native QR is used only for ASCII data up to this length; many printers
  // refuse longer or non-ASCII data.
  std::size_t native_max_length = 128;
};

class Encoder {
 public:
  explicit Encoder(PaperWidth width = PaperWidth::mm58) : width_(width) {}

  PaperWidth paper_width() const { return width_; }

  Encoder& init();                       // ESC @
  Encoder& chinese(bool on);             // FS & / FS .
  Encoder& bold(bool on);                // ESC E n
  Encoder& size(int width, int height);  // GS ! n, multipliers 1..8
  Encoder& align(Align a);               // ESC a n
  Encoder& line_spacing(int dots);       // ESC 3 n
  Encoder& default_line_spacing();       // ESC 2
  Encoder& newline();                    // LF
  Encoder& feed(int lines);              // ESC d n
  Encoder& cut(bool partial = false);    // GS V 0 / GS V 1
  Encoder& feed_and_cut(int dots);       // GS V 66 n
  Encoder& raw(std::span<const std::uint8_t> bytes);

  // UTF-8 text. ASCII passes through; anything else is sent as GB18030 and
  // switches Chinese mode on first if it is off.
  kx::expected<void, Error> text(std::string_view utf8);
  kx::expected<void, Error> line(std::string_view utf8);  // text + LF

  // GS ( k model 2: model, size, ECC, store, print.
  kx::expected<void, Error> qr_native(std::string_view ascii, int module, QrEcc ecc);
  // ZXing-drawn QR sent as a raster image, aligned on the paper.
  kx::expected<void, Error> qr_raster(std::string_view utf8, int module, QrEcc ecc, Align a);
  // Native when the printer supports it and the data is short ASCII, else raster.
  kx::expected<void, Error> qr(std::string_view utf8, const QrOptions& opt, Align a);

  // GS v 0 raster image; split into bands of at most `kRasterBand` rows
  // because many printers cap one command's height.
  kx::expected<void, Error> raster(const Bitmap& image, Align a = Align::left);
  static constexpr int kRasterBand = 256;

  // GS h, GS w, GS H 2 (human-readable text below), GS k 73 with code set B.
  kx::expected<void, Error> code128(std::string_view ascii, int height = 80, int module = 2);

  const std::vector<std::uint8_t>& bytes() const { return out_; }
  std::vector<std::uint8_t> take() { return std::move(out_); }

 private:
  void put(std::initializer_list<std::uint8_t> b) { out_.insert(out_.end(), b); }

  PaperWidth width_;
  bool chinese_ = false;
  std::vector<std::uint8_t> out_;
};

// True if every byte is printable ASCII (what native QR takes safely).
bool is_plain_ascii(std::string_view s);

}  // namespace printer
