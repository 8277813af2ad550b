#pragma once
// A list of rows a page at a time, in one or two columns (two on a wide,
// short landscape panel, so even elderly mode's tall rows fill a page), with
// "previous" / "next" in the bottom bar. Used by the guide list and the
// holder's cases.
#include "ui/screen_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ui {

struct PagedRow {
  std::string id, line1, line2;
};

struct PagedRowsArea {
  float top = 0, bottom = 0, right = 0;  // left is the page's padding
  int columns = 1;
};

// The columns for a list: two on a landscape panel unless `narrow`.
int list_columns(const ScreenContext& ctx, bool narrow = false);

// Draws page `page` (clamped) of `rows`; the index of the row tapped, if any.
// `page_to` gets the page the bar's previous/next asked for, if any (buttons
// 1 and 2 of a bar of 3; the caller draws button 0).
std::optional<std::size_t> draw_paged_rows(ScreenContext& ctx, const std::vector<PagedRow>& rows,
                                           int page, const PagedRowsArea& area,
                                           std::optional<int>& page_to);

}  // namespace ui
