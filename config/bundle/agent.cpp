#include "config/bundle/agent.hpp"

#include "config/bundle/durable_file.hpp"
#include "config/bundle/repo.hpp"
#include "config/bundle/verify.hpp"

#include <nlohmann/json.hpp>

namespace config::bundle {
namespace fs = std::filesystem;

namespace {

PollResult failed(std::string error) {
  PollResult r;
  r.outcome = PollOutcome::fetch_failed;
  r.error = std::move(error);
  return r;
}

PollResult refused(Refusal refusal, std::int64_t version = 0) {
  PollResult r;
  r.outcome = PollOutcome::refused;
  r.refusal = std::move(refusal);
  r.version = version;
  return r;
}

// The version a refused metadata claims, for the heartbeat flag ("expired
// (7)"): read without trusting it, 0 when it cannot be read.
std::int64_t claimed_version(const std::string& metadata) {
  const auto j = nlohmann::json::parse(metadata, nullptr, false);
  if (!j.is_object()) return 0;
  const auto s = j.find("signed");
  if (s == j.end() || !s->is_object()) return 0;
  const auto v = s->find("version");
  return v != s->end() && v->is_number_integer() ? v->get<std::int64_t>() : 0;
}

kx::expected<void, PollResult> save(const fs::path& file, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (auto w = durable::write_file(file, bytes); !w) return kx::unexpected(failed(w.error()));
  return {};
}

}  // namespace

const char* to_string(PollOutcome o) {
  switch (o) {
    case PollOutcome::not_modified:
      return "not_modified";
    case PollOutcome::up_to_date:
      return "up_to_date";
    case PollOutcome::installed:
      return "installed";
    case PollOutcome::refused:
      return "refused";
    case PollOutcome::fetch_failed:
      return "fetch_failed";
  }
  return "unknown";
}

ConfigAgent::ConfigAgent(AgentSettings settings, Fetcher& fetcher, std::uint64_t seed)
    : settings_(std::move(settings)), fetcher_(fetcher), rng_(seed) {}

Time ConfigAgent::next_poll(Time now) {
  std::uniform_real_distribution<double> factor(1.0 - settings_.jitter, 1.0 + settings_.jitter);
  const auto wait = std::chrono::seconds(
      static_cast<std::int64_t>(static_cast<double>(settings_.interval.count()) * factor(rng_)));
  return now + std::max(wait, std::chrono::seconds(1));
}

kx::expected<std::vector<std::string>, PollResult> ConfigAgent::fetch_root_chain(
    std::int64_t trusted) {
  std::vector<std::string> chain;
  for (std::int64_t v = trusted + 1; chain.size() <= settings_.limits.max_root_chain; ++v) {
    auto r = fetcher_.get(repo_root_path(v), "", settings_.limits.max_metadata_bytes);
    if (!r) return kx::unexpected(failed(r.error()));
    if (r->status == 404) return chain;
    if (r->status != 200) {
      return kx::unexpected(failed(repo_root_path(v) + ": HTTP " + std::to_string(r->status)));
    }
    chain.push_back(std::move(r->body));
  }
  return kx::unexpected(refused({Reason::oversized, "too many root rotations in the repository"}));
}

kx::expected<PollResult, PollResult> ConfigAgent::fetch_and_install(const std::string& metadata,
                                                                    Time now) {
  auto trust = load_trust(settings_.store);
  if (!trust) return kx::unexpected(refused(trust.error()));
  auto state = read_store(settings_.store);
  if (!state) return kx::unexpected(refused(state.error()));
  auto chain = fetch_root_chain(trust->root.version);
  if (!chain) return kx::unexpected(chain.error());
  auto root = rotate_root(trust->root, *chain);
  if (!root) return kx::unexpected(refused(root.error()));
  // Check signatures, version and expiry before downloading any target.
  auto meta = verify_metadata(metadata, *root, trust->installed_version, now, settings_.limits);
  if (!meta) return kx::unexpected(refused(meta.error(), claimed_version(metadata)));
  PollResult result;
  result.version = meta->version;
  if (meta->version == trust->installed_version || meta->version <= state->rolled_back_version) {
    result.outcome = PollOutcome::up_to_date;
    return result;
  }
  // Assemble a bundle folder from the content-addressed files, then run the
  // full verification on it like any other bundle.
  const fs::path dir = settings_.work_dir / ("bundle-" + std::to_string(meta->version));
  std::error_code ec;
  fs::remove_all(dir, ec);
  for (const auto& [name, info] : meta->targets) {
    if (!is_safe_target_name(name)) {
      return kx::unexpected(refused({Reason::path_traversal, "target name \"" + name + "\""}));
    }
    auto r = fetcher_.get(repo_target_path(info), "", info.length);
    if (!r) return kx::unexpected(failed(r.error()));
    if (r->status != 200) {
      return kx::unexpected(failed(repo_target_path(info) + ": HTTP " + std::to_string(r->status)));
    }
    if (auto s = save(dir / name, r->body); !s) return kx::unexpected(s.error());
  }
  for (std::size_t i = 0; i < chain->size(); ++i) {
    const auto v = trust->root.version + 1 + static_cast<std::int64_t>(i);
    if (auto s = save(dir / repo_root_path(v), (*chain)[i]); !s) return kx::unexpected(s.error());
  }
  if (auto s = save(dir / "metadata.json", metadata); !s) return kx::unexpected(s.error());
  auto verified = verify_bundle(dir, *trust, now, settings_.limits);
  fs::remove_all(dir, ec);
  if (!verified) return kx::unexpected(refused(verified.error(), meta->version));
  auto applied = apply(settings_.store, *verified, now);
  if (!applied) return kx::unexpected(refused(applied.error(), meta->version));
  result.outcome = PollOutcome::installed;
  return result;
}

PollResult ConfigAgent::poll(Time now) {
  auto r = fetcher_.get("metadata.json", etag_, settings_.limits.max_metadata_bytes);
  if (!r) return failed(r.error());
  if (r->status == 304) return {};
  if (r->status != 200) return failed("metadata.json: HTTP " + std::to_string(r->status));
  auto done = fetch_and_install(r->body, now);
  PollResult result = done ? *done : done.error();
  if (result.outcome == PollOutcome::refused)
    record_refusal(settings_.store, result.refusal, now, result.version);
  // Remember the ETag once this metadata was dealt with (installed, current
  // or refused); after a network failure the next poll tries again.
  if (result.outcome != PollOutcome::fetch_failed) etag_ = r->etag;
  return result;
}

}  // namespace config::bundle
