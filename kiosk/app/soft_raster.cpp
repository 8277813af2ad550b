#include "kiosk/app/soft_raster.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>

namespace kiosk::app {
namespace {

inline unsigned div255(unsigned x) {
  return (x + 1 + (x >> 8)) >> 8;
}

// Four pixels' bytes, and the same widened to 16 bits per channel (GCC
// vector extensions: SSE2 on x86-64, NEON on ARM, plain code elsewhere).
typedef std::uint8_t Bytes16 __attribute__((vector_size(16)));
typedef std::uint16_t Words16 __attribute__((vector_size(32)));

// Blends one colour with coverage a (0..255) over n pixels, with the same
// rounding per channel as blend() below, four pixels at a time.
inline void blend_span(std::uint32_t* dst, int n, unsigned r, unsigned g, unsigned b, unsigned a) {
  if (a == 0 || n <= 0) return;
  if (a >= 255) {
    std::fill_n(dst, n, r | (g << 8) | (b << 16) | 0xFF000000u);
    return;
  }
  const unsigned na = 255 - a;
  Words16 src;
  for (int i = 0; i < 16; i += 4) {
    src[i] = static_cast<std::uint16_t>(r * a);
    src[i + 1] = static_cast<std::uint16_t>(g * a);
    src[i + 2] = static_cast<std::uint16_t>(b * a);
    src[i + 3] = 0;
  }
  const Words16 keep = Words16{} + static_cast<std::uint16_t>(na);
  const Bytes16 opaque = std::bit_cast<Bytes16>(
      std::array<std::uint32_t, 4>{0xFF000000u, 0xFF000000u, 0xFF000000u, 0xFF000000u});
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    Bytes16 d;
    std::memcpy(&d, dst + i, sizeof d);
    Words16 x = __builtin_convertvector(d, Words16) * keep + src;
    x = (x + 1 + (x >> 8)) >> 8;
    const Bytes16 out = __builtin_convertvector(x, Bytes16) | opaque;
    std::memcpy(dst + i, &out, sizeof out);
  }
  for (; i < n; ++i) {
    const std::uint32_t d = dst[i];
    unsigned out = 0xFF000000u;
    const unsigned channel[3] = {r, g, b};
    for (int k = 0; k < 3; ++k) {
      const unsigned x = channel[k] * a + ((d >> (8 * k)) & 0xFF) * na;
      out |= ((x + 1 + (x >> 8)) >> 8) << (8 * k);
    }
    dst[i] = out;
  }
}

// Blends colour (r, g, b) with coverage a (0..255) over *dst.
inline void blend(std::uint32_t* dst, unsigned r, unsigned g, unsigned b, unsigned a) {
  if (a == 0) return;
  if (a >= 255) {
    *dst = r | (g << 8) | (b << 16) | 0xFF000000u;
    return;
  }
  const std::uint32_t d = *dst;
  const unsigned na = 255 - a;
  const unsigned dr = d & 0xFF, dg = (d >> 8) & 0xFF, db = (d >> 16) & 0xFF;
  *dst = div255(r * a + dr * na) | (div255(g * a + dg * na) << 8) |
         (div255(b * a + db * na) << 16) | 0xFF000000u;
}

// First pixel whose centre is at or right of x.
inline int first_pixel(float x) {
  return static_cast<int>(std::ceil(x - 0.5f));
}

// An edge's line A*x + B*y + C = 0, computed from its endpoints in a fixed
// order so the two triangles sharing an edge get bit-identical bounds (no
// gaps, no double-blended seams).
struct Edge {
  float a, b, c;
};
struct RowEdge {  // an edge prepared for per-row span bounds
  float neg_b_over_a, neg_c_over_a, b, c;
  int kind;  // +1 left bound, -1 right bound, 0 horizontal
};
Edge make_edge(ImVec2 p, ImVec2 q) {
  if (q.x < p.x || (q.x == p.x && q.y < p.y)) std::swap(p, q);
  return Edge{p.y - q.y, q.x - p.x, p.x * q.y - q.x * p.y};
}

}  // namespace

void SoftRaster::resize(int width, int height, std::uint32_t rgba) {
  width_ = width;
  height_ = height;
  pixels_.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), rgba);
}

