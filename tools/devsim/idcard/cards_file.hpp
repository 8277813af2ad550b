#pragma once
// Loads the synthetic cards file (cards.json) into CardRecords. Header-only
// so the simulator, tests and benchmarks share it without a library target.
#include "drivers/idcard/card.hpp"
#include "drivers/idcard/decode.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace idcard_sim {

inline std::optional<idcard::CardType> card_type_from(const std::string& s) {
  using idcard::CardType;
  if (s == "resident") return CardType::resident;
  if (s == "hk_mo_tw_permit") return CardType::hk_mo_tw_permit;
  if (s == "foreign_permanent_2017") return CardType::foreign_permanent_2017;
  if (s == "foreign_permanent_2023") return CardType::foreign_permanent_2023;
  return std::nullopt;
}

// Deterministic stand-in for the 1024-byte WLT photo of card `index`.
inline std::vector<std::uint8_t> synthetic_photo(std::size_t index) {
  std::vector<std::uint8_t> p(1024);
  std::uint32_t x = 0x9E3779B9u * static_cast<std::uint32_t>(index + 1);
  for (auto& b : p) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = static_cast<std::uint8_t>(x);
  }
  return p;
}

// Returns the cards, or an error text.
inline std::optional<std::vector<idcard::CardRecord>> load_cards(const std::string& path,
                                                                 std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open " + path;
    return std::nullopt;
  }
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("cards") || !j["cards"].is_array()) {
    error = path + ": not a cards file (needs a \"cards\" array)";
    return std::nullopt;
  }
  std::vector<idcard::CardRecord> cards;
  for (const auto& c : j["cards"]) {
    auto type = card_type_from(c.value("type", ""));
    if (!type) {
      error = path + ": unknown card type '" + c.value("type", "") + "'";
      return std::nullopt;
    }
    idcard::CardRecord r;
    r.type = *type;
    r.name = c.value("name", "");
    r.name_en = c.value("name_en", "");
    r.sex_code = c.value("sex", "1").empty() ? '1' : c.value("sex", "1")[0];
    r.nation_code = c.value("nation", "");
    r.birth = c.value("birth", "");
    r.address = c.value("address", "");
    r.appended_address = c.value("appended_address", "");
    r.id_number = c.value("id_number", "");
    r.issuer = c.value("issuer", "");
    r.valid_from = c.value("valid_from", "");
    r.valid_to = c.value("valid_to", "");
    r.pass_number = c.value("pass_number", "");
    r.issue_count = c.value("issue_count", "");
    r.card_version = c.value("card_version", "");
    r.previous_id_link = c.value("previous_id_link", "");
    r.photo_wlt = synthetic_photo(cards.size());
    cards.push_back(std::move(r));
  }
  return cards;
}

}  // namespace idcard_sim
