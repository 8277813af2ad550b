// Text that arrives at run time, such as a name read from an ID card with a
// rare character, must render with its real glyph, never the missing-glyph
// box: the atlas grows to hold it.
#include "tests/ui/ui_harness.hpp"
#include "ui/canvas.hpp"

#include <gtest/gtest.h>

#include <imgui.h>

namespace {

constexpr const char* kRareNames = "张堃 李喆 王赟 刘龑 䶮";
constexpr std::u16string_view kRare = u"堃喆赟龑䶮";

core::Texts texts_with_hall(const std::string& hall) {
  return core::Texts({{"hall.name", core::Text{hall, "Hall"}}});
}

// Ink pixels of one glyph in the atlas, as a signature of its shape.
std::vector<unsigned char> glyph_pixels(const ImFontGlyph& g, const unsigned char* atlas, int w) {
  std::vector<unsigned char> out;
  const int x0 = static_cast<int>(g.U0 * static_cast<float>(w) + 0.5f);
  const int x1 = static_cast<int>(g.U1 * static_cast<float>(w) + 0.5f);
  const int y0 =
      static_cast<int>(g.V0 * static_cast<float>(ImGui::GetIO().Fonts->TexHeight) + 0.5f);
  const int y1 =
      static_cast<int>(g.V1 * static_cast<float>(ImGui::GetIO().Fonts->TexHeight) + 0.5f);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) out.push_back(atlas[y * w + x]);
  }
  return out;
}

TEST(RareGlyphs, RunTimeTextExtendsTheAtlasAndNeverFallsBackToTheBox) {
  test::UiHarness ui;
  core::State state = core::initial_state(core::Settings{});
  // The hall name is drawn in the header: put the rare names there.
  const auto texts = texts_with_hall(kRareNames);
  int builds = 0;
  const auto frame = ui.frame(state, texts, ImVec2(1080, 1920), &builds);
  EXPECT_GE(builds, 1) << "the first frame met glyphs the atlas did not have";
  EXPECT_TRUE(frame.complete());

  const ui::Fonts& fonts = ui.renderer().fonts();
  ImFont* title = fonts.font(ui::FontRole::title);
  ASSERT_NE(title, nullptr);
  // Rebuild with pixels kept, to compare glyph shapes.
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
  ASSERT_NE(pixels, nullptr);

  const ImFontGlyph* fallback = title->FallbackGlyph;
  for (char16_t cp : kRare) {
    const ImFontGlyph* g = title->FindGlyphNoFallback(static_cast<ImWchar>(cp));
    ASSERT_NE(g, nullptr) << "U+" << std::hex << static_cast<int>(cp) << " not in the atlas";
    EXPECT_NE(g, fallback);
    EXPECT_TRUE(g->Visible);
    const auto ink = glyph_pixels(*g, pixels, w);
    int dark = 0;
    for (unsigned char a : ink) dark += a > 128;
    EXPECT_GT(dark, 40) << "U+" << std::hex << static_cast<int>(cp) << " has no ink";
    if (fallback != nullptr) {
      EXPECT_NE(ink, glyph_pixels(*fallback, pixels, w));
    }
  }
  // Every pair of rare glyphs differs: none is a shared placeholder shape.
  for (std::size_t i = 0; i < kRare.size(); ++i) {
    for (std::size_t j = i + 1; j < kRare.size(); ++j) {
      EXPECT_NE(glyph_pixels(*title->FindGlyph(static_cast<ImWchar>(kRare[i])), pixels, w),
                glyph_pixels(*title->FindGlyph(static_cast<ImWchar>(kRare[j])), pixels, w));
    }
  }
}

TEST(RareGlyphs, AFrameWithKnownGlyphsNeedsNoRebuild) {
  test::UiHarness ui;
  const core::State state = core::initial_state(core::Settings{});
  const auto texts = texts_with_hall("市政务服务中心");
  ui.frame(state, texts, ImVec2(1080, 1920));
  int builds = -1;
  ui.frame(state, texts, ImVec2(1080, 1920), &builds);
  EXPECT_EQ(builds, 0);
}

TEST(RareGlyphs, EachFontSizeHoldsOnlyWhatItDrew) {
  test::UiHarness ui;
  const core::State state = core::initial_state(core::Settings{});
  ui.frame(state, texts_with_hall("大厅"), ImVec2(1080, 1920));
  const auto& huge = ui.renderer().fonts().glyphs(ui::FontRole::huge);
  // The clock: digits and a colon (plus the fallback seed), not the hall name.
  EXPECT_FALSE(huge.contains(U'大'));
  EXPECT_TRUE(huge.contains(U':'));
  EXPECT_LE(huge.size(), 13u);
}

TEST(RareGlyphs, CharactersBeyondTheFontAreDroppedWithoutLooping) {
  test::UiHarness ui;
  const core::State state = core::initial_state(core::Settings{});
  // U+E000 is private use: Noto has no glyph; the frame still completes.
  int builds = 0;
  const auto frame = ui.frame(state, texts_with_hall("\xee\x80\x80"), ImVec2(1080, 1920), &builds);
  EXPECT_LE(builds, 2);
  (void)frame;
}

}  // namespace
