#include "tools/platform-sim/server.hpp"

#include "tools/platform-sim/case_queries.hpp"
#include "tools/platform-sim/seed_data.hpp"

#include <openssl/rand.h>
#include <openssl/ssl.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

namespace platform_sim {
namespace {

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS terminals(terminal_id TEXT PRIMARY KEY, hall_code TEXT, floor INTEGER,
  x_m REAL, y_m REAL, enrolled_at TEXT, revoked INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS enrolment_tokens(token TEXT PRIMARY KEY, used_by TEXT,
  expires_at TEXT);
CREATE TABLE IF NOT EXISTS idempotency(key TEXT PRIMARY KEY, terminal_id TEXT, route TEXT,
  body_hash TEXT, status INTEGER, content_type TEXT, body TEXT, created_at TEXT);
CREATE TABLE IF NOT EXISTS records(seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT, record_id TEXT,
  idempotency_key TEXT, terminal_id TEXT, created_at TEXT, data TEXT);
CREATE INDEX IF NOT EXISTS records_kind ON records(kind);
CREATE TABLE IF NOT EXISTS cases(case_number TEXT PRIMARY KEY, item_code TEXT, terminal_id TEXT,
  stages TEXT);
CREATE TABLE IF NOT EXISTS appointments(appointment_id TEXT PRIMARY KEY, confirmation_code TEXT UNIQUE,
  slot_id TEXT, item_code TEXT, hall_code TEXT, status TEXT);
CREATE TABLE IF NOT EXISTS tickets(ticket_number TEXT, hall_code TEXT, window_group TEXT,
  day TEXT, priority TEXT, PRIMARY KEY(hall_code, day, ticket_number));
)SQL";

std::string random_token() {
  unsigned char b[18];
  RAND_bytes(b, sizeof b);
  static constexpr char kAlpha[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string t;
  for (unsigned char c : b) t += kAlpha[c % 32];
  return t.substr(0, 6) + "-" + t.substr(6, 6) + "-" + t.substr(12, 6);
}

// Accept any client certificate at the TLS layer and let the routes decide:
// enrolment needs none, everything else answers 401 problem+json when the
// chain does not verify. A clean HTTP answer lets the client classify the
// failure as "authentication" instead of guessing from a TLS alert.
int accept_and_record(int /*preverify_ok*/, X509_STORE_CTX*) {
  return 1;
}

std::unique_ptr<httplib::SSLServer> make_server(App& app) {
  const auto files = app.ca.files();
  auto svr = std::make_unique<httplib::SSLServer>([&files](SSL_CTX& ctx) {
    SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
    if (SSL_CTX_use_certificate_chain_file(&ctx, files.server_cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(&ctx, files.server_key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_load_verify_locations(&ctx, files.ca_cert.c_str(), nullptr) != 1)
      return false;
    SSL_CTX_set_client_CA_list(&ctx, SSL_load_client_CA_file(files.ca_cert.c_str()));
    SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, accept_and_record);
    // Needed for session resumption when client certificates are requested;
    // without it OpenSSL aborts resumed handshakes with an internal error.
    static const unsigned char kSessionContext[] = "platform-sim";
    SSL_CTX_set_session_id_context(&ctx, kSessionContext, sizeof kSessionContext - 1);
    return true;
  });
  if (!svr->is_valid()) return nullptr;
  const int threads = app.opt.threads;
  svr->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  // Without TCP_NODELAY a large answer's last segment waits for the
  // client's delayed ACK (~40 ms): a 47 KB catalogue took 44 ms per request
  // on loopback while a 304 took 1.4 ms.
  svr->set_tcp_nodelay(true);
  svr->set_keep_alive_max_count(10000);
  svr->set_keep_alive_timeout(10);
  svr->set_read_timeout(30);
  svr->set_payload_max_length(64u << 20);

  svr->set_pre_routing_handler([&app](const httplib::Request& req, httplib::Response& res) {
    set_thread_fault(false, 0);
    if (req.path.rfind("/admin/", 0) == 0) return httplib::Server::HandlerResponse::Unhandled;
    if (app.refusing) {
      // A connection opened before the window: drop it mid-answer, as a
      // platform going away would.
      set_thread_fault(true, 0);
      send_problem(res, 503, "unavailable", "The platform is not reachable", "平台不可达");
      return httplib::Server::HandlerResponse::Handled;
    }
    const FaultDecision d = app.faults.decide(req.path);
    if (d.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(d.latency_ms));
    if (d.status != 0) {
      // The request body may be unread: never reuse this connection.
      res.set_header("Connection", "close");
      if (d.retry_after > 0) res.set_header("Retry-After", std::to_string(d.retry_after));
      if (d.outage)
        send_problem(res, 503, "outage", "The platform is down for maintenance",
                     "平台维护中，暂停服务");
      else if (d.status == 429)
        send_problem(res, 429, "rate_limited", "Too many requests", "请求过于频繁");
      else if (d.status == 503)
        send_problem(res, 503, "overloaded", "The platform is overloaded", "平台繁忙");
      else
        send_problem(res, d.status, "server_error", "Injected server error", "平台内部错误");
      return httplib::Server::HandlerResponse::Handled;
    }
    set_thread_fault(d.reset, d.slow_upload_bps);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  if (app.opt.log_requests) {
    svr->set_logger([](const httplib::Request& req, const httplib::Response& res) {
      // Paths and statuses only: bodies carry personal data.
      std::cerr << "platform-sim: " << req.method << ' ' << req.path << ' ' << res.status << '\n';
    });
  }
  install_routes(app, *svr);
  install_case_routes(app, *svr);
  install_admin_routes(app, *svr);
  return svr;
}

bool prepare_state(App& app, std::string& error) {
  std::stringstream ss(kSchema);
  std::string stmt;
  while (std::getline(ss, stmt, ';')) {
    if (stmt.find_first_not_of(" \n") == std::string::npos) continue;
    if (!app.db.exec(stmt)) {
      error = app.db.last_error();
      return false;
    }
  }
  // Tokens: at least `tokens` unused ones; the first is the "ready" token.
  auto unused = app.db.query("SELECT token FROM enrolment_tokens WHERE used_by IS NULL");
  for (int i = static_cast<int>(unused.size()); i < app.opt.tokens; ++i)
    app.db.exec("INSERT INTO enrolment_tokens(token) VALUES(?)", {random_token()});
  unused = app.db.query("SELECT token FROM enrolment_tokens WHERE used_by IS NULL ORDER BY rowid");
  std::ofstream one(app.opt.state_dir / "enrolment-token", std::ios::trunc);
  std::ofstream all(app.opt.state_dir / "enrolment-tokens", std::ios::trunc);
  if (!unused.empty()) one << unused[0][0] << '\n';
  for (const auto& r : unused) all << r[0] << '\n';

  if (!seed_demo_cases(app)) {
    error = app.db.last_error();
    return false;
  }
  app.catalogue = seed_catalogue();
  app.halls = seed_halls();
  app.citizens = seed_citizens();
  app.catalogue_body = app.catalogue.dump();
  app.catalogue_etag = "\"" + sha256_hex(app.catalogue_body).substr(0, 32) + "\"";
  app.halls_body = app.halls.dump();
  for (const auto& item : app.catalogue["items"])
    app.item_bodies.emplace(item["item_code"].get<std::string>(), item.dump());
  return true;
}

}  // namespace

int run_server(const Options& opt) {
  std::error_code ec;
  std::filesystem::create_directories(opt.state_dir, ec);
  std::string error;
  auto ca = TestCa::open(opt.state_dir, error);
  if (!ca) {
    std::cerr << "platform-sim: " << error << '\n';
    return 2;
  }
  auto db = Db::open(opt.state_dir / "platform.sqlite", error);
  if (!db) {
    std::cerr << "platform-sim: " << error << '\n';
    return 2;
  }
  App app(opt, std::move(*db), std::move(*ca));
  if (!prepare_state(app, error)) {
    std::cerr << "platform-sim: cannot prepare state: " << error << '\n';
    return 2;
  }
  auto spec = parse_fault_spec(opt.faults, error);
  if (!spec) {
    std::cerr << "platform-sim: --faults: " << error << '\n';
    return 2;
  }
  app.faults.set(*spec);

  int port = opt.port;
  bool announced = false;
  // Each listener generation serves on its own thread; a refuse window
  // closes the current one and opens the next on the same port afterwards.
  std::vector<std::unique_ptr<httplib::SSLServer>> generations;
  for (;;) {
    auto svr = make_server(app);
    if (!svr) {
      std::cerr << "platform-sim: TLS set-up failed\n";
      return 2;
    }
    if (port == 0) {
      port = svr->bind_to_any_port(opt.host);
      if (port < 0) {
        std::cerr << "platform-sim: cannot listen on " << opt.host << '\n';
        return 2;
      }
    } else if (!svr->bind_to_port(opt.host, port)) {
      std::cerr << "platform-sim: cannot listen on " << opt.host << ':' << port << '\n';
      return 2;
    }
    auto* current = svr.get();
    std::thread([current] { current->listen_after_bind(); }).detach();
    generations.push_back(std::move(svr));
    app.refusing = false;
    if (!announced) {
      const std::string url = "https://" + opt.host + ":" + std::to_string(port);
      std::ofstream(opt.state_dir / "url", std::ios::trunc) << url << '\n';
      std::cout << "READY " << url << std::endl;  // the line parents wait for
      announced = true;
    }
    const int refuse_ms = app.faults.wait_refuse_ms();
    app.refusing = true;
    current->stop();  // nobody listens on the port now: connections are refused
    std::this_thread::sleep_for(std::chrono::milliseconds(refuse_ms));
  }
}

}  // namespace platform_sim
