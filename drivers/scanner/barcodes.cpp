#define ZX_USE_UTF8 1
#include "drivers/scanner/barcodes.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>

namespace scanner {

std::vector<Barcode> read_barcodes(const Image& img) {
  std::vector<Barcode> out;
  if (img.empty()) return out;
  try {
    const ZXing::ImageView view(
        img.pixels.data(), img.width, img.height,
        img.channels == 1 ? ZXing::ImageFormat::Lum : ZXing::ImageFormat::RGB);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::PDF417 |
                     ZXing::BarcodeFormat::Code128);
    // tryHarder is needed for small codes on a full page; tryRotate is not:
    // pages arrive deskewed and upright, and 2D symbols are found in any
    // orientation anyway (saves ~10% of the search).
    hints.setTryHarder(true);
    hints.setTryRotate(false);
    for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
      if (!r.isValid()) continue;
      Barcode b;
      b.format = ZXing::ToString(r.format());
      b.text = r.text();
      const auto& pos = r.position();
      int x0 = img.width, y0 = img.height, x1 = 0, y1 = 0;
      for (int i = 0; i < 4; ++i) {
        x0 = std::min(x0, pos[i].x);
        y0 = std::min(y0, pos[i].y);
        x1 = std::max(x1, pos[i].x);
        y1 = std::max(y1, pos[i].y);
      }
      b.where = Rect{x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
      b.usccs = find_usccs(b.text);
      out.push_back(std::move(b));
    }
  } catch (...) {
    // ZXing may throw (bad_alloc, internal asserts); a page without codes
    // is the honest answer at our boundary.
    out.clear();
  }
  return out;
}

}  // namespace scanner
