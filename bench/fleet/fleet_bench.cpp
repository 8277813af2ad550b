// Fleet simulation: N kiosks (config agents, each with its own store, seed
// and HTTPS connection) poll one nginx serving a repository. Time is
// virtual (an event queue of next-poll times with jitter); every poll is a
// real HTTPS request and every install a real verify + atomic apply. After
// the fleet runs v1, v2 is published; the tool prints the distribution of
// apply times (virtual seconds after publishing) and whether every kiosk
// got v2 within two poll intervals, plus the CPU time all this took.
//
//   build-x/bin/fleet-bench [--kiosks 200] [--interval 300] [--seed 1]
//
// Each kiosk is also enrolled with the platform simulator (its own device
// key and certificate) and sends a heartbeat over mutual TLS after every
// poll, carrying its installed config version.
#include "config/bundle/agent.hpp"
#include "config/bundle/crypto.hpp"
#include "config/bundle/curl_fetcher.hpp"
#include "config/bundle/install.hpp"
#include "config/bundle/repo.hpp"
#include "config/bundle/sign.hpp"
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/sim_process.hpp"
#include "tests/config_bundle/nginx_server.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <queue>
#include <string>
#include <vector>

namespace {

namespace cb = config::bundle;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

void write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

void publish(const fs::path& src, const fs::path& repo, int version, const cb::KeyPair& ops) {
  write(src / "config.json",
        R"({"hall": {"id": "h1", "name": {"zh": "大厅", "en": "Hall"}}, "version": "v)" +
            std::to_string(version) + "\"}");
  write(src / "texts.json", R"({"welcome": {"zh": "欢迎", "en": "Welcome"}})");
  auto meta = cb::describe_targets(src, version, *cb::parse_time("2099-01-01T00:00:00Z"));
  write(src / "metadata.json", *cb::sign_document(cb::canonical_targets(*meta), {ops.private_pem}));
  if (auto p = cb::publish(src, repo); !p) {
    std::fprintf(stderr, "publish: %s\n", p.error().c_str());
    std::exit(1);
  }
}

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  rusage c{};
  ::getrusage(RUSAGE_CHILDREN, &c);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime) + s(c.ru_utime) + s(c.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  int kiosks = 200, interval_s = 300;
  std::uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--kiosks") kiosks = std::atoi(argv[i + 1]);
    if (a == "--interval") interval_s = std::atoi(argv[i + 1]);
    if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  const fs::path dir = fs::temp_directory_path() / ("fleet-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  struct Cleanup {  // declared before nginx, so it runs after nginx stopped
    fs::path d;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  } cleanup{dir};
  const auto root_key = *cb::generate_ed25519(), ops = *cb::generate_ed25519();
  cb::RootMeta root;
  root.version = 1;
  root.expires = *cb::parse_time("2099-01-01T00:00:00Z");
  root.keys[cb::key_id(root_key.public_hex)] = root_key.public_hex;
  root.keys[cb::key_id(ops.public_hex)] = ops.public_hex;
  root.root = {{cb::key_id(root_key.public_hex)}, 1};
  root.targets = {{cb::key_id(ops.public_hex)}, 1};
  const auto root_doc = *cb::sign_document(cb::canonical_root(root), {root_key.private_pem});
  publish(dir / "src", dir / "repo", 1, ops);

  bundle_test::NginxServer nginx(dir / "nginx", dir / "repo");
  if (!nginx.error().empty()) {
    std::fprintf(stderr, "%s\n", nginx.error().c_str());
    return 1;
  }
  namespace kp = kiosk::platform;
  auto sim = kp::SimProcess::start(
      {fs::path(argv[0]).parent_path() / "platform-sim", dir / "sim", "", seed, kiosks});
  if (!sim) {
    std::fprintf(stderr, "platform-sim: %s\n", sim.error().c_str());
    return 1;
  }
  const auto tokens = sim->enrolment_tokens();
  std::vector<std::unique_ptr<kp::PlatformClient>> platform;
  for (int k = 0; k < kiosks; ++k) {
    kp::ClientConfig cfg;
    cfg.base_url = sim->url();
    cfg.ca_file = sim->ca_file().string();
    auto anon = kp::PlatformClient::create(cfg);
    auto kc = kp::make_device_key_and_csr("fleet-" + std::to_string(k));
    auto enrolled =
        (anon && kc && k < static_cast<int>(tokens.size()))
            ? (*anon)->enrol({tokens[k], kc->csr_pem, "HALL-01"}, kp::new_idempotency_key())
            : kp::Result<kp::Enrolment>(kx::unexpected(kp::Error{}));
    if (!enrolled) {
      std::fprintf(stderr, "enrolment of kiosk %d failed\n", k);
      return 1;
    }
    const auto device = dir / "devices" / std::to_string(k);
    write(device / "cert.pem", enrolled->certificate_pem);
    write(device / "key.pem", kc->key_pem);
    cfg.connect_timeout = std::chrono::seconds(15);  // 200 handshakes on a loaded 2-core box
    cfg.cert_file = (device / "cert.pem").string();
    cfg.key_file = (device / "key.pem").string();
    platform.push_back(std::move(*kp::PlatformClient::create(cfg)));
  }
  int heartbeats = 0, heartbeat_failures = 0;

  std::vector<std::unique_ptr<cb::Fetcher>> fetchers;
  std::vector<cb::ConfigAgent> agents;
  fetchers.reserve(kiosks);
  agents.reserve(kiosks);
  for (int k = 0; k < kiosks; ++k) {
    const auto store = dir / "kiosks" / std::to_string(k);
    (void)cb::pin_root(store, root_doc);
    fetchers.push_back(cb::make_curl_fetcher({nginx.url(), nginx.ca_file(), 10}));
    agents.emplace_back(
        cb::AgentSettings{store, store / "work", std::chrono::seconds(interval_s), 0.2, {}},
        *fetchers.back(), seed * 1000 + k);
  }
  // Virtual clock: (time, kiosk) events, first polls spread over one interval.
  using Event = std::pair<cb::Time, int>;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> queue;
  const cb::Time start = *cb::parse_time("2026-11-28T00:00:00Z");
  std::mt19937_64 rng(seed);
  for (int k = 0; k < kiosks; ++k) {
    queue.push({start + std::chrono::seconds(rng() % interval_s), k});
  }
  const cb::Time publish_at = start + 3 * std::chrono::seconds(interval_s);
  bool published = false;
  std::vector<double> apply_s;
  int polls = 0, failures = 0;
  const double cpu0 = cpu_seconds();
  const auto wall0 = std::chrono::steady_clock::now();
  while (!queue.empty() && static_cast<int>(apply_s.size()) < kiosks) {
    auto [now, k] = queue.top();
    queue.pop();
    if (!published && now >= publish_at) {
      publish(dir / "src", dir / "repo", 2, ops);
      published = true;
    }
    const auto r = agents[k].poll(now);
    ++polls;
    if (r.outcome == cb::PollOutcome::fetch_failed || r.outcome == cb::PollOutcome::refused) {
      ++failures;
    }
    if (published && r.outcome == cb::PollOutcome::installed && r.version == 2) {
      apply_s.push_back(static_cast<double>((now - publish_at).count()));
    }
    const auto store = dir / "kiosks" / std::to_string(k);
    (void)cb::health_step(store, true, now, 120s);
    kp::Heartbeat hb;
    hb.app_version = "fleet-bench";
    hb.config_version = std::to_string(cb::read_store(store)->installed_version);
    if (auto ack = platform[k]->heartbeat(hb, kp::new_idempotency_key())) {
      ++heartbeats;
    } else if (++heartbeat_failures == 1) {
      std::fprintf(stderr, "first heartbeat failure: %s\n", ack.error().detail.c_str());
    }
    queue.push({agents[k].next_poll(now), k});
  }
  const double cpu = cpu_seconds() - cpu0;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  std::sort(apply_s.begin(), apply_s.end());
  auto pct = [&](double p) {
    return apply_s.empty() ? 0.0 : apply_s[static_cast<std::size_t>(p * (apply_s.size() - 1))];
  };
  const bool within = !apply_s.empty() && static_cast<int>(apply_s.size()) == kiosks &&
                      apply_s.back() <= 2.0 * interval_s;
  std::printf("fleet-bench: %d kiosks, poll interval %d s ±20%%, seed %llu\n", kiosks, interval_s,
              static_cast<unsigned long long>(seed));
  std::printf(
      "  v2 applied by %zu/%d kiosks; apply time after publish (virtual s): "
      "min %.0f p50 %.0f p90 %.0f p99 %.0f max %.0f\n",
      apply_s.size(), kiosks, pct(0), pct(0.5), pct(0.9), pct(0.99), pct(1.0));
  std::printf("  %d heartbeats over mutual TLS to platform-sim (%d failed)\n", heartbeats,
              heartbeat_failures);
  std::printf("  within two poll intervals (%d s): %s\n", 2 * interval_s, within ? "yes" : "NO");
  std::printf(
      "  %d polls (%d failed), %.2f s wall, %.2f s CPU user+sys of the agents (nginx not "
      "counted)\n",
      polls, failures, wall, cpu);
  // A failed heartbeat is retried at the next beat, as on a kiosk: reported,
  // not fatal.
  return within && failures == 0 ? 0 : 1;
}
