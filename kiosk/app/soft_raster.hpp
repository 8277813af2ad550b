#pragma once
// A software rasteriser for Dear ImGui draw data into an RGBA buffer.
//
// Why not SDL's software renderer: it pushes every ImGui triangle through a
// generic textured-triangle path, ~200 ms for one 1080x1920 home screen on
// this hardware. ImGui's geometry is mostly axis-aligned quads (glyphs,
// rectangles) and thin anti-aliasing fringes, so this one fills quads as
// spans, rasterises triangles row by row, and reads the font atlas as
// 8-bit alpha (a quarter of the RGBA atlas's memory). The same pixels go
// to a screenshot and to the panel, so what tests see is what citizens see.
#include <imgui.h>

#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::app {

class SoftRaster {
 public:
  void resize(int width, int height, std::uint32_t rgba = 0xFF000000u);
  // Copies the font atlas (8-bit alpha) the draw data's UVs refer to.
  void set_atlas(const unsigned char* alpha, int width, int height);
  void clear(std::uint32_t rgba);
  void render(const ImDrawData& draw_data);

  int width() const { return width_; }
  int height() const { return height_; }
  // Pixels as bytes R, G, B, A (ImGui's IM_COL32 layout on little endian).
  std::span<const std::uint32_t> pixels() const { return pixels_; }

 private:
  struct Clip {
    int x0, y0, x1, y1;  // [x0, x1) x [y0, y1)
  };
  void fill_rect(const Clip& clip, float x0, float y0, float x1, float y1, std::uint32_t colour,
                 float u0, float v0, float u1, float v1);
  void fill_triangle(const Clip& clip, const ImDrawVert& a, const ImDrawVert& b,
                     const ImDrawVert& c);
  // A convex polygon of one flat colour, one span per row: ImGui fills
  // rounded rectangles and circles as triangle fans from one vertex, and
  // rasterising the fan's thin triangles one by one costs a row setup per
  // triangle per row. `poly` is in raster coordinates.
  void fill_convex(const Clip& clip, std::span<const ImVec2> poly, std::uint32_t colour,
                   unsigned texel);
  // Length of the fan (triangles sharing their first vertex, each starting
  // on the previous one's last) at idx[i], if it is a convex flat fill.
  unsigned convex_fan(const ImDrawVert* vtx, const ImDrawIdx* idx, unsigned i, unsigned count,
                      ImVec2 origin);
  unsigned sample(float u, float v) const;

  int width_ = 0, height_ = 0;
  std::vector<std::uint32_t> pixels_;
  int atlas_w_ = 0, atlas_h_ = 0;
  std::vector<unsigned char> atlas_;
  std::vector<ImVec2> poly_;            // fill_convex's polygon, reused
  std::vector<float> row_lo_, row_hi_;  // fill_convex's per-row span bounds
};

}  // namespace kiosk::app
