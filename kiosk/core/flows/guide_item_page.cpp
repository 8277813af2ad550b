// The page of a guide item too long for one screen. The UI knows how many
// pages the item takes on this panel and clamps; the core keeps the page
// asked for, and GuideOpen starts an item on its first page.
#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core::flows {

void apply(State& s, const GuideItemPage& e, Effects&) {
  if (s.screen != Screen::guide_item) return;
  touch(s);
  s.guide.item_page = std::max(0, e.page);
}

}  // namespace core::flows
