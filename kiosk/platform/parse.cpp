#include "kiosk/platform/parse.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::platform::wire {
namespace {

using nlohmann::json;

// Reads fields of one JSON object, remembering the first problem. Type
// mismatches are errors, never exceptions.
class Fields {
 public:
  Fields(const json& j, std::string& err, std::string where)
      : j_(j), err_(err), where_(std::move(where)) {
    if (!j_.is_object()) fail("", "is not an object");
  }
  bool ok() const { return err_.empty(); }

  std::string str(const char* key, bool required = true) {
    const json* v = find(key, required);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) return fail(key, "is not a string"), std::string();
    return v->get<std::string>();
  }
  std::optional<std::string> opt_str(const char* key) {
    const json* v = find(key, false);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) return fail(key, "is not a string"), std::nullopt;
    return v->get<std::string>();
  }
  long long integer(const char* key, bool required = true, long long lo = INT32_MIN,
                    long long hi = INT32_MAX) {
    const json* v = find(key, required);
    if (!v) return 0;
    if (!v->is_number_integer()) return fail(key, "is not an integer"), 0;
    const long long n = v->get<long long>();
    if (n < lo || n > hi) return fail(key, "is out of range"), 0;
    return n;
  }
  double number(const char* key, bool required = true) {
    const json* v = find(key, required);
    if (!v) return 0;
    if (!v->is_number()) return fail(key, "is not a number"), 0;
    return v->get<double>();
  }
  bool boolean(const char* key, bool required = true) {
    const json* v = find(key, required);
    if (!v) return false;
    if (!v->is_boolean()) return fail(key, "is not a boolean"), false;
    return v->get<bool>();
  }
  const json& array(const char* key, bool required = true) {
    static const json kEmpty = json::array();
    const json* v = find(key, required);
    if (!v) return kEmpty;
    if (!v->is_array()) return fail(key, "is not an array"), kEmpty;
    return *v;
  }
  const json& object(const char* key, bool required = true) {
    static const json kEmpty = json::object();
    const json* v = find(key, required);
    if (!v) return kEmpty;
    if (!v->is_object()) return fail(key, "is not an object"), kEmpty;
    return *v;
  }
  std::string at(const char* key) const { return where_ + "." + key; }

 private:
  const json* find(const char* key, bool required) {
    if (!j_.is_object()) return nullptr;
    auto it = j_.find(key);
    if (it == j_.end()) {
      if (required) fail(key, "is missing");
      return nullptr;
    }
    return &*it;
  }
  void fail(const char* key, const char* what) {
    if (err_.empty()) err_ = where_ + (*key ? "." : "") + key + " " + what;
  }
  const json& j_;
  std::string& err_;
  std::string where_;
};

Parsed<json> parse_json(std::string_view body) {
  if (body.size() > kMaxJsonBytes) return kx::unexpected(std::string("answer too large"));
  json j = json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) return kx::unexpected(std::string("answer is not valid JSON"));
  if (!j.is_object()) return kx::unexpected(std::string("answer is not a JSON object"));
  return j;
}

// Runs `fn(json, err)` guarded: nlohmann may still throw on exotic input
// (e.g. invalid UTF-8 while dumping), and nothing may escape this module.
template <class T, class Fn>
Parsed<T> guarded(std::string_view body, Fn fn) {
  try {
    auto j = parse_json(body);
    if (!j) return kx::unexpected(j.error());
    std::string err;
    T out = fn(*j, err);
    if (!err.empty()) return kx::unexpected(err);
    return out;
  } catch (const std::exception& e) {
    return kx::unexpected(std::string("answer rejected: ") + e.what());
  }
}

