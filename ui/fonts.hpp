#pragma once
// The kiosk's fonts: Noto Sans CJK SC at a few sizes, rasterised by ImGui's
// FreeType builder from one shared, read-only copy of the font file (the app
// maps it; ImGui would otherwise copy 19 MB per size).
//
// Each size holds only the glyphs the screens have drawn at that size (the
// clock's 72 px font holds ten digits and a colon, not the hall name), so
// the atlas is rasterised from a few hundred glyphs, not thousands. Text
// that arrives later (a name read from an ID card, 堃 or 䶮) extends it.
#include "ui/glyph_set.hpp"

#include <array>
#include <cstddef>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace ui {

enum class FontRole { small, body, heading, title, huge };
inline constexpr std::size_t kFontRoleCount = 5;

// Font bytes owned by the caller for the lifetime of every atlas built from
// them (e.g. an mmap of NotoSansCJK-Regular.ttc, face 2 = Simplified Chinese).
struct FontSource {
  const unsigned char* data = nullptr;
  std::size_t size = 0;
  int face_index = 0;
};

class Fonts {
 public:
  // `seed` is added to every size (e.g. the common set).
  Fonts(FontSource source, const GlyphSet& seed);

  // (Re)builds `atlas` for the current glyph sets and mode. The caller then
  // re-uploads the atlas texture. False if FreeType failed.
  bool build(ImFontAtlas& atlas, bool elderly);

  // Adds glyphs a frame could not draw at `role`; true if the atlas must be
  // rebuilt. Glyphs already asked for (and absent from the font) add nothing.
  bool add_glyphs(FontRole role, const GlyphSet& missing) {
    measured_ = true;
    return glyphs_[static_cast<std::size_t>(role)].merge(missing) > 0;
  }

  // True after a build made before any frame told which glyphs each size
  // needs: that build is a probe (one small font standing in for every
  // size, cheap to make) and must be followed by a real one.
  bool probing() const { return probing_; }

  ImFont* font(FontRole role) const { return fonts_[static_cast<std::size_t>(role)]; }
  float size(FontRole role) const { return sizes_[static_cast<std::size_t>(role)]; }
  bool elderly() const { return elderly_; }
  const GlyphSet& glyphs(FontRole role) const { return glyphs_[static_cast<std::size_t>(role)]; }
  std::size_t glyph_count() const;

  // Pixel sizes of each role; elderly mode enlarges everything (适老化).
  static std::array<float, kFontRoleCount> sizes_for(bool elderly);

 private:
  FontSource source_;
  std::array<GlyphSet, kFontRoleCount> glyphs_;
  std::array<std::vector<std::uint16_t>, kFontRoleCount> ranges_;  // must outlive the atlas
  std::array<ImFont*, kFontRoleCount> fonts_{};
  std::array<float, kFontRoleCount> sizes_{};
  bool elderly_ = false;
  bool measured_ = false;
  bool probing_ = false;
};

}  // namespace ui
