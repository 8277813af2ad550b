// The operator's path end to end with the real executables: kiosk-admin
// makes keys, a root and a signed bundle with a 2-of-3 threshold; the kiosk
// pins the root, verifies, applies, reports its state; a tampered bundle is
// refused with its reason and the heartbeat flag, and the config stays.
#include "bundle_fixture.hpp"
#include "tests/support/process.hpp"

namespace bundle_test {
namespace {

const std::string kAdmin = KIOSK_BINARY_DIR "/bin/kiosk-admin";
const std::string kKiosk = KIOSK_BINARY_DIR "/bin/kiosk";

class OperatorPath : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path keys = tmp.path() / "keys";
  fs::path store = tmp.path() / "store";
  fs::path bundle = tmp.path() / "bundle";

  test::ProcessResult admin(std::vector<std::string> args) {
    args.insert(args.begin(), kAdmin);
    return test::run_process(args);
  }
  test::ProcessResult kiosk(std::vector<std::string> args) {
    args.insert(args.begin(), kKiosk);
    args.insert(args.end(), {"--store", store.string()});
    return test::run_process(args);
  }
  std::string key(const std::string& name, const char* ext) { return (keys / name).string() + ext; }

  void SetUp() override {
    fs::create_directories(keys);
    for (const char* name : {"root", "ops-a", "ops-b", "ops-c"}) {
      ASSERT_EQ(admin({"keygen", "--out", (keys / name).string()}).exit_code, 0);
    }
    EXPECT_EQ(fs::status(key("root", ".key")).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    auto root = admin({"root", "create", "--root-key", key("root", ".pub"), "--targets-key",
                       key("ops-a", ".pub"), "--targets-key", key("ops-b", ".pub"), "--targets-key",
                       key("ops-c", ".pub"), "--targets-threshold", "2", "--expires",
                       "2099-01-01T00:00:00Z", "--sign", key("root", ".key"), "--out",
                       (tmp.path() / "root.json").string()});
    ASSERT_EQ(root.exit_code, 0) << root.err;
    auto pin = kiosk({"config", "pin-root", (tmp.path() / "root.json").string()});
    ASSERT_EQ(pin.exit_code, 0) << pin.err;
  }

  test::ProcessResult sign(int version, std::vector<std::string> signers) {
    std::vector<std::string> args = {"config",
                                     "sign",
                                     bundle.string(),
                                     "--version",
                                     std::to_string(version),
                                     "--expires",
                                     "2099-01-01T00:00:00Z"};
    for (const auto& s : signers) args.insert(args.end(), {"--key", key(s, ".key")});
    return admin(args);
  }

  void make_config() {
    write(bundle / "config.json", kConfigJson);
    write(bundle / "texts.json", kTextsJson);
    write(bundle / "receipts/ticket.json", R"({"lines": []})");
  }
};

TEST_F(OperatorPath, SignVerifyApplyAndRefuseATamperedBundle) {
  make_config();
  ASSERT_EQ(admin({"config", "validate", bundle.string()}).exit_code, 0);
  auto signed_ = sign(1, {"ops-a", "ops-c"});
  ASSERT_EQ(signed_.exit_code, 0) << signed_.err;

  auto verified = kiosk({"config", "verify", bundle.string()});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("ok: version 1, 3 files"), std::string::npos) << verified.out;
  auto applied = kiosk({"config", "apply", bundle.string()});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(read(store / "current" / "receipts/ticket.json"), R"({"lines": []})");

  // Someone edits a file after signing: refused, reason named, config kept.
  write(bundle / "texts.json", R"({"welcome": {"zh": "欢迎!", "en": "Hi!"}})");
  auto tampered = kiosk({"config", "apply", bundle.string()});
  EXPECT_EQ(tampered.exit_code, 1);
  EXPECT_NE(tampered.err.find("refused: hash_mismatch: texts.json"), std::string::npos)
      << tampered.err;
  EXPECT_NE(tampered.err.find("配置包文件校验失败"), std::string::npos);
  EXPECT_EQ(read(store / "current" / "texts.json"), kTextsJson);
  auto status = kiosk({"config", "status"});
  EXPECT_NE(status.out.find("\"reason\": \"hash_mismatch\""), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("\"installed_version\": 1"), std::string::npos) << status.out;

  // One signature is below the 2-of-3 threshold.
  ASSERT_EQ(sign(2, {"ops-b"}).exit_code, 0);
  auto weak = kiosk({"config", "verify", bundle.string()});
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.err.find("refused: below_threshold"), std::string::npos) << weak.err;
}

TEST_F(OperatorPath, HealthConfirmsOrRollsBackTheSwitch) {
  make_config();
  ASSERT_EQ(sign(1, {"ops-a", "ops-b"}).exit_code, 0);
  ASSERT_EQ(kiosk({"config", "apply", bundle.string()}).exit_code, 0);
  EXPECT_EQ(kiosk({"config", "health", "--healthy"}).out, "confirm\n");
  EXPECT_EQ(kiosk({"config", "health"}).out, "nothing\n");

  write(bundle / "texts.json", R"({"welcome": {"zh": "新版", "en": "New"}})");
  ASSERT_EQ(sign(2, {"ops-a", "ops-b"}).exit_code, 0);
  ASSERT_EQ(kiosk({"config", "apply", bundle.string()}).exit_code, 0);
  EXPECT_NE(read(store / "current" / "texts.json").find("New"), std::string::npos);
  // Still inside the grace period: wait. Past it (grace 0): back to v1.
  EXPECT_EQ(kiosk({"config", "health", "--grace", "3600"}).out, "wait\n");
  EXPECT_TRUE(kiosk({"config", "health", "--grace", "0"}).out.starts_with("roll_back\n"));
  EXPECT_EQ(read(store / "current" / "texts.json"), kTextsJson);
  auto status = kiosk({"config", "status"});
  EXPECT_NE(status.out.find("\"rolled_back_version\": 2"), std::string::npos) << status.out;
}

TEST_F(OperatorPath, ValidateNamesFileFieldAndReason) {
  make_config();
  write(bundle / "config.json", R"({"hall": {"id": "h", "name": {"zh": "", "en": "x"}}})");
  auto r = admin({"config", "validate", bundle.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("config.json: /hall/name/zh: must not be empty"), std::string::npos)
      << r.err;
}

TEST_F(OperatorPath, PublishWritesAContentAddressedRepository) {
  make_config();
  ASSERT_EQ(sign(1, {"ops-a", "ops-b"}).exit_code, 0);
  const auto repo = tmp.path() / "repo";
  auto p = admin({"config", "publish", bundle.string(), "--to", repo.string()});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(read(repo / "metadata.json"), read(bundle / "metadata.json"));
  EXPECT_EQ(read(repo / "targets" / cb::sha256_hex(kTextsJson)), kTextsJson);
}

}  // namespace
}  // namespace bundle_test
