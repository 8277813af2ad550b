// The process the crash test SIGKILLs at random points: it enqueues items
// (printing "ENQ <key>" once an enqueue has returned, i.e. the citizen got a
// receipt) and delivers them, interleaved, then drains the outbox and
// prints "DONE". Its sender is chosen by --sink (file, see
// file_sink_sender.hpp).
#include "offline_cache/key_file.hpp"
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"
#include "tests/offline_cache/file_sink_sender.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace offline_cache;

namespace {

const char* arg(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string db = arg(argc, argv, "--db", "outbox.db");
  const std::string key_path = arg(argc, argv, "--key", "outbox.key");
  const std::string sink = arg(argc, argv, "--sink", "sink.txt");
  const std::string prefix = arg(argc, argv, "--prefix", "item");
  const int items = std::atoi(arg(argc, argv, "--items", "10"));
  const std::uint64_t seed = std::strtoull(arg(argc, argv, "--seed", "1"), nullptr, 10);

  auto key = load_key_file(key_path);
  if (!key) {
    std::printf("ERROR %s\n", describe(key.error()).c_str());
    return 2;
  }
  SystemClock clock;
  StoreOptions opt;
  opt.disk_reserve_bytes = 0;
  auto store = Store::open(db, *key, opt, clock);
  if (!store) {
    std::printf("ERROR %s\n", describe(store.error()).c_str());
    return 2;
  }
  testing::FileSinkSender sender(sink, seed, 5);
  StdRng rng(seed);
  WorkerOptions wopt;
  wopt.backoff = BackoffPolicy{Millis{1}, Millis{4}};
  DeliveryWorker worker(**store, sender, rng, wopt);

  for (int i = 0; i < items; ++i) {
    NewItem n;
    n.kind = i % 4 == 3 ? "rating" : "pre_application";
    n.idempotency_key = prefix + "-" + std::to_string(i);
    n.payload.assign(2000 + static_cast<std::size_t>(i) * 37, static_cast<std::uint8_t>(i));
    n.attachments.push_back({"scan.jpg", std::vector<std::uint8_t>(8000, 0x5a)});
    auto r = (*store)->enqueue(n);
    if (!r) {
      std::printf("ERROR %s\n", describe(r.error()).c_str());
      return 3;
    }
    std::printf("ENQ %s\n", n.idempotency_key.c_str());
    std::fflush(stdout);
    if (i % 2 == 1) {
      if (auto s = worker.step(); !s) {
        std::printf("ERROR %s\n", describe(s.error()).c_str());
        return 3;
      }
    }
  }
  const bool empty =
      worker.run_until({}, std::chrono::steady_clock::now() + std::chrono::seconds(60), true);
  std::printf(empty ? "DONE\n" : "NOT-EMPTY\n");
  std::fflush(stdout);
  return empty ? 0 : 4;
}
