#include "config/bundle/metadata.hpp"

#include "config/bundle/crypto.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace config::bundle {
namespace {

using nlohmann::json;

kx::unexpected<Refusal> malformed(std::string detail) {
  return kx::unexpected(Refusal{Reason::metadata_malformed, std::move(detail)});
}

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

kx::expected<std::int64_t, Refusal> positive_int(const json& obj, const char* key,
                                                 const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_integer()) {
    return malformed(where + "/" + key + " must be an integer");
  }
  const auto v = it->get<std::int64_t>();
  if (v < 1) return malformed(where + "/" + key + " must be at least 1");
  return v;
}

kx::expected<Time, Refusal> expiry(const json& s) {
  auto it = s.find("expires");
  if (it == s.end() || !it->is_string()) return malformed("/signed/expires must be a string");
  auto t = parse_time(it->get<std::string>());
  if (!t) return malformed("/signed/expires: " + t.error());
  return *t;
}

// Envelope common to both documents: returns the "signed" object and fills
// canonical bytes, signatures, version and expiry.
template <class T>
kx::expected<json, Refusal> open_envelope(std::string_view text, const char* type, Signed<T>& out) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return malformed("not valid JSON");
  if (!j.is_object()) return malformed("must be a JSON object");
  auto s = j.find("signed");
  if (s == j.end() || !s->is_object()) return malformed("/signed must be an object");
  auto t = s->find("_type");
  if (t == s->end() || !t->is_string() || t->get<std::string>() != type) {
    return malformed(std::string("/signed/_type must be \"") + type + "\"");
  }
  auto sigs = j.find("signatures");
  if (sigs == j.end() || !sigs->is_array()) return malformed("/signatures must be an array");
  for (const auto& sig : *sigs) {
    if (!sig.is_object()) return malformed("/signatures entries must be objects");
    auto k = sig.find("keyid");
    auto v = sig.find("sig");
    if (k == sig.end() || !k->is_string() || v == sig.end() || !v->is_string()) {
      return malformed("/signatures entries need string \"keyid\" and \"sig\"");
    }
    out.signatures.push_back({k->get<std::string>(), v->get<std::string>()});
  }
  auto version = positive_int(*s, "version", "/signed");
  if (!version) return kx::unexpected(version.error());
  out.meta.version = *version;
  auto exp = expiry(*s);
  if (!exp) return kx::unexpected(exp.error());
  out.meta.expires = *exp;
  out.canonical = dump(*s);
  return *s;
}

kx::expected<Role, Refusal> parse_role(const json& roles, const char* name,
                                       const std::map<std::string, std::string>& keys) {
  const std::string where = std::string("/signed/roles/") + name;
  auto it = roles.find(name);
  if (it == roles.end() || !it->is_object()) return malformed(where + " must be an object");
  Role role;
  auto ids = it->find("keyids");
  if (ids == it->end() || !ids->is_array()) return malformed(where + "/keyids must be an array");
  std::set<std::string> seen;
  for (const auto& id : *ids) {
    if (!id.is_string()) return malformed(where + "/keyids entries must be strings");
    auto s = id.get<std::string>();
    if (!keys.contains(s)) return malformed(where + ": key " + s + " is not in /signed/keys");
    if (!seen.insert(s).second) return malformed(where + ": key " + s + " is listed twice");
    role.keyids.push_back(std::move(s));
  }
  auto threshold = positive_int(*it, "threshold", where);
  if (!threshold) return kx::unexpected(threshold.error());
  if (*threshold > static_cast<std::int64_t>(role.keyids.size())) {
    return malformed(where + "/threshold exceeds the number of keys");
  }
  role.threshold = static_cast<int>(*threshold);
  return role;
}

json role_json(const Role& r) {
  return {{"keyids", r.keyids}, {"threshold", r.threshold}};
}

}  // namespace

kx::expected<Signed<RootMeta>, Refusal> parse_root(std::string_view text) {
  Signed<RootMeta> out;
  auto s = open_envelope(text, "root", out);
  if (!s) return kx::unexpected(s.error());
  auto keys = s->find("keys");
  if (keys == s->end() || !keys->is_object()) return malformed("/signed/keys must be an object");
  for (const auto& [id, key] : keys->items()) {
    if (!key.is_object()) return malformed("/signed/keys/" + id + " must be an object");
    auto type = key.find("keytype");
    auto pub = key.find("public");
    if (type == key.end() || *type != "ed25519") {
      return malformed("/signed/keys/" + id + "/keytype must be \"ed25519\"");
    }
    if (pub == key.end() || !pub->is_string() || key_id(pub->get<std::string>()) != id) {
      return malformed("/signed/keys/" + id + "/public must be the Ed25519 key with this id");
    }
    out.meta.keys.emplace(id, pub->get<std::string>());
  }
  auto roles = s->find("roles");
  if (roles == s->end() || !roles->is_object()) return malformed("/signed/roles must be an object");
  auto root = parse_role(*roles, "root", out.meta.keys);
  if (!root) return kx::unexpected(root.error());
  auto targets = parse_role(*roles, "targets", out.meta.keys);
  if (!targets) return kx::unexpected(targets.error());
  out.meta.root = *root;
  out.meta.targets = *targets;
  return out;
}

