// The platform's business endpoints (see docs/platform-api.yaml).
#include "tools/platform-sim/case_queries.hpp"
#include "tools/platform-sim/seed_data.hpp"
#include "tools/platform-sim/sim_app.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>
#include <thread>

namespace platform_sim {
namespace {

using nlohmann::json;
using Req = httplib::Request;
using Res = httplib::Response;

const json* find_item(const App& app, const std::string& code) {
  for (const auto& it : app.catalogue["items"])
    if (it["item_code"] == code) return &it;
  return nullptr;
}

// If-None-Match holds "*" or a comma-separated list of (possibly weak) tags.
bool etag_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

bool hall_exists(const App& app, const std::string& code) {
  for (const auto& h : app.halls["halls"])
    if (h["hall_code"] == code) return true;
  return false;
}

std::vector<std::string> item_windows(const json& item, const std::string& hall) {
  std::vector<std::string> out;
  for (const auto& w : item["windows"])
    if (w["hall_code"] == hall) out.push_back(w["window_code"]);
  return out;
}

std::string today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

bool valid_id_number(const std::string& id) {
  if (id.size() != 18) return false;
  for (std::size_t i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  return id_check_digit(id.substr(0, 17)) == id[17];
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Validates a citizen object {id_number, name, phone?} into `errors`.
void check_person(const json& body, const std::string& key, bool need_phone,
                  std::vector<FieldReason>& errors) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_object()) {
    errors.push_back({key, "required", "必填"});
    return;
  }
  if (!valid_id_number(str(*it, "id_number")))
    errors.push_back({key + ".id_number", "not a valid 18-digit resident ID number",
                      "不是有效的 18 位居民身份号码"});
  const std::string name = str(*it, "name");
  if (name.empty() || name.size() > 90)
    errors.push_back({key + ".name", "required, at most 30 characters", "必填，最多 30 个字"});
  const std::string phone = str(*it, "phone");
  if (need_phone || !phone.empty()) {
    if (!std::regex_match(phone, std::regex("1[3-9][0-9]{9}")))
      errors.push_back({key + ".phone", "not an 11-digit mobile number", "不是 11 位手机号码"});
  }
}

void validation_failed(Res& res, const std::vector<FieldReason>& errors) {
  send_problem(res, 422, "validation_failed", "Some fields are not valid", "部分字段不符合要求",
               errors);
}

json make_ticket(App& app, const json& item, const std::string& hall, const std::string& priority) {
  const std::string group = item["window_group"];
  const std::string day = today();
  const auto issued =
      app.db.scalar("SELECT count(*) FROM tickets WHERE hall_code=? AND day=? AND window_group=?",
                    {hall, day, group});
  const auto priority_ahead = app.db.scalar(
      "SELECT count(*) FROM tickets WHERE hall_code=? AND day=? AND window_group=? AND "
      "priority!='normal'",
      {hall, day, group});
  char number[48];
  std::snprintf(number, sizeof number, "%s%s%03lld", group.c_str(), priority == "normal" ? "" : "V",
                static_cast<long long>(issued + 1));
  app.db.exec("INSERT INTO tickets VALUES(?,?,?,?,?)",
              {std::string(number), hall, group, day, priority});
  // Nobody is ever called in the simulator, so everyone earlier still waits;
  // priority tickets jump the ordinary queue.
  const auto waiting = priority == "normal" ? issued : priority_ahead;
  const auto windows = item_windows(item, hall);
  const auto per_window = windows.empty() ? 1 : static_cast<long long>(windows.size());
  return {{"ticket_number", number},
          {"hall_code", hall},
          {"item_code", item["item_code"]},
          {"window_group", group},
          {"windows", windows},
          {"priority", priority},
          {"waiting_count", waiting},
          {"estimated_wait_minutes", (waiting * 8 + per_window - 1) / per_window},
          {"issued_at", now_iso()}};
}

bool is_jpeg(const std::string& d) {
  return d.size() > 3 && static_cast<unsigned char>(d[0]) == 0xFF &&
         static_cast<unsigned char>(d[1]) == 0xD8 && static_cast<unsigned char>(d[2]) == 0xFF;
}
bool is_pdf(const std::string& d) {
  return d.rfind("%PDF-", 0) == 0;
}

struct Part {
  std::string name, filename, content_type, content;
};

// Reads a multipart body part by part, at most `bps` bytes per second when a
// slow-upload fault is active (TCP back-pressure slows the sender down).
bool read_multipart(const Req& req, const httplib::ContentReader& reader,
                    std::vector<Part>& parts) {
  const std::int64_t bps = thread_slow_upload_bps();
  const auto start = std::chrono::steady_clock::now();
  std::int64_t total = 0;
  return reader(
      [&](const httplib::MultipartFormData& h) {
        parts.push_back({h.name, h.filename, h.content_type, {}});
        return parts.size() <= 64;
      },
      [&](const char* data, std::size_t n) {
        if (parts.empty()) return false;
        parts.back().content.append(data, n);
        total += static_cast<std::int64_t>(n);
        if (bps > 0) {
          const auto due = start + std::chrono::milliseconds(total * 1000 / bps);
          std::this_thread::sleep_until(due);
        }
        (void)req;
        return true;
      });
}

void submit_pre_application(App& app, const Req& req, Res& res,
                            const httplib::ContentReader& reader) {
  auto terminal = authenticate(app, req, res);
  if (!terminal) return;
  if (!req.is_multipart_form_data()) {
    send_problem(res, 415, "multipart_required",
                 "Send multipart/form-data: an 'application' JSON part and page parts",
                 "请使用 multipart/form-data：application JSON 部分及材料页");
    return;
  }
  std::vector<Part> parts;
  if (!read_multipart(req, reader, parts)) {
    send_problem(res, 400, "malformed_multipart", "The multipart body is malformed",
                 "multipart 请求格式错误");
    return;
  }
  const Part* app_part = nullptr;
  std::string canonical;  // boundary-independent body for the idempotency hash
  for (const auto& p : parts) {
    if (p.name == "application") app_part = &p;
    canonical += p.name + '\0' + p.filename + '\0' + p.content_type + '\0' + sha256_hex(p.content);
  }
  if (!app_part) {
    validation_failed(
        res, {{"application", "the 'application' JSON part is missing", "缺少 application 部分"}});
    return;
  }
  auto body = json::parse(app_part->content, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    validation_failed(res, {{"application", "not a JSON object", "不是 JSON 对象"}});
    return;
  }
  idempotent(app, req, res, *terminal, sha256_hex(canonical), [&] {
    std::vector<FieldReason> errors;
    const json* item = find_item(app, str(body, "item_code"));
    if (!item) {
      errors.push_back({"item_code", "unknown item code", "事项编码不存在"});
    } else if (!(*item)["online_pre_acceptance"].get<bool>()) {
      errors.push_back({"item_code", "this item does not accept online pre-applications",
                        "该事项不支持网上预受理"});
    }
    check_person(body, "applicant", true, errors);
    auto delivery = body.value("delivery", json::object());
    const std::string method = str(delivery, "method");
    if (method != "pickup" && method != "post")
      errors.push_back(
          {"delivery.method", "must be pickup or post", "须为 pickup（自取）或 post（邮寄）"});
    if (method == "post" && str(delivery, "address").empty())
      errors.push_back({"delivery.address", "required for postal delivery", "邮寄送达须填写地址"});
    std::map<std::string, const Part*> pages;
    for (const auto& p : parts)
      if (p.name != "application") pages[p.name] = &p;
    std::set<std::string> supplied;
    int page_count = 0;
    std::int64_t bytes = 0;
    const auto materials = body.value("materials", json::array());
    for (std::size_t i = 0; i < materials.size(); ++i) {
      const auto& m = materials[i];
      const std::string at = "materials." + std::to_string(i);
      const std::string code = str(m, "material_code");
      bool known = false;
      if (item)
        for (const auto& im : (*item)["materials"]) known = known || im["material_code"] == code;
      if (!known) {
        errors.push_back(
            {at + ".material_code", "not a material of this item", "不是该事项的材料"});
        continue;
      }
      const std::string source = str(m, "source");
      if (source == "elicence") {
        if (str(m, "licence_id").empty())
          errors.push_back(
              {at + ".licence_id", "required for an e-licence", "电子证照须提供证照标识"});
      } else if (source == "scan") {
        const auto refs = m.value("pages", json::array());
        if (refs.empty()) errors.push_back({at + ".pages", "at least one page", "至少一页"});
        for (const auto& r : refs) {
          auto pit = r.is_string() ? pages.find(r.get<std::string>()) : pages.end();
          if (pit == pages.end()) {
            errors.push_back({at + ".pages", "refers to a missing part", "引用的材料页不存在"});
            break;
          }
          const Part& pg = *pit->second;
          const bool ok = (pg.content_type == "image/jpeg" && is_jpeg(pg.content)) ||
                          (pg.content_type == "application/pdf" && is_pdf(pg.content));
          if (!ok)
            errors.push_back(
                {"parts." + pg.name, "pages must be JPEG or PDF", "材料页须为 JPEG 或 PDF"});
          ++page_count;
          bytes += static_cast<std::int64_t>(pg.content.size());
        }
      } else {
        errors.push_back({at + ".source", "must be scan or elicence", "须为 scan 或 elicence"});
      }
      supplied.insert(code);
    }
    if (item && errors.empty()) {
      for (const auto& im : (*item)["materials"])
        if (im["required"].get<bool>() && !supplied.count(im["material_code"]))
          errors.push_back({"materials",
                            "missing required material " + im["material_code"].get<std::string>(),
                            "缺少必要材料：" + im["name_zh"].get<std::string>()});
    }
    if (!errors.empty()) {
      validation_failed(res, errors);
      return;
    }
    const auto seq = app.db.scalar("SELECT count(*) FROM cases") + 1;
    char cn[64];
    std::snprintf(cn, sizeof cn, "650100%s%06lld", today().c_str(), static_cast<long long>(seq));
    json stages = json::array({{{"stage", "received"}, {"at", now_iso()}}});
    app.db.exec("INSERT INTO cases VALUES(?,?,?,?)",
                {std::string(cn), str(body, "item_code"), *terminal, stages.dump()});
    record_case_holder(app, cn, str(body["applicant"], "id_number"));
    // Materials are summarised, not kept: the simulator needs no citizen data.
    add_record(app, "pre_application", cn, req, *terminal,
               {{"item_code", str(body, "item_code")}, {"pages", page_count}, {"bytes", bytes}});
    send_json(res, 201,
              {{"case_number", cn},
               {"item_code", str(body, "item_code")},
               {"status", "received"},
               {"stages", stages},
               {"pages_received", page_count}});
  });
}

}  // namespace

void install_routes(App& app, httplib::Server& svr) {
  svr.Get("/v1/ping", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    send_json(res, 200, {{"status", "ok"}, {"terminal_id", *t}, {"server_time", now_iso()}});
  });

