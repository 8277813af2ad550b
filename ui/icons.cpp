#include "ui/icons.hpp"

#include <array>
#include <cmath>

namespace ui {
namespace {

constexpr float kPi = 3.14159265f;

ImVec2 at(ImVec2 c, float dx, float dy) {
  return ImVec2(c.x + dx, c.y + dy);
}

void id_card(ImDrawList& d, ImVec2 c, float r, ImU32 fg) {
  const float w = r * 1.1f, h = r * 0.72f, t = r * 0.09f;
  d.AddRect(at(c, -w, -h), at(c, w, h), fg, r * 0.12f, 0, t);
  d.AddCircleFilled(at(c, -w * 0.45f, -h * 0.12f), r * 0.22f, fg);
  d.AddRectFilled(at(c, -w * 0.8f, h * 0.3f), at(c, -w * 0.1f, h * 0.55f), fg, r * 0.1f);
  for (int i = 0; i < 3; ++i) {
    const float y = -h * 0.45f + static_cast<float>(i) * h * 0.45f;
    d.AddLine(at(c, w * 0.05f, y), at(c, w * 0.75f, y), fg, t);
  }
}

void calendar(ImDrawList& d, ImVec2 c, float r, ImU32 fg) {
  const float w = r * 0.9f, h = r * 0.85f, t = r * 0.09f;
  d.AddRect(at(c, -w, -h * 0.7f), at(c, w, h), fg, r * 0.1f, 0, t);
  d.AddRectFilled(at(c, -w, -h * 0.7f), at(c, w, -h * 0.25f), fg, r * 0.1f);
  d.AddLine(at(c, -w * 0.5f, -h), at(c, -w * 0.5f, -h * 0.5f), fg, t * 1.3f);
  d.AddLine(at(c, w * 0.5f, -h), at(c, w * 0.5f, -h * 0.5f), fg, t * 1.3f);
  // A tick on the booked day.
  d.AddPolyline(std::array{at(c, -w * 0.4f, h * 0.35f), at(c, -w * 0.1f, h * 0.65f),
                           at(c, w * 0.45f, h * 0.05f)}
                    .data(),
                3, fg, 0, t * 1.2f);
}

void ticket(ImDrawList& d, ImVec2 c, float r, ImU32 fg) {
  const float w = r * 0.7f, h = r * 0.95f, t = r * 0.09f;
  d.AddRect(at(c, -w, -h), at(c, w, h), fg, r * 0.08f, 0, t);
  d.AddRectFilled(at(c, -w * 0.6f, -h * 0.7f), at(c, w * 0.6f, -h * 0.1f), fg, r * 0.06f);
  for (int i = 0; i < 2; ++i) {
    const float y = h * 0.2f + static_cast<float>(i) * h * 0.35f;
    d.AddLine(at(c, -w * 0.6f, y), at(c, w * 0.6f, y), fg, t);
  }
}

void timeline(ImDrawList& d, ImVec2 c, float r, ImU32 fg) {
  const float t = r * 0.09f;
  d.AddLine(at(c, -r * 0.55f, -r * 0.75f), at(c, -r * 0.55f, r * 0.75f), fg, t);
  for (int i = 0; i < 3; ++i) {
    const float y = -r * 0.65f + static_cast<float>(i) * r * 0.65f;
    if (i < 2) {
      d.AddCircleFilled(at(c, -r * 0.55f, y), r * 0.17f, fg);
    } else {
      d.AddCircle(at(c, -r * 0.55f, y), r * 0.17f, fg, 0, t);
    }
    d.AddLine(at(c, -r * 0.2f, y), at(c, r * 0.8f, y), fg, t);
  }
}

void book(ImDrawList& d, ImVec2 c, float r, ImU32 fg) {
  const float w = r * 0.95f, h = r * 0.75f, t = r * 0.09f;
  d.AddQuad(at(c, -w, -h * 0.8f), at(c, 0, -h * 0.6f), at(c, 0, h), at(c, -w, h * 0.8f), fg, t);
  d.AddQuad(at(c, w, -h * 0.8f), at(c, 0, -h * 0.6f), at(c, 0, h), at(c, w, h * 0.8f), fg, t);
  for (int i = 0; i < 3; ++i) {
    const float y = -h * 0.3f + static_cast<float>(i) * h * 0.35f;
    d.AddLine(at(c, -w * 0.75f, y - h * 0.08f), at(c, -w * 0.2f, y), fg, t * 0.8f);
    d.AddLine(at(c, w * 0.2f, y), at(c, w * 0.75f, y - h * 0.08f), fg, t * 0.8f);
  }
}

void star(ImDrawList& d, ImVec2 c, float r, ImU32 fg) {
  ImVec2 pts[10];
  for (int i = 0; i < 10; ++i) {
    const float a = -kPi / 2 + static_cast<float>(i) * kPi / 5;
    const float rr = (i % 2 == 0) ? r * 0.9f : r * 0.38f;
    pts[i] = at(c, std::cos(a) * rr, std::sin(a) * rr);
  }
  // A star is concave but star-shaped around its centre: fill it as a fan,
  // without anti-aliased fringes (they would show as seams inside), then
  // anti-alias the outline alone.
  const ImDrawListFlags flags = d.Flags;
  d.Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (int i = 0; i < 10; ++i) d.AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], fg);
  d.Flags = flags;
  d.AddPolyline(pts, 10, fg, ImDrawFlags_Closed, 1.f);
}

}  // namespace

