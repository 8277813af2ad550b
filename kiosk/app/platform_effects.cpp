#include "kiosk/app/platform_effects.hpp"

#include "kiosk/app/appointment_effects.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::app {
namespace {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};

bool is_platform_effect(const core::Effect& e) {
  return std::holds_alternative<core::FetchCatalogue>(e) ||
         std::holds_alternative<core::TakeTicket>(e) || std::holds_alternative<core::CheckIn>(e) ||
         std::holds_alternative<core::QueryProgress>(e) ||
         std::holds_alternative<core::QueryCasesByHolder>(e) || is_appointment_effect(e);
}

}  // namespace

std::string error_text_id(const platform::Error& error) {
  using platform::ErrorCode;
  switch (error.code) {
    case ErrorCode::not_found:
      return "platform.error.not_found";
    case ErrorCode::conflict:
      return "platform.error.conflict";
    case ErrorCode::validation:
    case ErrorCode::rejected:
    case ErrorCode::idempotency_conflict:
      return "platform.error.rejected";
    case ErrorCode::certificate_rejected:
    case ErrorCode::server_untrusted:
    case ErrorCode::config:
      return "platform.error.technician";
    default:
      return "platform.error.offline";
  }
}

core::GuideItem to_core(const platform::ServiceItem& s) {
  core::GuideItem i;
  i.code = s.item_code;
  i.name_zh = s.name_zh;
  i.name_en = s.name_en;
  i.department_code = s.department_code;
  i.department_zh = s.department_zh;
  i.department_en = s.department_en;
  i.category = s.category;
  i.conditions = s.conditions;
  for (const platform::Material& m : s.materials) {
    i.materials.push_back(core::GuideMaterial{m.name_zh, m.name_en, m.required,
                                              m.form == "original", m.elicence_type.has_value(),
                                              m.material_code, m.elicence_type.value_or("")});
  }
  i.legal_days = s.legal_time_limit_days;
  i.promised_days = s.promised_time_limit_days;
  i.fee_charged = s.fee_charged;
  i.fee_yuan = s.fee_amount_yuan;
  i.fee_basis_zh = s.fee_basis_zh;
  i.trips = s.trips;
  i.appointment = s.appointment;
  i.pre_acceptance = s.online_pre_acceptance;
  i.window_group = s.window_group;
  for (const platform::ItemWindow& w : s.windows) i.windows.push_back(w.window_code);
  return i;
}

core::IssuedTicket to_core(const platform::Ticket& t) {
  core::IssuedTicket out;
  out.number = t.ticket_number;
  out.item_code = t.item_code;
  out.window_group = t.window_group;
  out.windows = t.windows;
  out.ahead = t.waiting_count;
  out.wait_minutes = t.estimated_wait_minutes;
  out.issued_at = t.issued_at;
  out.appointment_id = t.appointment_id;
  return out;
}

core::CaseProgress to_core(const platform::CaseStatus& c) {
  core::CaseProgress out{c.case_number, c.item_code, c.status, {}};
  for (const platform::Stage& s : c.stages) out.stages.push_back({s.stage, s.at, s.reasons});
  return out;
}

PlatformEffects::PlatformEffects(AppEvents& events, std::string hall_code, CatalogueCache cache)
    : events_(events),
      hall_code_(std::move(hall_code)),
      cache_(std::move(cache)),
      thread_([this] { run(); }) {}

PlatformEffects::~PlatformEffects() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void PlatformEffects::connect(std::optional<platform::ClientConfig> cfg) {
  {
    std::lock_guard lock(mutex_);
    unusable_ = !cfg.has_value();
    cfg_ = std::move(cfg);
  }
  cv_.notify_all();
}

bool PlatformEffects::take(const core::Effect& effect) {
  if (!is_platform_effect(effect)) return false;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(effect);
  }
  cv_.notify_all();
  return true;
}

void PlatformEffects::run() {
  std::unique_ptr<platform::PlatformClient> client;
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || (!queue_.empty() && (cfg_ || unusable_)); });
    if (stop_) return;
    const core::Effect effect = std::move(queue_.front());
    queue_.pop_front();
    if (!client && cfg_) {
      auto created = platform::PlatformClient::create(*cfg_);
      if (created) {
        client = std::move(*created);
        // Tickets and check-ins are for the hall the kiosk is enrolled in.
        if (auto self = client->terminal_self()) hall_code_ = self->hall_code;
      } else {
        spdlog::error("platform client: {}", created.error().detail);
        unusable_ = true;
      }
    }
    lock.unlock();
    if (client) {
      carry_out(*client, effect);
    } else {
      fail_all(effect);
    }
    lock.lock();
  }
}

