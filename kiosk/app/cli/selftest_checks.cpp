#include "kiosk/app/cli/selftest_checks.hpp"

#include "config/bundle/install.hpp"
#include "kiosk/app/cli/selftest_devices.hpp"
#include "kiosk/platform/client.hpp"
#include "offline_cache/key_file.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace kiosk::provision {
namespace {

namespace fs = std::filesystem;

Check ok(std::string name, std::string detail = {}) {
  return {std::move(name), "ok", std::move(detail)};
}
Check failed(std::string name, std::string detail) {
  return {std::move(name), "failed", std::move(detail)};
}

Check device_key(const Files& f) {
  struct stat st {};
  if (::stat(f.device_key().c_str(), &st) != 0) {
    return failed("device_key", f.device_key().string() + " is missing");
  }
  if ((st.st_mode & 077) != 0) {
    return failed("device_key", f.device_key().string() + " is readable by others (needs 0600)");
  }
  return ok("device_key");
}

Check certificate(const Files& f) {
  std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(f.device_cert().c_str(), "r"),
                                                     std::fclose);
  if (!file) return failed("certificate", f.device_cert().string() + " is missing");
  std::unique_ptr<X509, decltype(&X509_free)> cert(
      PEM_read_X509(file.get(), nullptr, nullptr, nullptr), X509_free);
  if (!cert) return failed("certificate", "not a PEM certificate");
  if (X509_cmp_current_time(X509_get0_notAfter(cert.get())) <= 0) {
    return failed("certificate", "the device certificate has expired; enrol again");
  }
  std::unique_ptr<FILE, decltype(&std::fclose)> keyf(std::fopen(f.device_key().c_str(), "r"),
                                                     std::fclose);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      keyf ? PEM_read_PrivateKey(keyf.get(), nullptr, nullptr, nullptr) : nullptr, EVP_PKEY_free);
  if (!key || X509_check_private_key(cert.get(), key.get()) != 1) {
    return failed("certificate", "the certificate does not belong to the device key");
  }
  return ok("certificate");
}

Check outbox_key(const Files& f) {
  auto key = offline_cache::load_key_file(f.outbox_key());
  if (!key) return failed("outbox_key", offline_cache::describe(key.error()));
  return ok("outbox_key");
}

Check config_trust(const Files& f) {
  auto trust = config::bundle::load_trust(f.config_store());
  if (!trust)
    return {"config_trust", "skipped", "no operator root pinned: signed config updates are off"};
  return ok("config_trust", "root v" + std::to_string(trust->root.version) + ", config v" +
                                std::to_string(trust->installed_version));
}

Check platform(const Files& f, const Progress& p) {
  if (p.platform_url.empty()) return failed("platform", "not provisioned: no platform URL");
  auto cfg = provisioned_client(f);
  if (!cfg) return failed("platform", cfg.error());
  auto client = kiosk::platform::PlatformClient::create(*cfg);
  if (!client) return failed("platform", client.error().detail);
  auto ping = (*client)->ping();
  if (!ping) return failed("platform", "mutual TLS ping failed: " + ping.error().detail);
  if (!p.terminal_id.empty() && ping->terminal_id != p.terminal_id) {
    return failed("platform", "the platform knows this device as " + ping->terminal_id);
  }
  return ok("platform", "mutual TLS ok as " + ping->terminal_id);
}

// The terminal id the test page carries: the one provisioning recorded.
std::string terminal_id_of(const Progress& p) {
  return p.terminal_id.empty() ? std::string("UNPROVISIONED") : p.terminal_id;
}

}  // namespace

const std::vector<std::string>& check_names() {
  static const std::vector<std::string> names = {"device_key",   "certificate", "outbox_key",
                                                 "config_trust", "platform",    "idcard_reader",
                                                 "printer",      "scanner"};
  return names;
}

std::optional<Check> run_check(const std::string& name, const Files& f, const Progress& p,
                               const DeviceAddresses& devices) {
  if (name == "device_key") return device_key(f);
  if (name == "certificate") return certificate(f);
  if (name == "outbox_key") return outbox_key(f);
  if (name == "config_trust") return config_trust(f);
  if (name == "platform") return platform(f, p);
  if (name == "idcard_reader") return check_reader(devices);
  if (name == "printer") return check_printer(devices, terminal_id_of(p));
  if (name == "scanner") return check_scanner(devices);
  return std::nullopt;
}

std::vector<Check> run_selftest(const Files& f, const Progress& p, const DeviceAddresses& devices) {
  std::vector<Check> checks;
  for (const auto& name : check_names()) checks.push_back(*run_check(name, f, p, devices));
  return checks;
}

nlohmann::json report_json(const std::vector<Check>& checks) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : checks) {
    list.push_back({{"name", c.name}, {"status", c.status}, {"detail", c.detail}});
  }
  return {{"ok", passed(checks)}, {"checks", list}};
}

bool passed(const std::vector<Check>& checks) {
  return std::none_of(checks.begin(), checks.end(),
                      [](const Check& c) { return c.status == "failed"; });
}

}  // namespace kiosk::provision
