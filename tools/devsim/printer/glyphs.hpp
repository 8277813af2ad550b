#pragma once
// Glyphs for the virtual printer's built-in fonts: 12x24 half-width cells
// for ASCII and 24x24 full-width cells for Chinese, drawn with FreeType from
// Noto Sans CJK SC (face 2 of NotoSansCJK-Regular.ttc), cached per code point.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace devsim::printer {

struct Glyph {
  int width = 0;                  // cell width: 12 or 24
  int height = 0;                 // cell height: 24
  std::vector<std::uint8_t> ink;  // width*height, 1 = black
};

class GlyphSource {
 public:
  static constexpr const char* kDefaultFont =
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  static constexpr int kDefaultFace = 2;  // Noto Sans CJK SC

  // Returns nullptr (and `error`) if the font cannot be loaded.
  static std::unique_ptr<GlyphSource> open(const std::string& font_path, int face_index,
                                           std::string& error);
  ~GlyphSource();
  GlyphSource(const GlyphSource&) = delete;
  GlyphSource& operator=(const GlyphSource&) = delete;

  // A 24-dot full-width cell for `wide` characters (multi-byte GB18030 in
  // Chinese mode), a 12-dot half-width cell otherwise.
  const Glyph& get(char32_t cp, bool wide);

 private:
  GlyphSource() = default;
  Glyph render(char32_t cp, bool wide);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unordered_map<std::uint32_t, Glyph> cache_;  // code point | wide << 31
};

}  // namespace devsim::printer