ServiceItem item_from(const json& j, std::string& err, const std::string& where) {
  Fields f(j, err, where);
  ServiceItem it;
  it.item_code = f.str("item_code");
  it.name_zh = f.str("name_zh");
  it.name_en = f.str("name_en");
  it.department_code = f.str("department_code");
  it.department_zh = f.str("department_zh");
  it.department_en = f.str("department_en", false);
  it.category = f.str("category");
  for (const auto& c : f.array("conditions")) {
    Fields cf(c, err, f.at("conditions"));
    it.conditions.emplace_back(cf.str("zh"), cf.str("en", false));
  }
  for (const auto& m : f.array("materials")) {
    Fields mf(m, err, f.at("materials"));
    Material mat;
    mat.material_code = mf.str("material_code");
    mat.name_zh = mf.str("name_zh");
    mat.name_en = mf.str("name_en", false);
    mat.required = mf.boolean("required");
    mat.form = mf.str("form");
    mat.elicence_type = mf.opt_str("elicence_type");
    it.materials.push_back(std::move(mat));
  }
  it.legal_time_limit_days = static_cast<int>(f.integer("legal_time_limit_days", true, 0, 3650));
  it.promised_time_limit_days =
      static_cast<int>(f.integer("promised_time_limit_days", true, 0, 3650));
  Fields fee(f.object("fee"), err, f.at("fee"));
  it.fee_charged = fee.boolean("charged");
  it.fee_amount_yuan = fee.number("amount_yuan");
  it.fee_basis_zh = fee.str("basis_zh", false);
  it.trips = f.str("trips");
  if (err.empty() && it.trips != "zero" && it.trips != "one" && it.trips != "more")
    err = where + ".trips is not zero, one or more";
  it.online_pre_acceptance = f.boolean("online_pre_acceptance");
  it.appointment = f.boolean("appointment");
  it.window_group = f.str("window_group", false);
  for (const auto& w : f.array("windows")) {
    Fields wf(w, err, f.at("windows"));
    it.windows.push_back({wf.str("hall_code"), wf.str("window_code")});
  }
  return it;
}

Ticket ticket_from(const json& j, std::string& err) {
  Fields f(j, err, "ticket");
  Ticket t;
  t.ticket_number = f.str("ticket_number");
  t.hall_code = f.str("hall_code");
  t.item_code = f.str("item_code");
  t.window_group = f.str("window_group");
  t.priority = f.str("priority");
  t.issued_at = f.str("issued_at", false);
  for (const auto& w : f.array("windows", false)) {
    if (!w.is_string()) {
      if (err.empty()) err = "ticket.windows holds a non-string";
      break;
    }
    t.windows.push_back(w.get<std::string>());
  }
  t.waiting_count = static_cast<int>(f.integer("waiting_count", true, 0, 1000000));
  t.estimated_wait_minutes = static_cast<int>(f.integer("estimated_wait_minutes", true, 0, 100000));
  t.appointment_id = f.str("appointment_id", false);
  return t;
}

}  // namespace

Parsed<Enrolment> parse_enrolment(std::string_view body) {
  return guarded<Enrolment>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "enrolment");
    Enrolment e{f.str("terminal_id"), f.str("hall_code"), f.str("certificate_pem"),
                f.str("ca_certificate_pem")};
    if (err.empty() && e.certificate_pem.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
      err = "enrolment.certificate_pem is not a PEM certificate";
    return e;
  });
}

Parsed<Ping> parse_ping(std::string_view body) {
  return guarded<Ping>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "ping");
    Ping p{f.str("terminal_id"), f.str("server_time")};
    if (err.empty() && f.str("status") != "ok") err = "ping.status is not ok";
    return p;
  });
}

Parsed<Catalogue> parse_catalogue(std::string_view body) {
  return guarded<Catalogue>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "catalogue");
    Catalogue c;
    c.version = f.str("version");
    const auto& items = f.array("items");
    c.items.reserve(items.size());
    for (std::size_t i = 0; i < items.size() && err.empty(); ++i)
      c.items.push_back(item_from(items[i], err, "catalogue.items[" + std::to_string(i) + "]"));
    return c;
  });
}

Parsed<ServiceItem> parse_service_item(std::string_view body) {
  return guarded<ServiceItem>(
      body, [](const json& j, std::string& err) { return item_from(j, err, "item"); });
}

Parsed<std::vector<Hall>> parse_halls(std::string_view body) {
  return guarded<std::vector<Hall>>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "halls");
    std::vector<Hall> out;
    for (const auto& h : f.array("halls")) {
      Fields hf(h, err, "halls[]");
      Hall hall;
      hall.hall_code = hf.str("hall_code");
      hall.name_zh = hf.str("name_zh");
      hall.name_en = hf.str("name_en", false);
      hall.address_zh = hf.str("address_zh", false);
      hall.opening_hours = hf.str("opening_hours", false);
      hall.main_hall = hf.boolean("main_hall", false);
      for (const auto& m : hf.array("floor_maps")) {
        Fields mf(m, err, "halls[].floor_maps[]");
        FloorMap fm;
        fm.floor = static_cast<int>(mf.integer("floor", true, -5, 200));
        fm.width_m = mf.number("width_m");
        fm.depth_m = mf.number("depth_m");
        Fields ef(mf.object("entrance"), err, "halls[].floor_maps[].entrance");
        fm.entrance_x_m = ef.number("x_m");
        fm.entrance_y_m = ef.number("y_m");
        hall.floor_maps.push_back(fm);
      }
      for (const auto& w : hf.array("windows")) {
        Fields wf(w, err, "halls[].windows[]");
        Window win;
        win.window_code = wf.str("window_code");
        win.window_group = wf.str("window_group");
        win.department_code = wf.str("department_code", false);
        win.floor = static_cast<int>(wf.integer("floor", true, -5, 200));
        win.x_m = wf.number("x_m");
        win.y_m = wf.number("y_m");
        hall.windows.push_back(std::move(win));
      }
      out.push_back(std::move(hall));
      if (!err.empty()) break;
    }
    return out;
  });
}

