// Every flow screen, through the real UI code and the bundled texts, in
// both orientations, both languages and elderly mode: fully rendered, no
// text id left untranslated, every touch target on screen, apart from the
// others and at least the minimum size; the main buttons produce the right
// core events.
#include "kiosk/core/flows/reduce.hpp"
#include "tests/ui/appointment_screen_states.hpp"
#include "tests/ui/ui_harness.hpp"
#include "tests/ui/ui_layouts.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace {

using test::bundled_texts;
using test::Layout;

core::GuideItem item(std::string code, std::string zh, std::string en) {
  core::GuideItem i;
  i.code = std::move(code);
  i.name_zh = std::move(zh);
  i.name_en = std::move(en);
  i.department_code = "GA";
  i.department_zh = "公安局";
  i.department_en = "Public Security Bureau";
  i.category = "行政确认";
  i.conditions = {{"身份证有效期届满", "ID card expired"}};
  i.materials = {{"居民身份证", "Resident identity card", true, true, true, "M1", "id_card"},
                 {"数码相片回执", "Digital photo receipt", false, true, false, "M2", ""},
                 {"户口簿（户主页及本人页）", "Household register (head's and own page)", true,
                  false, true, "M3", "household_register"}};
  i.legal_days = 60;
  i.promised_days = 20;
  i.fee_charged = true;
  i.fee_yuan = 20;
  i.trips = "one";
  i.window_group = "A";
  return i;
}

struct Driver {
  core::State s;
  Driver& operator()(const core::Event& e) {
    s = core::reduce(s, e).state;
    return *this;
  }
};

core::CatalogueLoaded catalogue() {
  core::CatalogueLoaded c{"v1", {}};
  for (int i = 1; i <= 12; ++i) {
    c.items.push_back(item("GA-" + std::to_string(i), "居民身份证换领" + std::to_string(i),
                           "Resident ID card renewal " + std::to_string(i)));
  }
  return c;
}

core::Citizen citizen() {
  return core::Citizen{"王堃", "650102199003071235", "resident", "", "20350101"};
}

// The pre-application pages around the materials step: item, form (typed
// in pinyin, then refused), delivery by post, review, submitting, done
// online and offline (no paper: the QR on screen).
void preapply_screens(const core::State& base,
                      std::vector<std::pair<std::string, core::State>>& out) {
  core::CatalogueLoaded c = catalogue();
  for (auto& i : c.items) i.pre_acceptance = true;
  c.items[0].materials.clear();  // nothing to scan for GA-1: straight on to delivery
  core::Citizen holder = citizen();
  holder.address = "新疆维吾尔自治区乌鲁木齐市天山区测试路1号";  // prefilled into the form
  Driver p{base};
  p(core::TapEntry{core::Flow::idcard})(core::CardRead{holder})(c);
  out.emplace_back("preapply_item", p.s);
  p(core::PreApplyChoose{"GA-1"});
  for (const char* k : {"1", "3", "8"}) p(core::PreApplyKey{{core::Key::character, k, {}}});
  p(core::PreApplyFocus{core::PreApplyField::remarks});
  for (const char* k : {"s", "h", "e", "n"}) p(core::PreApplyKey{{core::Key::character, k, {}}});
  p(core::PreApplyNext{});
  out.emplace_back("preapply_form", p.s);
  p(core::PreApplyFocus{core::PreApplyField::phone});
  for (const char* k : {"0", "0", "1", "3", "8", "0", "0", "0"}) {
    p(core::PreApplyKey{{core::Key::character, k, {}}});
  }
  p(core::PreApplyNext{})(core::MaterialsDone{})(
      core::PreApplyDelivery{core::DeliveryMethod::post});
  out.emplace_back("preapply_delivery", p.s);
  for (const char* k : {"b", "e", "i"}) p(core::PreApplyKey{{core::Key::character, k, {}}});
  p(core::PreApplyKey{{core::Key::pick, "北", {}}})(core::PreApplyNext{});
  out.emplace_back("preapply_review", p.s);
  p(core::PreApplySubmit{});
  core::State offline = p.s;
  p(core::PreApplyQueued{p.s.preapply.request_id, "k1", "L-000042"});
  out.emplace_back("preapply_submitting", p.s);
  p(core::PreApplyDelivered{"k1", "YS2026112800042"})(
      core::PrintDone{false, "print.error.no_paper"});
  out.emplace_back("preapply_done", p.s);
  Driver o{offline};
  o(core::PreApplyQueueFailed{o.s.preapply.request_id, "preapply.error.outbox_full"});
  out.emplace_back("preapply_failed", o.s);
  o = Driver{offline};
  o(core::NetworkChanged{core::LinkState::offline})(
      core::PreApplyQueued{o.s.preapply.request_id, "k2", "L-000043"})(core::PrintDone{true, ""});
  out.emplace_back("preapply_pending", o.s);
}

