// Config arrives from operators (and, through bundles, over the network):
// the parser must reject anything malformed without crashing. The input is
// split at the first NUL into config.json and texts.json.
#include "config/config.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const auto cut = all.find('\0');
  const std::string_view main_json = all.substr(0, cut);
  const std::string_view texts_json = cut == std::string_view::npos ? "{}" : all.substr(cut + 1);
  auto cfg = config::parse(main_json, texts_json);
  if (cfg) {
    // Whatever passes validation keeps the invariants the kiosk relies on.
    if (cfg->timeouts.warning_s >= cfg->timeouts.inactivity_s) __builtin_trap();
    if (cfg->hall.name.zh.empty() || cfg->hall.name.en.empty()) __builtin_trap();
  } else if (cfg.error().field.empty() || cfg.error().reason.empty()) {
    __builtin_trap();
  }
  return 0;
}
