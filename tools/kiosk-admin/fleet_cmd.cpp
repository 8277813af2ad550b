// `kiosk-admin fleet status --platform URL --ca FILE`: the last heartbeat of
// every terminal, from the platform's admin API. The platform simulator
// serves /admin/records on 127.0.0.1; the city's real platform has no
// documented admin API yet (docs/platform-api.yaml), so this is the one
// place to adapt when it does.
#include "kiosk/cli/registry.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <memory>

namespace {

struct FleetArgs {
  std::string platform, ca;
};

size_t append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

int fleet_status(const FleetArgs& a) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  std::string body;
  const std::string url = a.platform + "/admin/records?kind=heartbeat";
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  if (!a.ca.empty()) curl_easy_setopt(curl.get(), CURLOPT_CAINFO, a.ca.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 10L);
  long status = 0;
  const CURLcode rc = curl_easy_perform(curl.get());
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (rc != CURLE_OK || status != 200) {
    std::cerr << "cannot read heartbeats from " << url << ": "
              << (rc != CURLE_OK ? curl_easy_strerror(rc) : "HTTP " + std::to_string(status))
              << "\n(the platform simulator serves /admin/records; the real platform has no "
                 "admin API yet)\n";
    return 1;
  }
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.contains("records") || !j["records"].is_array()) {
    std::cerr << "unexpected answer from " << url << "\n";
    return 1;
  }
  struct Entry {
    std::string last;
    int count = 0;
    nlohmann::json refused = nullptr;  // "expired (v7)" from the newest heartbeat, or null
  };
  std::map<std::string, Entry> by_terminal;
  for (const auto& r : j["records"]) {  // in arrival order: the newest heartbeat wins
    auto& e = by_terminal[r.value("terminal_id", "?")];
    const std::string at = r.value("created_at", std::string{});
    if (at >= e.last) {
      e.last = at;
      e.refused = nullptr;
      const auto data = r.value("data", nlohmann::json::object());
      if (data.is_object() && data.contains("config_refusal") &&
          data["config_refusal"].is_object()) {
        const auto& f = data["config_refusal"];
        std::string text = f.value("reason", std::string{"?"});
        const std::string version = f.value("refused_version", std::string{});
        if (!version.empty()) text += " (" + version + ")";
        e.refused = text;
      }
    }
    ++e.count;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [terminal, e] : by_terminal) {
    out.push_back({{"terminal_id", terminal},
                   {"last_heartbeat", e.last},
                   {"heartbeats", e.count},
                   {"config_refused", e.refused}});
  }
  std::cout << nlohmann::json{{"terminals", out}}.dump(2) << "\n";
  return 0;
}

void install_fleet(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& group = kiosk::cli::group(root, "fleet", "The fleet as the platform sees it");
  auto args = std::make_shared<FleetArgs>();
  auto* status = group.add_subcommand("status", "Last heartbeat of every terminal (JSON)");
  status->add_option("--platform", args->platform, "Platform base URL (https://127.0.0.1:PORT)")
      ->required();
  status->add_option("--ca", args->ca, "CA certificate of the platform");
  status->callback([args, &ctx] { ctx.exit_code = fleet_status(*args); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(40, install_fleet);
