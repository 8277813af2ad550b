#include "tools/devsim/printer/glyphs.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>

namespace devsim::printer {

struct GlyphSource::Impl {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  ~Impl() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
};

std::unique_ptr<GlyphSource> GlyphSource::open(const std::string& path, int face_index,
                                               std::string& error) {
  std::unique_ptr<GlyphSource> g(new GlyphSource());
  g->impl_ = std::make_unique<Impl>();
  if (FT_Init_FreeType(&g->impl_->lib) != 0) {
    error = "FreeType init failed";
    return nullptr;
  }
  if (FT_New_Face(g->impl_->lib, path.c_str(), face_index, &g->impl_->face) != 0) {
    error = "cannot load font " + path;
    return nullptr;
  }
  return g;
}

GlyphSource::~GlyphSource() = default;

const Glyph& GlyphSource::get(char32_t cp, bool wide) {
  const std::uint32_t key = static_cast<std::uint32_t>(cp) | (wide ? 1u << 31 : 0u);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  return cache_.emplace(key, render(cp, wide)).first->second;
}

Glyph GlyphSource::render(char32_t cp, bool wide) {
  Glyph g;
  g.width = wide ? 24 : 12;
  g.height = 24;
  g.ink.assign(static_cast<std::size_t>(g.width) * g.height, 0);
  FT_Face face = impl_->face;
  // Half-width cells get a horizontally condensed face so Latin letters and
  // digits fit 12 dots the way a printer's 12x24 font does.
  if (wide) {
    FT_Set_Pixel_Sizes(face, 24, 24);
  } else {
    FT_Set_Pixel_Sizes(face, 15, 23);
  }
  if (FT_Load_Char(face, cp, FT_LOAD_RENDER) != 0) return g;
  const FT_GlyphSlot slot = face->glyph;
  const FT_Bitmap& bm = slot->bitmap;
  const int baseline = 21;  // ascender ~0.88 em above, descender ~0.12 em below, in 24 dots
  const int advance = static_cast<int>(slot->advance.x >> 6);
  const int x0 = (g.width - advance) / 2 + slot->bitmap_left;
  const int y0 = baseline - slot->bitmap_top;
  for (unsigned row = 0; row < bm.rows; ++row) {
    for (unsigned col = 0; col < bm.width; ++col) {
      const std::uint8_t v = bm.buffer[static_cast<int>(row) * bm.pitch + static_cast<int>(col)];
      if (v < 110) continue;  // threshold: a thermal dot is on or off
      const int x = x0 + static_cast<int>(col), y = y0 + static_cast<int>(row);
      if (x < 0 || y < 0 || x >= g.width || y >= g.height) continue;
      g.ink[static_cast<std::size_t>(y) * g.width + x] = 1;
    }
  }
  return g;
}

}  // namespace devsim::printer