// A page thumbnail like the app makes: lines of text on white.
core::ScannedPage scanned_page(core::PageHandle handle, core::PageVerdict verdict) {
  core::Thumbnail th{60, 84, std::vector<std::uint8_t>(60 * 84, 250)};
  for (int y = 10; y < 74; y += 6) {
    for (int x = 8; x < 52; ++x) th.gray[static_cast<std::size_t>(y * 60 + x)] = 40;
  }
  return core::ScannedPage{handle, verdict, th};
}

// The materials step of a pre-application, with pages, a fault, the
// e-licence consent and its answers.
void materials_screens(const core::State& base,
                       std::vector<std::pair<std::string, core::State>>& out) {
  Driver m{base};
  m(core::TapEntry{core::Flow::idcard})(core::CardRead{citizen()})(catalogue());
  std::vector<core::Effect> fx;
  core::flows::start_materials(m.s, fx, item("GA-1", "居民身份证换领", "Resident ID card renewal"));
  out.emplace_back("materials_empty", m.s);
  m(core::MaterialScan{});
  const core::RequestId r = m.s.preapply.materials.scan_request;
  m(core::PageScanned{r, scanned_page(1, core::PageVerdict::ok)})(
      core::PageScanned{r, scanned_page(2, core::PageVerdict::blurred)});
  out.emplace_back("materials_scanning", m.s);
  m(core::PageScanned{r, scanned_page(3, core::PageVerdict::straightened)})(
      core::PageScanned{r, scanned_page(4, core::PageVerdict::blank)})(core::ScanFinished{r});
  out.emplace_back("materials_pages", m.s);
  m(core::MaterialScan{})(
      core::ScanFailed{m.s.preapply.materials.scan_request, core::ScanFault::jammed});
  out.emplace_back("materials_jammed", m.s);
  m(core::ScanDismiss{})(core::ElicenceAsk{});
  out.emplace_back("materials_consent", m.s);
  m(core::ElicenceConsent{true});
  out.emplace_back("materials_fetching", m.s);
  m(core::ElicencesFound{m.s.preapply.materials.elicence_request, {}});
  out.emplace_back("materials_not_found", m.s);
  m(core::ElicenceConsent{false})(core::MaterialChoose{2})(core::ElicenceAsk{})(
      core::ElicenceConsent{true});
  m(core::ElicencesFound{m.s.preapply.materials.elicence_request,
                         {{"L1", "household_register", "居民户口簿", "市公安局", "长期"}}});
  out.emplace_back("materials_elicence", m.s);
}

