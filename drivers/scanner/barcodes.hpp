#pragma once
// QR, PDF417 and Code128 reading with ZXing-cpp 1.4. The text read can be
// personal data (a pre-filled form): it is attached to the page, never logged.
#include "drivers/scanner/image.hpp"
#include "drivers/scanner/uscc.hpp"

#include <string>
#include <vector>

namespace scanner {

struct Barcode {
  std::string format;  // "QRCode", "PDF417", "Code128"
  std::string text;    // UTF-8
  Rect where;          // bounding box in the searched image
  // Unified social credit codes found in the text (a business licence's QR),
  // each with its GB 32100 verdict.
  std::vector<UsccCandidate> usccs;
};

// Searches a gray or RGB image for every QR / PDF417 / Code128 symbol.
std::vector<Barcode> read_barcodes(const Image& img);

}  // namespace scanner
