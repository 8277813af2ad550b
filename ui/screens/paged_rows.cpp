#include "ui/screens/paged_rows.hpp"

#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {

int list_columns(const ScreenContext& ctx, bool narrow) {
  return !ctx.portrait() && !narrow ? 2 : 1;
}

std::optional<std::size_t> draw_paged_rows(ScreenContext& ctx, const std::vector<PagedRow>& rows,
                                           int page, const PagedRowsArea& area,
                                           std::optional<int>& page_to) {
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  const float row_h = row_height(ctx);
  const float cols = static_cast<float>(area.columns);
  const float col_w = (area.right - pad - (cols - 1) * gap) / cols;
  const int per_column = rows_that_fit(area.top, area.bottom, row_h, gap);
  const int per_page = per_column * area.columns;
  const int count = static_cast<int>(rows.size());
  const int pages = std::max(1, (count + per_page - 1) / per_page);
  page = std::clamp(page, 0, pages - 1);
  std::optional<std::size_t> tapped;
  for (int i = page * per_page; i < std::min(count, (page + 1) * per_page); ++i) {
    const PagedRow& r = rows[static_cast<std::size_t>(i)];
    const int slot = i - page * per_page;
    const float x = pad + static_cast<float>(slot / per_column) * (col_w + gap);
    const float y = area.top + static_cast<float>(slot % per_column) * (row_h + gap);
    if (draw_row(ctx, r.id, ImVec2(x, y), ImVec2(x + col_w, y + row_h), r.line1, r.line2)) {
      tapped = static_cast<std::size_t>(i);
    }
  }
  if (page > 0 && bar_button(ctx, 1, 3, "list.previous", "action.previous")) page_to = page - 1;
  if (page + 1 < pages && bar_button(ctx, 2, 3, "list.next", "action.next")) page_to = page + 1;
  return tapped;
}

}  // namespace ui