  svr.Post("/v1/terminals/enrolment", [&app](const Req& req, Res& res) {
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, "", sha256_hex(req.body), [&] {
      const std::string token = str(*body, "enrolment_token");
      const std::string csr = str(*body, "csr_pem");
      const std::string hall = body->value("hall_code", std::string("HALL-01"));
      std::vector<FieldReason> errors;
      if (token.empty()) errors.push_back({"enrolment_token", "required", "必填"});
      if (csr.empty()) errors.push_back({"csr_pem", "required", "必填"});
      if (!hall_exists(app, hall))
        errors.push_back({"hall_code", "unknown hall", "大厅编码不存在"});
      if (!errors.empty()) return validation_failed(res, errors);
      auto rows = app.db.query(
          "SELECT coalesce(used_by, ''), coalesce(expires_at, '') FROM enrolment_tokens "
          "WHERE token=?",
          {token});
      if (rows.empty() || !rows[0][0].empty()) {
        send_problem(res, 403, "enrolment_token_invalid",
                     "The enrolment token is unknown or already used", "注册令牌无效或已被使用");
        return;
      }
      // Both RFC 3339 UTC with seconds: they compare as text.
      if (!rows[0][1].empty() && rows[0][1] <= now_iso()) {
        send_problem(res, 403, "enrolment_token_expired", "The enrolment token has expired",
                     "注册令牌已过期");
        return;
      }
      const auto seq = app.db.scalar("SELECT count(*) FROM terminals") + 1;
      char id[48];
      std::snprintf(id, sizeof id, "650100-ZZ-%04lld", static_cast<long long>(seq));
      std::string error;
      auto cert = app.ca.sign_csr(csr, id, error);
      if (!cert) return validation_failed(res, {{"csr_pem", error, "证书签名请求无效"}});
      app.db.exec("UPDATE enrolment_tokens SET used_by=? WHERE token=?", {std::string(id), token});
      // The kiosk stands near the entrance of floor 1.
      app.db.exec("INSERT INTO terminals VALUES(?,?,1,?,34.0,?,0)",
                  {std::string(id), hall, std::int64_t{28 + (seq % 5) * 2}, now_iso()});
      add_record(app, "terminal", id, req, id, {{"hall_code", hall}});
      send_json(res, 201,
                {{"terminal_id", id},
                 {"hall_code", hall},
                 {"certificate_pem", *cert},
                 {"ca_certificate_pem", app.ca.ca_pem()}});
    });
  });

  svr.Get("/v1/catalogue", [&app](const Req& req, Res& res) {
    if (!authenticate(app, req, res)) return;
    res.set_header("ETag", app.catalogue_etag);
    res.set_header("Cache-Control", "no-cache");
    if (etag_matches(req.get_header_value("If-None-Match"), app.catalogue_etag)) {
      res.status = 304;
      return;
    }
    send_static(res, app.catalogue_body, "application/json");
  });

  svr.Get(R"(/v1/catalogue/items/([^/]+))", [&app](const Req& req, Res& res) {
    if (!authenticate(app, req, res)) return;
    auto item = app.item_bodies.find(req.matches[1].str());
    if (item == app.item_bodies.end())
      return send_problem(res, 404, "item_not_found", "No such item", "事项不存在");
    send_static(res, item->second, "application/json");
  });

  svr.Get("/v1/halls", [&app](const Req& req, Res& res) {
    if (!authenticate(app, req, res)) return;
    send_static(res, app.halls_body, "application/json");
  });

  svr.Get("/v1/terminals/self", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    std::lock_guard lock(app.db_m);
    auto r =
        app.db.query("SELECT hall_code, floor, x_m, y_m FROM terminals WHERE terminal_id=?", {*t});
    send_json(res, 200,
              {{"terminal_id", *t},
               {"hall_code", r[0][0]},
               {"position",
                {{"floor", std::stoi(r[0][1])},
                 {"x_m", std::stod(r[0][2])},
                 {"y_m", std::stod(r[0][3])}}}});
  });

  svr.Get("/v1/appointments/slots", [&app](const Req& req, Res& res) {
    if (!authenticate(app, req, res)) return;
    const std::string code = req.get_param_value("item_code"),
                      hall = req.get_param_value("hall_code"), date = req.get_param_value("date");
    std::vector<FieldReason> errors;
    const json* item = find_item(app, code);
    if (!item)
      errors.push_back({"item_code", "unknown item code", "事项编码不存在"});
    else if (!(*item)["appointment"].get<bool>())
      errors.push_back({"item_code", "this item takes no appointments", "该事项不支持预约"});
    else if (item_windows(*item, hall).empty())
      errors.push_back({"hall_code", "this hall does not handle the item", "该大厅不办理此事项"});
    std::tm tm{};
    if (!std::regex_match(date, std::regex(R"(\d{4}-\d{2}-\d{2})")) ||
        !strptime(date.c_str(), "%Y-%m-%d", &tm))
      errors.push_back({"date", "must be YYYY-MM-DD", "日期格式须为 YYYY-MM-DD"});
    if (!errors.empty()) return validation_failed(res, errors);
    tm.tm_hour = 12;
    const std::time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    json slots = json::array();
    if (tm.tm_wday != 0 && tm.tm_wday != 6) {  // halls close at weekends
      static const char* kStarts[] = {"09:00", "09:30", "10:00", "10:30", "11:00",
                                      "11:30", "13:30", "14:00", "14:30", "15:00",
                                      "15:30", "16:00", "16:30", "17:00"};
      std::lock_guard lock(app.db_m);
      for (const char* s : kStarts) {
        std::string hhmm = std::string(s).erase(2, 1);
        const std::string id = hall + "_" + code + "_" + date + "_" + hhmm;
        const auto booked = app.db.scalar(
            "SELECT count(*) FROM appointments WHERE slot_id=? AND status='booked'", {id});
        slots.push_back({{"slot_id", id},
                         {"date", date},
                         {"start", s},
                         {"capacity", 4},
                         {"available", 4 - booked}});
      }
    }
    send_json(res, 200,
              {{"item_code", code}, {"hall_code", hall}, {"date", date}, {"slots", slots}});
  });

  svr.Post("/v1/appointments", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      std::vector<FieldReason> errors;
      const std::string slot = str(*body, "slot_id");
      std::smatch m;
      static const std::regex kSlot(R"((HALL-\d\d)_([^_]+)_(\d{4}-\d{2}-\d{2})_(\d{4}))");
      if (!std::regex_match(slot, m, kSlot) || !find_item(app, m[2]) || !hall_exists(app, m[1]))
        errors.push_back({"slot_id", "unknown slot", "预约时段不存在"});
      check_person(*body, "applicant", true, errors);
      if (!errors.empty()) return validation_failed(res, errors);
      if (app.db.scalar("SELECT count(*) FROM appointments WHERE slot_id=? AND status='booked'",
                        {slot}) >= 4)
        return send_problem(res, 409, "slot_full", "This slot is fully booked", "该时段已约满");
      const auto seq = app.db.scalar("SELECT count(*) FROM appointments") + 1;
      const std::string id = "AP" + today() + std::to_string(100000 + seq);
      // A six-digit code the citizen types or scans at check-in.
      const std::string code = std::to_string(
          100000 + (seq * 7919 + static_cast<long long>(app.opt.seed) * 104729) % 900000);
      app.db.exec("INSERT INTO appointments VALUES(?,?,?,?,?, 'booked')",
                  {id, code, slot, std::string(m[2]), std::string(m[1])});
      add_record(app, "appointment", id, req, *t, {{"slot_id", slot}});
      send_json(res, 201,
                {{"appointment_id", id},
                 {"confirmation_code", code},
                 {"slot_id", slot},
                 {"item_code", std::string(m[2])},
                 {"hall_code", std::string(m[1])},
                 {"date", std::string(m[3])},
                 {"start", std::string(m[4]).insert(2, ":")},
                 {"status", "booked"}});
    });
  });

  svr.Post(R"(/v1/appointments/([^/]+)/cancellation)", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      // The appointment id, or the confirmation code on the citizen's slip.
      const std::string key = req.matches[1];
      auto rows = app.db.query(
          "SELECT status, appointment_id FROM appointments WHERE appointment_id=? OR "
          "confirmation_code=?",
          {key, key});
      if (rows.empty())
        return send_problem(res, 404, "appointment_not_found", "No such appointment", "预约不存在");
      if (rows[0][0] != "booked")
        return send_problem(res, 409, "appointment_not_active",
                            "The appointment is already " + rows[0][0], "该预约已取消或已签到");
      const std::string id = rows[0][1];
      app.db.exec("UPDATE appointments SET status='cancelled' WHERE appointment_id=?", {id});
      add_record(app, "appointment_cancellation", id, req, *t, json::object());
      send_json(res, 200, {{"appointment_id", id}, {"status", "cancelled"}});
    });
  });

  svr.Post("/v1/appointments/check-in", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      const std::string code = str(*body, "confirmation_code"), hall = str(*body, "hall_code");
      auto rows = app.db.query(
          "SELECT appointment_id, item_code, hall_code, status FROM appointments WHERE "
          "confirmation_code=?",
          {code});
      if (rows.empty())
        return validation_failed(
            res, {{"confirmation_code", "unknown confirmation code", "预约确认码不存在"}});
      if (rows[0][2] != hall)
        return send_problem(res, 409, "wrong_hall", "The appointment is at hall " + rows[0][2],
                            "该预约不在本大厅");
      if (rows[0][3] != "booked")
        return send_problem(res, 409, "appointment_not_active", "The appointment is " + rows[0][3],
                            "该预约已取消或已签到");
      app.db.exec("UPDATE appointments SET status='checked_in' WHERE appointment_id=?",
                  {rows[0][0]});
      // Booked citizens are served ahead of walk-ins.
      json ticket = make_ticket(app, *find_item(app, rows[0][1]), hall, "appointment");
      ticket["appointment_id"] = rows[0][0];
      add_record(app, "check_in", ticket["ticket_number"], req, *t,
                 {{"appointment_id", rows[0][0]}});
      send_json(res, 201, ticket);
    });
  });

  svr.Post("/v1/queue/tickets", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      std::vector<FieldReason> errors;
      const json* item = find_item(app, str(*body, "item_code"));
      const std::string hall = str(*body, "hall_code");
      const std::string priority = body->value("priority", std::string("normal"));
      if (!item)
        errors.push_back({"item_code", "unknown item code", "事项编码不存在"});
      else if (item_windows(*item, hall).empty())
        errors.push_back({"hall_code", "this hall does not handle the item", "该大厅不办理此事项"});
      if (priority != "normal" && priority != "elderly" && priority != "disabled")
        errors.push_back({"priority", "must be normal, elderly or disabled",
                          "须为 normal、elderly 或 disabled"});
      if (!errors.empty()) return validation_failed(res, errors);
      json ticket = make_ticket(app, *item, hall, priority);
      add_record(app, "ticket", ticket["ticket_number"], req, *t,
                 {{"item_code", (*item)["item_code"]}});
      send_json(res, 201, ticket);
    });
  });

  svr.Post("/v1/pre-applications",
           [&app](const Req& req, Res& res, const httplib::ContentReader& reader) {
             submit_pre_application(app, req, res, reader);
           });

  svr.Get(R"(/v1/pre-applications/([^/]+))", [&app](const Req& req, Res& res) {
    if (!authenticate(app, req, res)) return;
    std::lock_guard lock(app.db_m);
    auto rows = app.db.query("SELECT item_code, stages FROM cases WHERE case_number=?",
                             {std::string(req.matches[1])});
    if (rows.empty()) return send_problem(res, 404, "case_not_found", "No such case", "办件不存在");
    auto stages = json::parse(rows[0][1]);
    send_json(res, 200,
              {{"case_number", std::string(req.matches[1])},
               {"item_code", rows[0][0]},
               {"status", stages.back()["stage"]},
               {"stages", stages}});
  });

  svr.Post("/v1/e-licences/queries", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      std::vector<FieldReason> errors;
      check_person(*body, "holder", false, errors);
      auto consent = body->value("consent", json::object());
      if (!consent.value("granted", false))
        errors.push_back(
            {"consent.granted", "the citizen's consent is required", "须经本人授权同意"});
      if (str(consent, "method").empty())
        errors.push_back(
            {"consent.method", "how consent was captured is required", "须说明授权方式"});
      if (!errors.empty()) return validation_failed(res, errors);
      json found = json::array();
      const std::string id = str((*body)["holder"], "id_number");
      for (const auto& c : app.citizens)
        if (c["id_number"] == id && c["name"] == str((*body)["holder"], "name"))
          found = c["licences"];
      const auto seq =
          app.db.scalar("SELECT count(*) FROM records WHERE kind='elicence_query'") + 1;
      // The consent is the record; the holder is not stored.
      add_record(app, "elicence_query", "EQ" + std::to_string(seq), req, *t,
                 {{"method", str(consent, "method")}, {"count", found.size()}});
      send_json(res, 200, {{"licences", found}});
    });
  });

  svr.Post("/v1/ratings", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      std::vector<FieldReason> errors;
      auto level_ok = [](const json& v) {
        return v.is_number_integer() && v.get<int>() >= 1 && v.get<int>() <= 5;
      };
      if (!level_ok(body->value("level", json())))
        errors.push_back({"level", "must be 1 (very dissatisfied) to 5 (very satisfied)",
                          "须为 1（非常不满意）至 5（非常满意）"});
      auto ind = body->value("indicators", json::object());
      for (const char* k : {"overall", "efficiency", "service", "attitude"})
        if (!level_ok(ind.value(k, json())))
          errors.push_back({std::string("indicators.") + k, "must be 1 to 5", "须为 1 至 5"});
      const std::string comment = str(*body, "comment");
      if (comment.size() > 1500)
        errors.push_back({"comment", "at most 500 characters", "最多 500 字"});
      std::string case_number = str(*body, "case_number");
      const std::string ticket = str(*body, "ticket_number"),
                        submission = str(*body, "pre_application_key");
      const int subjects =
          int{!case_number.empty()} + int{!ticket.empty()} + int{!submission.empty()};
      if (subjects != 1) {
        errors.push_back({"case_number",
                          "give exactly one of case_number, ticket_number and pre_application_key",
                          "办件编号、排队号与预申请幂等键须且只能填写一个"});
      } else if (!submission.empty()) {
        // A pre-application sent from the kiosk's outbox is rated by its
        // Idempotency-Key: the citizen rated it before its case number
        // existed. Only the terminal that submitted it can name it.
        auto rows = app.db.query(
            "SELECT record_id FROM records WHERE kind='pre_application' AND idempotency_key=? "
            "AND terminal_id=?",
            {submission, *t});
        if (rows.empty()) {
          errors.push_back({"pre_application_key", "unknown pre-application of this terminal",
                            "本终端无此预申请"});
        } else {
          case_number = rows[0][0];
        }
      } else if (!case_number.empty() &&
                 app.db.scalar("SELECT count(*) FROM cases WHERE case_number=?", {case_number}) ==
                     0) {
        errors.push_back({"case_number", "unknown case", "办件不存在"});
      } else if (!ticket.empty() &&
                 app.db.scalar("SELECT count(*) FROM tickets WHERE ticket_number=?", {ticket}) ==
                     0) {
        errors.push_back({"ticket_number", "unknown ticket", "排队号不存在"});
      }
      if (!errors.empty()) return validation_failed(res, errors);
      const auto seq = app.db.scalar("SELECT count(*) FROM records WHERE kind='rating'") + 1;
      const std::string id = "RT" + today() + std::to_string(100000 + seq);
      const bool follow_up = (*body)["level"].get<int>() <= 2;  // poor ratings are followed up
      add_record(app, "rating", id, req, *t,
                 {{"level", (*body)["level"]},
                  {"case_number", case_number},
                  {"ticket_number", ticket},
                  {"pre_application_key", submission}});
      send_json(res, 201, {{"rating_id", id}, {"follow_up_required", follow_up}});
    });
  });

  svr.Post("/v1/heartbeats", [&app](const Req& req, Res& res) {
    auto t = authenticate(app, req, res);
    if (!t) return;
    auto body = json_body(req, res);
    if (!body) return;
    idempotent(app, req, res, *t, sha256_hex(req.body), [&] {
      std::vector<FieldReason> errors;
      if (str(*body, "app_version").empty()) errors.push_back({"app_version", "required", "必填"});
      if (!body->contains("outbox_depth") || !(*body)["outbox_depth"].is_number_unsigned())
        errors.push_back({"outbox_depth", "a non-negative integer", "须为非负整数"});
      const std::string paper = str(*body, "paper");
      if (paper != "ok" && paper != "low" && paper != "out")
        errors.push_back({"paper", "must be ok, low or out", "须为 ok、low 或 out"});
      if (body->contains("devices") && !(*body)["devices"].is_object())
        errors.push_back(
            {"devices", "an object of device name to status", "须为设备名到状态的对象"});
      // the heartbeat flag: the kiosk's last refused config bundle (absent when none)
      json refusal = nullptr;
      if (body->contains("config_refusal")) {
        const auto& r = (*body)["config_refusal"];
        if (!r.is_object() || str(r, "reason").empty())
          errors.push_back({"config_refusal", "an object with a reason", "须为含 reason 的对象"});
        else
          refusal = {{"reason", str(r, "reason")},
                     {"refused_version", str(r, "refused_version")},
                     {"detail", str(r, "detail")},
                     {"at", str(r, "at")}};
      }
      if (!errors.empty()) return validation_failed(res, errors);
      const auto seq = app.db.scalar("SELECT count(*) FROM records WHERE kind='heartbeat'") + 1;
      add_record(app, "heartbeat", "HB" + std::to_string(seq), req, *t,
                 {{"outbox_depth", (*body)["outbox_depth"]},
                  {"paper", paper},
                  {"config_refusal", refusal}});
      send_json(res, 202,
                {{"received_at", now_iso()}, {"latest_config_version", app.catalogue["version"]}});
    });
  });
}

}  // namespace platform_sim
