#include "drivers/printer/barcode_raster.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace printer {

kx::expected<Bitmap, Error> qr_matrix(std::string_view utf8, QrEcc ecc, int quiet) {
  // ZXing's QR writer takes ECC as 0..8 and maps it to L/M/Q/H in pairs.
  const int zx_ecc = static_cast<int>(ecc) * 2 + 1;
  try {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEncoding(ZXing::CharacterSet::UTF8).setEccLevel(zx_ecc).setMargin(0);
    ZXing::BitMatrix m = writer.encode(std::string(utf8), 0, 0);
    Bitmap out(m.width() + 2 * quiet, m.height() + 2 * quiet);
    for (int y = 0; y < m.height(); ++y) {
      for (int x = 0; x < m.width(); ++x) {
        if (m.get(x, y)) out.set(x + quiet, y + quiet);
      }
    }
    return out;
  } catch (const std::exception& e) {  // ZXing throws on oversize data
    return kx::unexpected(Error{ErrorCode::qr_too_long, e.what()});
  }
}

kx::expected<Bitmap, Error> code128_bars(std::string_view ascii, int module, int height) {
  if (ascii.empty()) return kx::unexpected(Error{ErrorCode::barcode_invalid, "empty Code128"});
  for (char c : ascii) {
    if (c < 0x20 || c > 0x7E) {
      return kx::unexpected(Error{ErrorCode::barcode_invalid, "Code128 data must be ASCII"});
    }
  }
  try {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::Code128);
    writer.setMargin(0);
    ZXing::BitMatrix m = writer.encode(std::string(ascii), 0, 1);
    Bitmap out(m.width() * module, height);
    for (int x = 0; x < m.width(); ++x) {
      if (!m.get(x, 0)) continue;
      for (int dx = 0; dx < module; ++dx) {
        for (int y = 0; y < height; ++y) out.set(x * module + dx, y);
      }
    }
    return out;
  } catch (const std::exception& e) {
    return kx::unexpected(Error{ErrorCode::barcode_invalid, e.what()});
  }
}

}  // namespace printer