void SoftRaster::set_atlas(const unsigned char* alpha, int width, int height) {
  atlas_w_ = width;
  atlas_h_ = height;
  atlas_.assign(alpha, alpha + static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
}

void SoftRaster::clear(std::uint32_t rgba) {
  std::fill(pixels_.begin(), pixels_.end(), rgba);
}

unsigned SoftRaster::sample(float u, float v) const {
  if (atlas_.empty()) return 255;
  const int x = std::clamp(static_cast<int>(u * static_cast<float>(atlas_w_)), 0, atlas_w_ - 1);
  const int y = std::clamp(static_cast<int>(v * static_cast<float>(atlas_h_)), 0, atlas_h_ - 1);
  return atlas_[static_cast<std::size_t>(y) * static_cast<std::size_t>(atlas_w_) +
                static_cast<std::size_t>(x)];
}

void SoftRaster::fill_rect(const Clip& clip, float x0, float y0, float x1, float y1,
                           std::uint32_t colour, float u0, float v0, float u1, float v1) {
  const int px0 = std::max(first_pixel(std::min(x0, x1)), clip.x0);
  const int px1 = std::min(first_pixel(std::max(x0, x1)), clip.x1);
  const int py0 = std::max(first_pixel(std::min(y0, y1)), clip.y0);
  const int py1 = std::min(first_pixel(std::max(y0, y1)), clip.y1);
  if (px0 >= px1 || py0 >= py1) return;
  const unsigned r = colour & 0xFF, g = (colour >> 8) & 0xFF, b = (colour >> 16) & 0xFF;
  const unsigned a = colour >> 24;
  const bool textured = (u0 != u1) || (v0 != v1);
  if (!textured) {
    const unsigned cov = div255(a * sample(u0, v0));
    for (int y = py0; y < py1; ++y) {
      std::uint32_t* row =
          pixels_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width_);
      blend_span(row + px0, px1 - px0, r, g, b, cov);
    }
    return;
  }
  // Glyph quads sit 1:1 on the atlas: nearest texel at each pixel centre.
  const float du = (u1 - u0) / (x1 - x0), dv = (v1 - v0) / (y1 - y0);
  const auto texel_x = [&](int x) {
    const float u = u0 + (static_cast<float>(x) + 0.5f - x0) * du;
    return std::clamp(static_cast<int>(u * static_cast<float>(atlas_w_)), 0, atlas_w_ - 1);
  };
  // Glyphs are placed on whole pixels at the atlas's own scale: then the
  // texel steps by one per pixel and needs no per-pixel arithmetic.
  const bool one_to_one = texel_x(px1 - 1) - texel_x(px0) == px1 - 1 - px0 &&
                          std::abs(du * static_cast<float>(atlas_w_) - 1.f) < 1e-3f;
  for (int y = py0; y < py1; ++y) {
    std::uint32_t* row =
        pixels_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width_);
    const float v = v0 + (static_cast<float>(y) + 0.5f - y0) * dv;
    const int ty = std::clamp(static_cast<int>(v * static_cast<float>(atlas_h_)), 0, atlas_h_ - 1);
    const unsigned char* trow =
        atlas_.data() + static_cast<std::size_t>(ty) * static_cast<std::size_t>(atlas_w_);
    for (int x = px0; x < px1; ++x) {
      const int tx = texel_x(x);
      if (one_to_one) {
        // The rest of the row steps one texel per pixel.
        for (int k = 0; x + k < px1; ++k) blend(row + x + k, r, g, b, div255(a * trow[tx + k]));
        break;
      }
      blend(row + x, r, g, b, div255(a * trow[tx]));
    }
  }
}

