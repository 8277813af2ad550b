// Pre-application step 3: the materials checklist. Each material's state
// is a symbol and a word (never colour alone); the selected material shows
// its pages as they arrive, each with its verdict and "rescan"/"delete".
// The e-licence consent, the scan faults (with the jam instructions) and
// the e-licence messages take the whole page with their own buttons, so
// nothing else can be touched behind them.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {
namespace {

const char* status_text_id(const core::MaterialEntry& e) {
  if (e.elicence) return "materials.status.elicence";
  if (e.satisfied()) return "materials.status.done";
  if (!e.pages.empty()) return "materials.status.check";
  return "materials.status.missing";
}

ImU32 status_colour(const ScreenContext& ctx, const core::MaterialEntry& e) {
  if (e.satisfied()) return ctx.theme().ok;
  return e.pages.empty() ? ctx.theme().subtext : ctx.theme().fault;
}

// The thumbnail scaled into [min, max] (aspect kept, centred): white paper,
// then the darker pixels as horizontal runs of one quantised shade, so a
// text page costs a few hundred rectangles rather than one per pixel.
void draw_thumbnail(ScreenContext& ctx, const core::Thumbnail& th, ImVec2 min, ImVec2 max) {
  auto& d = ctx.canvas.draw();
  if (th.width <= 0 || th.height <= 0 ||
      th.gray.size() != static_cast<std::size_t>(th.width) * static_cast<std::size_t>(th.height)) {
    d.AddRect(min, max, ctx.theme().tile_border);
    return;
  }
  const float scale = std::min((max.x - min.x) / static_cast<float>(th.width),
                               (max.y - min.y) / static_cast<float>(th.height));
  const float w = scale * static_cast<float>(th.width), h = scale * static_cast<float>(th.height);
  const ImVec2 o((min.x + max.x - w) * 0.5f, (min.y + max.y - h) * 0.5f);
  d.AddRectFilled(o, ImVec2(o.x + w, o.y + h), IM_COL32_WHITE);
  constexpr int kPaper = 7;  // shades 0..7; 7 is left as paper
  for (int y = 0; y < th.height; ++y) {
    const std::uint8_t* row = th.gray.data() + static_cast<std::size_t>(y) * th.width;
    int x = 0;
    while (x < th.width) {
      const int shade = row[x] >> 5;
      int end = x + 1;
      while (end < th.width && (row[end] >> 5) == shade) ++end;
      if (shade < kPaper) {
        const auto v = static_cast<ImU8>(shade * 255 / kPaper);
        d.AddRectFilled(
            ImVec2(o.x + static_cast<float>(x) * scale, o.y + static_cast<float>(y) * scale),
            ImVec2(o.x + static_cast<float>(end) * scale, o.y + static_cast<float>(y + 1) * scale),
            IM_COL32(v, v, v, 255));
      }
      x = end;
    }
  }
  d.AddRect(o, ImVec2(o.x + w, o.y + h), ctx.theme().tile_border, 0.f, 0, ctx.u(2.f));
}

// One checklist row: the material's name, and beneath it its state (symbol
// and word, in elderly mode too) in the state's colour.
void draw_material_row(ScreenContext& ctx, int index, ImVec2 min, ImVec2 max,
                       const std::string& name, const std::string& status, ImU32 status_colour) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const bool selected = index == ctx.state.preapply.materials.selected;
  bool pressed = false;
  if (touch_target(ctx, "materials.item." + std::to_string(index), min, max, &pressed)) {
    ctx.events.emplace_back(core::MaterialChoose{index});
  }
  cv.draw().AddRectFilled(min, max, pressed ? t.tile_pressed : t.tile, t.rounding * 0.6f);
  cv.draw().AddRect(min, max, selected ? t.accent[0] : t.tile_border, t.rounding * 0.6f, 0,
                    ctx.u(selected ? 5.f : 1.5f));
  const float x = min.x + ctx.u(24.f), room = max.x - x - ctx.u(24.f);
  const FontRole r1 = cv.fit(FontRole::heading, name, room, FontRole::small);
  const FontRole r2 = cv.fit(FontRole::small, status, room);
  const float h1 = cv.measure(r1, name).y, h2 = cv.measure(r2, status).y;
  float y = (min.y + max.y - h1 - h2) * 0.5f;
  y += cv.text(r1, ImVec2(x, y), t.text, name).y;
  cv.text(r2, ImVec2(x, y), status_colour, status);
}