Parsed<TerminalSelf> parse_terminal_self(std::string_view body) {
  return guarded<TerminalSelf>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "terminal");
    TerminalSelf t;
    t.terminal_id = f.str("terminal_id");
    t.hall_code = f.str("hall_code");
    Fields p(f.object("position"), err, "terminal.position");
    t.floor = static_cast<int>(p.integer("floor", true, -5, 200));
    t.x_m = p.number("x_m");
    t.y_m = p.number("y_m");
    return t;
  });
}

Parsed<std::vector<Slot>> parse_slots(std::string_view body) {
  return guarded<std::vector<Slot>>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "slots");
    std::vector<Slot> out;
    for (const auto& s : f.array("slots")) {
      Fields sf(s, err, "slots[]");
      Slot slot{sf.str("slot_id"), sf.str("date"), sf.str("start"),
                static_cast<int>(sf.integer("capacity", true, 0, 100000)),
                static_cast<int>(sf.integer("available", true, 0, 100000))};
      out.push_back(std::move(slot));
      if (!err.empty()) break;
    }
    return out;
  });
}

Parsed<Appointment> parse_appointment(std::string_view body) {
  return guarded<Appointment>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "appointment");
    return Appointment{f.str("appointment_id"), f.str("confirmation_code"),
                       f.str("slot_id"),        f.str("item_code"),
                       f.str("hall_code"),      f.str("date"),
                       f.str("start"),          f.str("status")};
  });
}

Parsed<Ticket> parse_ticket(std::string_view body) {
  return guarded<Ticket>(body, [](const json& j, std::string& err) { return ticket_from(j, err); });
}

namespace {

CaseStatus case_from(const json& j, std::string& err, const char* where) {
  Fields f(j, err, where);
  CaseStatus c;
  c.case_number = f.str("case_number");
  c.item_code = f.str("item_code");
  c.status = f.str("status");
  for (const auto& s : f.array("stages")) {
    Fields sf(s, err, "case.stages[]");
    Stage st{sf.str("stage"), sf.str("at"), {}};
    for (const auto& r : sf.array("reasons", false)) {
      Fields rf(r, err, "case.stages[].reasons[]");
      st.reasons.emplace_back(rf.str("zh"), rf.str("en", false));
    }
    c.stages.push_back(std::move(st));
    if (!err.empty()) break;
  }
  if (err.empty() && c.stages.empty()) err = std::string(where) + ".stages is empty";
  return c;
}

}  // namespace

Parsed<CaseStatus> parse_case_status(std::string_view body) {
  return guarded<CaseStatus>(
      body, [](const json& j, std::string& err) { return case_from(j, err, "case"); });
}

Parsed<std::vector<CaseStatus>> parse_case_list(std::string_view body) {
  return guarded<std::vector<CaseStatus>>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "case list");
    std::vector<CaseStatus> out;
    for (const auto& c : f.array("cases")) {
      out.push_back(case_from(c, err, "cases[]"));
      if (!err.empty()) break;
    }
    return out;
  });
}

Parsed<std::vector<ELicence>> parse_elicences(std::string_view body) {
  return guarded<std::vector<ELicence>>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "e-licences");
    std::vector<ELicence> out;
    for (const auto& l : f.array("licences")) {
      Fields lf(l, err, "licences[]");
      out.push_back({lf.str("licence_id"), lf.str("licence_type"), lf.str("name_zh"),
                     lf.str("issuer_zh", false), lf.str("trust_level"),
                     lf.str("valid_until", false)});
      if (!err.empty()) break;
    }
    return out;
  });
}

Parsed<RatingResult> parse_rating_result(std::string_view body) {
  return guarded<RatingResult>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "rating");
    return RatingResult{f.str("rating_id"), f.boolean("follow_up_required")};
  });
}

