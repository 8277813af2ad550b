#include "kiosk/app/catalogue_cache.hpp"

#include "config/bundle/durable_file.hpp"
#include "kiosk/platform/parse.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace kiosk::app {

using nlohmann::json;

CatalogueCache::CatalogueCache(std::filesystem::path file) : file_(std::move(file)) {}

std::optional<platform::Catalogue> CatalogueCache::load() const {
  if (file_.empty()) return std::nullopt;
  std::ifstream in(file_, std::ios::binary);
  if (!in) return std::nullopt;  // none kept yet
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const json kept = json::parse(bytes.str(), nullptr, /*allow_exceptions=*/false);
  if (!kept.is_object() || !kept.contains("catalogue") || !kept.contains("etag") ||
      !kept["etag"].is_string()) {
    spdlog::warn("catalogue cache {}: not a kept catalogue; ignored", file_.string());
    return std::nullopt;
  }
  auto parsed = platform::wire::parse_catalogue(kept["catalogue"].dump());
  if (!parsed) {
    spdlog::warn("catalogue cache {}: {}; ignored", file_.string(), parsed.error());
    return std::nullopt;
  }
  parsed->etag = kept["etag"].get<std::string>();
  return std::move(*parsed);
}

void CatalogueCache::save(std::string_view body, std::string_view etag) const {
  if (file_.empty()) return;
  const json catalogue = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (catalogue.is_discarded()) return;  // the client parsed it; cannot happen
  const json kept = {{"etag", std::string(etag)}, {"catalogue", catalogue}};
  if (auto ok = config::bundle::durable::replace_file(file_, kept.dump()); !ok) {
    spdlog::warn("catalogue cache: {}", ok.error());
  }
}

}  // namespace kiosk::app
