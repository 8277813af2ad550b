// Admin routes for tests and demos. Loopback callers only, no client
// certificate, never subject to injected faults.
#include "tools/platform-sim/sim_app.hpp"

namespace platform_sim {
namespace {

bool loopback_only(const httplib::Request& req, httplib::Response& res) {
  if (req.remote_addr == "127.0.0.1" || req.remote_addr == "::1") return true;
  send_problem(res, 403, "admin_loopback_only", "Admin endpoints answer loopback callers only",
               "管理接口只接受本机访问");
  return false;
}

nlohmann::json faults_json(const FaultSpec& s) {
  return {{"spec", s.text}};
}

}  // namespace

void install_admin_routes(App& app, httplib::Server& svr) {
  svr.Get("/admin/records", [&app](const httplib::Request& req, httplib::Response& res) {
    if (!loopback_only(req, res)) return;
    const std::string kind = req.get_param_value("kind");
    std::vector<DbRow> rows;
    {
      std::lock_guard lock(app.db_m);
      rows = kind.empty() ? app.db.query(
                                "SELECT seq, kind, record_id, idempotency_key, terminal_id, "
                                "created_at, data FROM records ORDER BY seq")
                          : app.db.query(
                                "SELECT seq, kind, record_id, idempotency_key, terminal_id, "
                                "created_at, data FROM records WHERE kind=? ORDER BY seq",
                                {kind});
    }
    nlohmann::json list = nlohmann::json::array();
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& r : rows) {
      list.push_back({{"seq", std::stoll(r[0])},
                      {"kind", r[1]},
                      {"id", r[2]},
                      {"idempotency_key", r[3]},
                      {"terminal_id", r[4]},
                      {"created_at", r[5]},
                      // what the simulator kept (never citizen data: see add_record's callers)
                      {"data", nlohmann::json::parse(r[6], nullptr, false)}});
      counts[r[1]] = counts.value(r[1], 0) + 1;
    }
    send_json(res, 200, {{"records", list}, {"counts", counts}});
  });

  svr.Get("/admin/faults", [&app](const httplib::Request& req, httplib::Response& res) {
    if (!loopback_only(req, res)) return;
    send_json(res, 200, faults_json(app.faults.spec()));
  });
  // Body: the spec text (text/plain), e.g. "5xx=0.5;only=/v1/ratings".
  svr.Put("/admin/faults", [&app](const httplib::Request& req, httplib::Response& res) {
    if (!loopback_only(req, res)) return;
    std::string error;
    auto spec = parse_fault_spec(req.body, error);
    if (!spec) {
      send_problem(res, 422, "bad_fault_spec", "Bad fault spec", "故障注入参数错误",
                   {{"spec", error, "无法解析"}});
      return;
    }
    // A refuse window wakes run_server, which closes the listener for it.
    app.faults.set(*spec);
    send_json(res, 200, faults_json(*spec));
  });

  svr.Post(R"(/admin/terminals/([^/]+)/revocation)",
           [&app](const httplib::Request& req, httplib::Response& res) {
             if (!loopback_only(req, res)) return;
             std::lock_guard lock(app.db_m);
             app.db.exec("UPDATE terminals SET revoked=1 WHERE terminal_id=?",
                         {std::string(req.matches[1])});
             std::unique_lock known(app.active_m);
             app.active_terminals.erase(std::string(req.matches[1]));
             send_json(res, 200, {{"terminal_id", std::string(req.matches[1])}, {"revoked", true}});
           });

  // Moves a case to its next stage, as the back office would: {"stage":
  // "returned_for_correction", "reasons": [{"zh": "...", "en": "..."}]}.
  svr.Post(R"(/admin/pre-applications/([^/]+)/stages)",
           [&app](const httplib::Request& req, httplib::Response& res) {
             if (!loopback_only(req, res)) return;
             auto body = json_body(req, res);
             if (!body) return;
             static const std::vector<std::string> kStages = {
                 "received",    "pre_review_passed", "returned_for_correction", "accepted",
                 "in_approval", "concluded",         "result_posted",           "result_collected"};
             const std::string stage = body->value("stage", "");
             if (std::find(kStages.begin(), kStages.end(), stage) == kStages.end()) {
               send_problem(res, 422, "validation_failed", "Unknown stage", "未知的办理环节",
                            {{"stage", "unknown stage", "未知环节"}});
               return;
             }
             std::lock_guard lock(app.db_m);
             const std::string cn = req.matches[1];
             auto rows = app.db.query("SELECT stages FROM cases WHERE case_number=?", {cn});
             if (rows.empty()) {
               send_problem(res, 404, "case_not_found", "No such case", "办件不存在");
               return;
             }
             auto stages = nlohmann::json::parse(rows[0][0]);
             nlohmann::json s = {{"stage", stage}, {"at", now_iso()}};
             if (body->contains("reasons")) s["reasons"] = (*body)["reasons"];
             stages.push_back(s);
             app.db.exec("UPDATE cases SET stages=? WHERE case_number=?", {stages.dump(), cn});
             send_json(res, 200, {{"case_number", cn}, {"stages", stages}});
           });

  svr.Post("/admin/enrolment-tokens", [&app](const httplib::Request& req, httplib::Response& res) {
    if (!loopback_only(req, res)) return;
    std::lock_guard lock(app.db_m);
    const std::string token =
        "T-" + sha256_hex(std::to_string(app.opt.seed) + now_iso() +
                          std::to_string(app.db.scalar("SELECT count(*) FROM enrolment_tokens")))
                   .substr(0, 20);
    // {"expires_at": "2026-01-01T00:00:00Z"} makes a token with an expiry
    // (one in the past: already expired); none by default.
    const auto body = nlohmann::json::parse(req.body.empty() ? "{}" : req.body, nullptr, false);
    std::string expires;
    if (body.is_object() && body.contains("expires_at") && body["expires_at"].is_string()) {
      expires = body["expires_at"].get<std::string>();
    }
    if (expires.empty()) {
      app.db.exec("INSERT INTO enrolment_tokens(token) VALUES(?)", {token});
    } else {
      app.db.exec("INSERT INTO enrolment_tokens(token, expires_at) VALUES(?, ?)", {token, expires});
    }
    send_json(res, 201, {{"enrolment_token", token}, {"expires_at", expires}});
  });
}

}  // namespace platform_sim