void SoftRaster::fill_triangle(const Clip& clip, const ImDrawVert& v0, const ImDrawVert& v1,
                               const ImDrawVert& v2) {
  const ImDrawVert* v[3] = {&v0, &v1, &v2};
  // Edge i is opposite vertex i; its sign is set so the inside is positive.
  Edge e[3] = {make_edge(v1.pos, v2.pos), make_edge(v2.pos, v0.pos), make_edge(v0.pos, v1.pos)};
  float d[3];
  for (int i = 0; i < 3; ++i) {
    d[i] = e[i].a * v[i]->pos.x + e[i].b * v[i]->pos.y + e[i].c;
    if (d[i] == 0.f) return;  // degenerate
    if (d[i] < 0.f) {
      e[i] = Edge{-e[i].a, -e[i].b, -e[i].c};
      d[i] = -d[i];
    }
  }
  const float min_y = std::min({v0.pos.y, v1.pos.y, v2.pos.y});
  const float max_y = std::max({v0.pos.y, v1.pos.y, v2.pos.y});
  const float min_x = std::min({v0.pos.x, v1.pos.x, v2.pos.x});
  const float max_x = std::max({v0.pos.x, v1.pos.x, v2.pos.x});
  const int py0 = std::max(first_pixel(min_y), clip.y0);
  const int py1 = std::min(first_pixel(max_y) + 1, clip.y1);
  const int bx0 = std::max(first_pixel(min_x), clip.x0);
  const int bx1 = std::min(first_pixel(max_x) + 1, clip.x1);
  if (py0 >= py1 || bx0 >= bx1) return;

  RowEdge re[3];
  for (int i = 0; i < 3; ++i) {
    const Edge& ed = e[i];
    re[i].kind = ed.a > 0.f ? 1 : (ed.a < 0.f ? -1 : 0);
    re[i].neg_b_over_a = re[i].kind != 0 ? -ed.b / ed.a : 0.f;
    re[i].neg_c_over_a = re[i].kind != 0 ? -ed.c / ed.a : 0.f;
    re[i].b = ed.b;
    re[i].c = ed.c;
  }
  const bool flat = v0.col == v1.col && v1.col == v2.col && v0.uv.x == v1.uv.x &&
                    v1.uv.x == v2.uv.x && v0.uv.y == v1.uv.y && v1.uv.y == v2.uv.y;
  const unsigned fr = v0.col & 0xFF, fg = (v0.col >> 8) & 0xFF, fb = (v0.col >> 16) & 0xFF;
  const unsigned fa = flat ? div255((v0.col >> 24) * sample(v0.uv.x, v0.uv.y)) : 0;
  // Anti-aliasing fringes and strokes: the colour varies, the texel (the
  // atlas's white pixel) does not. Each channel is then a plane over the
  // triangle, evaluated per pixel without the barycentric divisions.
  const bool one_texel =
      v0.uv.x == v1.uv.x && v1.uv.x == v2.uv.x && v0.uv.y == v1.uv.y && v1.uv.y == v2.uv.y;
  const unsigned texel = one_texel ? sample(v0.uv.x, v0.uv.y) : 0;
  float plane[4][3] = {};  // channel k = plane[k][0] * x + plane[k][1] * y + plane[k][2]
  if (one_texel) {
    for (int i = 0; i < 3; ++i) {
      const float inv = 1.f / d[i];
      for (int k = 0; k < 4; ++k) {
        const float c = static_cast<float>((v[i]->col >> (8 * k)) & 0xFF) * inv;
        plane[k][0] += c * e[i].a;
        plane[k][1] += c * e[i].b;
        plane[k][2] += c * e[i].c;
      }
    }
  }

  for (int y = py0; y < py1; ++y) {
    const float cy = static_cast<float>(y) + 0.5f;
    // Intersect the three half-planes on this row. Left bounds include the
    // pixel centre on the edge, right bounds exclude it.
    float lo = -1e30f, hi = 1e30f;
    bool empty = false;
    for (const RowEdge& ed : re) {
      if (ed.kind > 0) {
        lo = std::max(lo, ed.neg_b_over_a * cy + ed.neg_c_over_a);
      } else if (ed.kind < 0) {
        hi = std::min(hi, ed.neg_b_over_a * cy + ed.neg_c_over_a);
      } else {
        const float k = ed.b * cy + ed.c;
        if (k < 0.f || (k == 0.f && ed.b <= 0.f)) empty = true;
      }
    }
    if (empty) continue;
    const int x0 = std::max(lo <= -1e29f ? bx0 : first_pixel(lo), bx0);
    const int x1 = std::min(hi >= 1e29f ? bx1 : first_pixel(hi), bx1);
    if (x0 >= x1) continue;
    std::uint32_t* row =
        pixels_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width_);
    if (flat) {
      blend_span(row + x0, x1 - x0, fr, fg, fb, fa);
      continue;
    }
    if (one_texel) {
      float base[4];
      for (int k = 0; k < 4; ++k) base[k] = plane[k][1] * cy + plane[k][2];
      for (int x = x0; x < x1; ++x) {
        const float cx = static_cast<float>(x) + 0.5f;
        unsigned ch[4];
        for (int k = 0; k < 4; ++k) {
          ch[k] = static_cast<unsigned>(std::clamp(plane[k][0] * cx + base[k], 0.f, 255.f));
        }
        blend(row + x, ch[0], ch[1], ch[2], div255(ch[3] * texel));
      }
      continue;
    }
    for (int x = x0; x < x1; ++x) {
      const float cx = static_cast<float>(x) + 0.5f;
      float w[3];
      for (int i = 0; i < 3; ++i) w[i] = std::max(0.f, (e[i].a * cx + e[i].b * cy + e[i].c) / d[i]);
      float ch[4] = {0, 0, 0, 0};
      float u = 0, vv = 0;
      for (int i = 0; i < 3; ++i) {
        const ImU32 c = v[i]->col;
        for (int k = 0; k < 4; ++k) ch[k] += w[i] * static_cast<float>((c >> (8 * k)) & 0xFF);
        u += w[i] * v[i]->uv.x;
        vv += w[i] * v[i]->uv.y;
      }
      const unsigned a = div255(static_cast<unsigned>(std::min(ch[3], 255.f)) * sample(u, vv));
      blend(row + x, static_cast<unsigned>(std::min(ch[0], 255.f)),
            static_cast<unsigned>(std::min(ch[1], 255.f)),
            static_cast<unsigned>(std::min(ch[2], 255.f)), a);
    }
  }
}

