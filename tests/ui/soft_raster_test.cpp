// The software rasteriser: exact coverage, no double-blended seams on
// shared edges, glyph sampling from the 8-bit atlas.
#include "kiosk/app/soft_raster.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

namespace {

struct Fixture {
  Fixture() {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(64, 64);
    io.DeltaTime = 1.f / 60.f;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    raster.set_atlas(px, w, h);
    raster.resize(64, 64);
    raster.clear(IM_COL32(0, 0, 0, 255));
  }
  ~Fixture() { ImGui::DestroyContext(ctx); }

  template <class Draw>
  void draw(Draw&& fn) {
    ImGui::NewFrame();
    fn(*ImGui::GetForegroundDrawList());
    ImGui::Render();
    raster.render(*ImGui::GetDrawData());
  }
  std::uint32_t at(int x, int y) const {
    return raster.pixels()[static_cast<std::size_t>(y * 64 + x)];
  }
  int count(std::uint32_t colour) const {
    int n = 0;
    for (std::uint32_t p : raster.pixels()) n += p == colour;
    return n;
  }

  ImGuiContext* ctx;
  kiosk::app::SoftRaster raster;
};

TEST(SoftRaster, FillsARectangleExactly) {
  Fixture f;
  f.draw([](ImDrawList& d) {
    d.AddRectFilled(ImVec2(10, 12), ImVec2(20, 30), IM_COL32(255, 0, 0, 255));
  });
  EXPECT_EQ(f.count(IM_COL32(255, 0, 0, 255)), 10 * 18);
  EXPECT_EQ(f.at(10, 12), IM_COL32(255, 0, 0, 255));
  EXPECT_EQ(f.at(19, 29), IM_COL32(255, 0, 0, 255));
  EXPECT_EQ(f.at(20, 29), IM_COL32(0, 0, 0, 255));
  EXPECT_EQ(f.at(9, 12), IM_COL32(0, 0, 0, 255));
}

TEST(SoftRaster, TranslucentTrianglesSharingAnEdgeBlendEachPixelOnce) {
  Fixture f;
  f.draw([](ImDrawList& d) {
    d.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    // A diagonal square made of two triangles, half-transparent white.
    const ImU32 c = IM_COL32(255, 255, 255, 128);
    d.AddTriangleFilled(ImVec2(5, 5), ImVec2(40, 7), ImVec2(37, 45), c);
    d.AddTriangleFilled(ImVec2(5, 5), ImVec2(37, 45), ImVec2(3, 41), c);
  });
  // Every touched pixel got exactly one blend: a single grey level, no seam.
  int once = 0, other = 0;
  for (std::uint32_t p : f.raster.pixels()) {
    if (p == IM_COL32(0, 0, 0, 255)) continue;
    (p == f.at(20, 25) ? once : other)++;
  }
  EXPECT_GT(once, 1000);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(f.at(20, 25) & 0xFF, 128u);
}

TEST(SoftRaster, DrawsTextFromTheAtlas) {
  Fixture f;
  f.draw([](ImDrawList& d) { d.AddText(ImVec2(2, 2), IM_COL32(255, 255, 255, 255), "H"); });
  int ink = 0;
  for (std::uint32_t p : f.raster.pixels()) ink += (p & 0xFF) > 128;
  EXPECT_GT(ink, 10);
  EXPECT_LT(ink, 13 * 13);
}

TEST(SoftRaster, RespectsTheClipRectangle) {
  Fixture f;
  f.draw([](ImDrawList& d) {
    d.PushClipRect(ImVec2(0, 0), ImVec2(16, 16));
    d.AddRectFilled(ImVec2(0, 0), ImVec2(64, 64), IM_COL32(0, 255, 0, 255));
    d.PopClipRect();
  });
  EXPECT_EQ(f.count(IM_COL32(0, 255, 0, 255)), 16 * 16);
}

}  // namespace
