// Malformed, oversized, truncated and mistyped answers are rejected cleanly.
// The real simulator never sends these, so this test stands up its own TLS
// server (cpp-httplib, with the simulator's CA-issued server certificate) that
// misbehaves on purpose: a mock, because no honest platform would do this.
#include "tests/platform/sim_fixture.hpp"

#include <httplib.h>

#include <thread>

namespace platform_test {
namespace {

class HostilePlatform : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    auto sim = kp::SimProcess::start({sim_binary(), dir_ / "sim", "", 1, 1});
    ASSERT_TRUE(sim.has_value()) << sim.error();
    sim_.emplace(std::move(*sim));
    device_ = enrol_device(*sim_, dir_, sim_->enrolment_token());
    const auto state = sim_->state_dir();
    server_ = std::make_unique<httplib::SSLServer>((state / "server.pem").c_str(),
                                                   (state / "server-key.pem").c_str());
    ASSERT_TRUE(server_->is_valid());
    auto json = [](std::string body) {
      return [body](const httplib::Request&, httplib::Response& res) {
        res.set_content(body, "application/json");
      };
    };
    server_->Get("/v1/ping", json("{\"status\": \"ok\", \"terminal_id\": "));  // cut JSON
    server_->Get("/v1/halls", json(R"({"halls": [{"hall_code": 7}]})"));       // wrong type
    server_->Get("/v1/terminals/self", json("[1,2,3]"));                       // not an object
    server_->Get("/v1/catalogue", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(9u << 20, ' '), "application/json");  // 9 MB
    });
    server_->Get(R"(/v1/pre-applications/(\d+))",
                 [](const httplib::Request&, httplib::Response& res) {
                   // Announces 1000 bytes, sends 20, hangs up.
                   res.set_content_provider(1000, "application/json",
                                            [](std::size_t, std::size_t, httplib::DataSink& sink) {
                                              sink.write("{\"case_number\": \"65", 19);
                                              return false;
                                            });
                 });
    server_->Get("/v1/appointments/slots", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html>proxy login</html>", "text/html");  // a captive portal
    });
    server_->Post("/v1/ratings", [](const httplib::Request&, httplib::Response& res) {
      res.status = 400;
      res.set_content("{\"errors\": 5}", "application/problem+json");  // junk problem
    });
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    kp::ClientConfig cfg;
    cfg.base_url = "https://127.0.0.1:" + std::to_string(port_);
    cfg.ca_file = sim_->ca_file().string();
    cfg.cert_file = device_.cert.string();
    cfg.key_file = device_.key.string();
    auto c = kp::PlatformClient::create(cfg);
    ASSERT_TRUE(c);
    client_ = std::move(*c);
  }
  void TearDown() override {
    // The client first: its kept-alive connection would hold a server
    // worker (and so stop()) for the whole 5 s keep-alive timeout.
    client_.reset();
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    sim_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  template <class R>
  static void expect_bad_response(const R& r) {
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().cls, kp::FailureClass::retry_later);
    EXPECT_EQ(r.error().code, kp::ErrorCode::bad_response) << r.error().detail;
  }

  std::filesystem::path dir_;
  std::optional<kp::SimProcess> sim_;
  DeviceFiles device_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<kp::PlatformClient> client_;
};

TEST_F(HostilePlatform, CutJsonIsABadResponse) {
  expect_bad_response(client_->ping());
}
TEST_F(HostilePlatform, WrongFieldTypeIsABadResponse) {
  expect_bad_response(client_->halls());
}
TEST_F(HostilePlatform, NonObjectIsABadResponse) {
  expect_bad_response(client_->terminal_self());
}
TEST_F(HostilePlatform, OversizedAnswerIsABadResponse) {
  expect_bad_response(client_->catalogue());
}
TEST_F(HostilePlatform, WrongContentTypeIsABadResponse) {
  expect_bad_response(client_->slots("650100-GA-0002", "HALL-01", "2026-12-01"));
}

TEST_F(HostilePlatform, TruncatedAnswerIsANetworkFailure) {
  auto r = client_->case_status("123");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, kp::ErrorCode::network);
  EXPECT_EQ(r.error().cls, kp::FailureClass::retry_later);
}

TEST_F(HostilePlatform, JunkProblemStillClassifiesByStatus) {
  kp::RatingRequest rr;
  rr.ticket_number = "A001";
  auto r = client_->rate(rr, kp::new_idempotency_key());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().cls, kp::FailureClass::permanent);
  EXPECT_EQ(r.error().http_status, 400);
  EXPECT_TRUE(r.error().fields.empty());
}

}  // namespace
}  // namespace platform_test
