// One item's guide, everything in one place (一次告知): conditions,
// materials, time limits, fee, window, and the "at most one trip" badge.
// It can be printed.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>
#include <cstdio>

namespace ui {
namespace {

// Lays out sections top to bottom, a page at a time: what does not fit on
// one page goes on the next (nothing is dropped), and only page `shown` is
// drawn. A heading never ends a page alone.
struct Column {
  ScreenContext& ctx;
  float top;
  float bottom;
  int shown = 0;
  float y = top;
  int page = 0;

  // Room for `h` on this page, else the next page starts.
  void fit(float h) {
    if (y + h > bottom && y > top) {
      ++page;
      y = top;
    }
  }
  bool visible() const { return page == shown; }
  void heading(std::string_view text_id) {
    const float h = ctx.canvas.measure(FontRole::heading, ctx.primary(text_id)).y + ctx.u(10.f);
    const float first_line = ctx.canvas.measure(FontRole::body, "A").y;
    fit(h + first_line);
    y += ctx.u(10.f);
    if (visible()) {
      ctx.canvas.text(FontRole::heading, ImVec2(page_pad(ctx), y), ctx.theme().accent[0],
                      ctx.primary(text_id));
    }
    y += h - ctx.u(10.f);
  }
  void line(std::string_view text, ImU32 colour) {
    const float wrap = ctx.display.x - 3 * page_pad(ctx);
    const float h = ctx.canvas.measure(FontRole::body, text, wrap).y;
    fit(h);
    if (visible())
      ctx.canvas.text(FontRole::body, ImVec2(page_pad(ctx) * 1.5f, y), colour, text, wrap);
    y += h;
  }
};

std::string fee_line(const ScreenContext& ctx, const core::GuideItem& item) {
  if (!item.fee_charged) return ctx.primary("guide.fee.free");
  char amount[32];
  std::snprintf(amount, sizeof amount, "%.2f", item.fee_yuan);
  std::string out = ctx.primary("guide.fee.yuan");
  if (auto pos = out.find("{n}"); pos != std::string::npos) out.replace(pos, 3, amount);
  if (ctx.state.lang == core::Lang::zh && !item.fee_basis_zh.empty()) {
    out += "（" + item.fee_basis_zh + "）";
  }
  return out;
}

void draw_badge(ScreenContext& ctx, float y, const core::GuideItem& item) {
  if (item.trips != "zero" && item.trips != "one") return;
  const Theme& t = ctx.theme();
  const std::string& text =
      ctx.primary(item.trips == "zero" ? "guide.trips.zero" : "guide.trips.one");
  const ImVec2 size = ctx.canvas.measure(FontRole::body, text);
  const float cx = ctx.display.x * 0.5f;
  const ImVec2 min(cx - size.x * 0.5f - ctx.u(20.f), y);
  ctx.canvas.draw().AddRectFilled(
      min, ImVec2(cx + size.x * 0.5f + ctx.u(20.f), y + size.y + ctx.u(12.f)), t.ok, size.y);
  ctx.canvas.text_centered(FontRole::body, cx, y + ctx.u(6.f), IM_COL32_WHITE, text);
}

}  // namespace

void draw_guide_item(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  const core::GuideItem* item = core::find_item(s.catalogue, s.guide.item_code);
  if (item == nullptr) {
    if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
    return;
  }
  auto& cv = ctx.canvas;
  const float cx = ctx.display.x * 0.5f;
  float y = top + ctx.u(ctx.portrait() ? 30.f : 14.f);
  const std::string& name = in_lang(ctx, item->name_zh, item->name_en);
  y += cv.text_centered(cv.fit(FontRole::title, name, ctx.display.x * 0.9f), cx, y, t.text, name).y;
  y += cv.text_centered(FontRole::body, cx, y, t.subtext,
                        in_lang(ctx, item->department_zh, item->department_en))
           .y +
       ctx.u(10.f);
  draw_badge(ctx, y, *item);
  y += cv.measure(FontRole::body, "A").y + ctx.u(24.f);

  const float bottom = bottom_bar_top(ctx) - ctx.u(16.f);
  const float status_h = s.print == core::LoadState::none ? 0.f : ctx.u(130.f);
  Column col{ctx, y, bottom - status_h, s.guide.item_page};
  col.heading("guide.conditions");
  for (const auto& [zh, en] : item->conditions) col.line("· " + in_lang(ctx, zh, en), t.text);
  col.heading("guide.materials");
  int n = 0;
  for (const core::GuideMaterial& m : item->materials) {
    std::string line = std::to_string(++n) + ". " + in_lang(ctx, m.name_zh, m.name_en);
    line += "  " + ctx.primary(m.original ? "guide.material.original" : "guide.material.copy");
    if (!m.required) line += "  " + ctx.primary("guide.material.optional");
    if (m.elicence) line += "  " + ctx.primary("guide.material.elicence");
    col.line(line, t.text);
  }
  col.heading("guide.time_limit");
  col.line(with_number(ctx.primary("guide.time_limit.legal"), item->legal_days) + "  " +
               with_number(ctx.primary("guide.time_limit.promised"), item->promised_days),
           t.text);
  col.heading("guide.fee");
  col.line(fee_line(ctx, *item), t.text);
  col.heading("guide.window");
  col.line(item->window_group, t.text);
  if (status_h > 0) draw_print_status(ctx, bottom - status_h);

  // A page too long for the screen turns with buttons (no dragging needed).
  const int pages = col.page + 1;
  const int page = std::min(s.guide.item_page, pages - 1);
  const int buttons = pages > 1 ? 4 : 2;
  if (bar_button(ctx, 0, buttons, "flow.back", "action.back")) {
    ctx.events.emplace_back(core::TapBack{});
  }
  if (pages > 1) {
    if (page > 0 && bar_button(ctx, 1, 4, "guide.page.previous", "action.previous")) {
      ctx.events.emplace_back(core::GuideItemPage{page - 1});
    }
    if (page + 1 < pages && bar_button(ctx, 2, 4, "guide.page.next", "action.next")) {
      ctx.events.emplace_back(core::GuideItemPage{page + 1});
    }
  }
  if (bar_button(ctx, buttons - 1, buttons, "guide.print", "guide.print", true)) {
    ctx.events.emplace_back(core::GuidePrint{});
  }
}

}  // namespace ui
