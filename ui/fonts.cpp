#include "ui/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <cstdio>

namespace ui {

std::array<float, kFontRoleCount> Fonts::sizes_for(bool elderly) {
  // small, body, heading, title, huge — at 1080 px on the panel's short side.
  constexpr std::array<float, kFontRoleCount> standard{24.f, 30.f, 40.f, 52.f, 72.f};
  constexpr float kElderlyScale = 1.35f;
  auto out = standard;
  if (elderly) {
    for (float& s : out) s = static_cast<float>(static_cast<int>(s * kElderlyScale));
  }
  return out;
}

Fonts::Fonts(FontSource source, const GlyphSet& seed) : source_(source) {
  for (GlyphSet& g : glyphs_) g.merge(seed);
}

std::size_t Fonts::glyph_count() const {
  std::size_t n = 0;
  for (const GlyphSet& g : glyphs_) n += g.size();
  return n;
}

bool Fonts::build(ImFontAtlas& atlas, bool elderly) {
  elderly_ = elderly;
  sizes_ = sizes_for(elderly);
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
  // Before the first frame, one face load stands in for all five: each
  // FreeType face of the CJK collection costs milliseconds to open.
  probing_ = !measured_;
  const std::size_t count = probing_ ? 1 : kFontRoleCount;
  for (std::size_t i = 0; i < count; ++i) {
    ImFontConfig cfg;
    // ImGui only reads the font bytes; the const_cast is for its C-style API.
    cfg.FontData = const_cast<unsigned char*>(source_.data);  // NOLINT
    cfg.FontDataSize = static_cast<int>(source_.size);
    // "Owned" stops AddFont from copying the whole file; we take ownership
    // back right after, so the atlas never frees our mapping.
    cfg.FontDataOwnedByAtlas = true;
    cfg.FontNo = source_.face_index;
    cfg.SizePixels = sizes_[i];
    ranges_[i] = glyphs_[i].imgui_ranges();
    cfg.GlyphRanges = reinterpret_cast<const ImWchar*>(ranges_[i].data());
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    // Headings and larger are emboldened for legibility at a distance.
    if (i >= static_cast<std::size_t>(FontRole::heading)) {
      cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_Bold;
    }
    std::snprintf(cfg.Name, sizeof cfg.Name, "NotoSansCJK-%dpx", static_cast<int>(sizes_[i]));
    fonts_[i] = atlas.AddFont(&cfg);
    atlas.ConfigData.back().FontDataOwnedByAtlas = false;
  }
  for (std::size_t i = count; i < kFontRoleCount; ++i) fonts_[i] = fonts_[0];
  return atlas.Build();
}

}  // namespace ui
