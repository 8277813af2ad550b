// Load on the platform simulator, through the kiosk's own client over real
// mTLS: while 200 simulated kiosks (each enrolled, each with its own
// certificate and connection) send one heartbeat a second, how many catalogue
// requests and 1 MB pre-application uploads per second does it serve?
// Goals: >= 500 catalogue/s and >= 50 uploads/s (docs/performance.md).
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/sim_process.hpp"

#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace {

namespace kp = kiosk::platform;

constexpr int kKiosks = 200;

std::string id_number(const std::string& first17) {
  static constexpr int kW[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kW[i];
  return first17 + "10X98765432"[sum % 11];
}

// One simulator, 200 enrolled kiosks heart-beating in the background, for
// the whole benchmark run.
class Environment {
 public:
  static Environment& get() {
    static Environment env;
    return env;
  }
  kp::ClientConfig config(int kiosk) const { return configs_.at(static_cast<std::size_t>(kiosk)); }
  std::uint64_t heartbeats() const { return heartbeats_.load(); }
  std::uint64_t heartbeat_failures() const { return heartbeat_failures_.load(); }

  ~Environment() {
    stop_ = true;
    for (auto& t : threads_) t.join();
    sim_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  Environment() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "platform-bench-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    const char* bin = std::getenv("KIOSK_PLATFORM_SIM");
    kp::SimOptions opt{bin ? bin : KIOSK_BINARY_DIR "/bin/platform-sim", dir_ / "sim", "", 1,
                       kKiosks};
    opt.threads = 400;  // 200 kiosk connections + benchmark threads
    auto sim = kp::SimProcess::start(opt);
    if (!sim) {
      std::fprintf(stderr, "platform bench: %s\n", sim.error().c_str());
      std::abort();
    }
    sim_ = std::make_unique<kp::SimProcess>(std::move(*sim));
    const auto tokens = sim_->enrolment_tokens();
    for (int i = 0; i < kKiosks; ++i)
      configs_.push_back(enrol(i, tokens.at(static_cast<std::size_t>(i))));
    // 8 threads drive 25 kiosks each: one heartbeat per kiosk per second.
    for (int t = 0; t < 8; ++t)
      threads_.emplace_back([this, t] {
        std::vector<std::unique_ptr<kp::PlatformClient>> mine;
        for (int k = t; k < kKiosks; k += 8)
          mine.push_back(
              std::move(*kp::PlatformClient::create(configs_[static_cast<std::size_t>(k)])));
        auto next = std::chrono::steady_clock::now();
        while (!stop_) {
          for (auto& c : mine) {
            auto r =
                c->heartbeat({"0.1.0", "2026.11.1", 0, "ok", {{"printer", "ok"}, {"idcard", "ok"}}},
                             kp::new_idempotency_key());
            (r ? heartbeats_ : heartbeat_failures_)++;
          }
          next += std::chrono::seconds(1);
          std::this_thread::sleep_until(next);  // pacing a load generator, not synchronisation
        }
      });
  }

  kp::ClientConfig enrol(int i, const std::string& token) {
    kp::ClientConfig cfg;
    cfg.base_url = sim_->url();
    cfg.ca_file = sim_->ca_file().string();
    auto anon = kp::PlatformClient::create(cfg);
    auto kc = kp::make_device_key_and_csr("bench");
    auto e = (*anon)->enrol({token, kc->csr_pem, "HALL-01"}, kp::new_idempotency_key());
    if (!e) {
      std::fprintf(stderr, "platform bench: enrolment failed: %s\n", e.error().detail.c_str());
      std::abort();
    }
    cfg.cert_file = (dir_ / ("k" + std::to_string(i) + ".pem")).string();
    cfg.key_file = (dir_ / ("k" + std::to_string(i) + "-key.pem")).string();
    std::ofstream(cfg.cert_file) << e->certificate_pem;
    std::ofstream(cfg.key_file) << kc->key_pem;
    return cfg;
  }

  std::filesystem::path dir_;
  std::unique_ptr<kp::SimProcess> sim_;
  std::vector<kp::ClientConfig> configs_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> heartbeats_{0}, heartbeat_failures_{0};
};

void report_heartbeats(benchmark::State& state, std::uint64_t before, std::uint64_t fail_before) {
  auto& env = Environment::get();
  state.counters["heartbeats/s"] = benchmark::Counter(
      static_cast<double>(env.heartbeats() - before), benchmark::Counter::kIsRate);
  state.counters["heartbeat_failures"] =
      static_cast<double>(env.heartbeat_failures() - fail_before);
}

// Full catalogue (35 items, ~47 KB JSON) over mTLS, parsed into structs.
void BM_CatalogueUnderHeartbeatLoad(benchmark::State& state) {
  auto& env = Environment::get();
  // Each benchmark thread is a kiosk of its own with its own connection.
  auto client = std::move(*kp::PlatformClient::create(env.config(state.thread_index())));
  const auto hb = env.heartbeats(), hbf = env.heartbeat_failures();
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto c = client->catalogue();
    if (!c || c->catalogue.items.size() < 30) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
}
BENCHMARK(BM_CatalogueUnderHeartbeatLoad)->Threads(8)->UseRealTime()->MinTime(5.0);

// The same catalogue fetch without the client's struct parsing: what the
// simulator serves when the load generator's CPU is not the bottleneck.
void BM_CatalogueRawUnderHeartbeatLoad(benchmark::State& state) {
  auto& env = Environment::get();
  auto http = std::move(*kp::HttpSession::create(env.config(state.thread_index())));
  kp::HttpRequest req;
  req.path = "/v1/catalogue";
  const auto hb = env.heartbeats(), hbf = env.heartbeat_failures();
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto r = http->perform(req);
    if (!r || r->status != 200 || r->body.size() < 10000) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
}
BENCHMARK(BM_CatalogueRawUnderHeartbeatLoad)->Threads(8)->UseRealTime()->MinTime(5.0);

// One pre-application with a 1 MB scanned page (multipart, mTLS, idempotency key).
void BM_PreApplication1MBUnderHeartbeatLoad(benchmark::State& state) {
  auto& env = Environment::get();
  auto client = std::move(*kp::PlatformClient::create(env.config(state.thread_index())));
  kp::PreApplicationRequest r;
  r.item_code = "650100-GA-0004";
  r.applicant = {id_number("65010419900715161"), "李建国", "13800138000"};
  std::string page(1u << 20, 'Z');
  page[0] = '\xff';
  page[1] = '\xd8';
  page[2] = '\xff';
  r.materials.push_back({"650100-GA-0004-M1", "elicence", "EL-1005", {}});
  r.materials.push_back({"650100-GA-0004-M2",
                         "scan",
                         "",
                         {{"image/jpeg", std::make_shared<const std::string>(page)}}});
  const auto hb = env.heartbeats(), hbf = env.heartbeat_failures();
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto c = client->submit_pre_application(r, kp::new_idempotency_key());
    if (!c) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
}
BENCHMARK(BM_PreApplication1MBUnderHeartbeatLoad)->Threads(4)->UseRealTime()->MinTime(5.0);

}  // namespace
