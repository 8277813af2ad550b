// The process the crash tests SIGKILL at random points: it enqueues items
// (printing "ENQ <key>" once an enqueue has returned, i.e. the citizen got a
// receipt) and delivers them, interleaved, then drains the outbox and
// prints "DONE". Deliveries print "SENT <key>" (or "REPLAY <key>" when the
// receiver already had the key).
//   --sink FILE           FileSinkSender (file_sink_sender.hpp)
//   --platform URL --ca F --cert F --key F
//                         the real platform client and OutboxSender; items
//                         are pre-applications the simulator accepts
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/platform/client.hpp"
#include "offline_cache/key_file.hpp"
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"
#include "tests/offline_cache/file_sink_sender.hpp"
#include "tests/offline_cache/sim_items.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

using namespace offline_cache;

namespace {

const char* arg(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return fallback;
}

// OutboxSender, reporting each acknowledgement the way FileSinkSender does.
class ReportingPlatformSender final : public Sender {
 public:
  explicit ReportingPlatformSender(kiosk::platform::PlatformClient& client)
      : client_(client), inner_(client) {}
  SendResult send(const Delivery& d) override {
    SendResult r = inner_.send(d);
    if (r.status == SendStatus::delivered) {
      std::printf("%s %.*s\n", client_.last_was_replay() ? "REPLAY" : "SENT",
                  static_cast<int>(d.idempotency_key.size()), d.idempotency_key.data());
      std::fflush(stdout);
    }
    return r;
  }

 private:
  kiosk::platform::PlatformClient& client_;
  kiosk::app::OutboxSender inner_;
};

NewItem make_item(bool platform, const std::string& key, int i) {
  if (platform) {
    return kiosk::app::outbox_item(testing::pre_application("crash " + key, 4000), key);
  }
  NewItem n;
  n.kind = i % 4 == 3 ? "rating" : "pre_application";
  n.idempotency_key = key;
  n.payload.assign(2000 + static_cast<std::size_t>(i) * 37, static_cast<std::uint8_t>(i));
  n.attachments.push_back({"scan.jpg", std::vector<std::uint8_t>(8000, 0x5a)});
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string db = arg(argc, argv, "--db", "outbox.db");
  const std::string key_path = arg(argc, argv, "--outbox-key", "outbox.key");
  const std::string sink = arg(argc, argv, "--sink", "sink.txt");
  const std::string url = arg(argc, argv, "--platform", "");
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
  std::unique_ptr<kiosk::platform::PlatformClient> client;
  std::unique_ptr<Sender> sender;
  if (url.empty()) {
    sender = std::make_unique<testing::FileSinkSender>(sink, seed, 5);
  } else {
    kiosk::platform::ClientConfig cfg;
    cfg.base_url = url;
    cfg.ca_file = arg(argc, argv, "--ca", "");
    cfg.cert_file = arg(argc, argv, "--cert", "");
    cfg.key_file = arg(argc, argv, "--key", "");
    cfg.connect_timeout = std::chrono::seconds(2);
    cfg.total_timeout = cfg.upload_timeout = std::chrono::seconds(10);
    auto created = kiosk::platform::PlatformClient::create(cfg);
    if (!created) {
      std::printf("ERROR platform client: %s\n", created.error().detail.c_str());
      return 2;
    }
    client = std::move(*created);
    sender = std::make_unique<ReportingPlatformSender>(*client);
  }
  StdRng rng(seed);
  WorkerOptions wopt;
  wopt.backoff = BackoffPolicy{Millis{1}, Millis{4}};
  DeliveryWorker worker(**store, *sender, rng, wopt);

  for (int i = 0; i < items; ++i) {
    const NewItem n = make_item(client != nullptr, prefix + "-" + std::to_string(i), i);
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