void PlatformEffects::fail_all(const core::Effect& effect) {
  const std::string why = "platform.error.offline";
  fail_appointment(events_, effect);
  std::visit(Overloaded{
                 [&](const core::FetchCatalogue&) {
                   if (!answer_from_cache()) events_.post(core::CatalogueFailed{why});
                 },
                 [&](const core::TakeTicket& e) {
                   events_.post(core::TicketFailed{e.request, why});
                 },
                 [&](const core::CheckIn& e) {
                   events_.post(core::TicketFailed{e.request, why});
                 },
                 [&](const core::QueryProgress& e) {
                   events_.post(core::ProgressFailed{e.request, why});
                 },
                 [&](const core::QueryCasesByHolder& e) {
                   events_.post(core::ProgressCasesFailed{e.request, why});
                 },
                 [](const auto&) {},
             },
             effect);
}

void PlatformEffects::load_kept_catalogue() {
  if (cache_loaded_) return;
  cache_loaded_ = true;
  if (!catalogue_) catalogue_ = cache_.load();
}

bool PlatformEffects::answer_from_cache() {
  load_kept_catalogue();
  if (!catalogue_) return false;
  core::CatalogueLoaded loaded{catalogue_->version, {}};
  for (const auto& item : catalogue_->items) loaded.items.push_back(to_core(item));
  events_.post(std::move(loaded));
  return true;
}

void PlatformEffects::answer_ticket(core::RequestId request,
                                    const platform::Result<platform::Ticket>& got) {
  if (got) {
    events_.post(core::TicketIssued{request, to_core(*got)});
    return;
  }
  spdlog::warn("ticket: {}", got.error().detail);
  // The platform names the field it refused: an unknown appointment code
  // is the citizen's slip, not a fault, and says so.
  const auto& fields = got.error().fields;
  const bool unknown_code = std::any_of(
      fields.begin(), fields.end(), [](const auto& f) { return f.field == "confirmation_code"; });
  events_.post(core::TicketFailed{
      request, unknown_code ? "ticket.error.unknown_appointment" : error_text_id(got.error())});
}

void PlatformEffects::carry_out(platform::PlatformClient& client, const core::Effect& effect) {
  carry_out_appointment(client, events_, effect);
  std::visit(Overloaded{
                 [&](const core::FetchCatalogue&) {
                   // The kept catalogue's ETag makes the first fetch conditional.
                   load_kept_catalogue();
                   auto got = client.catalogue(catalogue_ ? catalogue_->etag : std::string{});
                   if (!got) {
                     spdlog::warn("catalogue: {}", got.error().detail);
                   } else if (!got->not_modified) {
                     catalogue_ = std::move(got->catalogue);
                     cache_.save(got->body, catalogue_->etag);
                   }
                   if (!answer_from_cache()) {
                     events_.post(core::CatalogueFailed{got ? std::string("platform.error.offline")
                                                            : error_text_id(got.error())});
                   }
                 },
                 [&](const core::TakeTicket& e) {
                   platform::TicketRequest r{e.item_code, hall_code_, e.priority};
                   answer_ticket(e.request, client.take_ticket(r, platform::new_idempotency_key()));
                 },
                 [&](const core::CheckIn& e) {
                   answer_ticket(e.request, client.check_in(e.confirmation_code, hall_code_,
                                                            platform::new_idempotency_key()));
                 },
                 [&](const core::QueryProgress& e) {
                   auto got = client.case_status(e.case_number);
                   if (got) {
                     events_.post(core::ProgressLoaded{e.request, to_core(*got)});
                   } else {
                     // Case numbers are not personal data; the detail has none either.
                     spdlog::info("case status: {}", got.error().detail);
                     events_.post(core::ProgressFailed{e.request, error_text_id(got.error())});
                   }
                 },
                 [&](const core::QueryCasesByHolder& e) {
                   auto got = client.cases_of_holder(e.id_number);
                   if (!got) {
                     // The detail names no person (the client logs no bodies).
                     spdlog::info("cases by holder: {}", got.error().detail);
                     events_.post(core::ProgressCasesFailed{e.request, error_text_id(got.error())});
                     return;
                   }
                   std::vector<core::CaseProgress> cases;
                   for (const platform::CaseStatus& c : *got) cases.push_back(to_core(c));
                   events_.post(core::ProgressCasesLoaded{e.request, std::move(cases)});
                 },
                 [](const auto&) {},
             },
             effect);
}

}  // namespace kiosk::app