kx::expected<Signed<TargetsMeta>, Refusal> parse_targets(std::string_view text) {
  Signed<TargetsMeta> out;
  auto s = open_envelope(text, "targets", out);
  if (!s) return kx::unexpected(s.error());
  auto targets = s->find("targets");
  if (targets == s->end() || !targets->is_object()) {
    return malformed("/signed/targets must be an object");
  }
  for (const auto& [name, info] : targets->items()) {
    const std::string where = "/signed/targets/" + name;
    if (!info.is_object()) return malformed(where + " must be an object");
    auto len = info.find("length");
    if (len == info.end() || !len->is_number_unsigned()) {
      return malformed(where + "/length must be a non-negative integer");
    }
    auto hash = info.find("sha256");
    std::string raw;
    if (hash == info.end() || !hash->is_string() || hash->get<std::string>().size() != 64 ||
        !from_hex(hash->get<std::string>(), raw)) {
      return malformed(where + "/sha256 must be 64 hex digits");
    }
    out.meta.targets.emplace(name, TargetInfo{len->get<std::uint64_t>(), hash->get<std::string>()});
  }
  return out;
}

std::string canonical_root(const RootMeta& m) {
  json keys = json::object();
  for (const auto& [id, pub] : m.keys) keys[id] = {{"keytype", "ed25519"}, {"public", pub}};
  return dump({{"_type", "root"},
               {"version", m.version},
               {"expires", format_time(m.expires)},
               {"keys", keys},
               {"roles", {{"root", role_json(m.root)}, {"targets", role_json(m.targets)}}}});
}

std::string canonical_targets(const TargetsMeta& m) {
  json targets = json::object();
  for (const auto& [name, t] : m.targets) {
    targets[name] = {{"length", t.length}, {"sha256", t.sha256}};
  }
  return dump({{"_type", "targets"},
               {"version", m.version},
               {"expires", format_time(m.expires)},
               {"targets", targets}});
}

std::string envelope(std::string_view canonical, const std::vector<Signature>& signatures) {
  json sigs = json::array();
  for (const auto& s : signatures) sigs.push_back({{"keyid", s.keyid}, {"sig", s.sig}});
  // Canonical text comes from canonical_*(), so it always parses.
  json doc = {{"signed", json::parse(canonical, nullptr, false)}, {"signatures", sigs}};
  return doc.dump(2) + "\n";
}

SignatureCount count_signatures(std::string_view canonical,
                                const std::vector<Signature>& signatures,
                                const std::map<std::string, std::string>& keys, const Role& role) {
  SignatureCount count;
  std::set<std::string> counted;
  for (const auto& sig : signatures) {
    if (std::find(role.keyids.begin(), role.keyids.end(), sig.keyid) == role.keyids.end()) continue;
    auto key = keys.find(sig.keyid);
    if (key == keys.end() || counted.contains(sig.keyid)) continue;  // one vote per key
    if (verify_hex(key->second, canonical, sig.sig)) {
      counted.insert(sig.keyid);
      ++count.valid;
    } else {
      ++count.invalid;
    }
  }
  return count;
}

kx::expected<void, Refusal> check_threshold(std::string_view what, std::string_view canonical,
                                            const std::vector<Signature>& signatures,
                                            const std::map<std::string, std::string>& keys,
                                            const Role& role) {
  const auto n = count_signatures(canonical, signatures, keys, role);
  if (n.valid >= role.threshold) return {};
  const std::string counts = std::string(what) + ": " + std::to_string(n.valid) + " valid of " +
                             std::to_string(role.threshold) + " required";
  if (signatures.empty()) {
    return kx::unexpected(
        Refusal{Reason::unsigned_metadata, std::string(what) + " has no signature"});
  }
  if (n.invalid > 0) {
    return kx::unexpected(Refusal{Reason::bad_signature,
                                  counts + ", " + std::to_string(n.invalid) + " do not verify"});
  }
  return kx::unexpected(Refusal{Reason::below_threshold, counts});
}

kx::expected<Time, std::string> parse_time(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ, exactly 20 characters.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return kx::unexpected(std::string("not YYYY-MM-DDTHH:MM:SSZ"));
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) {
      return kx::unexpected(std::string("not YYYY-MM-DDTHH:MM:SSZ"));
    }
  }
  auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  using namespace std::chrono;
  const year_month_day date{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))},
                            day{static_cast<unsigned>(num(8, 2))}};
  const int h = num(11, 2), m = num(14, 2), s = num(17, 2);
  if (!date.ok() || h > 23 || m > 59 || s > 59) {
    return kx::unexpected(std::string("not a valid date and time"));
  }
  return sys_days{date} + hours{h} + minutes{m} + seconds{s};
}

std::string format_time(Time t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day date{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

bool is_safe_target_name(std::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const auto end = std::min(name.find('/', start), name.size());
    const auto part = name.substr(start, end - start);
    if (part.empty() || part.front() == '.') return false;  // also "." and ".."
    for (char c : part) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
      if (!ok) return false;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace config::bundle
