#include "drivers/idcard/mask.hpp"

namespace idcard {

std::string mask_id_number(std::string_view id) {
  if (id.size() <= 8) return std::string(id.size(), '*');
  std::string out(id);
  for (std::size_t i = 4; i + 4 < out.size(); ++i) out[i] = '*';
  return out;
}

}  // namespace idcard
