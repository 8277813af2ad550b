#include "kiosk/core/texts.hpp"

namespace core {

const Text& Texts::get(std::string_view id) const {
  if (auto it = by_id_.find(id); it != by_id_.end()) return it->second;
  auto [it, inserted] =
      missing_.try_emplace(std::string(id), Text{std::string(id), std::string(id)});
  return it->second;
}

}  // namespace core
