#include "tests/platform/sim_fixture.hpp"

#include <fstream>

namespace platform_test {

std::filesystem::path make_temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "platform-test-XXXXXX").string();
  const char* made = mkdtemp(tmpl.data());
  EXPECT_NE(made, nullptr);
  return made ? std::filesystem::path(made) : std::filesystem::path();
}

std::filesystem::path sim_binary() {
  return std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
}

static void write(const std::filesystem::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << s;
}

DeviceFiles enrol_device(const kp::SimProcess& sim, const std::filesystem::path& dir,
                         const std::string& token) {
  kp::ClientConfig cfg;
  cfg.base_url = sim.url();
  cfg.ca_file = sim.ca_file().string();
  auto anon = kp::PlatformClient::create(cfg);
  EXPECT_TRUE(anon.has_value());
  auto kc = kp::make_device_key_and_csr("kiosk-under-test");
  EXPECT_TRUE(kc.has_value());
  auto e = (*anon)->enrol({token, kc->csr_pem, "HALL-01"}, kp::new_idempotency_key());
  EXPECT_TRUE(e.has_value()) << (e ? "" : e.error().detail);
  DeviceFiles d;
  if (!e) return d;
  d.terminal_id = e->terminal_id;
  d.cert = dir / (e->terminal_id + ".pem");
  d.key = dir / (e->terminal_id + "-key.pem");
  write(d.cert, e->certificate_pem);
  write(d.key, kc->key_pem);
  return d;
}

void SimTest::SetUp() {
  dir_ = make_temp_dir();
  auto sim = kp::SimProcess::start({sim_binary(), dir_ / "sim", "", 42, 3});
  ASSERT_TRUE(sim.has_value()) << sim.error();
  sim_.emplace(std::move(*sim));
  device_ = enrol_device(*sim_, dir_, sim_->enrolment_token());
  ASSERT_FALSE(device_.terminal_id.empty());
  client_ = client(config());
  kp::ClientConfig admin_cfg;
  admin_cfg.base_url = sim_->url();
  admin_cfg.ca_file = sim_->ca_file().string();
  auto admin = kp::HttpSession::create(admin_cfg);
  ASSERT_TRUE(admin.has_value());
  admin_ = std::move(*admin);
}

void SimTest::TearDown() {
  client_.reset();
  admin_.reset();
  sim_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

kp::ClientConfig SimTest::config() const {
  kp::ClientConfig cfg;
  cfg.base_url = sim_->url();
  cfg.ca_file = sim_->ca_file().string();
  cfg.cert_file = device_.cert.string();
  cfg.key_file = device_.key.string();
  return cfg;
}

std::unique_ptr<kp::PlatformClient> SimTest::client(kp::ClientConfig cfg) const {
  auto c = kp::PlatformClient::create(std::move(cfg));
  EXPECT_TRUE(c.has_value());
  return c ? std::move(*c) : nullptr;
}

void SimTest::set_faults(const std::string& spec) {
  kp::HttpRequest req;
  req.method = "PUT";
  req.path = "/admin/faults";
  req.body = spec;
  req.content_type = "text/plain";
  auto r = admin_->perform(req);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->status, 200) << r->body;
}

nlohmann::json SimTest::admin_get(const std::string& path) {
  kp::HttpRequest req;
  req.path = path;
  auto r = admin_->perform(req);
  EXPECT_TRUE(r.has_value());
  if (!r) return {};
  return nlohmann::json::parse(r->body, nullptr, false);
}

nlohmann::json SimTest::admin_post(const std::string& path, const std::string& body) {
  kp::HttpRequest req;
  req.method = "POST";
  req.path = path;
  req.body = body;
  req.content_type = "application/json";
  auto r = admin_->perform(req);
  EXPECT_TRUE(r.has_value());
  if (!r) return {};
  return nlohmann::json::parse(r->body, nullptr, false);
}

int SimTest::record_count(const std::string& kind) {
  auto j = admin_get("/admin/records?kind=" + kind);
  return static_cast<int>(j["records"].size());
}

std::string id_number(const std::string& first17) {
  static constexpr int kW[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kW[i];
  return first17 + "10X98765432"[sum % 11];
}

std::shared_ptr<const std::string> jpeg_page(std::size_t size) {
  std::string s(size, '\x5a');
  s[0] = '\xff';
  s[1] = '\xd8';
  s[2] = '\xff';
  return std::make_shared<const std::string>(std::move(s));
}

}  // namespace platform_test
