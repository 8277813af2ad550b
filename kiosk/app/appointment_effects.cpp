#include "kiosk/app/appointment_effects.hpp"

#include "kiosk/app/platform_effects.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {
namespace {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};

constexpr const char* kOffline = "appointment.error.offline";

}  // namespace

bool is_appointment_effect(const core::Effect& e) {
  return std::holds_alternative<core::FetchHalls>(e) ||
         std::holds_alternative<core::FetchSlots>(e) ||
         std::holds_alternative<core::BookAppointment>(e) ||
         std::holds_alternative<core::CancelAppointment>(e);
}

core::Hall to_core(const platform::Hall& h) {
  core::Hall out;
  out.code = h.hall_code;
  out.name_zh = h.name_zh;
  out.name_en = h.name_en;
  out.address_zh = h.address_zh;
  for (const platform::FloorMap& f : h.floor_maps) {
    if (f.floor != 1) continue;  // the ground floor: where a visitor comes in
    out.width_m = f.width_m;
    out.depth_m = f.depth_m;
    out.entrance_x_m = f.entrance_x_m;
    out.entrance_y_m = f.entrance_y_m;
  }
  for (const platform::Window& w : h.windows) {
    out.windows.push_back({w.window_code, w.window_group, w.floor, w.x_m, w.y_m});
  }
  return out;
}

core::Slot to_core(const platform::Slot& s) {
  return {s.slot_id, s.date, s.start, s.capacity, s.available};
}

std::string appointment_error_text_id(const platform::Error& error) {
  // The platform's problem codes say what the citizen can do about it.
  if (error.problem_code == "slot_full") return "appointment.error.slot_full";
  if (error.problem_code == "appointment_not_found" || error.http_status == 404) {
    return "appointment.error.unknown_code";
  }
  if (error.problem_code == "appointment_not_active") return "appointment.error.not_active";
  const std::string generic = error_text_id(error);
  return generic == "platform.error.offline" ? kOffline : generic;
}

void carry_out_appointment(platform::PlatformClient& client, AppEvents& events,
                           const core::Effect& effect) {
  std::visit(
      Overloaded{
          [&](const core::FetchHalls& e) {
            auto halls = client.halls();
            if (!halls) {
              spdlog::warn("halls: {}", halls.error().detail);
              events.post(core::HallsFailed{e.request, error_text_id(halls.error())});
              return;
            }
            core::HallsLoaded loaded{e.request, {}, std::nullopt};
            for (const platform::Hall& h : *halls) loaded.halls.push_back(to_core(h));
            if (auto self = client.terminal_self()) {
              loaded.kiosk = core::KioskSpot{self->hall_code, self->floor, self->x_m, self->y_m};
            }
            events.post(std::move(loaded));
          },
          [&](const core::FetchSlots& e) {
            auto slots = client.slots(e.item_code, e.hall_code, e.date);
            if (!slots) {
              spdlog::warn("slots: {}", slots.error().detail);
              events.post(core::AppointmentFailed{e.request, error_text_id(slots.error())});
              return;
            }
            core::SlotsLoaded loaded{e.request, {}};
            for (const platform::Slot& s : *slots) loaded.slots.push_back(to_core(s));
            events.post(std::move(loaded));
          },
          [&](const core::BookAppointment& e) {
            // The applicant goes to the platform only; the log has the code.
            platform::AppointmentRequest r{e.slot_id, {e.id_number, e.name, e.phone}};
            auto got = client.book(r, platform::new_idempotency_key());
            if (!got) {
              spdlog::warn("book: {}", got.error().detail);
              events.post(
                  core::AppointmentFailed{e.request, appointment_error_text_id(got.error())});
              return;
            }
            events.post(
                core::AppointmentBooked{e.request,
                                        {got->appointment_id, got->confirmation_code,
                                         got->item_code, got->hall_code, got->date, got->start}});
          },
          [&](const core::CancelAppointment& e) {
            auto got =
                client.cancel_appointment(e.confirmation_code, platform::new_idempotency_key());
            if (!got) {
              spdlog::warn("cancel appointment: {}", got.error().detail);
              events.post(
                  core::AppointmentFailed{e.request, appointment_error_text_id(got.error())});
              return;
            }
            events.post(core::AppointmentCancelled{e.request});
          },
          [](const auto&) {},
      },
      effect);
}

void fail_appointment(AppEvents& events, const core::Effect& effect) {
  std::visit(Overloaded{
                 [&](const core::FetchHalls& e) {
                   events.post(core::HallsFailed{e.request, "platform.error.offline"});
                 },
                 [&](const core::FetchSlots& e) {
                   events.post(core::AppointmentFailed{e.request, kOffline});
                 },
                 [&](const core::BookAppointment& e) {
                   events.post(core::AppointmentFailed{e.request, kOffline});
                 },
                 [&](const core::CancelAppointment& e) {
                   events.post(core::AppointmentFailed{e.request, kOffline});
                 },
                 [](const auto&) {},
             },
             effect);
}

}  // namespace kiosk::app
