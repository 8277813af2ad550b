// Case progress by the ID card: the "my cases" button on the number page,
// and the list of the holder's cases (item, number, stage), a page at a
// time; a tap opens the case's timeline.
#include "ui/screens/flow_screens.hpp"
#include "ui/screens/paged_rows.hpp"
#include "ui/screens/progress_cases.hpp"

#include <algorithm>

namespace ui {
namespace {

// The item's name when the catalogue knows it, else its code.
std::string item_name(const ScreenContext& ctx, const std::string& code) {
  const core::GuideItem* item = core::find_item(ctx.state.catalogue, code);
  return item == nullptr ? code : in_lang(ctx, item->name_zh, item->name_en);
}

}  // namespace

float draw_progress_by_card(ScreenContext& ctx, float y) {
  const core::State& s = ctx.state;
  if (s.identity.method != core::IdMethod::card || !s.identity.citizen) return 0.f;
  const Theme& t = ctx.theme();
  const float pad = page_pad(ctx);
  const float h = std::max(t.min_target, ctx.u(s.elderly ? 120.f : 96.f));
  if (draw_button(ctx, "progress.by_card", ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + h),
                  "progress.by_card", t.accent[1], IM_COL32_WHITE)) {
    ctx.events.emplace_back(core::ProgressByCard{});
  }
  return h + ctx.u(16.f);
}

void draw_progress_cases(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  const core::ProgressState& p = s.progress;
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  float y = draw_page_title(ctx, top, "progress.cases.title");
  if (bar_button(ctx, 0, 3, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  switch (p.cases_request) {
    case core::LoadState::none:
    case core::LoadState::loading:
      draw_message(ctx, y, ctx.primary("progress.loading"), t.subtext);
      return;
    case core::LoadState::failed:
      draw_message(ctx, y, ctx.primary(p.error_text_id), t.fault);
      return;
    case core::LoadState::ready:
      break;
  }
  if (p.cases.empty()) {
    draw_message(ctx, y, ctx.primary("progress.cases.none"), t.subtext);
    return;
  }
  std::vector<PagedRow> rows;
  for (const core::CaseProgress& c : p.cases) {
    rows.push_back({"progress.case." + c.case_number, item_name(ctx, c.item_code),
                    ctx.primary(core::stage_text_id(c.status)) + " · " + c.case_number});
  }
  std::optional<int> page_to;
  const PagedRowsArea area{y, bottom_bar_top(ctx) - gap, ctx.display.x - pad, list_columns(ctx)};
  if (auto i = draw_paged_rows(ctx, rows, p.cases_page, area, page_to)) {
    ctx.events.emplace_back(core::ProgressOpen{p.cases[*i].case_number});
  }
  if (page_to) ctx.events.emplace_back(core::ProgressCasesPage{*page_to});
}

}  // namespace ui