unsigned SoftRaster::convex_fan(const ImDrawVert* vtx, const ImDrawIdx* idx, unsigned i,
                                unsigned count, ImVec2 origin) {
  const ImDrawVert& hub = vtx[idx[i]];
  const auto same_fill = [&hub](const ImDrawVert& p) {
    return p.col == hub.col && p.uv.x == hub.uv.x && p.uv.y == hub.uv.y;
  };
  if (!same_fill(vtx[idx[i + 1]]) || !same_fill(vtx[idx[i + 2]])) return 0;
  // The fan goes on while triangles share the hub, chain, and keep the
  // fill (ImGui's anti-aliasing fringe starts on the hub too).
  unsigned end = i + 3;
  while (end + 2 < count && idx[end] == idx[i] && idx[end + 1] == idx[end - 1] &&
         same_fill(vtx[idx[end + 2]])) {
    end += 3;
  }
  const unsigned triangles = (end - i) / 3;
  if (triangles < 3) return 0;
  poly_.clear();
  poly_.push_back(ImVec2(hub.pos.x - origin.x, hub.pos.y - origin.y));
  for (unsigned k = i; k < end; k += 3) {
    const ImDrawVert& p = vtx[idx[k + 1]];
    poly_.push_back(ImVec2(p.pos.x - origin.x, p.pos.y - origin.y));
  }
  const ImDrawVert& last = vtx[idx[end - 1]];
  poly_.push_back(ImVec2(last.pos.x - origin.x, last.pos.y - origin.y));
  // Convex: every corner turns the same way (collinear points are fine).
  const std::size_t n = poly_.size();
  int sign = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const ImVec2 a = poly_[k], b = poly_[(k + 1) % n], c = poly_[(k + 2) % n];
    const float ux = b.x - a.x, uy = b.y - a.y, wx = c.x - b.x, wy = c.y - b.y;
    const float cross = ux * wy - uy * wx;
    // Arc points are computed in float: a straight run may bend by a hair.
    const float tolerance = 1e-4f * (std::abs(ux) + std::abs(uy)) * (std::abs(wx) + std::abs(wy));
    const int s = cross > tolerance ? 1 : (cross < -tolerance ? -1 : 0);
    if (s == 0) continue;
    if (sign == 0) sign = s;
    if (s != sign) return 0;
  }
  if (sign == 0) poly_.clear();  // no area: nothing to draw
  return triangles * 3;
}

