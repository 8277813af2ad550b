#pragma once
// The last service catalogue the platform sent, kept on disk so that a kiosk
// started during an outage still shows the service guides and still takes
// pre-applications into the outbox. The catalogue is public (no personal
// data), so it is stored as the platform sent it, with its ETag: the first
// fetch after a start is a conditional GET that costs the platform nothing
// when the catalogue did not change.
//
// File: STATE/catalogue.json = {"etag": "...", "catalogue": <platform body>},
// replaced atomically (a power cut leaves the old or the new file).
#include "kiosk/platform/types.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace kiosk::app {

class CatalogueCache {
 public:
  // An empty path keeps nothing (tests, or a kiosk without a state folder).
  explicit CatalogueCache(std::filesystem::path file);

  // The kept catalogue; nullopt when there is none or it cannot be read
  // (logged: a damaged cache is dropped, never trusted).
  std::optional<platform::Catalogue> load() const;
  // Best effort: a full disk costs the next offline start its guides, not
  // this session anything. Logs failures.
  void save(std::string_view body, std::string_view etag) const;

 private:
  std::filesystem::path file_;
};

}  // namespace kiosk::app
