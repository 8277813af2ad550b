// Every flow screen, through the real UI code and the bundled texts, in
// both orientations, both languages and elderly mode: fully rendered, no
// text id left untranslated, every touch target on screen, apart from the
// others and at least the minimum size; the main buttons produce the right
// core events.
#include "kiosk/app/screen_states.hpp"
#include "kiosk/core/flows/reduce.hpp"
#include "tests/ui/ui_harness.hpp"
#include "tests/ui/ui_layouts.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

namespace {

using test::bundled_texts;
using test::Layout;

// Every screen's sample state (kiosk/app/screen_states), in this layout.
std::vector<std::pair<std::string, core::State>> screens(const Layout& l) {
  core::State base = core::initial_state(core::Settings{});
  base.lang = l.lang;
  base.elderly = l.elderly;
  return kiosk::app::screen_states(base);
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

// Every material and every page can be reached with the pagers, however
// few fit on one screen (elderly portrait shows the fewest).
TEST_P(FlowScreens, EveryMaterialAndEveryPageCanBeReached) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  const Layout l = GetParam();
  std::map<std::string, core::State> by_name;
  for (auto& [name, state] : screens(l)) by_name.emplace(name, state);
  core::State s = by_name["materials_many"];
  const auto& m = s.preapply.materials;
  ASSERT_EQ(m.materials.size(), 8u);
  ASSERT_EQ(m.materials[0].pages.size(), 15u);

  // The newest pages first; "earlier" until the first page.
  std::set<std::string> seen;
  auto collect = [&](const std::string& prefix) {
    for (const auto& t : ui.frame(s, texts, l.display).targets) {
      if (t.id.starts_with(prefix)) seen.insert(t.id.substr(prefix.size()));
    }
  };
  auto tap = [&](const std::string& id) {
    const auto* target = ui.frame(s, texts, l.display).target(id);
    if (target == nullptr) return false;
    for (const auto& e : ui.tap(s, texts, l.display, target->center())) {
      s = core::reduce(s, e).state;
    }
    return true;
  };
  collect("materials.rescan.");
  EXPECT_TRUE(seen.contains("115"));
  EXPECT_EQ(ui.frame(s, texts, l.display).target("materials.pages.later"), nullptr);
  int turns = 0;
  while (tap("materials.pages.earlier") && ++turns < 20) collect("materials.rescan.");
  EXPECT_EQ(seen.size(), 15u);
  EXPECT_TRUE(seen.contains("101"));
  EXPECT_NE(ui.frame(s, texts, l.display).target("materials.pages.later"), nullptr);

  // The checklist's groups, around to the first again.
  seen.clear();
  collect("materials.item.");
  for (int i = 0; i < 8 && tap("materials.list.more"); ++i) collect("materials.item.");
  EXPECT_EQ(seen.size(), 8u);
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
  EXPECT_TRUE(tapping_gives<core::MaterialPagesPage>(ui, by_name["materials_many"], texts,
                                                     l.display, "materials.pages.earlier"));
  EXPECT_TRUE(tapping_gives<core::MaterialPagesPage>(ui, by_name["materials_many_first"], texts,
                                                     l.display, "materials.pages.later"));
  EXPECT_TRUE(tapping_gives<core::MaterialChoose>(ui, by_name["materials_many"], texts, l.display,
                                                  "materials.list.more"));
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
