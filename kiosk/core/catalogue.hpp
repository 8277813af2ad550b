#pragma once
// The service catalogue (事项目录) as the session shows it. The app fetches
// it from the platform and hands it over in a CatalogueLoaded event; it is
// public information, so it stays when a session ends.
#include <string>
#include <utility>
#include <vector>

namespace core {

struct GuideMaterial {
  std::string name_zh, name_en;
  bool required = true;
  bool original = false;      // the original, not a copy
  bool elicence = false;      // an e-licence can stand in for it
  std::string code;           // 材料编码
  std::string elicence_type;  // the e-licence type that stands in for it (or empty)
  bool operator==(const GuideMaterial&) const = default;
};

struct GuideItem {
  std::string code;  // 事项编码
  std::string name_zh, name_en;
  std::string department_code, department_zh, department_en;
  std::string category;
  std::vector<std::pair<std::string, std::string>> conditions;  // (zh, en)
  std::vector<GuideMaterial> materials;
  int legal_days = 0, promised_days = 0;
  bool fee_charged = false;
  double fee_yuan = 0;
  std::string fee_basis_zh;
  std::string trips;  // zero | one | more
  bool appointment = false, pre_acceptance = false;
  std::string window_group;
  std::vector<std::string> windows;  // window codes in this hall
  std::string initials;              // pinyin initials of name_zh, for search ("sfz")
  bool operator==(const GuideItem&) const = default;
};

enum class LoadState { none, loading, ready, failed };

struct Catalogue {
  LoadState load = LoadState::none;
  std::string version;
  std::vector<GuideItem> items;
  bool operator==(const Catalogue&) const = default;
};

const GuideItem* find_item(const Catalogue& catalogue, const std::string& code);

}  // namespace core