// One state per flow screen, reached through the core as a citizen would.
std::vector<std::pair<std::string, core::State>> screens(const Layout& l) {
  core::State base = core::initial_state(core::Settings{});
  base.clock = core::WallClock{2026, 11, 28, 10, 5, 6};
  base.lang = l.lang;
  base.elderly = l.elderly;
  std::vector<std::pair<std::string, core::State>> out;
  Driver d{base};
  d(core::TapEntry{core::Flow::guide});
  out.emplace_back("identify", d.s);
  d(core::CardRead{citizen()})(catalogue());
  out.emplace_back("guide_list", d.s);
  d(core::GuideFilterChosen{{core::GuideFilter::By::department, {}}});
  out.emplace_back("guide_departments", d.s);
  d(core::GuideFilterChosen{{}})(core::GuideOpen{"GA-2"})(core::GuidePrint{})(
      core::PrintDone{false, "print.error.no_paper"});
  out.emplace_back("guide_item", d.s);

  Driver t{base};
  t(core::TapEntry{core::Flow::ticket})(core::CardRead{citizen()})(catalogue())(
      core::GuideOpen{"GA-1"});
  out.emplace_back("ticket_item", t.s);
  t(core::TicketConfirm{});
  out.emplace_back("ticket_waiting", t.s);
  core::IssuedTicket ticket;
  ticket.number = "A042";
  ticket.window_group = "A";
  ticket.ahead = 7;
  ticket.wait_minutes = 15;
  t(core::TicketIssued{t.s.ticket.request_id, ticket})(core::PrintDone{true, ""});
  out.emplace_back("ticket_issued", t.s);
  t(core::TicketDone{});
  out.emplace_back("rating", t.s);
  t(core::RateLevel{4});
  out.emplace_back("rating_chosen", t.s);

  Driver p{base};
  p(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{})(
      core::ProgressInput{"650100202611270000001"});
  out.emplace_back("progress_query", p.s);
  p(core::ProgressQuery{});
  core::CaseProgress c{"650100202611270000001", "GA-1", "returned_for_correction", {}};
  c.stages = {{"received", "2026-11-27T10:00:00+08:00", {}},
              {"returned_for_correction",
               "2026-11-27T15:00:00+08:00",
               {{"照片不清晰", "The photo is not clear"}}}};
  p(core::ProgressLoaded{p.s.progress.request_id, c});
  out.emplace_back("progress_timeline", p.s);

  materials_screens(base, out);
  preapply_screens(base, out);
  test::appointment_screens(base, out);
  return out;
}

bool overlap(const ui::TouchTarget& a, const ui::TouchTarget& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

class FlowScreens : public ::testing::TestWithParam<Layout> {};

TEST_P(FlowScreens, RenderCompletelyWithConfiguredTextsAndFairTargets) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  const Layout l = GetParam();
  const float unit = std::min(l.display.x, l.display.y) / 1080.f;
  const float min_target = (l.elderly ? 96.f : 72.f) * unit;
  const std::regex text_id(R"(^[a-z_]+(\.[a-z_0-9]+)+$)");
  for (const auto& [name, state] : screens(l)) {
    SCOPED_TRACE(name);
    const auto frame = ui.frame(state, texts, l.display);
    for (const std::string& t : frame.texts) {
      EXPECT_FALSE(std::regex_match(t, text_id)) << "untranslated text id " << t;
    }
    for (std::size_t i = 0; i < frame.targets.size(); ++i) {
      const auto& a = frame.targets[i];
      if (a.id.starts_with("header.")) continue;  // the status bar's own (ui/header.cpp)
      SCOPED_TRACE(a.id);
      EXPECT_GE(a.min.x, 0);
      EXPECT_GE(a.min.y, 0);
      EXPECT_LE(a.max.x, l.display.x);
      EXPECT_LE(a.max.y, l.display.y);
      // (a hundredth of a pixel for float rounding of far-right corners)
      EXPECT_GE(a.max.x - a.min.x, min_target - 0.01f);
      EXPECT_GE(a.max.y - a.min.y, min_target - 0.01f);
      for (std::size_t j = i + 1; j < frame.targets.size(); ++j) {
        EXPECT_FALSE(overlap(a, frame.targets[j])) << a.id << " / " << frame.targets[j].id;
      }
    }
  }
}

