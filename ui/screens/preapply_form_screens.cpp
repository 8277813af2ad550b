// Pre-application, first pages: the item (those that accept pre-application)
// and the form, prefilled from the card, with the on-screen keyboard typing
// into the field the citizen touched. The ID number is masked on screen.
#include "kiosk/core/citizen.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens/preapply_parts.hpp"

#include <algorithm>

namespace ui {

void draw_preapply_item(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  float y = draw_page_title(ctx, top, "preapply.item.title");
  const auto items = core::preapply_items(s.catalogue);
  const int pages = std::max(1, (static_cast<int>(items.size()) + core::kPreApplyItemsPerPage - 1) /
                                    core::kPreApplyItemsPerPage);
  if (bar_button(ctx, 0, 3, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (s.preapply.page > 0 && bar_button(ctx, 1, 3, "list.previous", "action.previous")) {
    ctx.events.emplace_back(core::PreApplyPage{-1});
  }
  if (s.preapply.page + 1 < pages && bar_button(ctx, 2, 3, "list.next", "action.next")) {
    ctx.events.emplace_back(core::PreApplyPage{+1});
  }
  if (items.empty()) {
    draw_message(ctx, y,
                 ctx.primary(s.catalogue.load == core::LoadState::loading ? "guide.loading"
                                                                          : "preapply.item.none"),
                 ctx.theme().subtext);
    return;
  }
  const float row_h = row_height(ctx);
  const int fit = rows_that_fit(y, bottom_bar_top(ctx) - gap, row_h, gap);
  const int per_page = std::min(fit, core::kPreApplyItemsPerPage);
  const int first = s.preapply.page * core::kPreApplyItemsPerPage;
  for (int i = first; i < std::min<int>(items.size(), first + per_page); ++i) {
    const core::GuideItem& item = *items[static_cast<std::size_t>(i)];
    if (draw_row(ctx, "preapply.item." + item.code, ImVec2(pad, y),
                 ImVec2(ctx.display.x - pad, y + row_h), in_lang(ctx, item.name_zh, item.name_en),
                 in_lang(ctx, item.department_zh, item.department_en),
                 item.code == s.preapply.item_code)) {
      ctx.events.emplace_back(core::PreApplyChoose{item.code});
    }
    y += row_h + gap;
  }
}

void draw_preapply_form(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const core::PreApplyState& p = s.preapply;
  const Theme& t = ctx.theme();
  float y = draw_page_title(ctx, top, "preapply.form.title");
  const Split split = split_for_keyboard(ctx, y);
  float fy = split.fields.y;
  const core::Citizen* c = s.identity.citizen ? &*s.identity.citizen : nullptr;
  fy += draw_fixed_line(ctx, fy, split, "preapply.field.name", c ? c->name : std::string());
  fy += draw_fixed_line(ctx, fy, split, "preapply.field.id",
                        c ? core::mask_id(c->id_number) : std::string());
  for (const core::PreApplyField f :
       {core::PreApplyField::phone, core::PreApplyField::address, core::PreApplyField::remarks}) {
    const core::KeyboardState& kb = f == core::PreApplyField::phone     ? p.phone
                                    : f == core::PreApplyField::address ? p.address
                                                                        : p.remarks;
    fy += draw_field_row(ctx, fy, split, f, kb, p.focus == f);
  }
  for (const auto& id : p.error_text_ids) {
    if (fy + ctx.u(60.f) > split.fields_bottom) break;
    fy += draw_message(ctx, fy, ctx.primary(id), t.fault) + ctx.u(8.f);
  }
  const core::KeyboardState& focused = p.focus == core::PreApplyField::phone     ? p.phone
                                       : p.focus == core::PreApplyField::address ? p.address
                                                                                 : p.remarks;
  if (auto key = draw_keyboard(ctx, focused, split.keyboard_min, split.keyboard_max)) {
    ctx.events.emplace_back(core::PreApplyKey{std::move(*key)});
  }
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "preapply.next", "preapply.next", true)) {
    ctx.events.emplace_back(core::PreApplyNext{});
  }
}

}  // namespace ui
