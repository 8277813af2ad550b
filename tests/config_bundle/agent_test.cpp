// The config agent against a real static server: Debian's nginx on
// 127.0.0.1 over HTTPS (self-signed), serving a repository this test builds
// with kiosk-admin. The agent's poll step is driven directly with an
// injected clock; no sleeps decide anything.
#include "config/bundle/agent.hpp"
#include "bundle_fixture.hpp"
#include "config/bundle/curl_fetcher.hpp"
#include "config/bundle/install.hpp"
#include "config/bundle/repo.hpp"
#include "nginx_server.hpp"

#include <set>

namespace bundle_test {
namespace {

const std::string kAdmin = KIOSK_BINARY_DIR "/bin/kiosk-admin";

class AgentOverHttps : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path repo = tmp.path() / "repo";
  fs::path store = tmp.path() / "store";
  fs::path src = tmp.path() / "src";
  std::unique_ptr<NginxServer> nginx;
  std::unique_ptr<cb::Fetcher> fetcher;

  void SetUp() override {
    fs::create_directories(repo);
    for (const char* name : {"root", "ops"}) {
      ASSERT_EQ(admin({"keygen", "--out", key(name, "")}).exit_code, 0);
    }
    const auto root_file = (tmp.path() / "root.json").string();
    ASSERT_EQ(admin({"root", "create", "--root-key", key("root", ".pub"), "--targets-key",
                     key("ops", ".pub"), "--expires", "2099-01-01T00:00:00Z", "--sign",
                     key("root", ".key"), "--out", root_file})
                  .exit_code,
              0);
    ASSERT_TRUE(cb::pin_root(store, read(root_file)));
    nginx = std::make_unique<NginxServer>(tmp.path() / "nginx", repo);
    ASSERT_EQ(nginx->error(), "");
    fetcher = cb::make_curl_fetcher({nginx->url(), nginx->ca_file(), 10});
  }

  std::string key(const char* name, const char* ext) { return (tmp.path() / name).string() + ext; }
  test::ProcessResult admin(std::vector<std::string> args) {
    args.insert(args.begin(), kAdmin);
    return test::run_process(args);
  }

  // Signs `src` as `version` with kiosk-admin and publishes it to the repo.
  void publish(int version, const std::string& welcome,
               const char* expires = "2099-01-01T00:00:00Z") {
    write(src / "config.json", kConfigJson);
    write(src / "texts.json", R"({"welcome": {"zh": "欢迎", "en": ")" + welcome + "\"}}");
    auto s = admin({"config", "sign", src.string(), "--key", key("ops", ".key"), "--version",
                    std::to_string(version), "--expires", expires});
    ASSERT_EQ(s.exit_code, 0) << s.err;
    auto p = admin({"config", "publish", src.string(), "--to", repo.string()});
    ASSERT_EQ(p.exit_code, 0) << p.err;
  }

  cb::ConfigAgent agent(std::uint64_t seed = 1) {
    return cb::ConfigAgent({store, tmp.path() / "work", std::chrono::seconds(300), 0.2, {}},
                           *fetcher, seed);
  }
  std::string current_texts() { return read(store / "current" / "texts.json"); }
};

TEST_F(AgentOverHttps, InstallsThenUsesTheETagThenInstallsTheNextVersion) {
  publish(1, "Hello");
  auto a = agent();
  auto first = a.poll(kNow);
  ASSERT_EQ(first.outcome, cb::PollOutcome::installed) << first.error << first.refusal.detail;
  EXPECT_EQ(first.version, 1);
  EXPECT_NE(current_texts().find("Hello"), std::string::npos);
  EXPECT_FALSE(a.etag().empty());

  EXPECT_EQ(a.poll(kNow + 300s).outcome, cb::PollOutcome::not_modified);

  publish(2, "Welcome");
  auto second = a.poll(kNow + 600s);
  ASSERT_EQ(second.outcome, cb::PollOutcome::installed) << second.error << second.refusal.detail;
  EXPECT_NE(current_texts().find("Welcome"), std::string::npos);
  EXPECT_EQ(cb::read_store(store)->installed_version, 2);
}

