// `kiosk config …`: signed config bundles (docs/config.md).
//   verify BUNDLE   check a bundle against the pinned root; exit 1 + reason
//   apply BUNDLE    verify and install it by hand (atomic, keeps last good)
//   pin-root FILE   pin the operators' root keys (provisioning, once)
//   health          --healthy: confirm the switch; otherwise roll back when
//                   the grace period passed without a healthy report
//   status          JSON: current, last good, pending switch, last refusal
//   agent           poll the fleet's repository (HTTPS, ETag, jitter) and
//                   install newer bundles; --once for one poll (systemd timer)
// The store is <state>/config; the app loads <state>/config/current.
#include "config/bundle/agent.hpp"
#include "config/bundle/curl_fetcher.hpp"
#include "config/bundle/install.hpp"
#include "config/bundle/read_limited.hpp"
#include "config/bundle/verify.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/cli/registry.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <random>
#include <thread>

namespace {

namespace cb = config::bundle;
namespace fs = std::filesystem;

struct ConfigArgs {
  std::string state_dir;
  std::string store;
  bool sim = false;
  std::string bundle;
  std::string root_file;
  bool healthy = false;
  int grace_s = 120;
  std::string url, ca;
  int interval_s = 300;
  bool once = false;
};

fs::path store_of(const ConfigArgs& a) {
  if (!a.store.empty()) return a.store;
  kiosk::app::PathOverrides flags;
  if (!a.state_dir.empty()) flags.state_dir = a.state_dir;
  return kiosk::app::resolve_paths(flags, a.sim).state_dir / "config";
}

cb::Time now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Prints the refusal for people and logs it for the journal; the kiosk
// keeps its current config.
int refuse(const fs::path& store, const cb::Refusal& r, bool record) {
  std::cerr << "refused: " << cb::to_string(r.reason) << ": " << r.detail << "\n"
            << "  " << cb::describe_zh(r.reason) << " / " << cb::describe_en(r.reason)
            << "; the current config stays in use / 继续使用当前配置\n";
  spdlog::warn("config bundle refused: {}: {}", cb::to_string(r.reason), r.detail);
  if (record) cb::record_refusal(store, r, now());
  return 1;
}

kx::expected<cb::VerifiedBundle, cb::Refusal> verify(const ConfigArgs& a) {
  const auto store = store_of(a);
  kx::expected<cb::Trust, cb::Refusal> trust = kx::unexpected(cb::Refusal{});
  if (!a.root_file.empty()) {
    auto root = cb::load_trusted_root(a.root_file);
    if (!root) return kx::unexpected(root.error());
    auto state = cb::read_store(store);
    trust = cb::Trust{*root, state ? state->installed_version : 0};
  } else {
    trust = cb::load_trust(store);
  }
  if (!trust) return kx::unexpected(trust.error());
  return cb::verify_bundle(a.bundle, *trust, now());
}

void add_store_options(CLI::App* cmd, ConfigArgs& a) {
  cmd->add_option("--store", a.store, "Config store (default <state>/config)");
  cmd->add_option("--state", a.state_dir, "State folder (default /var/lib/kiosk; --sim: per user)");
  cmd->add_flag("--sim", a.sim, "Use the per-user simulation state folder");
}

nlohmann::json status_json(const fs::path& store) {
  nlohmann::json j = {{"store", store.string()}};
  auto s = cb::read_store(store);
  if (!s) return j;
  j["current"] = s->current;
  j["installed_version"] = s->installed_version;
  j["last_good"] = s->last_good;
  j["rolled_back_version"] = s->rolled_back_version;
  if (s->pending) {
    j["pending"] = {{"to", s->pending->to},
                    {"from", s->pending->from},
                    {"switched_at", cb::format_time(s->pending->switched_at)}};
    if (s->pending->started_at) {
      j["pending"]["started_at"] = cb::format_time(*s->pending->started_at);
    }
  }
  if (auto r = cb::last_refusal(store)) {
    j["last_refusal"] = {{"reason", cb::to_string(r->reason)}, {"detail", r->detail}};
  }
  return j;
}

// The agent's loop: roll back an overdue unconfirmed switch, poll, wait a
// jittered interval. One poll per pass; the process is the service.
int run_agent(const ConfigArgs& a) {
  const auto store = store_of(a);
  auto fetcher = cb::make_curl_fetcher({a.url, a.ca, 30});
  cb::ConfigAgent agent({store, store / "work", std::chrono::seconds(a.interval_s), 0.2, {}},
                        *fetcher, std::random_device{}());
  for (;;) {
    const auto t = now();
    if (auto h =
            cb::health_step(store, false, t, std::chrono::seconds(a.grace_s), cb::Untried::wait);
        h && h->action == cb::HealthAction::roll_back) {
      spdlog::warn("config: no healthy report within {} s; rolled back", a.grace_s);
    }
    const auto r = agent.poll(t);
    if (r.outcome == cb::PollOutcome::refused) {
      refuse(store, r.refusal, false);  // the agent already recorded the flag
    } else if (r.outcome == cb::PollOutcome::fetch_failed) {
      spdlog::warn("config: poll failed: {}", r.error);
    } else {
      spdlog::info("config: {} (repository version {})", cb::to_string(r.outcome), r.version);
    }
    if (a.once) {
      return r.outcome == cb::PollOutcome::refused || r.outcome == cb::PollOutcome::fetch_failed;
    }
    std::this_thread::sleep_until(agent.next_poll(t));
  }
}

void install_config(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& group = kiosk::cli::group(root, "config", "Signed config bundles: verify, apply, health");
  auto args = std::make_shared<ConfigArgs>();

  auto* verify_cmd = group.add_subcommand("verify", "Check a bundle; exit 1 with the reason");
  verify_cmd->add_option("BUNDLE", args->bundle, "Bundle folder")->required();
  verify_cmd->add_option("--root", args->root_file, "Trust this root.json instead of the store's");
  add_store_options(verify_cmd, *args);
  verify_cmd->callback([args, &ctx] {
    auto v = verify(*args);
    if (!v) {
      ctx.exit_code = refuse(store_of(*args), v.error(), false);
      return;
    }
    std::cout << "ok: version " << v->targets.version << ", " << v->files.size()
              << " files, expires " << cb::format_time(v->targets.expires) << "\n";
    ctx.exit_code = 0;
  });

  auto* apply_cmd = group.add_subcommand("apply", "Verify and install a bundle by hand");
  apply_cmd->add_option("BUNDLE", args->bundle, "Bundle folder")->required();
  add_store_options(apply_cmd, *args);
  apply_cmd->callback([args, &ctx] {
    const auto store = store_of(*args);
    auto v = verify(*args);
    if (!v) {
      ctx.exit_code = refuse(store, v.error(), true);
      return;
    }
    auto done = cb::apply(store, *v, now());
    if (!done) {
      ctx.exit_code = refuse(store, done.error(), true);
      return;
    }
    std::cout << (*done == cb::ApplyOutcome::installed ? "installed" : "already installed")
              << ": version " << v->targets.version << " in " << (store / "current").string()
              << "\n";
    spdlog::info("config version {} installed", v->targets.version);
    ctx.exit_code = 0;
  });

  auto* pin = group.add_subcommand("pin-root", "Pin the operators' root.json (provisioning)");
  pin->add_option("FILE", args->root_file, "root.json from kiosk-admin")->required();
  add_store_options(pin, *args);
  pin->callback([args, &ctx] {
    auto text = cb::read_limited(args->root_file, cb::Limits{}.max_metadata_bytes);
    auto pinned = text ? cb::pin_root(store_of(*args), *text)
                       : kx::expected<void, cb::Refusal>(kx::unexpected(text.error()));
    ctx.exit_code = pinned ? 0 : refuse(store_of(*args), pinned.error(), false);
    if (pinned) std::cout << "root pinned in " << (store_of(*args) / "trust").string() << "\n";
  });

  auto* health = group.add_subcommand(
      "health", "Confirm (--healthy) or roll back a switch after the grace period");
  health->add_flag("--healthy", args->healthy, "The app reports healthy on the new config");
  health->add_option("--grace", args->grace_s, "Seconds a switch may stay unconfirmed")
      ->capture_default_str();
  add_store_options(health, *args);
  health->callback([args, &ctx] {
    auto d =
        cb::health_step(store_of(*args), args->healthy, now(), std::chrono::seconds(args->grace_s));
    if (!d) {
      ctx.exit_code = refuse(store_of(*args), d.error(), false);
      return;
    }
    static constexpr const char* kNames[] = {"nothing", "wait", "confirm", "roll_back"};
    std::cout << kNames[static_cast<int>(d->action)] << "\n";
    if (d->action == cb::HealthAction::roll_back) spdlog::warn("config switch rolled back");
    ctx.exit_code = 0;
  });

  auto* agent = group.add_subcommand("agent", "Poll the fleet repository and install updates");
  agent->add_option("--url", args->url, "Repository base URL (https://…)")->required();
  agent->add_option("--ca", args->ca, "CA bundle for the repository (default: system)");
  agent->add_option("--interval", args->interval_s, "Seconds between polls (±20 % jitter)")
      ->capture_default_str();
  agent->add_option("--grace", args->grace_s, "Seconds a switch may stay unconfirmed")
      ->capture_default_str();
  agent->add_flag("--once", args->once, "Poll once; exit 1 if refused or failed");
  add_store_options(agent, *args);
  agent->callback([args, &ctx] { ctx.exit_code = run_agent(*args); });

  auto* status = group.add_subcommand("status", "Current, last good, pending switch, refusal");
  add_store_options(status, *args);
  status->callback([args, &ctx] {
    std::cout << status_json(store_of(*args)).dump(2) << "\n";
    ctx.exit_code = 0;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(70, install_config);
