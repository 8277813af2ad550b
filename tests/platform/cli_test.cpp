// `kiosk platform ping` and `kiosk platform catalog`, the technician's
// commands, run as the real executable against a real platform-sim over
// mTLS: the answer, and the exit code for each failure class (2 retry
// later, 3 permanent, 4 authentication or settings).
#include "tests/platform/sim_fixture.hpp"

#include "tests/support/process.hpp"

#include <vector>

namespace platform_test {
namespace {

// The kiosk executable with `args`; stdout and stderr together.
test::ProcessResult run(std::vector<std::string> args) {
  args.insert(args.begin(), std::string(KIOSK_BINARY_DIR) + "/bin/kiosk");
  auto r = test::run_process(args);
  r.out += r.err;
  return r;
}

using PlatformCli = SimTest;

std::vector<std::string> with_flags(std::vector<std::string> args, const kp::ClientConfig& c) {
  args.insert(args.end(), {"--platform", c.base_url, "--ca", c.ca_file, "--cert", c.cert_file,
                           "--key", c.key_file});
  return args;
}

TEST_F(PlatformCli, PingAndCatalogOverMutualTls) {
  const auto ping = run(with_flags({"platform", "ping"}, config()));
  EXPECT_EQ(ping.exit_code, 0) << ping.out;
  EXPECT_NE(ping.out.find("platform OK: terminal " + device_.terminal_id), std::string::npos)
      << ping.out;

  const auto count = run(with_flags({"platform", "catalog", "--count"}, config()));
  ASSERT_EQ(count.exit_code, 0) << count.out;
  const auto catalogue = client_->catalogue();
  ASSERT_TRUE(catalogue);
  EXPECT_EQ(count.out, std::to_string(catalogue->catalogue.items.size()) + " " +
                           catalogue->catalogue.etag + "\n");

  const auto list = run(with_flags({"platform", "catalog"}, config()));
  ASSERT_EQ(list.exit_code, 0) << list.out;
  for (const auto& item : catalogue->catalogue.items)
    EXPECT_NE(list.out.find(item.item_code + "  " + item.name_zh), std::string::npos)
        << item.item_code;
}

TEST_F(PlatformCli, ExitCodesFollowTheFailureClass) {
  set_faults("5xx=1");
  const auto busy = run(with_flags({"platform", "ping"}, config()));
  EXPECT_EQ(busy.exit_code, 2) << busy.out;
  EXPECT_NE(busy.out.find("retry_later"), std::string::npos) << busy.out;
  set_faults("");

  admin_post("/admin/terminals/" + device_.terminal_id + "/revocation", "{}");
  const auto revoked = run(with_flags({"platform", "ping"}, config()));
  EXPECT_EQ(revoked.exit_code, 4) << revoked.out;
  EXPECT_NE(revoked.out.find("authentication"), std::string::npos) << revoked.out;

  const auto unset = run({"platform", "ping"});
  EXPECT_EQ(unset.exit_code, 4) << unset.out;
  EXPECT_NE(unset.out.find("--platform"), std::string::npos) << unset.out;
}

}  // namespace
}  // namespace platform_test
