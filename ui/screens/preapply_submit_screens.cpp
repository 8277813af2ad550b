// Pre-application, last pages: delivery of the result (pick-up or post with
// an address typed on the keyboard), the review of everything (ID masked),
// the submission with its progress bar, and the done page with the case
// number or the local reference (and the QR when the receipt could not be
// printed).
#include "kiosk/core/citizen.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens/preapply_parts.hpp"

#include <algorithm>

namespace ui {
namespace {

const std::string& item_name(const ScreenContext& ctx) {
  static const std::string none;
  const core::GuideItem* item = core::find_item(ctx.state.catalogue, ctx.state.preapply.item_code);
  return item ? in_lang(ctx, item->name_zh, item->name_en) : none;
}

int materials_given(const core::PreApplyState& p) {
  return static_cast<int>(
      std::count_if(p.materials.materials.begin(), p.materials.materials.end(),
                    [](const core::MaterialEntry& m) { return m.satisfied(); }));
}

}  // namespace

void draw_preapply_delivery(ScreenContext& ctx, float top) {
  const core::PreApplyState& p = ctx.state.preapply;
  const Theme& t = ctx.theme();
  float y = draw_page_title(ctx, top, "preapply.delivery.title");
  const Split split = split_for_keyboard(ctx, y);
  float fy = split.fields.y;
  const float row_h = row_height(ctx), gap = ctx.u(12.f);
  const struct {
    core::DeliveryMethod method;
    const char* id;
  } options[] = {{core::DeliveryMethod::pickup, "preapply.delivery.pickup"},
                 {core::DeliveryMethod::post, "preapply.delivery.post"}};
  for (const auto& o : options) {
    if (draw_row(ctx, o.id, ImVec2(split.fields.x, fy), ImVec2(split.fields_right, fy + row_h),
                 ctx.primary(o.id), ctx.secondary(o.id), p.delivery == o.method)) {
      ctx.events.emplace_back(core::PreApplyDelivery{o.method});
    }
    fy += row_h + gap;
  }
  if (p.delivery == core::DeliveryMethod::post) {
    fy += draw_field_row(ctx, fy, split, core::PreApplyField::post_address, p.post_address, true);
    if (auto key = draw_keyboard(ctx, p.post_address, split.keyboard_min, split.keyboard_max)) {
      ctx.events.emplace_back(core::PreApplyKey{std::move(*key)});
    }
  }
  for (const auto& id : p.error_text_ids) fy += draw_message(ctx, fy, ctx.primary(id), t.fault);
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "preapply.next", "preapply.next", true)) {
    ctx.events.emplace_back(core::PreApplyNext{});
  }
}

void draw_preapply_review(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const core::PreApplyState& p = s.preapply;
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "preapply.review.title");
  const core::Citizen* c = s.identity.citizen ? &*s.identity.citizen : nullptr;
  const bool post = p.delivery == core::DeliveryMethod::post;
  const std::pair<const char*, std::string> lines[] = {
      {"preapply.review.item", item_name(ctx)},
      {"preapply.field.name", c ? c->name : std::string()},
      {"preapply.field.id", c ? core::mask_id(c->id_number) : std::string()},
      {"preapply.field.phone", p.phone.text},
      {"preapply.field.address", p.address.text},
      {"preapply.field.remarks", p.remarks.text},
      {"preapply.review.materials", std::to_string(materials_given(p))},
      {"preapply.review.delivery",
       ctx.primary(post ? "preapply.delivery.post" : "preapply.delivery.pickup") +
           (post ? "  " + p.post_address.text : std::string())},
  };
  const float wrap = ctx.display.x - 2 * pad;
  const float bottom = bottom_bar_top(ctx) - ctx.u(16.f);
  for (const auto& [label, value] : lines) {
    const std::string line = ctx.primary(label) + "  " + value;
    const float h = cv.measure(FontRole::body, line, wrap).y;
    if (y + h > bottom) break;
    y += cv.text(FontRole::body, ImVec2(pad, y), t.text, line, wrap).y + ctx.u(14.f);
  }
  if (!s.outbox_accepting && y + ctx.u(80.f) < bottom) {
    draw_message(ctx, y, ctx.primary("preapply.error.outbox_full"), t.fault);
  }
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "preapply.submit", "preapply.submit", true)) {
    ctx.events.emplace_back(core::PreApplySubmit{});
  }
}

void draw_preapply_submitting(ScreenContext& ctx, float top) {
  const core::PreApplyState& p = ctx.state.preapply;
  const Theme& t = ctx.theme();
  auto& d = ctx.canvas.draw();
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "preapply.submitting");
  if (p.submit == core::SubmitState::failed) {
    draw_message(ctx, y, ctx.primary(p.submit_error_text_id), t.fault);
    if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
    if (bar_button(ctx, 1, 2, "flow.finish", "action.finish", true)) {
      ctx.events.emplace_back(core::TapFinish{});
    }
    return;
  }
  // The bar: saved in the outbox, then sending (no buttons: nothing to undo).
  const float h = ctx.u(48.f);
  const float frac = core::preapply_progress(p, ctx.state.now);
  d.AddRectFilled(ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + h), t.tile, h * 0.5f);
  d.AddRectFilled(ImVec2(pad, y), ImVec2(pad + (ctx.display.x - 2 * pad) * frac, y + h),
                  t.accent[0], h * 0.5f);
  y += h + ctx.u(24.f);
  draw_message(ctx, y,
               ctx.primary(p.submit == core::SubmitState::queuing ? "preapply.submitting.saving"
                                                                  : "preapply.submitting.sending"),
               t.subtext);
}

void draw_preapply_done(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const core::PreApplyState& p = s.preapply;
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float cx = ctx.display.x * 0.5f, pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "preapply.done.title");
  const bool numbered = !p.case_number.empty();
  y += cv.text_centered(
             FontRole::body, cx, y, t.subtext,
             ctx.primary(numbered ? "preapply.done.case_number" : "preapply.done.local_reference"))
           .y;
  const std::string& reference = numbered ? p.case_number : p.local_reference;
  y += cv.text_centered(cv.fit(FontRole::huge, reference, ctx.display.x - 2 * pad), cx, y,
                        t.accent[0], reference)
           .y +
       ctx.u(16.f);
  y += draw_message(ctx, y,
                    ctx.primary(p.submit == core::SubmitState::delivered ? "preapply.done.delivered"
                                                                         : "preapply.done.pending"),
                    p.submit == core::SubmitState::delivered ? t.ok : t.subtext) +
       ctx.u(16.f);
  y += draw_print_status(ctx, y) + ctx.u(16.f);
  // No receipt: the QR of the case stays on screen to photograph.
  if (s.print == core::LoadState::failed && numbered) {
    const float side = std::min(ctx.u(360.f), bottom_bar_top(ctx) - y - ctx.u(16.f));
    if (side > ctx.u(120.f)) {
      draw_qr(ctx, ImVec2(cx - side * 0.5f, y), side,
              core::qr_url(s.settings.public_url, core::QrCode::Kind::case_number, p.case_number));
    }
  }
  if (bar_button(ctx, 0, 1, "preapply.done", "action.done", true)) {
    ctx.events.emplace_back(core::PreApplyDone{});
  }
}

}  // namespace ui