// The checklist rows. When they do not all fit, they go a group at a time,
// the group holding the selected material, with a "more materials" button
// beneath that selects the first material of the next group (and wraps).
void draw_checklist(ScreenContext& ctx, ImVec2 min, ImVec2 max) {
  const core::MaterialsState& m = ctx.state.preapply.materials;
  const float gap = ctx.u(16.f);
  const float row_h = row_height(ctx);
  const int count = static_cast<int>(m.materials.size());
  const bool paged = rows_that_fit(min.y, max.y, row_h, gap) < count;
  const float pager_h = ctx.theme().min_target;
  const int per_group =
      paged ? rows_that_fit(min.y, max.y - pager_h - gap, row_h, gap) : std::max(count, 1);
  const int group = std::clamp(m.selected, 0, std::max(count - 1, 0)) / per_group;
  const int first = group * per_group;
  float y = min.y;
  for (int i = first; i < count && i < first + per_group; ++i) {
    const core::MaterialEntry& e = m.materials[static_cast<std::size_t>(i)];
    const std::string line1 = in_lang(ctx, e.name_zh, e.name_en);
    const std::string line2 = ctx.primary(status_text_id(e)) + "  ·  " +
                              ctx.primary(e.required ? "materials.required" : "materials.optional");
    draw_material_row(ctx, i, ImVec2(min.x, y), ImVec2(max.x, y + row_h), line1, line2,
                      status_colour(ctx, e));
    y += row_h + gap;
  }
  if (!paged) return;
  const int groups = (count + per_group - 1) / per_group;
  const float pager_y = min.y + static_cast<float>(per_group) * (row_h + gap);
  if (draw_button(ctx, "materials.list.more", ImVec2(min.x, pager_y),
                  ImVec2(max.x, pager_y + pager_h), "materials.list.more", ctx.theme().button,
                  ctx.theme().button_text)) {
    ctx.events.emplace_back(core::MaterialChoose{((group + 1) % groups) * per_group});
  }
}

// The height the checklist needs for `count` materials when at most `fit`
// rows fit (a pager beneath when they do not all fit).
float checklist_height(const ScreenContext& ctx, int count, int fit) {
  const float gap = ctx.u(16.f), row_h = row_height(ctx);
  if (count <= fit) return static_cast<float>(count) * (row_h + gap);
  return static_cast<float>(std::max(fit - 1, 1)) * (row_h + gap) + ctx.theme().min_target + gap;
}

