#pragma once
// A Sender that "delivers" by appending the item's idempotency key to a
// file, fdatasync'd, and treats a key it already holds as a replay, the way
// the platform treats an Idempotency-Key it has seen. It is a test double
// of the cache's own Sender interface, used by the crash test so that the
// test runs without the platform simulator; the simulator variant of the
// crash test uses the real platform client.
#include "offline_cache/sender.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <string>

namespace offline_cache::testing {

class FileSinkSender final : public Sender {
 public:
  FileSinkSender(std::string path, std::uint64_t seed, int fail_one_in)
      : path_(std::move(path)), rng_(seed), fail_one_in_(fail_one_in) {
    std::ifstream in(path_);
    std::string key;
    while (in >> key) seen_.insert(key);
  }

  SendResult send(const Delivery& d) override {
    if (fail_one_in_ > 0 && rng_() % static_cast<unsigned>(fail_one_in_) == 0) {
      return SendResult::again("simulated 503", Millis{1});
    }
    const std::string key(d.idempotency_key);
    if (seen_.contains(key)) {
      std::printf("REPLAY %s\n", key.c_str());
      std::fflush(stdout);
      return SendResult::ok();
    }
    const std::string line = key + "\n";
    const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return SendResult::offline("sink unavailable");
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                    ::fdatasync(fd) == 0;
    ::close(fd);
    if (!ok) return SendResult::offline("sink write failed");
    seen_.insert(key);
    std::printf("SENT %s\n", key.c_str());
    std::fflush(stdout);
    return SendResult::ok();
  }

 private:
  std::string path_;
  std::set<std::string> seen_;
  std::mt19937_64 rng_;
  int fail_one_in_;
};

}  // namespace offline_cache::testing
