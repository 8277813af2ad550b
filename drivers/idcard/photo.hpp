#pragma once
// The photo is WLT-compressed, a format only vendors' libraries decode. The
// driver passes the WLT bytes on untouched; a PhotoDecoder turns them into
// a BMP where a vendor library is installed. None ships with the kiosk.
#include "base/expected.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace idcard {

class PhotoDecoder {
 public:
  virtual ~PhotoDecoder() = default;
  // WLT (1024 bytes) -> a 24-bit BMP file image.
  virtual kx::expected<std::vector<std::uint8_t>, std::string> decode(
      std::span<const std::uint8_t> wlt) = 0;
  virtual std::string name() const = 0;
};

// Loads a vendor library at run time with dlopen. Supports the common
// `int unpack(char* wlt, char* bmp_out, int save_file)` entry point
// (libwlt.so: returns 1 on success, writes a 102x126 BMP of 38 862 bytes).
// Returns an error text when the library or the symbol is missing.
kx::expected<std::unique_ptr<PhotoDecoder>, std::string> load_vendor_photo_decoder(
    const std::string& library_path);

}  // namespace idcard
