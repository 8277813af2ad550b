// Case progress by the holder's ID number: POST /v1/cases/queries. The
// simulator keeps no ID number in clear: a case is linked to the SHA-256 of
// its applicant's number (case_holders), which is all a lookup needs.
#include "tools/platform-sim/case_queries.hpp"

#include "tools/platform-sim/seed_data.hpp"

namespace platform_sim {
namespace {

using nlohmann::json;

const char* kCaseHolders =
    "CREATE TABLE IF NOT EXISTS case_holders(holder_hash TEXT, case_number TEXT PRIMARY KEY)";

std::string holder_hash(const std::string& id_number) {
  return sha256_hex("holder:" + id_number);
}

bool valid_resident_id(const std::string& id) {
  if (id.size() != 18) return false;
  for (std::size_t i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  return id_check_digit(id.substr(0, 17)) == id[17];
}

json stage(const char* name, const char* at) {
  return {{"stage", name}, {"at", at}};
}

}  // namespace

void record_case_holder(App& app, const std::string& case_number, const std::string& id_number) {
  app.db.exec("INSERT OR REPLACE INTO case_holders VALUES(?,?)",
              {holder_hash(id_number), case_number});
}

bool seed_demo_cases(App& app) {
  if (!app.db.exec(kCaseHolders)) return false;
  // Two cases of the simulated reader's first card (tools/devsim/idcard,
  // 王堃): one waiting for a correction, one concluded.
  const std::string holder = "650102199003071235";
  json returned = json::array({stage("received", "2025-01-06T10:02:00+08:00"),
                               stage("returned_for_correction", "2025-01-07T15:30:00+08:00")});
  returned[1]["reasons"] =
      json::array({{{"zh", "照片不清晰，请重新提交"},
                    {"en", "The photo is not clear; please submit it again"}}});
  const json concluded = json::array({stage("received", "2024-11-04T09:15:00+08:00"),
                                      stage("accepted", "2024-11-04T11:00:00+08:00"),
                                      stage("in_approval", "2024-11-05T10:00:00+08:00"),
                                      stage("concluded", "2024-11-08T16:20:00+08:00")});
  const struct {
    const char* number;
    const char* item;
    const json& stages;
  } demo[] = {{"65010020241104000901", "650100-MZ-0001", concluded},
              {"65010020250106000902", "650100-GA-0002", returned}};
  for (const auto& c : demo) {
    app.db.exec("INSERT OR IGNORE INTO cases VALUES(?,?,?,?)",
                {std::string(c.number), std::string(c.item), std::string("seed"), c.stages.dump()});
    record_case_holder(app, c.number, holder);
  }
  return true;
}

void install_case_routes(App& app, httplib::Server& svr) {
  svr.Post("/v1/cases/queries", [&app](const httplib::Request& req, httplib::Response& res) {
    if (!authenticate(app, req, res)) return;
    auto body = json_body(req, res);
    if (!body) return;
    const json holder = body->value("holder", json::object());
    const std::string id = holder.is_object() ? holder.value("id_number", std::string()) : "";
    if (!valid_resident_id(id)) {
      return send_problem(res, 422, "validation_failed", "Some fields are not valid",
                          "部分字段不符合要求",
                          {{"holder.id_number", "not a valid 18-digit resident ID number",
                            "不是有效的 18 位居民身份号码"}});
    }
    std::lock_guard lock(app.db_m);
    const auto rows = app.db.query(
        "SELECT c.case_number, c.item_code, c.stages FROM case_holders h "
        "JOIN cases c ON c.case_number = h.case_number WHERE h.holder_hash=? "
        "ORDER BY c.case_number DESC",
        {holder_hash(id)});
    json cases = json::array();
    for (const auto& r : rows) {
      const json stages = json::parse(r[2]);
      cases.push_back({{"case_number", r[0]},
                       {"item_code", r[1]},
                       {"status", stages.back()["stage"]},
                       {"stages", stages}});
    }
    send_json(res, 200, {{"cases", cases}});
  });
}

}  // namespace platform_sim