void draw_flow_icon(ImDrawList& d, core::Flow flow, ImVec2 c, float r, ImU32 fg) {
  switch (flow) {
    case core::Flow::idcard:
      id_card(d, c, r, fg);
      break;
    case core::Flow::appointment:
      calendar(d, c, r, fg);
      break;
    case core::Flow::ticket:
      ticket(d, c, r, fg);
      break;
    case core::Flow::progress:
      timeline(d, c, r, fg);
      break;
    case core::Flow::guide:
      book(d, c, r, fg);
      break;
    case core::Flow::rating:
      star(d, c, r, fg);
      break;
  }
}

void draw_network_icon(ImDrawList& d, core::LinkState state, ImVec2 c, float r, ImU32 fg) {
  const float t = r * 0.16f;
  const ImVec2 base = at(c, 0, r * 0.6f);
  d.AddCircleFilled(base, r * 0.14f, fg);
  for (int i = 1; i <= 3; ++i) {
    d.PathArcTo(base, r * 0.38f * static_cast<float>(i), -kPi * 0.75f, -kPi * 0.25f, 12);
    d.PathStroke(fg, 0, t);
  }
  if (state == core::LinkState::offline) {
    const ImU32 bg = IM_COL32(0x0A, 0x3D, 0x7A, 0xFF);
    d.AddLine(at(c, -r * 0.8f, -r * 0.7f), at(c, r * 0.8f, r * 0.9f), bg, t * 2.2f);
    d.AddLine(at(c, -r * 0.8f, -r * 0.7f), at(c, r * 0.8f, r * 0.9f), fg, t);
  }
}

void draw_state_mark(ImDrawList& d, core::DeviceState state, ImVec2 c, float r, ImU32 fg) {
  const float t = r * 0.2f;
  d.AddCircle(c, r, fg, 0, t * 0.8f);
  switch (state) {
    case core::DeviceState::ok:
      d.AddPolyline(
          std::array{at(c, -r * 0.5f, 0), at(c, -r * 0.12f, r * 0.4f), at(c, r * 0.5f, -r * 0.4f)}
              .data(),
          3, fg, 0, t);
      break;
    case core::DeviceState::fault:
    case core::DeviceState::missing:
    case core::DeviceState::no_paper:
      d.AddLine(at(c, -r * 0.4f, -r * 0.4f), at(c, r * 0.4f, r * 0.4f), fg, t);
      d.AddLine(at(c, -r * 0.4f, r * 0.4f), at(c, r * 0.4f, -r * 0.4f), fg, t);
      break;
    case core::DeviceState::paper_low:
      d.AddLine(at(c, 0, -r * 0.5f), at(c, 0, r * 0.15f), fg, t);
      d.AddCircleFilled(at(c, 0, r * 0.45f), t * 0.6f, fg);
      break;
    case core::DeviceState::unknown:
      d.AddCircleFilled(c, t * 0.7f, fg);
      break;
  }
}

}  // namespace ui
