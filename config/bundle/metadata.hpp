#pragma once
// The signed metadata of a config bundle, in the spirit of The Update
// Framework (TUF). Two documents, each {"signed": {...}, "signatures": [...]}:
//
//   root      the operator keys the kiosk trusts, pinned at provisioning:
//             keys by id, and two roles (root, targets), each a set of key
//             ids with a threshold. A new root (version + 1) replaces it when
//             signed by a threshold of the old root keys AND of its own.
//   targets   (metadata.json) version, expiry, and the length and SHA-256 of
//             every file of the config; signed by a threshold of the
//             targets keys.
//
// Signatures cover the canonical bytes of "signed": compact JSON with keys
// sorted, as nlohmann::json::dump() writes it, so signer and verifier
// compute the same bytes whatever spacing the file has.
#include "base/expected.hpp"
#include "config/bundle/refusal.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace config::bundle {

using Time = std::chrono::sys_seconds;

struct Limits {
  std::size_t max_metadata_bytes = 64 * 1024;
  std::size_t max_target_bytes = 1024 * 1024;
  std::size_t max_total_bytes = 8 * 1024 * 1024;
  std::size_t max_targets = 256;
  std::size_t max_root_chain = 16;  // rotations accepted in one bundle
};

struct Signature {
  std::string keyid;
  std::string sig;  // hex
};

struct Role {
  std::vector<std::string> keyids;
  int threshold = 1;
};

struct RootMeta {
  std::int64_t version = 0;
  Time expires{};
  std::map<std::string, std::string> keys;  // key id -> public key (hex)
  Role root;
  Role targets;
};

struct TargetInfo {
  std::uint64_t length = 0;
  std::string sha256;  // hex
};

struct TargetsMeta {
  std::int64_t version = 0;
  Time expires{};
  std::map<std::string, TargetInfo> targets;  // name (relative path) -> info
};

template <class T>
struct Signed {
  T meta;
  std::string canonical;  // the bytes the signatures cover
  std::vector<Signature> signatures;
};

kx::expected<Signed<RootMeta>, Refusal> parse_root(std::string_view text);
kx::expected<Signed<TargetsMeta>, Refusal> parse_targets(std::string_view text);

// The "signed" part as canonical text (what a signer signs).
std::string canonical_root(const RootMeta& m);
std::string canonical_targets(const TargetsMeta& m);
// The whole document, pretty-printed, from canonical bytes and signatures.
std::string envelope(std::string_view canonical, const std::vector<Signature>& signatures);

// How many distinct keys of `role` signed `canonical` validly. Signatures by
// keys outside the role are ignored; `invalid` counts those by role keys that
// do not verify.
struct SignatureCount {
  int valid = 0;
  int invalid = 0;
};
SignatureCount count_signatures(std::string_view canonical,
                                const std::vector<Signature>& signatures,
                                const std::map<std::string, std::string>& keys, const Role& role);
// Refusal (unsigned / bad_signature / below_threshold) when the threshold is
// not met; `what` names the document in the detail.
kx::expected<void, Refusal> check_threshold(std::string_view what, std::string_view canonical,
                                            const std::vector<Signature>& signatures,
                                            const std::map<std::string, std::string>& keys,
                                            const Role& role);

// "2027-01-31T00:00:00Z" only (UTC, seconds); anything else is refused.
kx::expected<Time, std::string> parse_time(std::string_view text);
std::string format_time(Time t);

// A target name is a relative path of [A-Za-z0-9._-] components, none
// empty, "." or "..", none starting with '.', at most 128 characters.
bool is_safe_target_name(std::string_view name);

}  // namespace config::bundle
