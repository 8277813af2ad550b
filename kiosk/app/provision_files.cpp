#include "kiosk/app/provision_files.hpp"

#include "config/bundle/durable_file.hpp"
#include "kiosk/platform/client.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::provision {
namespace fs = std::filesystem;

kx::expected<void, std::string> write_secret(const fs::path& path, const std::string& bytes,
                                             unsigned mode) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::permissions(path.parent_path(), fs::perms::owner_all, ec);
  return config::bundle::durable::replace_file(path, bytes, mode);
}

kx::expected<std::string, std::string> FileKeyStore::new_key_csr(const std::string& cn) {
  auto kc = kiosk::platform::make_device_key_and_csr(cn);
  if (!kc) return kx::unexpected("device key: " + kc.error().detail);
  if (auto w = write_secret(file_, kc->key_pem, 0600); !w) return kx::unexpected(w.error());
  return kc->csr_pem;
}

kx::expected<kiosk::platform::ClientConfig, std::string> provisioned_client(const Files& f) {
  const Progress p = load_progress(f);
  if (!p.has("certificate") || p.platform_url.empty()) {
    return kx::unexpected("not provisioned (technician mode: Provision, or run `kiosk provision`)");
  }
  for (const fs::path& file : {f.device_key(), f.device_cert(), f.platform_ca()}) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return kx::unexpected("missing " + file.string());
  }
  kiosk::platform::ClientConfig cfg;
  cfg.base_url = p.platform_url;
  cfg.ca_file = f.platform_ca().string();
  cfg.cert_file = f.device_cert().string();
  cfg.key_file = f.device_key().string();
  return cfg;
}

bool Progress::has(const std::string& step) const {
  return std::find(done.begin(), done.end(), step) != done.end();
}

Progress load_progress(const Files& f) {
  Progress p;
  std::ifstream in(f.progress());
  std::stringstream ss;
  ss << in.rdbuf();
  const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return p;
  if (j.contains("done") && j["done"].is_array()) {
    for (const auto& s : j["done"]) {
      if (s.is_string()) p.done.push_back(s.get<std::string>());
    }
  }
  p.platform_url = j.value("platform_url", "");
  p.hall = j.value("hall", "");
  p.terminal_id = j.value("terminal_id", "");
  return p;
}

kx::expected<void, std::string> save_progress(const Files& f, const Progress& p) {
  const nlohmann::json j = {{"done", p.done},
                            {"platform_url", p.platform_url},
                            {"hall", p.hall},
                            {"terminal_id", p.terminal_id}};
  std::error_code ec;
  fs::create_directories(f.progress().parent_path(), ec);
  return config::bundle::durable::replace_file(f.progress(), j.dump(2) + "\n");
}

}  // namespace kiosk::provision
