#pragma once
// Maps the CJK font file read-only. Only the pages FreeType touches for the
// glyphs in use become resident, so the 19 MB Noto Sans CJK collection costs
// a few hundred KB of memory, once, however many sizes the atlas holds.
#include "base/expected.hpp"

#include <cstddef>
#include <filesystem>
#include <string>

namespace kiosk::app {

inline constexpr const char* kDefaultFontPath =
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline constexpr int kDefaultFontFace = 2;  // "Noto Sans CJK SC" in the collection

class FontFile {
 public:
  static kx::expected<FontFile, std::string> map(const std::filesystem::path& path);
  FontFile(FontFile&& other) noexcept;
  FontFile& operator=(FontFile&& other) noexcept;
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;
  ~FontFile();

  const unsigned char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  FontFile(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
  const unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace kiosk::app
