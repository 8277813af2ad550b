// The rasteriser's fast paths (convex fans as one span per row, spans
// blended two channels at a time) draw the same pixels as its general
// triangle path: the same ImGui draw data is rasterised as ImGui wrote it
// and with every triangle's vertices rotated, which no fast path matches.
#include "kiosk/app/soft_raster.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <vector>

namespace {

constexpr int kSize = 160;

// Float rounding in a different vertex order may move a fringe pixel's
// channel by one step; anything more is a different picture.
bool visibly_different(std::uint32_t a, std::uint32_t b) {
  for (int shift = 0; shift < 32; shift += 8) {
    const int ca = static_cast<int>((a >> shift) & 0xFF),
              cb = static_cast<int>((b >> shift) & 0xFF);
    if (ca - cb > 1 || cb - ca > 1) return true;
  }
  return false;
}

class FastPaths : public ::testing::Test {
 protected:
  FastPaths() {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the test's folder
    io.DisplaySize = ImVec2(kSize, kSize);
    io.DeltaTime = 1.f / 60.f;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    fast_.set_atlas(px, w, h);
    general_.set_atlas(px, w, h);
  }
  ~FastPaths() override { ImGui::DestroyContext(ctx_); }

  // Rasterises `draw` both ways over a grey background; returns how many
  // pixels differ visibly and how many the drawing changed.
  std::pair<int, int> compare(const std::function<void(ImDrawList&)>& draw) {
    ImGui::NewFrame();
    draw(*ImGui::GetForegroundDrawList());
    ImGui::Render();
    ImDrawData* dd = ImGui::GetDrawData();
    const std::uint32_t background = IM_COL32(90, 100, 110, 255);
    fast_.resize(kSize, kSize, background);
    fast_.render(*dd);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
      ImVector<ImDrawIdx>& idx = dd->CmdLists[n]->IdxBuffer;
      for (int i = 0; i + 2 < idx.Size; i += 3) {
        const ImDrawIdx a = idx[i];
        idx[i] = idx[i + 1];
        idx[i + 1] = idx[i + 2];
        idx[i + 2] = a;
      }
    }
    general_.resize(kSize, kSize, background);
    general_.render(*dd);
    int differ = 0, drawn = 0;
    for (std::size_t i = 0; i < fast_.pixels().size(); ++i) {
      differ += visibly_different(fast_.pixels()[i], general_.pixels()[i]);
      drawn += fast_.pixels()[i] != background;
    }
    return {differ, drawn};
  }

  ImGuiContext* ctx_;
  kiosk::app::SoftRaster fast_, general_;
};

TEST_F(FastPaths, RoundedRectanglesMatchTheTrianglePath) {
  auto [differ, drawn] = compare([](ImDrawList& d) {
    d.AddRectFilled(ImVec2(10.f, 12.f), ImVec2(150.f, 90.f), IM_COL32(255, 255, 255, 255), 18.f);
    d.AddRectFilled(ImVec2(20.3f, 40.7f), ImVec2(120.6f, 150.2f), IM_COL32(0, 0, 40, 60), 24.f);
  });
  EXPECT_GT(drawn, 10000);
  EXPECT_EQ(differ, 0);
}

TEST_F(FastPaths, CirclesAndConvexPolygonsMatchTheTrianglePath) {
  auto [differ, drawn] = compare([](ImDrawList& d) {
    d.AddCircleFilled(ImVec2(80.f, 80.f), 61.5f, IM_COL32(30, 144, 255, 255));
    d.AddCircleFilled(ImVec2(50.25f, 60.75f), 30.f, IM_COL32(250, 250, 0, 100), 40);
    const ImVec2 hexagon[] = {{100, 100}, {140, 110}, {150, 140}, {120, 155}, {95, 140}, {90, 120}};
    d.AddConvexPolyFilled(hexagon, 6, IM_COL32(200, 10, 10, 200));
  });
  EXPECT_GT(drawn, 10000);
  EXPECT_EQ(differ, 0);
}

// One channel of `src` with coverage `a` over `dst`, rounded as the
// rasteriser's per-pixel blend rounds it.
unsigned blend_channel(unsigned src, unsigned dst, unsigned a) {
  const unsigned x = src * a + dst * (255 - a);
  return (x + 1 + (x >> 8)) >> 8;
}

TEST_F(FastPaths, TranslucentSpansBlendEachChannelExactly) {
  // Axis-aligned rectangles take the span blend (two channels per word).
  const std::uint32_t bg = IM_COL32(90, 100, 110, 255);
  std::vector<std::uint32_t> colours;
  for (unsigned a = 1; a < 255; a += 9) colours.push_back(IM_COL32(255 - a, a, (a * 7) & 0xFF, a));
  compare([&](ImDrawList& d) {
    d.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (std::size_t i = 0; i < colours.size(); ++i) {
      const float y = static_cast<float>(i) * 5.f;
      d.AddRectFilled(ImVec2(5.f, y), ImVec2(155.f, y + 5.f), colours[i]);
    }
  });
  for (std::size_t i = 0; i < colours.size(); ++i) {
    const std::uint32_t c = colours[i];
    const unsigned a = c >> 24;
    std::uint32_t want = 0xFF000000u;
    for (int shift = 0; shift < 24; shift += 8) {
      want |= blend_channel((c >> shift) & 0xFF, (bg >> shift) & 0xFF, a) << shift;
    }
    const std::size_t y = i * 5 + 2;
    EXPECT_EQ(fast_.pixels()[y * kSize + 80], want) << "alpha " << a;
  }
}

}  // namespace
