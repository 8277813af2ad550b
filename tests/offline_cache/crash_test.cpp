// Crash test: a real child process (crash_child.cpp) enqueues and delivers
// while this test SIGKILLs it at seeded random points, hundreds of times.
// Afterwards every item the child confirmed ("ENQ") is in the sink exactly
// once, nothing is in it twice, and the outbox is consistent after every
// kill. The sink here is FileSinkSender (see its header: a test double of
// the cache's own Sender, deduplicating by idempotency key like the
// platform); the simulator variant is in crash_sim_test.cpp.
#include "offline_cache/key_file.hpp"
#include "offline_cache/store.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <random>
#include <set>

using namespace offline_cache;
using namespace offline_cache::testing;

namespace {

std::uint64_t env_or(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

struct ChildRun {
  std::vector<std::string> lines;
  bool killed = false;
  int status = 0;
};

// Runs the child; SIGKILLs it right after its `kill_after`-th line (0: never).
ChildRun run_child(const std::vector<std::string>& args, std::size_t kill_after) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  ChildRun run;
  std::string buf;
  char chunk[4096];
  bool eof = false;
  while (!eof) {
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, 30'000) <= 0) {
      ADD_FAILURE() << "child silent for 30 s";
      ::kill(pid, SIGKILL);
      break;
    }
    const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;
    buf.append(chunk, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = buf.find('\n')) != std::string::npos;) {
      run.lines.push_back(buf.substr(0, nl));
      buf.erase(0, nl + 1);
      if (kill_after != 0 && run.lines.size() == kill_after && !run.killed) {
        ::kill(pid, SIGKILL);
        run.killed = true;
      }
    }
    eof = n == 0;
  }
  // Lines already in the pipe when the kill landed still count: the child
  // printed them, so their enqueue had returned.
  for (;;) {
    const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;
    buf.append(chunk, static_cast<std::size_t>(n));
  }
  for (std::size_t nl; (nl = buf.find('\n')) != std::string::npos;) {
    run.lines.push_back(buf.substr(0, nl));
    buf.erase(0, nl + 1);
  }
  ::close(fds[0]);
  ::waitpid(pid, &run.status, 0);
  return run;
}

}  // namespace

TEST(OfflineCacheCrash, SigkillAtRandomPointsLosesNothingAndDuplicatesNothing) {
  const std::uint64_t seed = env_or("OC_CRASH_SEED", 20261127);
  const std::uint64_t iterations = env_or("OC_CRASH_ITERATIONS", 150);
  constexpr int kItemsPerRun = 6;
  SCOPED_TRACE("OC_CRASH_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  TempDir dir;
  const auto key_path = dir / "outbox.key";
  ASSERT_TRUE(create_key_file(key_path));
  const std::string child = std::string(KIOSK_BINARY_DIR) + "/bin/offline_cache_crash_child";
  auto args = [&](const std::string& prefix, int items) {
    return std::vector<std::string>{child,
                                    "--db",
                                    (dir / "outbox.db").string(),
                                    "--key",
                                    key_path.string(),
                                    "--sink",
                                    (dir / "sink.txt").string(),
                                    "--prefix",
                                    prefix,
                                    "--items",
                                    std::to_string(items),
                                    "--seed",
                                    std::to_string(rng())};
  };

  std::set<std::string> confirmed;
  int kills = 0;
  int replays = 0;
  for (std::uint64_t it = 0; it < iterations; ++it) {
    // A run prints ENQ per item and SENT/REPLAY per delivery (its own and
    // the backlog's); killing within three times the item count lands in
    // enqueues, deliveries and sometimes not at all (the run drains).
    const std::size_t kill_after = 1 + rng() % (3 * kItemsPerRun);
    const ChildRun run = run_child(args("r" + std::to_string(it), kItemsPerRun), kill_after);
    kills += run.killed ? 1 : 0;
    for (const auto& l : run.lines) {
      ASSERT_NE(l.rfind("ERROR", 0), 0u) << l;
      if (l.rfind("ENQ ", 0) == 0) confirmed.insert(l.substr(4));
      if (l.rfind("REPLAY ", 0) == 0) ++replays;
    }
    // The outbox is consistent after every kill.
    FakeClock clock;
    auto key = load_key_file(key_path);
    ASSERT_TRUE(key);
    auto store = Store::open(dir / "outbox.db", *key, {}, clock, Mode::observer);
    ASSERT_TRUE(store) << describe(store.error());
    auto problems = (*store)->check_consistency(false);
    ASSERT_TRUE(problems);
    ASSERT_TRUE(problems->empty())
        << "after iteration " << it << ": " << ::testing::PrintToString(*problems);
  }
  // A last run without a kill drains everything.
  const ChildRun last = run_child(args("final", 0), 0);
  ASSERT_FALSE(last.lines.empty());
  EXPECT_EQ(last.lines.back(), "DONE");
  for (const auto& l : last.lines) replays += l.rfind("REPLAY ", 0) == 0 ? 1 : 0;

  std::map<std::string, int> sink;
  std::ifstream in(dir / "sink.txt");
  for (std::string k; in >> k;) ++sink[k];
  for (const auto& [k, n] : sink) EXPECT_EQ(n, 1) << k << " delivered " << n << " times";
  for (const auto& k : confirmed) EXPECT_EQ(sink.count(k), 1u) << k << " was confirmed but lost";
  EXPECT_GE(sink.size(), confirmed.size());

  FakeClock clock;
  auto store = Store::open(dir / "outbox.db", *load_key_file(key_path), {}, clock, Mode::observer);
  ASSERT_TRUE(store);
  auto stats = (*store)->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->depth(), 0);
  EXPECT_EQ(stats->delivered, static_cast<std::int64_t>(sink.size()));
  auto problems = (*store)->check_consistency(true);
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << ::testing::PrintToString(*problems);
  std::printf("crash test: %llu runs, %d killed, %zu confirmed, %zu delivered, %d replays\n",
              static_cast<unsigned long long>(iterations), kills, confirmed.size(), sink.size(),
              replays);
}
