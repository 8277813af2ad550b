#include "config/bundle/install.hpp"

#include "config/bundle/crypto.hpp"
#include "config/bundle/durable_file.hpp"
#include "config/bundle/read_limited.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace config::bundle {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kVersions = "versions";
constexpr const char* kCurrent = "current";
constexpr const char* kLastGood = "last-good";
constexpr const char* kMarker = "health-pending.json";
constexpr const char* kRolledBack = "rolled-back.json";
constexpr const char* kRefusal = "refusal.json";
constexpr const char* kStagingPrefix = ".staging-";

kx::unexpected<Refusal> io_error(std::string detail) {
  return kx::unexpected(Refusal{Reason::io_error, std::move(detail)});
}

// The version folder a link names, or "" when there is no link.
std::string link_target(const fs::path& link) {
  std::error_code ec;
  const auto target = fs::read_symlink(link, ec);
  return ec ? std::string{} : target.filename().string();
}

std::optional<json> read_json(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return std::nullopt;
  auto text = read_limited(file, 64 * 1024);
  if (!text) return std::nullopt;
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return j;
}

std::optional<PendingSwitch> read_marker(const fs::path& store) {
  auto j = read_json(store / kMarker);
  if (!j) return std::nullopt;
  PendingSwitch p;
  p.to = j->value("to", "");
  p.from = j->value("from", "");
  p.switched_at = std::chrono::sys_seconds{std::chrono::seconds{j->value("switched_at", 0LL)}};
  if (auto s = j->find("started_at"); s != j->end() && s->is_number_integer()) {
    p.started_at = std::chrono::sys_seconds{std::chrono::seconds{s->get<std::int64_t>()}};
  }
  return p;
}

std::int64_t version_of(const fs::path& folder) {
  auto text = read_limited(folder / "metadata.json", Limits{}.max_metadata_bytes);
  if (!text) return 0;
  auto meta = parse_targets(*text);
  return meta ? meta->meta.version : 0;
}

kx::expected<void, Refusal> lift(kx::expected<void, std::string> r) {
  if (!r) return io_error(r.error());
  return {};
}

// The marker is replaced whole: at the switch (apply) and when the app
// records its start on it (mark_started).
kx::expected<void, Refusal> write_marker(const fs::path& store, const PendingSwitch& p) {
  json marker = {
      {"to", p.to}, {"from", p.from}, {"switched_at", p.switched_at.time_since_epoch().count()}};
  if (p.started_at) marker["started_at"] = p.started_at->time_since_epoch().count();
  return lift(durable::replace_file(store / kMarker, marker.dump()));
}

// Writes every file of the bundle under `dir`, then fsyncs each folder.
kx::expected<void, Refusal> write_tree(const fs::path& dir, const VerifiedBundle& b) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return io_error("cannot create " + dir.string() + ": " + ec.message());
  std::set<fs::path> folders{dir};
  for (const auto& f : b.files) {
    const auto path = dir / f.name;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return io_error("cannot create " + path.parent_path().string() + ": " + ec.message());
    for (auto p = path.parent_path(); p != dir && p.string().size() > dir.string().size();
         p = p.parent_path()) {
      folders.insert(p);
    }
    if (auto w = lift(durable::write_file(path, f.bytes)); !w) return w;
  }
  if (auto w = lift(durable::write_file(dir / "metadata.json", b.metadata_text)); !w) return w;
  for (const auto& folder : folders) {
    if (auto s = lift(durable::sync_dir(folder)); !s) return s;
  }
  return {};
}

void remove_unused_versions(const fs::path& store, const std::set<std::string>& keep) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(store / kVersions, ec)) {
    if (!keep.contains(entry.path().filename().string())) fs::remove_all(entry.path(), ec);
  }
}

std::string folder_name(const VerifiedBundle& b) {
  return std::to_string(b.targets.version) + "-" + sha256_hex(b.metadata_text).substr(0, 12);
}

}  // namespace

