// `kiosk outbox …`: the operator's view of the offline cache (docs/offline-cache.md).
//   provision-key  create the root-only key file (once, at provisioning)
//   status         JSON: depth by state, oldest age, last error, quota
//   list           JSON: item metadata (never payloads)
//   retry ID       send a pending or dead-lettered item again now
//   drain          deliver now through the platform client (owner; not while
//                  the kiosk runs): --until-empty --timeout S [--sim]
// status/list/retry open the outbox as an observer, so they are safe while
// the kiosk runs.
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/sim_platform.hpp"
#include "kiosk/cli/registry.hpp"
#include "kiosk/platform/client.hpp"
#include "offline_cache/key_file.hpp"
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <random>
#include <stop_token>

namespace {

namespace oc = offline_cache;
namespace fs = std::filesystem;

struct OutboxArgs {
  std::string state_dir;
  bool sim = false;
  std::string state_filter;
  std::size_t limit = 100;
  std::int64_t id = 0;
  // drain
  bool until_empty = false;
  double timeout_s = 60;
  std::string url, ca, cert, key, pin;
};

struct OutboxPaths {
  fs::path db;
  fs::path key;
};

OutboxPaths outbox_paths(const OutboxArgs& a) {
  kiosk::app::PathOverrides flags;
  if (!a.state_dir.empty()) flags.state_dir = a.state_dir;
  const auto state = kiosk::app::resolve_paths(flags, a.sim).state_dir;
  return {state / "outbox" / "outbox.db", state / "keys" / "outbox.key"};
}

int fail(const oc::Error& e) {
  std::cerr << oc::describe(e) << "\n";
  return 1;
}

kx::expected<std::unique_ptr<oc::Store>, oc::Error> open_observer(const OutboxArgs& a,
                                                                  oc::Clock& clock) {
  const auto p = outbox_paths(a);
  auto key = oc::load_key_file(p.key);
  if (!key) return kx::unexpected(key.error());
  return oc::Store::open(p.db, *key, {}, clock, oc::Mode::observer);
}

nlohmann::json to_json(const oc::ItemInfo& i) {
  nlohmann::json j = {{"id", i.id},
                      {"kind", i.kind},
                      {"state", oc::to_string(i.state)},
                      {"priority", i.priority},
                      {"idempotency_key", i.idempotency_key},
                      {"created_ms", oc::to_ms(i.created)},
                      {"attempts", i.attempts},
                      {"next_attempt_ms", oc::to_ms(i.next_attempt)},
                      {"last_error", i.last_error},
                      {"stored_bytes", i.stored_bytes}};
  if (!i.order_group.empty()) j["order_group"] = i.order_group;
  if (i.expires_at) j["expires_ms"] = oc::to_ms(*i.expires_at);
  if (i.finished_at) j["finished_ms"] = oc::to_ms(*i.finished_at);
  return j;
}

int drain(const OutboxArgs& a);  // below

void add_location_options(CLI::App* cmd, OutboxArgs& a) {
  cmd->add_option("--state", a.state_dir, "State folder (default /var/lib/kiosk; --sim: per user)");
  cmd->add_flag("--sim", a.sim, "Use the per-user simulation state folder");
}

void install_outbox(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& group = kiosk::cli::group(root, "outbox", "Offline cache (outbox) status and repair");
  auto args = std::make_shared<OutboxArgs>();

  auto* provision = group.add_subcommand("provision-key", "Create the outbox key (once)");
  add_location_options(provision, *args);
  provision->callback([args, &ctx] {
    const auto p = outbox_paths(*args);
    auto key = oc::create_key_file(p.key);
    if (!key) {
      ctx.exit_code = fail(key.error());
      return;
    }
    std::cout << nlohmann::json{{"key_file", p.key.string()}}.dump() << "\n";
  });

  auto* status = group.add_subcommand("status", "Queue depth by state, oldest age, last error");
  add_location_options(status, *args);
  status->callback([args, &ctx] {
    oc::SystemClock clock;
    auto store = open_observer(*args, clock);
    if (!store && store.error().code == oc::ErrorCode::not_found) {
      // Provisioned but nothing was ever queued: an empty outbox.
      std::cout << nlohmann::json{{"depth", 0}, {"exists", false}}.dump(2) << "\n";
      return;
    }
    if (!store) {
      ctx.exit_code = fail(store.error());
      return;
    }
    auto s = (*store)->stats();
    if (!s) {
      ctx.exit_code = fail(s.error());
      return;
    }
    nlohmann::json j = {{"depth", s->depth()},
                        {"by_state",
                         {{"pending", s->pending},
                          {"in_flight", s->in_flight},
                          {"delivered", s->delivered},
                          {"dead_lettered", s->dead_lettered}}},
                        {"oldest_age_s", nullptr},
                        {"last_error", s->last_error},
                        {"used_bytes", s->used_bytes},
                        {"quota_bytes", s->quota_bytes},
                        {"full", s->full}};
    if (s->oldest_unsent_created) {
      j["oldest_age_s"] =
          std::chrono::duration_cast<std::chrono::seconds>(clock.now() - *s->oldest_unsent_created)
              .count();
    }
    std::cout << j.dump(2) << "\n";
  });

  auto* list = group.add_subcommand("list", "Items (metadata only, never payloads)");
  add_location_options(list, *args);
  list->add_option("--state-filter", args->state_filter,
                   "pending | in_flight | delivered | dead_lettered")
      ->check(CLI::IsMember({"pending", "in_flight", "delivered", "dead_lettered"}));
  list->add_option("--limit", args->limit, "At most this many")->capture_default_str();
  list->callback([args, &ctx] {
    oc::SystemClock clock;
    auto store = open_observer(*args, clock);
    if (!store) {
      ctx.exit_code = fail(store.error());
      return;
    }
    std::optional<oc::ItemState> filter;
    for (auto st : {oc::ItemState::pending, oc::ItemState::in_flight, oc::ItemState::delivered,
                    oc::ItemState::dead_lettered}) {
      if (args->state_filter == oc::to_string(st)) filter = st;
    }
    auto items = (*store)->list(filter, args->limit);
    if (!items) {
      ctx.exit_code = fail(items.error());
      return;
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : *items) out.push_back(to_json(i));
    std::cout << out.dump(2) << "\n";
  });

  auto* retry = group.add_subcommand("retry", "Send a pending or dead-lettered item again now");
  add_location_options(retry, *args);
  retry->add_option("ID", args->id, "Item id (from `kiosk outbox list`)")->required();
  retry->callback([args, &ctx] {
    oc::SystemClock clock;
    auto store = open_observer(*args, clock);
    if (!store) {
      ctx.exit_code = fail(store.error());
      return;
    }
    if (auto r = (*store)->retry_now(args->id); !r) {
      ctx.exit_code = fail(r.error());
      return;
    }
    std::cout << nlohmann::json{{"retried", args->id}}.dump() << "\n";
  });

  auto* drain_cmd = group.add_subcommand(
      "drain", "Deliver now through the platform (stop the kiosk first: one owner at a time)");
  add_location_options(drain_cmd, *args);
  drain_cmd->add_flag("--until-empty", args->until_empty,
                      "Keep delivering until nothing unsent is left (else one pass)");
  drain_cmd->add_option("--timeout", args->timeout_s, "Give up after S seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  drain_cmd->add_option("--platform", args->url, "Platform base URL (https://…)")
      ->envname("KIOSK_PLATFORM_URL");
  drain_cmd->add_option("--ca", args->ca, "CA bundle the platform must verify against")
      ->envname("KIOSK_PLATFORM_CA");
  drain_cmd->add_option("--cert", args->cert, "Device certificate (PEM)")
      ->envname("KIOSK_PLATFORM_CERT");
  drain_cmd->add_option("--key", args->key, "Device private key (PEM)")
      ->envname("KIOSK_PLATFORM_KEY");
  drain_cmd->add_option("--pin", args->pin, "Pinned public key, curl syntax sha256//BASE64");
  drain_cmd->callback([args, &ctx] { ctx.exit_code = drain(*args); });
}

// `kiosk outbox drain`: owns the outbox for a while and delivers through the
// platform client. Exit codes: 0 done (empty, or one pass without
// --until-empty), 1 outbox error, 3 items remain, 4 no platform.
int drain(const OutboxArgs& a) {
  namespace kp = kiosk::platform;
  std::unique_ptr<kiosk::app::SimPlatform> sim;
  kp::ClientConfig cfg;
  if (a.sim) {
    auto started = kiosk::app::SimPlatform::start();
    if (!started) {
      std::cerr << "无法启动平台模拟器 / cannot start the platform simulator: " << started.error()
                << "\n";
      return 4;
    }
    sim = std::move(*started);
    cfg = sim->client_config();
  } else {
    if (a.url.empty() || a.ca.empty()) {
      std::cerr << "请指定 --platform 和 --ca（以及 --cert/--key），或使用 --sim\n"
                   "Give --platform and --ca (and --cert/--key), or use --sim\n";
      return 4;
    }
    cfg.base_url = a.url;
    cfg.ca_file = a.ca;
    cfg.cert_file = a.cert;
    cfg.key_file = a.key;
  }
  cfg.pinned_public_key = a.pin;
  auto client = kp::PlatformClient::create(cfg);
  if (!client) {
    const auto m = kp::message(client.error().code);
    std::cerr << m.zh << "\n" << m.en << "\n";
    return 4;
  }

  const auto p = outbox_paths(a);
  auto key = oc::load_key_file(p.key);
  if (!key) return fail(key.error());
  std::error_code ec;
  fs::create_directories(p.db.parent_path(), ec);  // first drain before any enqueue
  if (!ec) fs::permissions(p.db.parent_path(), fs::perms::owner_all, ec);
  oc::SystemClock clock;
  auto store = oc::Store::open(p.db, *key, {}, clock, oc::Mode::owner);
  if (!store) return fail(store.error());

  kiosk::app::OutboxSender sender(**client);
  oc::StdRng rng(std::random_device{}());
  oc::DeliveryWorker worker(**store, sender, rng);
  const auto timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(a.timeout_s));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  if (a.until_empty) {
    worker.run_until(std::stop_token{}, deadline, true);
  } else if (auto r = worker.run_due(); !r) {
    return fail(r.error());
  }

  auto s = (*store)->stats();
  if (!s) return fail(s.error());
  std::cout << nlohmann::json{{"remaining", s->depth()},           {"pending", s->pending},
                              {"in_flight", s->in_flight},         {"delivered", s->delivered},
                              {"dead_lettered", s->dead_lettered}, {"last_error", s->last_error}}
                   .dump(2)
            << "\n";
  if (s->dead_lettered > 0) {
    std::cerr
        << "有 " << s->dead_lettered
        << " 项被平台拒收（死信），请用 `kiosk outbox list --state-filter dead_lettered` 查看\n"
        << s->dead_lettered
        << " item(s) were refused by the platform (dead-lettered); see `kiosk outbox list "
           "--state-filter dead_lettered`\n";
  }
  if (a.until_empty && s->depth() > 0) {
    std::cerr << "超时：发件箱中仍有 " << s->depth() << " 项未送达（最后错误："
              << (s->last_error.empty() ? "无" : s->last_error) << "）\n"
              << "Timed out: " << s->depth() << " item(s) still in the outbox (last error: "
              << (s->last_error.empty() ? "none" : s->last_error) << ")\n";
    return 3;
  }
  return 0;
}

}  // namespace

KIOSK_REGISTER_COMMANDS(60, install_outbox);
