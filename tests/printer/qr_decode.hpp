#pragma once
// Two independent decoders for what the virtual printer drew: ZXing on the
// bitmap in memory, and Debian's zbarimg on the PNG file.
#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include "drivers/printer/bitmap.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace printer_test {

struct Decoded {
  std::string format;
  std::string text;
};

inline std::vector<Decoded> zxing_decode(const printer::Bitmap& paper) {
  std::vector<std::uint8_t> lum(paper.ink.size());
  for (std::size_t i = 0; i < lum.size(); ++i) lum[i] = paper.ink[i] ? 0 : 255;
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128);
  hints.setTryHarder(true);
  auto results = ZXing::ReadBarcodes(
      ZXing::ImageView(lum.data(), paper.width, paper.height, ZXing::ImageFormat::Lum), hints);
  std::vector<Decoded> out;
  for (const auto& r : results) {
    if (r.isValid()) out.push_back({ZXing::ToString(r.format()), r.text()});
  }
  return out;
}

// Lines zbarimg prints ("QR-Code:https://...") for a PNG.
inline std::vector<std::string> zbar_decode(const std::string& png) {
  std::vector<std::string> lines;
  const std::string cmd = "zbarimg -q '" + png + "' 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return lines;
  char buf[2048];
  while (std::fgets(buf, sizeof buf, p)) {
    std::string l(buf);
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
    lines.push_back(l);
  }
  ::pclose(p);
  return lines;
}

}  // namespace printer_test