// The selected material's pages, newest last, as many as fit.
void draw_pages(ScreenContext& ctx, const core::MaterialEntry& e, ImVec2 min, ImVec2 max) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const bool scanning = ctx.state.preapply.materials.scan == core::ScanPhase::scanning;
  float y = min.y;
  if (e.elicence) {
    const std::string line = ctx.primary("materials.status.elicence") + "  " + e.elicence->name_zh;
    y += cv.text(FontRole::body, ImVec2(min.x, y), t.ok, line, max.x - min.x).y;
    cv.text(FontRole::small, ImVec2(min.x, y), t.subtext,
            ctx.primary("materials.elicence.issuer") + e.elicence->issuer_zh);
    return;
  }
  if (e.pages.empty()) {
    std::string hint = ctx.primary(scanning ? "materials.scan.started" : "materials.hint");
    if (!scanning && !e.elicence_type.empty())
      hint += "\n" + ctx.primary("materials.hint.elicence");
    draw_message(ctx, y, hint, t.subtext);
    return;
  }
  const std::string count =
      with_number(ctx.primary("materials.pages"), static_cast<int>(e.pages.size()));
  y += cv.text(FontRole::body, ImVec2(min.x, y), t.text,
               scanning ? count + "  ·  " + ctx.primary("materials.scan.started") : count)
           .y +
       ctx.u(12.f);
  const float gap = ctx.u(20.f);
  const int across = ctx.state.elderly ? 2 : 3;
  const float cell_w =
      (max.x - min.x - static_cast<float>(across - 1) * gap) / static_cast<float>(across);
  const float button_h = t.min_target;
  const float verdict_h = cv.measure(FontRole::body, "!").y + ctx.u(8.f);
  const float below_thumb = verdict_h + button_h + ctx.u(12.f);
  float thumb_h = std::min(cell_w * 1.2f, ctx.u(ctx.portrait() ? 300.f : 220.f));
  const auto rows_in = [&](float room) {
    return static_cast<int>((room + gap) / (thumb_h + below_thumb + gap));
  };
  const int total = static_cast<int>(e.pages.size());
  const float pager_h = t.min_target;
  const bool paged = std::max(1, rows_in(max.y - y)) * across < total;
  // The room for pages (the pager's row beneath when paged); at least one
  // row, with smaller thumbnails if need be, so nothing spills over the bar.
  const float room = max.y - y - (paged ? pager_h + gap : 0.f);
  int rows = rows_in(room);
  if (rows < 1) {
    rows = 1;
    thumb_h = std::max(ctx.u(48.f), room - below_thumb);
  }
  const float cell_h = thumb_h + below_thumb;
  const int per_screen = rows * across;
  const int screens = (total + per_screen - 1) / per_screen;
  const int screen = std::clamp(ctx.state.preapply.materials.pages_page, 0, screens - 1);
  const int first = screen * per_screen;
  const int shown = std::min(total - first, per_screen);
  for (int i = 0; i < shown; ++i) {
    const core::ScannedPage& p = e.pages[static_cast<std::size_t>(first + i)];
    const ImVec2 c(min.x + static_cast<float>(i % across) * (cell_w + gap),
                   y + static_cast<float>(i / across) * (cell_h + gap));
    draw_thumbnail(ctx, p.thumbnail, c, ImVec2(c.x + cell_w, c.y + thumb_h));
    const std::string& verdict = ctx.primary(core::text_id(p.verdict));
    cv.text(cv.fit(FontRole::body, verdict, cell_w), ImVec2(c.x, c.y + thumb_h + ctx.u(4.f)),
            core::usable(p.verdict) ? t.ok : t.fault, verdict);
    if (scanning) continue;  // no changes while the feeder runs
    const float by = c.y + thumb_h + verdict_h;
    const float bw = (cell_w - ctx.u(8.f)) * 0.5f;
    const std::string id = std::to_string(p.handle);
    if (draw_button(ctx, "materials.rescan." + id, ImVec2(c.x, by), ImVec2(c.x + bw, by + button_h),
                    "materials.rescan", t.button, t.button_text)) {
      ctx.events.emplace_back(core::PageRescan{p.handle});
    }
    if (draw_button(ctx, "materials.delete." + id, ImVec2(c.x + cell_w - bw, by),
                    ImVec2(c.x + cell_w, by + button_h), "materials.delete", t.button,
                    t.button_text)) {
      ctx.events.emplace_back(core::PageDelete{p.handle});
    }
  }
  if (!paged || scanning) return;
  // Earlier / later screenfuls of pages, with where this one is between.
  const float py = y + static_cast<float>(rows) * (cell_h + gap);
  const float bw = (max.x - min.x) * 0.34f;
  if (screen > 0 && draw_button(ctx, "materials.pages.earlier", ImVec2(min.x, py),
                                ImVec2(min.x + bw, py + pager_h), "materials.pages.earlier",
                                t.button, t.button_text)) {
    ctx.events.emplace_back(core::MaterialPagesPage{screen - 1});
  }
  if (screen + 1 < screens &&
      draw_button(ctx, "materials.pages.later", ImVec2(max.x - bw, py), ImVec2(max.x, py + pager_h),
                  "materials.pages.later", t.button, t.button_text)) {
    ctx.events.emplace_back(core::MaterialPagesPage{screen + 1});
  }
  std::string where = with_number(
      ctx.primary(shown == 1 ? "materials.pages.where_one" : "materials.pages.where"), first + 1);
  if (auto pos = where.find("{m}"); pos != std::string::npos) {
    where.replace(pos, 3, std::to_string(first + shown));
  }
  if (auto pos = where.find("{total}"); pos != std::string::npos) {
    where.replace(pos, 7, std::to_string(total));
  }
  const FontRole role =
      cv.fit(FontRole::body, where, max.x - min.x - 2 * bw - ctx.u(16.f), FontRole::small);
  cv.text_centered(role, (min.x + max.x) * 0.5f, py + (pager_h - cv.measure(role, where).y) * 0.5f,
                   t.subtext, where);
}

