#pragma once
// Service guides: browse by category or department, search (Chinese, pinyin
// initials, English), one item's page, print it. The ticket flow uses the
// same list to pick its item.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/keyboard.hpp"

#include <string>
#include <vector>

namespace core {

struct GuideFilter {
  enum class By { all, category, department } by = By::all;
  std::string value;  // category, or department code
  bool operator==(const GuideFilter&) const = default;
};

struct GuideState {
  std::string query;  // search text as typed (the keyboard's text and its pinyin being composed)
  // The on-screen keyboard under the search field, while the citizen types.
  KeyboardState keyboard{KeyboardMode::pinyin, {}, {}, 20};
  bool typing = false;
  GuideFilter filter;
  int page = 0;           // the UI knows how many rows fit and clamps
  std::string item_code;  // the item open on guide_item
  int item_page = 0;      // of that item's page, when longer than the screen (the UI clamps)
  bool operator==(const GuideState&) const = default;
};

// The items matching the filter and query, in catalogue order.
std::vector<const GuideItem*> guide_results(const Catalogue& catalogue, const GuideState& guide);
// Does `item` match the search text? Chinese substring, pinyin initials
// prefix ("sfz"), or English words, case-insensitively.
bool item_matches(const GuideItem& item, std::string_view query);
// Distinct categories and departments (code, zh, en), in catalogue order.
std::vector<std::string> guide_categories(const Catalogue& catalogue);
struct Department {
  std::string code, zh, en;
  bool operator==(const Department&) const = default;
};
std::vector<Department> guide_departments(const Catalogue& catalogue);

// --- events -------------------------------------------------------------------
struct GuideQuery {
  std::string text;
};
struct GuideFilterChosen {
  GuideFilter filter;
};
struct GuidePage {
  int page;
};
struct GuideOpen {
  std::string item_code;
};
struct GuidePrint {};
// Turns the page of a guide item too long for one screen.
struct GuideItemPage {
  int page;
};
// The search field tapped (true) or the keyboard put away (false).
struct GuideTyping {
  bool on;
};
// A key of the on-screen keyboard, for the search field.
struct GuideKey {
  Key key;
};
// The app's answers to FetchCatalogue.
struct CatalogueLoaded {
  std::string version;
  std::vector<GuideItem> items;
};
struct CatalogueFailed {
  std::string text_id;
};

}  // namespace core
