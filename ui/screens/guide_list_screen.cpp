// Service guides, the list: search field, browse by department or category,
// and the matching items a page at a time. The ticket flow picks its item
// here too.
#include "ui/keyboard.hpp"
#include "ui/screens/flow_screens.hpp"
#include "ui/screens/keyboard_area.hpp"
#include "ui/screens/paged_rows.hpp"

#include <algorithm>

namespace ui {
namespace {

using By = core::GuideFilter::By;

// Three chips: all items, by department, by category.
void draw_chips(ScreenContext& ctx, float y, float h) {
  const Theme& t = ctx.theme();
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  const float w = (ctx.display.x - 2 * pad - 2 * gap) / 3.f;
  const struct {
    By by;
    const char* id;
    const char* text_id;
  } chips[] = {{By::all, "guide.all", "guide.filter.all"},
               {By::department, "guide.by_department", "guide.filter.department"},
               {By::category, "guide.by_category", "guide.filter.category"}};
  for (int i = 0; i < 3; ++i) {
    const ImVec2 min(pad + static_cast<float>(i) * (w + gap), y);
    const bool on = ctx.state.guide.filter.by == chips[i].by;
    if (draw_button(ctx, chips[i].id, min, ImVec2(min.x + w, y + h), chips[i].text_id,
                    on ? t.accent[0] : t.button, on ? IM_COL32_WHITE : t.button_text)) {
      ctx.events.emplace_back(core::GuideFilterChosen{{chips[i].by, {}}});
    }
  }
}

// The search field: a tap opens the on-screen keyboard (GuideTyping), whose
// keys fill it (GuideKey).
void draw_search(ScreenContext& ctx, float y, float h) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  const ImVec2 min(pad, y), max(ctx.display.x - pad, y + h);
  const bool typing = ctx.state.guide.typing;
  if (touch_target(ctx, "guide.search", min, max)) {
    ctx.events.emplace_back(core::GuideTyping{!typing});
  }
  cv.draw().AddRectFilled(min, max, t.tile, t.rounding * 0.6f);
  cv.draw().AddRect(min, max, typing ? t.accent[0] : t.tile_border, t.rounding * 0.6f, 0,
                    ctx.u(typing ? 5.f : 3.f));
  const bool empty = ctx.state.guide.query.empty();
  const std::string& text = empty ? ctx.primary("guide.search.placeholder") : ctx.state.guide.query;
  const float th = cv.measure(FontRole::body, text).y;
  cv.text(FontRole::body, ImVec2(min.x + ctx.u(24.f), y + (h - th) * 0.5f),
          empty ? t.subtext : t.text, text);
}

// A message over the results' column only (the keyboard may be beside it).
void draw_note(ScreenContext& ctx, float y, float right, std::string_view text, ImU32 colour) {
  const float pad = page_pad(ctx);
  if (right >= ctx.display.x - pad) {
    draw_message(ctx, y, text, colour);
    return;
  }
  ctx.canvas.text(FontRole::body, ImVec2(pad, y), colour, text, right - pad);
}

struct Row {
  std::string id, line1, line2;
  core::Event tap;
};

std::vector<Row> rows_for(const ScreenContext& ctx) {
  const core::State& s = ctx.state;
  std::vector<Row> rows;
  if (s.guide.filter.by == By::department && s.guide.filter.value.empty()) {
    for (const auto& d : core::guide_departments(s.catalogue)) {
      rows.push_back({"guide.dept." + d.code, in_lang(ctx, d.zh, d.en), other_lang(ctx, d.zh, d.en),
                      core::GuideFilterChosen{{By::department, d.code}}});
    }
    return rows;
  }
  if (s.guide.filter.by == By::category && s.guide.filter.value.empty()) {
    int i = 0;
    for (const auto& c : core::guide_categories(s.catalogue)) {
      rows.push_back(
          {"guide.cat." + std::to_string(i++), c, {}, core::GuideFilterChosen{{By::category, c}}});
    }
    return rows;
  }
  for (const core::GuideItem* item : core::guide_results(s.catalogue, s.guide)) {
    rows.push_back({"guide.item." + item->code, in_lang(ctx, item->name_zh, item->name_en),
                    in_lang(ctx, item->department_zh, item->department_en),
                    core::GuideOpen{item->code}});
  }
  return rows;
}

}  // namespace

void draw_guide_list(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  const bool picking = s.flow == core::Flow::ticket;
  float y = draw_page_title(ctx, top, picking ? "ticket.choose_item" : "guide.title");
  const float field_h = std::max(t.min_target, ctx.u(ctx.state.elderly ? 110.f : 90.f));
  draw_search(ctx, y, field_h);
  y += field_h + gap;
  float bar = bottom_bar_top(ctx);
  float right = ctx.display.x - pad;
  if (s.guide.typing) {
    // The keyboard takes the chips' place: below the results on a portrait
    // panel, beside them on a landscape one.
    const KeyboardArea area = keyboard_area(ctx, y);
    if (auto key = draw_keyboard(ctx, s.guide.keyboard, area.min, area.max)) {
      ctx.events.emplace_back(core::GuideKey{std::move(*key)});
    }
    bar = area.rest_bottom + gap;
    right = area.rest_right;
  } else {
    draw_chips(ctx, y, field_h);
    y += field_h + 2 * gap;
  }

  if (bar_button(ctx, 0, 3, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (s.catalogue.load != core::LoadState::ready) {
    const bool failed = s.catalogue.load == core::LoadState::failed;
    draw_note(ctx, y, right, ctx.primary(failed ? "guide.load_failed" : "guide.loading"),
              failed ? t.fault : t.subtext);
    return;
  }
  const std::vector<Row> rows = rows_for(ctx);
  if (rows.empty()) {
    draw_note(ctx, y, right, ctx.primary("guide.no_results"), t.subtext);
    return;
  }
  std::vector<PagedRow> paged;
  for (const Row& r : rows) paged.push_back({r.id, r.line1, r.line2});
  std::optional<int> page_to;
  const PagedRowsArea area{y, bar - gap, right, list_columns(ctx, s.guide.typing)};
  if (auto i = draw_paged_rows(ctx, paged, s.guide.page, area, page_to)) {
    ctx.events.push_back(rows[*i].tap);
  }
  if (page_to) ctx.events.emplace_back(core::GuidePage{*page_to});
}

}  // namespace ui
