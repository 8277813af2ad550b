// Service guides, the list: search field, browse by department or category,
// and the matching items a page at a time. The ticket flow picks its item
// here too.
#include "ui/screens/flow_screens.hpp"

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

// The search field; the on-screen keyboard fills it (GuideQuery).
void draw_search(ScreenContext& ctx, float y, float h) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  const ImVec2 min(pad, y), max(ctx.display.x - pad, y + h);
  touch_target(ctx, "guide.search", min, max);
  cv.draw().AddRectFilled(min, max, t.tile, t.rounding * 0.6f);
  cv.draw().AddRect(min, max, t.tile_border, t.rounding * 0.6f, 0, ctx.u(3.f));
  const bool empty = ctx.state.guide.query.empty();
  const std::string& text = empty ? ctx.primary("guide.search.placeholder") : ctx.state.guide.query;
  const float th = cv.measure(FontRole::body, text).y;
  cv.text(FontRole::body, ImVec2(min.x + ctx.u(24.f), y + (h - th) * 0.5f),
          empty ? t.subtext : t.text, text);
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
  draw_chips(ctx, y, field_h);
  y += field_h + 2 * gap;

  const float bar = bottom_bar_top(ctx);
  if (bar_button(ctx, 0, 3, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (s.catalogue.load != core::LoadState::ready) {
    const bool failed = s.catalogue.load == core::LoadState::failed;
    draw_message(ctx, y, ctx.primary(failed ? "guide.load_failed" : "guide.loading"),
                 failed ? t.fault : t.subtext);
    return;
  }
  const std::vector<Row> rows = rows_for(ctx);
  if (rows.empty()) {
    draw_message(ctx, y, ctx.primary("guide.no_results"), t.subtext);
    return;
  }
  const float row_h = row_height(ctx);
  const int per_page = rows_that_fit(y, bar - gap, row_h, gap);
  const int pages = (static_cast<int>(rows.size()) + per_page - 1) / per_page;
  const int page = std::min(s.guide.page, pages - 1);
  for (int i = page * per_page; i < std::min<int>(rows.size(), (page + 1) * per_page); ++i) {
    const Row& r = rows[static_cast<std::size_t>(i)];
    if (draw_row(ctx, r.id, ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + row_h), r.line1,
                 r.line2)) {
      ctx.events.push_back(r.tap);
    }
    y += row_h + gap;
  }
  if (page > 0 && bar_button(ctx, 1, 3, "list.previous", "action.previous")) {
    ctx.events.emplace_back(core::GuidePage{page - 1});
  }
  if (page + 1 < pages && bar_button(ctx, 2, 3, "list.next", "action.next")) {
    ctx.events.emplace_back(core::GuidePage{page + 1});
  }
}

}  // namespace ui
