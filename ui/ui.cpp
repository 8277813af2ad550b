#include "ui/ui.hpp"

#include "ui/screen_context.hpp"

namespace ui {

bool touch_target(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
                  bool* pressed) {
  ctx.targets.push_back(TouchTarget{id, min, max});
  ImGui::SetCursorScreenPos(min);
  const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(max.x - min.x, max.y - min.y));
  if (pressed != nullptr) *pressed = ImGui::IsItemActive();
  return clicked;
}

std::string with_number(std::string_view text, int n) {
  std::string out(text);
  if (auto pos = out.find("{n}"); pos != std::string::npos) out.replace(pos, 3, std::to_string(n));
  return out;
}

bool draw_button(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
                 std::string_view text_id, ImU32 fill, ImU32 text_colour) {
  bool pressed = false;
  const bool clicked = touch_target(ctx, id, min, max, &pressed);
  auto& d = ctx.canvas.draw();
  d.AddRectFilled(min, max, fill, ctx.theme().rounding);
  if (pressed) d.AddRectFilled(min, max, IM_COL32(0, 0, 0, 0x30), ctx.theme().rounding);
  const float cx = (min.x + max.x) * 0.5f;
  const float room = (max.x - min.x) - ctx.u(16.f);
  const FontRole r1 = ctx.canvas.fit(FontRole::heading, ctx.primary(text_id), room);
  const float h1 = ctx.canvas.measure(r1, ctx.primary(text_id)).y;
  const float h2 = ctx.canvas.measure(FontRole::small, ctx.secondary(text_id)).y;
  float y = (min.y + max.y - h1 - h2) * 0.5f;
  y += ctx.canvas.text_centered(r1, cx, y, text_colour, ctx.primary(text_id)).y;
  ctx.canvas.text_centered(FontRole::small, cx, y, text_colour, ctx.secondary(text_id));
  return clicked;
}

FrameResult draw_frame(const core::State& state, const core::Texts& texts, const Fonts& fonts,
                       ImVec2 display) {
  FrameResult result;
  const Theme theme = make_theme(display, state.elderly);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.background);
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse);

  Canvas canvas(*ImGui::GetWindowDrawList(), fonts, theme, result.missing_glyphs, result.texts);
  ScreenContext ctx{state, texts, canvas, result.events, result.targets, display};
  const float top = draw_header(ctx);
  switch (state.screen) {
    case core::Screen::home:
      draw_home(ctx, top);
      break;
    case core::Screen::identify:
      draw_identify(ctx, top);
      break;
    default:
      draw_flow_screen(ctx, top);  // ui/screens/flow_screens.cpp
      break;
  }
  if (core::inactivity_warning_shown(state)) draw_inactivity_warning(ctx);

  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  return result;
}

const TouchTarget* FrameResult::target(std::string_view id) const {
  for (const TouchTarget& t : targets) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

bool FrameResult::shows_text(std::string_view text) const {
  for (const std::string& t : texts) {
    if (t.find(text) != std::string::npos) return true;
  }
  return false;
}

bool FrameResult::complete() const {
  for (const GlyphSet& g : missing_glyphs) {
    if (!g.empty()) return false;
  }
  return true;
}

}  // namespace ui
