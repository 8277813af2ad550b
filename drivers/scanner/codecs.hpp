#pragma once
// In-memory image codecs. Nothing here touches the file system: pages are
// personal data and only the CLI's explicit --out writes them out.
#include "base/expected.hpp"
#include "drivers/scanner/errors.hpp"
#include "drivers/scanner/image.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace scanner {

struct JpegOptions {
  int quality = 75;  // 1..100
  int dpi = 0;       // written into the JFIF header; 0 = image.dpi
  // Progressive scans with optimised Huffman tables: about 8% smaller for
  // text pages, at roughly twice the encoding time (still a few ms).
  bool progressive = false;
};

// Baseline JPEG through libjpeg-turbo (gray or YCbCr 4:2:0).
kx::expected<std::vector<std::uint8_t>, Error> encode_jpeg(const Image& img,
                                                           const JpegOptions& opt = {});

// Decodes a JPEG (gray stays gray, everything else becomes RGB). The JFIF
// density, when given in dots per inch, becomes Image::dpi.
kx::expected<Image, Error> decode_jpeg(std::span<const std::uint8_t> data);

// Decodes a PNG to gray or RGB (alpha composited on white); dpi stays 0.
kx::expected<Image, Error> decode_png(std::span<const std::uint8_t> data);

// Picks the decoder by the file signature.
kx::expected<Image, Error> decode_image(std::span<const std::uint8_t> data);

}  // namespace scanner