void clean_interrupted(const fs::path& store) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(store / kVersions, ec)) {
    if (entry.path().filename().string().starts_with(kStagingPrefix)) {
      fs::remove_all(entry.path(), ec);
    }
  }
  for (const char* name :
       {"current.tmp", "last-good.tmp", "health-pending.json.tmp", "rolled-back.json.tmp"}) {
    fs::remove(store / name, ec);
  }
  // A marker for a switch that never happened (killed between marker and
  // switch) is stale: the old config is still current and still good.
  if (auto m = read_marker(store); m && m->to != link_target(store / kCurrent)) {
    fs::remove(store / kMarker, ec);
  }
}

kx::expected<StoreState, Refusal> read_store(const fs::path& store) {
  StoreState s;
  s.current = link_target(store / kCurrent);
  s.last_good = link_target(store / kLastGood);
  if (!s.current.empty()) s.installed_version = version_of(store / kVersions / s.current);
  if (auto j = read_json(store / kRolledBack)) s.rolled_back_version = j->value("version", 0LL);
  s.pending = read_marker(store);
  if (s.pending && s.pending->to != s.current) s.pending.reset();  // stale, see clean_interrupted
  return s;
}

kx::expected<Trust, Refusal> load_trust(const fs::path& store) {
  auto root = load_trusted_root(store / "trust" / "root.json");
  if (!root) {
    return io_error("no pinned root in " + (store / "trust").string() + " (" + root.error().detail +
                    "); provision the kiosk first");
  }
  auto state = read_store(store);
  if (!state) return kx::unexpected(state.error());
  return Trust{*root, state->installed_version};
}

kx::expected<void, Refusal> pin_root(const fs::path& store, std::string_view root_json) {
  auto parsed = parse_root(root_json);
  if (!parsed) return kx::unexpected(parsed.error());
  // A root pins itself only if it is signed by its own threshold.
  auto self = check_threshold("root", parsed->canonical, parsed->signatures, parsed->meta.keys,
                              parsed->meta.root);
  if (!self) return kx::unexpected(self.error());
  const auto file = store / "trust" / "root.json";
  std::error_code ec;
  if (fs::exists(file, ec)) {
    auto existing = read_limited(file, Limits{}.max_metadata_bytes);
    if (existing && *existing == root_json) return {};  // same pin: idempotent
    return io_error(file.string() + " is already pinned; rotate keys with a signed bundle");
  }
  fs::create_directories(file.parent_path(), ec);
  return lift(durable::replace_file(file, root_json));
}

kx::expected<ApplyOutcome, Refusal> apply(const fs::path& store, const VerifiedBundle& bundle,
                                          Time now, const StepHook& hook) {
  auto step = [&](std::string_view name) {
    if (hook) hook(name);
  };
  clean_interrupted(store);
  auto state = read_store(store);
  if (!state) return kx::unexpected(state.error());
  const std::string name = folder_name(bundle);
  if (state->current == name) return ApplyOutcome::already_installed;

  const fs::path versions = store / kVersions;
  const fs::path final_dir = versions / name;
  std::error_code ec;
  if (!fs::exists(final_dir, ec)) {
    // Only complete folders ever carry a version name.
    const fs::path staging = versions / (kStagingPrefix + name);
    fs::remove_all(staging, ec);
    if (auto w = write_tree(staging, bundle); !w) return kx::unexpected(w.error());
    step("staged");
    if (::rename(staging.c_str(), final_dir.c_str()) != 0) {
      return io_error("cannot rename " + staging.string() + " to " + final_dir.string());
    }
    if (auto s = lift(durable::sync_dir(versions)); !s) return kx::unexpected(s.error());
    step("renamed");
  }
  if (!bundle.root_chain.empty()) {
    if (auto w =
            lift(durable::replace_file(store / "trust" / "root.json", bundle.root_chain.back()));
        !w) {
      return kx::unexpected(w.error());
    }
    step("root");
  }
  // The config we would go back to: the current one if it was confirmed
  // healthy, otherwise the last known good.
  const std::string from = state->pending ? state->last_good : state->current;
  if (!state->pending && !state->current.empty()) {
    if (auto l =
            lift(durable::replace_symlink(store / kLastGood, fs::path(kVersions) / state->current));
        !l) {
      return kx::unexpected(l.error());
    }
    step("last-good");
  }
  if (auto m = write_marker(store, {name, from, now, std::nullopt}); !m) {
    return kx::unexpected(m.error());
  }
  step("marker");
  if (auto c = lift(durable::replace_symlink(store / kCurrent, fs::path(kVersions) / name)); !c) {
    return kx::unexpected(c.error());
  }
  step("switched");
  fs::remove(store / kRefusal, ec);
  remove_unused_versions(store, {name, from});
  return ApplyOutcome::installed;
}