template <class E>
bool tapping_gives(test::UiHarness& ui, const core::State& s, const core::Texts& texts,
                   ImVec2 display, const std::string& id) {
  const auto frame = ui.frame(s, texts, display);
  const auto* target = frame.target(id);
  if (target == nullptr) return false;
  const auto events = ui.tap(s, texts, display, target->center());
  return events.size() == 1 && std::holds_alternative<E>(events[0]);
}

TEST_P(FlowScreens, MainButtonsProduceTheirEvents) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  const Layout l = GetParam();
  std::map<std::string, core::State> by_name;
  for (auto& [name, state] : screens(l)) by_name.emplace(name, state);
  EXPECT_TRUE(
      tapping_gives<core::TapBack>(ui, by_name["identify"], texts, l.display, "identify.back"));
  EXPECT_TRUE(tapping_gives<core::GuideOpen>(ui, by_name["guide_list"], texts, l.display,
                                             "guide.item.GA-1"));
  EXPECT_TRUE(
      tapping_gives<core::GuidePage>(ui, by_name["guide_list"], texts, l.display, "list.next"));
  EXPECT_TRUE(tapping_gives<core::GuideFilterChosen>(ui, by_name["guide_departments"], texts,
                                                     l.display, "guide.dept.GA"));
  EXPECT_TRUE(
      tapping_gives<core::GuidePrint>(ui, by_name["guide_item"], texts, l.display, "guide.print"));
  EXPECT_TRUE(tapping_gives<core::TicketPriority>(ui, by_name["ticket_item"], texts, l.display,
                                                  "ticket.priority.elderly"));
  EXPECT_TRUE(tapping_gives<core::TicketConfirm>(ui, by_name["ticket_item"], texts, l.display,
                                                 "ticket.confirm"));
  EXPECT_TRUE(tapping_gives<core::TicketDone>(ui, by_name["ticket_issued"], texts, l.display,
                                              "ticket.done"));
  EXPECT_TRUE(
      tapping_gives<core::RateLevel>(ui, by_name["rating"], texts, l.display, "rating.level.5"));
  EXPECT_TRUE(tapping_gives<core::RateSubmit>(ui, by_name["rating_chosen"], texts, l.display,
                                              "rating.submit"));
  EXPECT_TRUE(
      tapping_gives<core::RateSkip>(ui, by_name["rating"], texts, l.display, "rating.skip"));
  EXPECT_TRUE(
      tapping_gives<core::ProgressInput>(ui, by_name["progress_query"], texts, l.display, "key.7"));
  EXPECT_TRUE(tapping_gives<core::ProgressQuery>(ui, by_name["progress_query"], texts, l.display,
                                                 "progress.query"));
  EXPECT_TRUE(tapping_gives<core::TapBack>(ui, by_name["progress_timeline"], texts, l.display,
                                           "flow.back"));
  EXPECT_TRUE(tapping_gives<core::MaterialScan>(ui, by_name["materials_empty"], texts, l.display,
                                                "materials.scan"));
  EXPECT_TRUE(tapping_gives<core::ElicenceAsk>(ui, by_name["materials_empty"], texts, l.display,
                                               "materials.use_elicence"));
  EXPECT_TRUE(tapping_gives<core::MaterialChoose>(ui, by_name["materials_pages"], texts, l.display,
                                                  "materials.item.1"));
  EXPECT_TRUE(tapping_gives<core::PageRescan>(ui, by_name["materials_pages"], texts, l.display,
                                              "materials.rescan.4"));
  EXPECT_TRUE(tapping_gives<core::PageDelete>(ui, by_name["materials_pages"], texts, l.display,
                                              "materials.delete.4"));
  EXPECT_TRUE(tapping_gives<core::ScanDismiss>(ui, by_name["materials_jammed"], texts, l.display,
                                               "materials.ok"));
  EXPECT_TRUE(tapping_gives<core::ElicenceConsent>(ui, by_name["materials_consent"], texts,
                                                   l.display, "materials.elicence.agree"));
  EXPECT_TRUE(tapping_gives<core::ElicenceConsent>(ui, by_name["materials_consent"], texts,
                                                   l.display, "materials.elicence.refuse"));
  EXPECT_TRUE(tapping_gives<core::MaterialsDone>(ui, by_name["materials_elicence"], texts,
                                                 l.display, "materials.next"));
  EXPECT_TRUE(tapping_gives<core::PreApplyChoose>(ui, by_name["preapply_item"], texts, l.display,
                                                  "preapply.item.GA-1"));
  EXPECT_TRUE(tapping_gives<core::PreApplyFocus>(ui, by_name["preapply_form"], texts, l.display,
                                                 "preapply.field.address"));
  EXPECT_TRUE(tapping_gives<core::PreApplyKey>(ui, by_name["preapply_form"], texts, l.display,
                                               "kbd.key.a"));
  EXPECT_TRUE(tapping_gives<core::PreApplyNext>(ui, by_name["preapply_form"], texts, l.display,
                                                "preapply.next"));
  EXPECT_TRUE(tapping_gives<core::PreApplyDelivery>(ui, by_name["preapply_delivery"], texts,
                                                    l.display, "preapply.delivery.pickup"));
  EXPECT_TRUE(tapping_gives<core::PreApplySubmit>(ui, by_name["preapply_review"], texts, l.display,
                                                  "preapply.submit"));
  EXPECT_TRUE(tapping_gives<core::PreApplyDone>(ui, by_name["preapply_done"], texts, l.display,
                                                "preapply.done"));
  EXPECT_TRUE(
      tapping_gives<core::TapBack>(ui, by_name["preapply_failed"], texts, l.display, "flow.back"));
  // Appointment and hall navigation.
  const auto gives = [&]<class E>(const char* screen, const char* id) {
    return tapping_gives<E>(ui, by_name[screen], texts, l.display, id);
  };
  EXPECT_TRUE(gives.operator()<core::AppointmentStartBook>("appointment_menu", "appointment.book"));
  EXPECT_TRUE(
      gives.operator()<core::AppointmentStartCancel>("appointment_menu", "appointment.cancel"));
  EXPECT_TRUE(
      gives.operator()<core::AppointmentHallChosen>("appointment_hall", "appointment.hall.0"));
  EXPECT_TRUE(gives.operator()<core::AppointmentDayChosen>("appointment_day", "appointment.day.4"));
  EXPECT_TRUE(
      gives.operator()<core::AppointmentSlotChosen>("appointment_slot", "appointment.slot.1"));
  // Slot 0 is full: shown, but nothing to tap.
  EXPECT_FALSE(
      gives.operator()<core::AppointmentSlotChosen>("appointment_slot", "appointment.slot.0"));
  EXPECT_TRUE(
      gives.operator()<core::AppointmentConfirm>("appointment_confirm", "appointment.confirm"));
  EXPECT_TRUE(gives.operator()<core::NavigateTo>("appointment_booked", "appointment.navigate"));
  EXPECT_TRUE(gives.operator()<core::AppointmentCodeInput>("appointment_cancel", "key.5"));
  EXPECT_TRUE(gives.operator()<core::AppointmentCancelSubmit>("appointment_cancel",
                                                              "appointment.cancel.next"));
  EXPECT_TRUE(gives.operator()<core::AppointmentCancelConfirm>("appointment_cancel_confirm",
                                                               "appointment.cancel.confirm"));
  EXPECT_TRUE(gives.operator()<core::TapFinish>("appointment_cancelled", "flow.finish"));
  EXPECT_TRUE(gives.operator()<core::NavigateTo>("ticket_issued", "ticket.navigate"));
  EXPECT_TRUE(gives.operator()<core::NavigationPrint>("navigation", "navigation.print"));
  EXPECT_TRUE(gives.operator()<core::TapBack>("navigation", "flow.back"));
}

INSTANTIATE_TEST_SUITE_P(Layouts, FlowScreens, ::testing::ValuesIn(test::kLayouts),
                         [](const auto& param_info) {
                           return test::layout_name(param_info.param);
                         });

}  // namespace
