#pragma once
// A minimal PDF 1.4 writer that embeds JPEG pages as they are (DCTDecode):
// no re-encoding, one image per page, page size from pixels and dpi. Enough
// for the platform's "one PDF per material" uploads; built in memory.
#include <cstdint>
#include <span>
#include <vector>

namespace scanner {

struct PdfPage {
  std::span<const std::uint8_t> jpeg;
  int width = 0;  // pixels
  int height = 0;
  int dpi = 200;
  bool colour = false;  // DeviceRGB (else DeviceGray); must match the JPEG
};

std::vector<std::uint8_t> make_pdf(std::span<const PdfPage> pages);

}  // namespace scanner