void SoftRaster::fill_convex(const Clip& clip, std::span<const ImVec2> poly, std::uint32_t colour,
                             unsigned texel) {
  if (poly.size() < 3) return;
  float min_y = poly[0].y, max_y = poly[0].y;
  for (const ImVec2& p : poly) {
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  // Rows whose centre lies in [min_y, max_y]: ImGui's anti-aliased fills
  // put the fill's edges half a pixel inside the shape, often exactly on
  // pixel centres, and those rows belong to the shape.
  const auto last_row = [](float y) { return static_cast<int>(std::floor(y - 0.5f)); };
  const int py0 = std::max(first_pixel(min_y), clip.y0);
  const int py1 = std::min(last_row(max_y) + 1, clip.y1);
  if (py0 >= py1) return;
  const std::size_t rows = static_cast<std::size_t>(py1 - py0);
  row_lo_.assign(rows, -1e30f);
  row_hi_.assign(rows, 1e30f);
  // Any point inside tells each edge which side is in: the vertices' mean.
  ImVec2 centre(0.f, 0.f);
  for (const ImVec2& p : poly) {
    centre.x += p.x;
    centre.y += p.y;
  }
  centre.x /= static_cast<float>(poly.size());
  centre.y /= static_cast<float>(poly.size());
  for (std::size_t k = 0; k < poly.size(); ++k) {
    const ImVec2 a = poly[k], b = poly[(k + 1) % poly.size()];
    Edge e = make_edge(a, b);
    if (e.a * centre.x + e.b * centre.y + e.c < 0.f) e = Edge{-e.a, -e.b, -e.c};
    if (e.a == 0.f) continue;  // horizontal: the row range already bounds it
    const float k_b = -e.b / e.a, k_c = -e.c / e.a;
    const int ey0 = std::max(first_pixel(std::min(a.y, b.y)), py0);
    const int ey1 = std::min(last_row(std::max(a.y, b.y)) + 1, py1);
    for (int y = ey0; y < ey1; ++y) {
      const float x = k_b * (static_cast<float>(y) + 0.5f) + k_c;
      const std::size_t r = static_cast<std::size_t>(y - py0);
      if (e.a > 0.f) {
        row_lo_[r] = std::max(row_lo_[r], x);
      } else {
        row_hi_[r] = std::min(row_hi_[r], x);
      }
    }
  }
  const unsigned cr = colour & 0xFF, cg = (colour >> 8) & 0xFF, cb = (colour >> 16) & 0xFF;
  const unsigned ca = div255((colour >> 24) * texel);
  for (int y = py0; y < py1; ++y) {
    const std::size_t r = static_cast<std::size_t>(y - py0);
    if (row_lo_[r] <= -1e29f || row_hi_[r] >= 1e29f) continue;
    const int x0 = std::max(first_pixel(row_lo_[r]), clip.x0);
    const int x1 = std::min(first_pixel(row_hi_[r]), clip.x1);
    if (x0 >= x1) continue;
    blend_span(pixels_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + x0,
               x1 - x0, cr, cg, cb, ca);
  }
}

void SoftRaster::render(const ImDrawData& dd) {
  const ImVec2 origin = dd.DisplayPos;
  for (int n = 0; n < dd.CmdListsCount; ++n) {
    const ImDrawList* list = dd.CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;  // the kiosk uses none
      const Clip clip{std::max(0, static_cast<int>(cmd.ClipRect.x - origin.x)),
                      std::max(0, static_cast<int>(cmd.ClipRect.y - origin.y)),
                      std::min(width_, static_cast<int>(std::ceil(cmd.ClipRect.z - origin.x))),
                      std::min(height_, static_cast<int>(std::ceil(cmd.ClipRect.w - origin.y)))};
      if (clip.x0 >= clip.x1 || clip.y0 >= clip.y1) continue;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      for (unsigned i = 0; i + 2 < cmd.ElemCount;) {
        // ImGui writes rectangles as quads (a,b,c)(a,c,d): fill those directly.
        if (i + 5 < cmd.ElemCount && idx[i + 3] == idx[i] && idx[i + 4] == idx[i + 2]) {
          const ImDrawVert& a = vtx[idx[i]];
          const ImDrawVert& b = vtx[idx[i + 1]];
          const ImDrawVert& c = vtx[idx[i + 2]];
          const ImDrawVert& dv = vtx[idx[i + 5]];
          const bool axis = (a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == dv.pos.y &&
                             dv.pos.x == a.pos.x) ||
                            (a.pos.x == b.pos.x && b.pos.y == c.pos.y && c.pos.x == dv.pos.x &&
                             dv.pos.y == a.pos.y);
          if (axis && a.col == b.col && a.col == c.col && a.col == dv.col) {
            fill_rect(clip, a.pos.x - origin.x, a.pos.y - origin.y, c.pos.x - origin.x,
                      c.pos.y - origin.y, a.col, a.uv.x, a.uv.y, c.uv.x, c.uv.y);
            i += 6;
            continue;
          }
        }
        if (const unsigned used = convex_fan(vtx, idx, i, cmd.ElemCount, origin); used > 0) {
          const ImDrawVert& hub = vtx[idx[i]];
          fill_convex(clip, poly_, hub.col, sample(hub.uv.x, hub.uv.y));
          i += used;
          continue;
        }
        ImDrawVert t[3] = {vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]]};
        for (ImDrawVert& p : t) {
          p.pos.x -= origin.x;
          p.pos.y -= origin.y;
        }
        fill_triangle(clip, t[0], t[1], t[2]);
        i += 3;
      }
    }
  }
}

}  // namespace kiosk::app