// A page-wide dialog: its message, and the buttons in the bottom bar.
bool draw_dialog(ScreenContext& ctx, float y) {
  const Theme& t = ctx.theme();
  const core::MaterialsState& m = ctx.state.preapply.materials;
  if (m.scan == core::ScanPhase::failed) {
    std::string text = ctx.primary(core::text_id(m.scan_fault));
    if (m.scan_fault == core::ScanFault::jammed) {
      text += "\n\n" + ctx.primary("materials.scan.jammed.steps");
    }
    draw_message(ctx, y, text, t.fault);
    if (bar_button(ctx, 0, 2, "flow.call_staff", "action.call_staff")) {
      ctx.events.emplace_back(core::CallStaff{});
    }
    if (bar_button(ctx, 1, 2, "materials.ok", "action.ok", true)) {
      ctx.events.emplace_back(core::ScanDismiss{});
    }
    return true;
  }
  switch (m.elicence) {
    case core::ElicencePhase::none:
      return false;
    case core::ElicencePhase::consent: {
      const core::MaterialEntry& e = m.materials[static_cast<std::size_t>(m.elicence_material)];
      const std::string text = ctx.primary("materials.elicence.consent.body") + "\n  " +
                               in_lang(ctx, e.name_zh, e.name_en) + "\n\n" +
                               ctx.primary("materials.elicence.consent.data");
      draw_message(ctx, y, text, t.text);
      if (bar_button(ctx, 0, 2, "materials.elicence.refuse", "materials.elicence.refuse")) {
        ctx.events.emplace_back(core::ElicenceConsent{false});
      }
      if (bar_button(ctx, 1, 2, "materials.elicence.agree", "materials.elicence.agree", true)) {
        ctx.events.emplace_back(core::ElicenceConsent{true});
      }
      return true;
    }
    case core::ElicencePhase::fetching:
      draw_message(ctx, y, ctx.primary("materials.elicence.fetching"), t.subtext);
      return true;  // nothing to tap until the platform answers
    case core::ElicencePhase::not_found:
    case core::ElicencePhase::failed:
      draw_message(ctx, y,
                   ctx.primary(m.elicence == core::ElicencePhase::not_found
                                   ? std::string("materials.elicence.not_found")
                                   : m.elicence_error_text_id),
                   t.fault);
      if (bar_button(ctx, 0, 1, "materials.ok", "action.ok", true)) {
        ctx.events.emplace_back(core::ElicenceConsent{false});
      }
      return true;
  }
  return false;
}

}  // namespace

void draw_preapply_materials(ScreenContext& ctx, float top) {
  const core::MaterialsState& m = ctx.state.preapply.materials;
  const float pad = page_pad(ctx), gap = ctx.u(24.f);
  const float y =
      draw_page_title(ctx, top,
                      m.elicence == core::ElicencePhase::none ? "materials.title"
                                                              : "materials.elicence.consent.title");
  if (draw_dialog(ctx, y)) return;
  const float bottom = bottom_bar_top(ctx) - gap;
  const core::MaterialEntry* selected =
      m.selected >= 0 && m.selected < static_cast<int>(m.materials.size())
          ? &m.materials[static_cast<std::size_t>(m.selected)]
          : nullptr;
  if (ctx.portrait()) {
    const float row_h = row_height(ctx);
    // The checklist on top (at most two fifths of the room), the pages below
    // (at least two rows when paged: one material and the pager).
    const int fit = std::max(2, rows_that_fit(y, y + (bottom - y) * 0.4f, row_h, ctx.u(16.f)));
    const float list_end = y + checklist_height(ctx, static_cast<int>(m.materials.size()), fit);
    draw_checklist(ctx, ImVec2(pad, y), ImVec2(ctx.display.x - pad, list_end));
    if (selected)
      draw_pages(ctx, *selected, ImVec2(pad, list_end + gap), ImVec2(ctx.display.x - pad, bottom));
  } else {
    const float split = pad + (ctx.display.x - 2 * pad) * 0.38f;
    draw_checklist(ctx, ImVec2(pad, y), ImVec2(split, bottom));
    if (selected)
      draw_pages(ctx, *selected, ImVec2(split + gap, y), ImVec2(ctx.display.x - pad, bottom));
  }
  const bool scanning = m.scan == core::ScanPhase::scanning;
  if (scanning) return;  // the bar comes back when the feeder stops
  const bool elicence = selected != nullptr && !selected->elicence_type.empty() &&
                        ctx.state.identity.citizen.has_value();
  const int count = elicence ? 4 : 3;
  int i = 0;
  if (bar_button(ctx, i++, count, "flow.back", "action.back"))
    ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, i++, count, "materials.scan", "materials.scan")) {
    ctx.events.emplace_back(core::MaterialScan{});
  }
  if (elicence && bar_button(ctx, i++, count, "materials.use_elicence", "materials.use_elicence")) {
    ctx.events.emplace_back(core::ElicenceAsk{});
  }
  if (bar_button(ctx, i, count, "materials.next", "action.next", core::materials_complete(m))) {
    ctx.events.emplace_back(core::MaterialsDone{});
  }
}

}  // namespace ui
