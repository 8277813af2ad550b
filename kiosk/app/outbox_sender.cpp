#include "kiosk/app/outbox_sender.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <exception>
#include <memory>

namespace kiosk::app {

namespace oc = offline_cache;
namespace kp = kiosk::platform;
using nlohmann::json;

namespace {

std::vector<std::uint8_t> bytes_of(const json& j) {
  const std::string s = j.dump();
  return {s.begin(), s.end()};
}

json person_json(const kp::Person& p) {
  return {{"id_number", p.id_number}, {"name", p.name}, {"phone", p.phone}};
}

kp::Person person_of(const json& j) {
  return {j.at("id_number").get<std::string>(), j.at("name").get<std::string>(),
          j.at("phone").get<std::string>()};
}

std::string page_name(std::size_t material, std::size_t page) {
  return "m" + std::to_string(material) + "-p" + std::to_string(page);
}

oc::NewItem make_item(std::string_view kind, const json& payload, std::string key) {
  oc::NewItem item;
  item.kind = std::string(kind);
  item.payload = bytes_of(payload);
  item.idempotency_key = std::move(key);
  return item;
}

kp::PreApplicationRequest pre_application_of(const json& j, const oc::ItemContent& content) {
  kp::PreApplicationRequest r;
  r.item_code = j.at("item_code").get<std::string>();
  r.applicant = person_of(j.at("applicant"));
  r.form = j.at("form").get<std::map<std::string, std::string>>();
  r.delivery_method = j.at("delivery_method").get<std::string>();
  r.delivery_address = j.at("delivery_address").get<std::string>();
  const auto& materials = j.at("materials");
  for (std::size_t i = 0; i < materials.size(); ++i) {
    const auto& m = materials[i];
    kp::MaterialSubmission s;
    s.material_code = m.at("material_code").get<std::string>();
    s.source = m.at("source").get<std::string>();
    s.licence_id = m.at("licence_id").get<std::string>();
    const auto& mimes = m.at("pages");
    for (std::size_t p = 0; p < mimes.size(); ++p) {
      const std::string name = page_name(i, p);
      const oc::Attachment* found = nullptr;
      for (const auto& a : content.attachments) {
        if (a.name == name) found = &a;
      }
      if (found == nullptr) throw std::runtime_error("missing attachment " + name);
      s.pages.push_back({mimes[p].get<std::string>(), std::make_shared<const std::string>(
                                                          found->data.begin(), found->data.end())});
    }
    r.materials.push_back(std::move(s));
  }
  return r;
}

kp::RatingRequest rating_of(const json& j) {
  kp::RatingRequest r;
  r.level = j.at("level").get<int>();
  r.overall = j.at("overall").get<int>();
  r.efficiency = j.at("efficiency").get<int>();
  r.service = j.at("service").get<int>();
  r.attitude = j.at("attitude").get<int>();
  r.comment = j.at("comment").get<std::string>();
  r.case_number = j.at("case_number").get<std::string>();
  r.ticket_number = j.at("ticket_number").get<std::string>();
  // (absent in items queued by a kiosk before this field existed)
  r.pre_application_key = j.value("pre_application_key", std::string());
  return r;
}

kp::Heartbeat heartbeat_of(const json& j) {
  kp::Heartbeat h;
  h.app_version = j.at("app_version").get<std::string>();
  h.config_version = j.at("config_version").get<std::string>();
  h.outbox_depth = j.at("outbox_depth").get<std::uint64_t>();
  h.paper = j.at("paper").get<std::string>();
  h.devices = j.at("devices").get<std::map<std::string, std::string>>();
  if (const auto r = j.find("config_refusal"); r != j.end() && r->is_object()) {
    h.config_refusal = kp::ConfigRefusal{r->value("reason", ""), r->value("refused_version", ""),
                                         r->value("detail", ""), r->value("at", "")};
  }
  return h;
}

// Status, problem code, error code and field paths: nothing the citizen typed.
std::string reason_of(const kp::Error& e) {
  std::string s = kp::to_string(e.code);
  if (e.http_status != 0) s = "HTTP " + std::to_string(e.http_status) + " " + s;
  if (!e.problem_code.empty()) s += " (" + e.problem_code + ")";
  if (!e.fields.empty()) {
    s += " fields:";
    for (std::size_t i = 0; i < e.fields.size(); ++i) s += (i ? "," : " ") + e.fields[i].field;
  }
  return s;
}

template <class T>
oc::SendResult outcome(const kp::Result<T>& r) {
  if (r) return oc::SendResult::ok();
  return to_send_result(r.error());
}

}  // namespace

oc::NewItem outbox_item(const kp::PreApplicationRequest& r, std::string idempotency_key) {
  json materials = json::array();
  std::vector<oc::Attachment> attachments;
  for (std::size_t i = 0; i < r.materials.size(); ++i) {
    const auto& m = r.materials[i];
    json mimes = json::array();
    for (std::size_t p = 0; p < m.pages.size(); ++p) {
      mimes.push_back(m.pages[p].mime);
      const std::string& bytes = m.pages[p].bytes ? *m.pages[p].bytes : std::string{};
      attachments.push_back({page_name(i, p), {bytes.begin(), bytes.end()}});
    }
    materials.push_back({{"material_code", m.material_code},
                         {"source", m.source},
                         {"licence_id", m.licence_id},
                         {"pages", std::move(mimes)}});
  }
  json j = {{"item_code", r.item_code},
            {"applicant", person_json(r.applicant)},
            {"form", r.form},
            {"delivery_method", r.delivery_method},
            {"delivery_address", r.delivery_address},
            {"materials", std::move(materials)}};
  // Its own order group: a rating of it (named by this key) goes after it.
  std::string group = idempotency_key;
  auto item = make_item(kOutboxPreApplication, j, std::move(idempotency_key));
  item.attachments = std::move(attachments);
  item.order_group = std::move(group);
  return item;
}

oc::NewItem outbox_item(const kp::AppointmentRequest& r, std::string idempotency_key) {
  return make_item(kOutboxAppointment,
                   {{"slot_id", r.slot_id}, {"applicant", person_json(r.applicant)}},
                   std::move(idempotency_key));
}

oc::NewItem outbox_item(const kp::RatingRequest& r, std::string idempotency_key) {
  auto item = make_item(kOutboxRating,
                        {{"level", r.level},
                         {"overall", r.overall},
                         {"efficiency", r.efficiency},
                         {"service", r.service},
                         {"attitude", r.attitude},
                         {"comment", r.comment},
                         {"case_number", r.case_number},
                         {"ticket_number", r.ticket_number},
                         {"pre_application_key", r.pre_application_key}},
                        std::move(idempotency_key));
  // Rating a pre-application still in the outbox: strictly after it, so the
  // platform knows the key by the time the rating arrives.
  item.order_group = r.pre_application_key;
  return item;
}

oc::NewItem outbox_item(const kp::Heartbeat& h, std::string idempotency_key) {
  json j = {{"app_version", h.app_version},
            {"config_version", h.config_version},
            {"outbox_depth", h.outbox_depth},
            {"paper", h.paper},
            {"devices", h.devices}};
  if (h.config_refusal) {  // the flag travels with the queued heartbeat
    j["config_refusal"] = {{"reason", h.config_refusal->reason},
                           {"refused_version", h.config_refusal->refused_version},
                           {"detail", h.config_refusal->detail},
                           {"at", h.config_refusal->at}};
  }
  auto item = make_item(kOutboxHeartbeat, j, std::move(idempotency_key));
  item.coalesce_key = "heartbeat";
  return item;
}

oc::SendResult to_send_result(const kp::Error& e) {
  const std::string why = reason_of(e);
  switch (e.cls) {
    case kp::FailureClass::permanent:
      if (e.code == kp::ErrorCode::config) return oc::SendResult::offline("config: " + why);
      return oc::SendResult::reject(why);
    case kp::FailureClass::authentication:
      return oc::SendResult::offline("authentication: " + why);
    case kp::FailureClass::retry_later:
      break;
  }
  if (e.http_status == 0 &&
      (e.code == kp::ErrorCode::network || e.code == kp::ErrorCode::timeout)) {
    return oc::SendResult::offline(why);
  }
  std::optional<oc::Millis> after;
  if (e.retry_after) after = std::chrono::duration_cast<oc::Millis>(*e.retry_after);
  return oc::SendResult::again(why, after);
}

oc::SendResult OutboxSender::send(const oc::Delivery& d) {
  const std::string key(d.idempotency_key);
  try {
    const auto j = json::parse(d.content.payload.begin(), d.content.payload.end());
    if (d.kind == kOutboxPreApplication) {
      auto c = client_.submit_pre_application(pre_application_of(j, d.content), key);
      if (c && on_case_number_) on_case_number_(key, c->case_number);
      return outcome(c);
    }
    if (d.kind == kOutboxAppointment) {
      kp::AppointmentRequest r{j.at("slot_id").get<std::string>(), person_of(j.at("applicant"))};
      return outcome(client_.book(r, key));
    }
    if (d.kind == kOutboxRating) return outcome(client_.rate(rating_of(j), key));
    if (d.kind == kOutboxHeartbeat) return outcome(client_.heartbeat(heartbeat_of(j), key));
    return oc::SendResult::reject("unknown outbox kind: " + std::string(d.kind));
  } catch (const std::exception&) {
    // A payload we wrote ourselves that no longer reads: the operator decides.
    return oc::SendResult::reject("payload unreadable for kind " + std::string(d.kind));
  }
}

}  // namespace kiosk::app
