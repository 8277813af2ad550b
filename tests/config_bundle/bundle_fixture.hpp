#pragma once
// Builds real signed bundles in a temporary folder: real Ed25519 keys
// (OpenSSL), real files, the same signing code kiosk-admin uses. Each test
// then breaks one thing and expects one exact refusal.
#include "config/bundle/crypto.hpp"
#include "config/bundle/metadata.hpp"
#include "config/bundle/sign.hpp"
#include "config/bundle/verify.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace bundle_test {

namespace fs = std::filesystem;
namespace cb = config::bundle;
using namespace std::chrono_literals;

inline cb::Time at(const char* iso) {
  return *cb::parse_time(iso);
}
inline const cb::Time kNow = at("2026-11-28T02:00:00Z");
inline const cb::Time kNextYear = at("2027-11-28T00:00:00Z");

inline cb::KeyPair new_key() {
  return *cb::generate_ed25519();
}

inline void write(const fs::path& p, std::string_view bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

inline std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

inline const char* kConfigJson = R"({"schema": 1, "version": "ops-7",
  "hall": {"id": "hall-1", "name": {"zh": "政务服务中心", "en": "Service Centre"}},
  "timeouts": {"inactivity_s": 120, "warning_s": 30}})";
inline const char* kTextsJson = R"({"welcome": {"zh": "欢迎", "en": "Welcome"}})";

struct Keyring {
  std::vector<cb::KeyPair> root = {new_key(), new_key()};
  std::vector<cb::KeyPair> targets = {new_key(), new_key(), new_key()};
};

inline cb::RootMeta make_root_meta(std::int64_t version, const std::vector<cb::KeyPair>& root_keys,
                                   int root_threshold, const std::vector<cb::KeyPair>& target_keys,
                                   int target_threshold, cb::Time expires = kNextYear) {
  cb::RootMeta m;
  m.version = version;
  m.expires = expires;
  for (const auto& k : root_keys) {
    m.keys[cb::key_id(k.public_hex)] = k.public_hex;
    m.root.keyids.push_back(cb::key_id(k.public_hex));
  }
  for (const auto& k : target_keys) {
    m.keys[cb::key_id(k.public_hex)] = k.public_hex;
    m.targets.keyids.push_back(cb::key_id(k.public_hex));
  }
  m.root.threshold = root_threshold;
  m.targets.threshold = target_threshold;
  return m;
}

inline std::string sign_with(std::string_view canonical, const std::vector<cb::KeyPair>& keys) {
  std::vector<std::string> pems;
  for (const auto& k : keys) pems.push_back(k.private_pem);
  return *cb::sign_document(canonical, pems);
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("kiosk-bundle-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  fs::path path_;
};

// A bundle folder with config.json + texts.json (+ extra files) signed by
// `signers` at `version`.
inline void make_bundle(const fs::path& dir, std::int64_t version,
                        const std::vector<cb::KeyPair>& signers, cb::Time expires = kNextYear,
                        const std::map<std::string, std::string>& extra = {}) {
  fs::remove_all(dir);
  write(dir / "config.json", kConfigJson);
  write(dir / "texts.json", kTextsJson);
  for (const auto& [name, bytes] : extra) write(dir / name, bytes);
  auto meta = cb::describe_targets(dir, version, expires);
  ASSERT_TRUE(meta) << meta.error();
  write(dir / "metadata.json", sign_with(cb::canonical_targets(*meta), signers));
}

// Re-signs metadata.json after the test edited the targets metadata.
inline void resign(const fs::path& dir, const cb::TargetsMeta& meta,
                   const std::vector<cb::KeyPair>& signers) {
  write(dir / "metadata.json", sign_with(cb::canonical_targets(meta), signers));
}

}  // namespace bundle_test