Parsed<HeartbeatAck> parse_heartbeat_ack(std::string_view body) {
  return guarded<HeartbeatAck>(body, [](const json& j, std::string& err) {
    Fields f(j, err, "heartbeat");
    return HeartbeatAck{f.str("received_at"), f.str("latest_config_version", false)};
  });
}

bool parse_problem(std::string_view body, Error& into) {
  try {
    auto j = parse_json(body);
    if (!j) return false;
    std::string err;
    Fields f(*j, err, "problem");
    const auto code = f.opt_str("code");
    const auto title = f.opt_str("title");
    if (!err.empty() || (!code && !title)) return false;
    into.problem_code = code.value_or("");
    into.detail = title.value_or("");
    for (const auto& e : f.array("errors", false)) {
      std::string ferr;
      Fields ef(e, ferr, "errors[]");
      FieldReason r{ef.str("field"), ef.str("reason", false), ef.str("reason_zh", false)};
      if (ferr.empty()) into.fields.push_back(std::move(r));
      if (into.fields.size() >= 100) break;
    }
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string to_json(const EnrolmentRequest& r) {
  return json{
      {"enrolment_token", r.enrolment_token}, {"csr_pem", r.csr_pem}, {"hall_code", r.hall_code}}
      .dump();
}

namespace {
json person(const Person& p) {
  json j = {{"id_number", p.id_number}, {"name", p.name}};
  if (!p.phone.empty()) j["phone"] = p.phone;
  return j;
}
// The kiosk may hold invalid UTF-8 from a device; replace rather than throw.
std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}
}  // namespace

std::string to_json(const AppointmentRequest& r) {
  return dump({{"slot_id", r.slot_id}, {"applicant", person(r.applicant)}});
}

std::string to_json(const TicketRequest& r) {
  return dump({{"item_code", r.item_code}, {"hall_code", r.hall_code}, {"priority", r.priority}});
}

std::string check_in_json(const std::string& code, const std::string& hall) {
  return dump({{"confirmation_code", code}, {"hall_code", hall}});
}

std::string application_json(const PreApplicationRequest& r) {
  json materials = json::array();
  int page_no = 0;
  for (const auto& m : r.materials) {
    json jm = {{"material_code", m.material_code}, {"source", m.source}};
    if (m.source == "elicence") jm["licence_id"] = m.licence_id;
    json pages = json::array();
    for (std::size_t i = 0; i < m.pages.size(); ++i)
      pages.push_back("page-" + std::to_string(++page_no));
    if (!m.pages.empty()) jm["pages"] = pages;
    materials.push_back(jm);
  }
  json delivery = {{"method", r.delivery_method}};
  if (!r.delivery_address.empty()) delivery["address"] = r.delivery_address;
  json form = json::object();
  for (const auto& [k, v] : r.form) form[k] = v;
  return dump({{"item_code", r.item_code},
               {"applicant", person(r.applicant)},
               {"form", form},
               {"delivery", delivery},
               {"materials", materials}});
}

std::string case_query_json(const std::string& holder_id_number) {
  return dump({{"holder", {{"id_number", holder_id_number}}}});
}

std::string elicence_query_json(const Person& holder, const Consent& c) {
  return dump({{"holder", person(holder)},
               {"consent",
                {{"granted", true},
                 {"method", c.method},
                 {"captured_at", c.captured_at},
                 {"purpose_item_code", c.purpose_item_code}}}});
}

std::string to_json(const RatingRequest& r) {
  json j = {{"level", r.level},
            {"indicators",
             {{"overall", r.overall},
              {"efficiency", r.efficiency},
              {"service", r.service},
              {"attitude", r.attitude}}}};
  if (!r.comment.empty()) j["comment"] = r.comment;
  if (!r.case_number.empty()) j["case_number"] = r.case_number;
  if (!r.ticket_number.empty()) j["ticket_number"] = r.ticket_number;
  if (!r.pre_application_key.empty()) j["pre_application_key"] = r.pre_application_key;
  return dump(j);
}

std::string to_json(const Heartbeat& h) {
  json devices = json::object();
  for (const auto& [k, v] : h.devices) devices[k] = v;
  json j = {{"app_version", h.app_version},
            {"config_version", h.config_version},
            {"outbox_depth", h.outbox_depth},
            {"paper", h.paper},
            {"devices", devices}};
  if (h.config_refusal) {
    const auto& r = *h.config_refusal;
    json flag = {{"reason", r.reason}, {"detail", r.detail}, {"at", r.at}};
    if (!r.refused_version.empty()) flag["refused_version"] = r.refused_version;
    j["config_refusal"] = flag;
  }
  return dump(j);
}

}  // namespace kiosk::platform::wire
