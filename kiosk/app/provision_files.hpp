#pragma once
// Where provisioning leaves its results under the state folder, and the
// device key store: a small interface so a TPM-backed store can replace the
// file one (the key would then never leave the TPM; the platform client
// would use it through an OpenSSL provider instead of a key file).
#include "base/expected.hpp"
#include "kiosk/platform/http.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::provision {

struct Files {
  std::filesystem::path state;
  std::filesystem::path device_key() const { return state / "keys" / "device-key.pem"; }
  std::filesystem::path device_cert() const { return state / "keys" / "device.pem"; }
  std::filesystem::path platform_ca() const { return state / "keys" / "platform-ca.pem"; }
  std::filesystem::path outbox_key() const { return state / "keys" / "outbox.key"; }
  std::filesystem::path config_store() const { return state / "config"; }
  std::filesystem::path progress() const { return state / "provision" / "state.json"; }
  std::filesystem::path slip() const { return state / "provision" / "slip.txt"; }
};

class DeviceKeyStore {
 public:
  virtual ~DeviceKeyStore() = default;
  // A fresh EC P-256 key (replacing one never certified) and a CSR for it.
  virtual kx::expected<std::string, std::string> new_key_csr(const std::string& common_name) = 0;
  // What the TLS client needs to use the key (a file path here).
  virtual std::string key_reference() const = 0;
};

class FileKeyStore : public DeviceKeyStore {
 public:
  explicit FileKeyStore(std::filesystem::path key_file) : file_(std::move(key_file)) {}
  kx::expected<std::string, std::string> new_key_csr(const std::string& common_name) override;
  std::string key_reference() const override { return file_.string(); }

 private:
  std::filesystem::path file_;
};

// Progress of one provisioning: completed steps and what they produced, in
// <state>/provision/state.json, rewritten atomically after each step.
struct Progress {
  std::vector<std::string> done;
  std::string platform_url, hall, terminal_id;
  bool has(const std::string& step) const;
};
Progress load_progress(const Files& f);
kx::expected<void, std::string> save_progress(const Files& f, const Progress& p);

// How the running app reaches the platform as this terminal (mutual TLS
// with the provisioned key and certificate), or why it cannot: not
// provisioned yet, or a file provisioning left is missing.
kx::expected<kiosk::platform::ClientConfig, std::string> provisioned_client(const Files& f);

// Writes `bytes` to a new file with `mode` (durably, replacing any).
kx::expected<void, std::string> write_secret(const std::filesystem::path& path,
                                             const std::string& bytes, unsigned mode);

}  // namespace kiosk::provision
