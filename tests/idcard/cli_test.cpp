// `kiosk device idcard read` end to end against `kiosk-devsim idcard`.
#include "tests/idcard/subprocess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

const std::string kDevsim = KIOSK_BINARY_DIR "/bin/kiosk-devsim";
const std::string kKiosk = KIOSK_BINARY_DIR "/bin/kiosk";

struct CliRun {
  int code = -1;
  std::string out, err;
};

CliRun read_with(const std::string& fault, const std::string& present,
                 std::vector<std::string> extra = {}) {
  idcard_test::Child sim({kDevsim, "idcard", "--fault", fault, "--present", present});
  auto pty = sim.line();
  EXPECT_TRUE(pty.has_value());
  std::vector<std::string> argv = {kKiosk, "device", "idcard", "read", "--port", pty.value_or("")};
  argv.insert(argv.end(), extra.begin(), extra.end());
  idcard_test::Child cli(argv);
  CliRun r;
  r.code = cli.wait(r.out, r.err).value_or(-1);
  return r;
}

TEST(IdcardCli, PrintsTheCardAsJsonWithTheIdNumberMasked) {
  CliRun r = read_with("none", "0", {"--timeout", "10"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["name"], "王堃");
  EXPECT_EQ(j["sex"], "男");
  EXPECT_EQ(j["nation"], "汉");
  EXPECT_EQ(j["birth"], "19900307");
  EXPECT_EQ(j["id_number"], "6501**********1235");
  EXPECT_EQ(j["issuer"], "乌鲁木齐市公安局天山分局");
  EXPECT_EQ(j["valid_from"], "20150101");
  EXPECT_EQ(j["valid_to"], "20350101");
  EXPECT_EQ(j["card_type"], "resident");
  EXPECT_EQ(r.out.find("650102199003071235"), std::string::npos);
  EXPECT_EQ(r.err.find("650102199003071235"), std::string::npos);
}

TEST(IdcardCli, UnmaskedPrintsTheFullNumber) {
  CliRun r = read_with("none", "3", {"--timeout", "10", "--unmasked"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["id_number"], "81000019950520321X");
  EXPECT_EQ(j["card_type"], "hk_mo_tw_permit");
}

TEST(IdcardCli, NoCardWithinTimeoutFailsWithAReason) {
  CliRun r = read_with("none", "-1", {"--timeout", "1"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("未检测到证件"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No card found"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(IdcardCli, SamFaultFailsAsReaderFault) {
  CliRun r = read_with("sam-66", "0", {"--timeout", "5"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("not authorised"), std::string::npos) << r.err;
}

TEST(IdcardCli, MissingPortFails) {
  idcard_test::Child cli(
      {kKiosk, "device", "idcard", "read", "--port", "/dev/no-such-reader", "--timeout", "1"});
  CliRun r;
  r.code = cli.wait(r.out, r.err).value_or(-1);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("未连接"), std::string::npos) << r.err;
}

}  // namespace
