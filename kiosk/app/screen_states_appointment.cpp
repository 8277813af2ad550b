#include "kiosk/app/screen_states_appointment.hpp"

namespace kiosk::app {
namespace {

core::CatalogueLoaded catalogue() {
  core::GuideItem i;
  i.code = "GA-1";
  i.name_zh = "不动产登记";
  i.name_en = "Real estate registration";
  i.department_code = "GA";
  i.department_zh = "公安局";
  i.department_en = "Public Security Bureau";
  i.window_group = "B";
  i.appointment = true;
  return core::CatalogueLoaded{"v1", {i}};
}

core::Hall hall(const std::string& code, const std::string& zh, const std::string& en) {
  core::Hall h{code, zh, en, "市民服务大道 1 号", 60, 30, 30, 30, {}};
  for (int i = 1; i <= 6; ++i) {
    h.windows.push_back({"A0" + std::to_string(i), "A", 1, 6.0 * i, 3});
    h.windows.push_back({"B0" + std::to_string(i), "B", 1, 6.0 * i, 27});
  }
  h.windows.push_back({"D01", "D", 2, 50, 3});
  return h;
}

std::vector<core::Hall> halls() {
  return {hall("HALL-01", "市政务服务中心", "City Government Service Centre"),
          hall("HALL-02", "东城区政务服务中心", "Dongcheng District Government Service Centre"),
          hall("HALL-03", "西城区政务服务中心", "Xicheng District Government Service Centre")};
}

std::vector<core::Slot> slots(const std::string& date) {
  std::vector<core::Slot> out;
  const char* starts[] = {"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:30",
                          "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"};
  int n = 0;
  for (const char* s : starts) {
    out.push_back({std::string("HALL-01_GA-1_") + date + "_" + s, date, s, 4, (n++ * 3) % 5});
  }
  return out;
}

core::Citizen citizen() {
  return core::Citizen{"王堃", "650102199003071235", "resident", "", "20350101"};
}

}  // namespace

void appointment_screens(const core::State& base,
                         std::vector<std::pair<std::string, core::State>>& out) {
  StateWalk a{base};
  a(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{citizen()})(catalogue());
  out.emplace_back("appointment_menu", a.s);
  a(core::AppointmentStartBook{})(core::GuideOpen{"GA-1"});
  a(core::HallsLoaded{a.s.appointment.request_id, halls(), std::nullopt});
  out.emplace_back("appointment_hall", a.s);
  a(core::AppointmentHallChosen{"HALL-01"});
  out.emplace_back("appointment_day", a.s);
  a(core::AppointmentDayChosen{a.s.appointment.days[0]});
  a(core::SlotsLoaded{a.s.appointment.request_id, slots(a.s.appointment.date)});
  out.emplace_back("appointment_slot", a.s);
  a(core::AppointmentSlotChosen{a.s.appointment.slots[1].slot_id});
  a(core::AppointmentPhoneInput{"1380013800"});
  out.emplace_back("appointment_confirm", a.s);
  a(core::AppointmentPhoneInput{"13800138000"})(core::AppointmentConfirm{});
  StateWalk full = a;
  full(core::AppointmentFailed{full.s.appointment.request_id, "appointment.error.slot_full"});
  full(core::SlotsLoaded{full.s.appointment.request_id, slots(full.s.appointment.date)});
  out.emplace_back("appointment_slot_full", full.s);
  a(core::AppointmentBooked{a.s.appointment.request_id,
                            {"AP1", "482913", "GA-1", "HALL-01", a.s.appointment.date, "09:30"}})(
      core::PrintDone{false, "print.error.no_paper"});
  out.emplace_back("appointment_booked", a.s);

  a(core::NavigateTo{"B", "HALL-01"});
  out.emplace_back("navigation_loading", a.s);
  a(core::HallsLoaded{a.s.navigation.request_id, halls(), core::KioskSpot{"HALL-01", 1, 40, 20}});
  out.emplace_back("navigation", a.s);

  StateWalk c{base};
  c(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{citizen()})(core::AppointmentStartCancel{})(
      core::AppointmentCodeInput{"4829"})(core::AppointmentCancelSubmit{});
  out.emplace_back("appointment_cancel", c.s);
  c(core::AppointmentCodeInput{"482913"})(core::AppointmentCancelSubmit{});
  out.emplace_back("appointment_cancel_confirm", c.s);
  c(core::AppointmentCancelConfirm{});
  StateWalk failed = c;
  c(core::AppointmentCancelled{c.s.appointment.request_id});
  out.emplace_back("appointment_cancelled", c.s);
  failed(
      core::AppointmentFailed{failed.s.appointment.request_id, "appointment.error.unknown_code"});
  out.emplace_back("appointment_cancel_failed", failed.s);
}

}  // namespace kiosk::app
