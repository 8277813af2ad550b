#pragma once
// Shared state of one simulator process and the helpers every route uses:
// problem+json answers, device-certificate authentication, idempotency.
#include "tools/platform-sim/ca.hpp"
#include "tools/platform-sim/db.hpp"
#include "tools/platform-sim/faults.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_set>

namespace platform_sim {

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::filesystem::path state_dir;
  std::string faults;
  std::uint64_t seed = 1;
  int tokens = 1;
  bool log_requests = false;
  int threads = 64;  // httplib holds one thread per open connection
};

struct FieldReason {
  std::string field;  // dotted path, e.g. applicant.id_number
  std::string reason_en;
  std::string reason_zh;
};

struct App {
  App(Options o, Db d, TestCa c)
      : opt(std::move(o)), db(std::move(d)), ca(std::move(c)), faults(opt.seed) {}
  Options opt;
  Db db;
  TestCa ca;
  Faults faults;
  std::mutex
      db_m;  // one writer at a time; SQLite's own locking is not enough for our check-then-insert

  nlohmann::json catalogue, halls, citizens;
  // Serialised once per catalogue version: the catalogue is the most
  // requested answer, and dumping ~47 KB of JSON per request is waste.
  std::string catalogue_body, catalogue_etag, halls_body;
  std::map<std::string, std::string, std::less<>> item_bodies;  // item_code -> JSON

  // Terminals known to be enrolled and not revoked, so that authenticating
  // a request does not queue on db_m behind heartbeat writes. Filled and
  // emptied only while db_m is held (see authenticate / revocation).
  std::shared_mutex active_m;
  std::unordered_set<std::string> active_terminals;
  std::atomic<bool> refusing{false};  // inside a refuse window
};

// Writes every response body; honours an injected mid-response reset.
void send(httplib::Response& res, int status, const std::string& body, const std::string& type);
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// 200 with a body that lives as long as the App (pre-serialised answers):
// no copy per request. Honours an injected reset like send().
void send_static(httplib::Response& res, const std::string& body, const char* type);
// RFC 9457 problem. `code` is a stable machine-readable code.
void send_problem(httplib::Response& res, int status, const std::string& code,
                  const std::string& title_en, const std::string& title_zh,
                  const std::vector<FieldReason>& errors = {});

// The terminal id of the device certificate, or nullopt after answering 401.
std::optional<std::string> authenticate(App& app, const httplib::Request& req,
                                        httplib::Response& res);

// Runs `action` once per Idempotency-Key. The same key with the same
// `body_hash` replays the stored answer; a different hash answers 422.
// `action` fills `res` and runs under app.db_m inside a transaction.
void idempotent(App& app, const httplib::Request& req, httplib::Response& res,
                const std::string& terminal, const std::string& body_hash,
                const std::function<void()>& action);

void add_record(App& app, const std::string& kind, const std::string& id,
                const httplib::Request& req, const std::string& terminal,
                const nlohmann::json& data);

std::string sha256_hex(const std::string& data);
std::string now_iso();
// nullopt (and a 400 problem sent) when the body is not a JSON object.
std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res);

// Fault decisions for this request's thread (set by the pre-routing hook).
void set_thread_fault(bool reset, std::int64_t slow_upload_bps);
std::int64_t thread_slow_upload_bps();

void install_routes(App& app, httplib::Server& svr);        // routes.cpp
void install_admin_routes(App& app, httplib::Server& svr);  // admin.cpp

}  // namespace platform_sim
