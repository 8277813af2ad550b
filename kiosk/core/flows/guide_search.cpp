// Searching and browsing the catalogue: pure functions over the items.
#include "kiosk/core/flows/guide.hpp"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

bool passes(const GuideItem& item, const GuideFilter& f) {
  switch (f.by) {
    case GuideFilter::By::all:
      return true;
    case GuideFilter::By::category:
      return item.category == f.value;
    case GuideFilter::By::department:
      return item.department_code == f.value;
  }
  return true;
}

}  // namespace

bool item_matches(const GuideItem& item, std::string_view raw_query) {
  const std::string query = trimmed(raw_query);
  if (query.empty()) return true;
  if (!ascii_only(query)) {
    return item.name_zh.find(query) != std::string::npos ||
           item.department_zh.find(query) != std::string::npos;
  }
  const std::string q = lower_ascii(query);
  // Pinyin initials: "sfz" finds 身份证 wherever it stands in the name.
  if (!item.initials.empty() && lower_ascii(item.initials).find(q) != std::string::npos) {
    return true;
  }
  return lower_ascii(item.name_en).find(q) != std::string::npos ||
         lower_ascii(item.department_en).find(q) != std::string::npos ||
         lower_ascii(item.code).find(q) != std::string::npos;
}

std::vector<const GuideItem*> guide_results(const Catalogue& catalogue, const GuideState& guide) {
  std::vector<const GuideItem*> out;
  for (const GuideItem& item : catalogue.items) {
    if (passes(item, guide.filter) && item_matches(item, guide.query)) out.push_back(&item);
  }
  return out;
}

std::vector<std::string> guide_categories(const Catalogue& catalogue) {
  std::vector<std::string> out;
  for (const GuideItem& item : catalogue.items) {
    if (!item.category.empty() && std::find(out.begin(), out.end(), item.category) == out.end())
      out.push_back(item.category);
  }
  return out;
}

std::vector<Department> guide_departments(const Catalogue& catalogue) {
  std::vector<Department> out;
  for (const GuideItem& item : catalogue.items) {
    const bool known = std::any_of(out.begin(), out.end(), [&](const Department& d) {
      return d.code == item.department_code;
    });
    if (!known) out.push_back({item.department_code, item.department_zh, item.department_en});
  }
  return out;
}

const GuideItem* find_item(const Catalogue& catalogue, const std::string& code) {
  for (const GuideItem& item : catalogue.items) {
    if (item.code == code) return &item;
  }
  return nullptr;
}

}  // namespace core