kx::expected<bool, Refusal> mark_started(const fs::path& store, std::string_view folder, Time now) {
  auto state = read_store(store);
  if (!state) return kx::unexpected(state.error());
  if (!state->pending || state->pending->to != folder || state->pending->started_at) return false;
  PendingSwitch started = *state->pending;
  started.started_at = now;
  if (auto m = write_marker(store, started); !m) return kx::unexpected(m.error());
  return true;
}

std::string current_folder(const fs::path& store) {
  return link_target(store / kCurrent);
}

fs::path version_dir(const fs::path& store, std::string_view folder) {
  return store / kVersions / folder;
}

void record_refusal(const fs::path& store, const Refusal& refusal, Time now,
                    std::int64_t refused_version) {
  json j = {
      {"reason", to_string(refusal.reason)}, {"detail", refusal.detail}, {"at", format_time(now)}};
  if (refused_version > 0) j["version"] = refused_version;
  std::error_code ec;
  fs::create_directories(store, ec);
  (void)durable::replace_file(store / kRefusal, j.dump());
}

std::optional<RecordedRefusal> last_refusal_record(const fs::path& store) {
  auto j = read_json(store / kRefusal);
  if (!j || !j->is_object()) return std::nullopt;
  const auto text = [&](const char* key) {
    auto it = j->find(key);
    return it != j->end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  const std::string name = text("reason");
  for (int r = 0; r <= static_cast<int>(Reason::io_error); ++r) {
    if (name != to_string(static_cast<Reason>(r))) continue;
    RecordedRefusal rec{Refusal{static_cast<Reason>(r), text("detail")}, text("at"), 0};
    if (auto v = j->find("version"); v != j->end() && v->is_number_integer()) {
      rec.refused_version = v->get<std::int64_t>();
    }
    return rec;
  }
  return std::nullopt;
}

std::optional<Refusal> last_refusal(const fs::path& store) {
  auto rec = last_refusal_record(store);
  if (!rec) return std::nullopt;
  return rec->refusal;
}

kx::expected<HealthDecision, Refusal> health_step(const fs::path& store, bool reported_healthy,
                                                  Time now, std::chrono::seconds grace,
                                                  Untried untried) {
  clean_interrupted(store);
  auto state = read_store(store);
  if (!state) return kx::unexpected(state.error());
  if (untried == Untried::wait && !reported_healthy && state->pending &&
      !state->pending->started_at) {
    return HealthDecision{HealthAction::wait, state->pending->switched_at + grace};
  }
  const auto decision = decide_health(state->pending, reported_healthy, now, grace);
  std::error_code ec;
  switch (decision.action) {
    case HealthAction::nothing:
    case HealthAction::wait:
      break;
    case HealthAction::confirm:
      if (auto l = lift(
              durable::replace_symlink(store / kLastGood, fs::path(kVersions) / state->current));
          !l) {
        return kx::unexpected(l.error());
      }
      fs::remove(store / kMarker, ec);
      remove_unused_versions(store, {state->current});
      break;
    case HealthAction::roll_back: {
      const json record = {{"version", state->installed_version}, {"folder", state->current}};
      if (auto r = lift(durable::replace_file(store / kRolledBack, record.dump())); !r) {
        return kx::unexpected(r.error());
      }
      // With nothing to go back to (first install) the kiosk keeps the only
      // config it has; the record still stops the agent retrying it.
      if (!state->pending->from.empty()) {
        if (auto c = lift(durable::replace_symlink(store / kCurrent,
                                                   fs::path(kVersions) / state->pending->from));
            !c) {
          return kx::unexpected(c.error());
        }
      }
      fs::remove(store / kMarker, ec);
      if (auto s = lift(durable::sync_dir(store)); !s) return kx::unexpected(s.error());
      break;
    }
  }
  return decision;
}

}  // namespace config::bundle
