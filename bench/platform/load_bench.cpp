// Load on the platform simulator, through the kiosk's own client over real
// mTLS: while 200 simulated kiosks (each enrolled, each with its own
// certificate and connection) send one heartbeat a second, how many catalogue
// requests and 1 MB pre-application uploads per second does it serve?
// Goals: >= 500 catalogue/s and >= 50 uploads/s (docs/performance.md).
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/sim_process.hpp"

#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>
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
  // CPU seconds (user + system) the simulator process has used so far.
  double sim_cpu_seconds() const {
    std::ifstream in("/proc/" + std::to_string(sim_->pid()) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Fields after the ")" that closes the command name: state is field 3,
    // utime 14 and stime 15.
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i)
      if (i >= 14) ticks += std::stod(field);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
  }
  // Simulator CPU per second spent on the 200 heartbeating kiosks alone
  // (measured once, before the first benchmark).
  double heartbeat_cpu_per_second() const { return heartbeat_cpu_rate_; }

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
            auto r = c->heartbeat({"0.1.0",
                                   "2026.11.1",
                                   0,
                                   "ok",
                                   {{"printer", "ok"}, {"idcard", "ok"}},
                                   std::nullopt},
                                  kp::new_idempotency_key());
            (r ? heartbeats_ : heartbeat_failures_)++;
          }
          next += std::chrono::seconds(1);
          std::this_thread::sleep_until(next);  // pacing a load generator, not synchronisation
        }
      });
    // The heartbeat-only baseline: the simulator's CPU over 4 s of nothing
    // but the 200 kiosks (sleeping here paces a measurement window).
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const double cpu0 = sim_cpu_seconds();
    std::this_thread::sleep_for(std::chrono::seconds(4));
    heartbeat_cpu_rate_ = (sim_cpu_seconds() - cpu0) / 4.0;
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
  double heartbeat_cpu_rate_ = 0;
};

double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

// CPU cost per request, which unlike requests/s does not depend on what
// else the machine is doing: the simulator's CPU time minus what the
// heartbeats cost over the same wall time, divided by the requests served
// by all benchmark threads. Thread 0 opens and closes the window; the other
// threads run the same iterations at the same time.
class CpuWindow {
 public:
  explicit CpuWindow(const benchmark::State& state) : thread0_(state.thread_index() == 0) {
    if (!thread0_) return;
    sim0_ = Environment::get().sim_cpu_seconds();
    self0_ = process_cpu_seconds();
    wall0_ = std::chrono::steady_clock::now();
  }
  void report(benchmark::State& state) const {
    // Every thread runs the same number of iterations.
    const double n = static_cast<double>(state.iterations()) * state.threads();
    if (!thread0_ || n == 0) return;
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0_).count();
    const double sim = Environment::get().sim_cpu_seconds() - sim0_;
    const double hb = Environment::get().heartbeat_cpu_per_second() * wall;
    state.counters["sim_cpu_us/req"] = std::max(sim - hb, 0.0) / n * 1e6;
    state.counters["sim_cpu_cores"] = sim / wall;
    state.counters["hb_cpu_cores"] = Environment::get().heartbeat_cpu_per_second();
    state.counters["client_cpu_us/req"] = (process_cpu_seconds() - self0_) / n * 1e6;
  }

 private:
  bool thread0_;
  double sim0_ = 0, self0_ = 0;
  std::chrono::steady_clock::time_point wall0_;
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
  const CpuWindow cpu(state);
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto c = client->catalogue();
    if (!c || c->catalogue.items.size() < 30) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
  cpu.report(state);
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
  const CpuWindow cpu(state);
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto r = http->perform(req);
    if (!r || r->status != 200 || r->body.size() < 10000) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
  cpu.report(state);
}
BENCHMARK(BM_CatalogueRawUnderHeartbeatLoad)->Threads(8)->UseRealTime()->MinTime(5.0);

// What a kiosk normally sends: If-None-Match with the ETag it holds, and
// the answer is a body-less 304.
void BM_CatalogueNotModifiedUnderHeartbeatLoad(benchmark::State& state) {
  auto& env = Environment::get();
  auto client = std::move(*kp::PlatformClient::create(env.config(state.thread_index())));
  const std::string etag = client->catalogue()->catalogue.etag;
  const auto hb = env.heartbeats(), hbf = env.heartbeat_failures();
  const CpuWindow cpu(state);
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto c = client->catalogue(etag);
    if (!c || !c->not_modified) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
  cpu.report(state);
}
BENCHMARK(BM_CatalogueNotModifiedUnderHeartbeatLoad)->Threads(8)->UseRealTime()->MinTime(5.0);

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
  const CpuWindow cpu(state);
  std::int64_t failures = 0;
  for (auto _ : state) {
    auto c = client->submit_pre_application(r, kp::new_idempotency_key());
    if (!c) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
  state.counters["failures"] = static_cast<double>(failures);
  if (state.thread_index() == 0) report_heartbeats(state, hb, hbf);
  cpu.report(state);
}
BENCHMARK(BM_PreApplication1MBUnderHeartbeatLoad)->Threads(4)->UseRealTime()->MinTime(5.0);

}  // namespace