TEST_F(AgentOverHttps, ATamperedTargetOnTheServerIsRefusedAndTheConfigStays) {
  publish(1, "Hello");
  auto a = agent();
  ASSERT_EQ(a.poll(kNow).outcome, cb::PollOutcome::installed);
  publish(2, "Bonjour");
  // The CDN serves another file of the same length under v2's texts hash.
  const auto meta = cb::parse_targets(read(repo / "metadata.json"))->meta;
  const auto& texts = meta.targets.at("texts.json");
  auto bytes = read(repo / cb::repo_target_path(texts));
  bytes.replace(bytes.find("Bonjour"), 7, "Bonsoir");
  write(repo / cb::repo_target_path(texts), bytes);

  auto r = a.poll(kNow + 300s);
  EXPECT_EQ(r.outcome, cb::PollOutcome::refused);
  EXPECT_EQ(r.refusal.reason, cb::Reason::hash_mismatch) << r.refusal.detail;
  EXPECT_NE(current_texts().find("Hello"), std::string::npos);
  ASSERT_TRUE(cb::last_refusal(store));
  EXPECT_EQ(cb::last_refusal(store)->reason, cb::Reason::hash_mismatch);
  // The same bad metadata is not fetched again and again.
  EXPECT_EQ(a.poll(kNow + 600s).outcome, cb::PollOutcome::not_modified);
}

TEST_F(AgentOverHttps, AnExpiredRepositoryIsRefusedAsAFreezeAttack) {
  publish(1, "Hello", "2026-11-28T01:00:00Z");
  auto r = agent().poll(kNow);
  EXPECT_EQ(r.outcome, cb::PollOutcome::refused);
  EXPECT_EQ(r.refusal.reason, cb::Reason::expired);
  EXPECT_FALSE(fs::exists(store / "current"));
}

TEST_F(AgentOverHttps, AVersionRolledBackByTheHealthCheckIsNotRetried) {
  publish(1, "Hello");
  auto a = agent();
  ASSERT_EQ(a.poll(kNow).outcome, cb::PollOutcome::installed);
  ASSERT_TRUE(cb::health_step(store, true, kNow, 60s));
  publish(2, "Broken");
  ASSERT_EQ(a.poll(kNow + 300s).outcome, cb::PollOutcome::installed);
  ASSERT_EQ(cb::health_step(store, false, kNow + 400s, 60s)->action, cb::HealthAction::roll_back);
  auto fresh = agent();  // e.g. after a restart: no ETag remembered
  EXPECT_EQ(fresh.poll(kNow + 500s).outcome, cb::PollOutcome::up_to_date);
  EXPECT_NE(current_texts().find("Hello"), std::string::npos);
}

TEST_F(AgentOverHttps, TheKioskCommandPollsOnceAndInstalls) {
  publish(1, "Hello");
  auto r =
      test::run_process({KIOSK_BINARY_DIR "/bin/kiosk", "config", "agent", "--url", nginx->url(),
                         "--ca", nginx->ca_file(), "--once", "--store", store.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(current_texts().find("Hello"), std::string::npos);
  // An expired repository: refused, exit 1, the reason on stderr.
  publish(2, "Stale", "2020-01-01T00:00:00Z");
  r = test::run_process({KIOSK_BINARY_DIR "/bin/kiosk", "config", "agent", "--url", nginx->url(),
                         "--ca", nginx->ca_file(), "--once", "--store", store.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("refused: expired"), std::string::npos) << r.err;
  EXPECT_NE(current_texts().find("Hello"), std::string::npos);
}

TEST(AgentSchedule, JitterIsSeededAndBounded) {
  struct NoFetch : cb::Fetcher {
    kx::expected<cb::FetchResult, std::string> get(const std::string&, const std::string&,
                                                   std::size_t) override {
      return kx::unexpected(std::string("unused"));
    }
  } none;  // a stand-in: scheduling never fetches
  cb::ConfigAgent a({"/nonexistent", "/nonexistent", 300s, 0.2, {}}, none, 42);
  cb::ConfigAgent b({"/nonexistent", "/nonexistent", 300s, 0.2, {}}, none, 42);
  std::set<std::int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    const auto wait = a.next_poll(kNow) - kNow;
    EXPECT_EQ(wait, b.next_poll(kNow) - kNow);
    EXPECT_GE(wait, 240s);
    EXPECT_LE(wait, 360s);
    seen.insert(wait.count());
  }
  EXPECT_GT(seen.size(), 50u) << "polls of a fleet must spread out";
}

}  // namespace
}  // namespace bundle_test
