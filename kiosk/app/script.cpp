#include "kiosk/app/script.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::app {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string where(const ScriptStep& s) {
  return "script line " + std::to_string(s.line) + ": ";
}

}  // namespace

const char* screen_name(core::Screen screen) {
  switch (screen) {
    case core::Screen::home:
      return "home";
    case core::Screen::identify:
      return "identify";
    case core::Screen::guide_list:
      return "guide_list";
    case core::Screen::guide_item:
      return "guide_item";
    case core::Screen::ticket_item:
      return "ticket_item";
    case core::Screen::ticket_issued:
      return "ticket_issued";
    case core::Screen::progress_query:
      return "progress_query";
    case core::Screen::progress_timeline:
      return "progress_timeline";
    case core::Screen::progress_cases:
      return "progress_cases";
    case core::Screen::appointment_menu:
      return "appointment_menu";
    case core::Screen::appointment_hall:
      return "appointment_hall";
    case core::Screen::appointment_day:
      return "appointment_day";
    case core::Screen::appointment_slot:
      return "appointment_slot";
    case core::Screen::appointment_confirm:
      return "appointment_confirm";
    case core::Screen::appointment_booked:
      return "appointment_booked";
    case core::Screen::appointment_cancel:
      return "appointment_cancel";
    case core::Screen::appointment_cancel_confirm:
      return "appointment_cancel_confirm";
    case core::Screen::appointment_cancelled:
      return "appointment_cancelled";
    case core::Screen::navigation:
      return "navigation";
    case core::Screen::preapply_item:
      return "preapply_item";
    case core::Screen::preapply_form:
      return "preapply_form";
    case core::Screen::preapply_materials:
      return "preapply_materials";
    case core::Screen::preapply_delivery:
      return "preapply_delivery";
    case core::Screen::preapply_review:
      return "preapply_review";
    case core::Screen::preapply_submitting:
      return "preapply_submitting";
    case core::Screen::preapply_done:
      return "preapply_done";
    case core::Screen::rating:
      return "rating";
    case core::Screen::technician_pin:
      return "technician_pin";
    case core::Screen::technician_status:
      return "technician_status";
    case core::Screen::technician_settings:
      return "technician_settings";
    case core::Screen::technician_calibrate:
      return "technician_calibrate";
    case core::Screen::technician_provision:
      return "technician_provision";
  }
  return "?";
}

kx::expected<std::vector<ScriptStep>, std::string> parse_script(const std::string& text) {
  std::vector<ScriptStep> steps;
  std::istringstream in(text);
  std::string raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    const std::string l = trim(raw);
    if (l.empty() || l[0] == '#') continue;
    ScriptStep step;
    step.line = line;
    const auto space = l.find(' ');
    step.verb = l.substr(0, space);
    step.arg = space == std::string::npos ? "" : trim(l.substr(space + 1));
    if (step.verb == "wait-screen" || step.verb == "wait-text" || step.verb == "wait-gone") {
      const auto sp = step.arg.find_last_of(' ');
      if (sp != std::string::npos) {
        const std::string last = step.arg.substr(sp + 1);
        // A screen name has no spaces; a text may, so only a number ends it.
        if (step.verb == "wait-screen" ||
            last.find_first_not_of("0123456789.") == std::string::npos) {
          try {
            step.seconds = std::stod(last);
          } catch (const std::exception&) {
            return kx::unexpected(where(step) + "bad seconds '" + last + "'");
          }
          step.arg = trim(step.arg.substr(0, sp));
        }
      }
    }
    static const std::vector<std::string> kVerbs = {
        "tap",  "expect-screen", "expect-text", "wait-screen", "wait-text",
        "shot", "present-card",  "remove-card", "printer",     "show-qr",
        "type", "insert-pages",  "platform",    "wait-gone",   "receipt-qr"};
    if (std::find(kVerbs.begin(), kVerbs.end(), step.verb) == kVerbs.end()) {
      return kx::unexpected(where(step) + "unknown command '" + step.verb + "'");
    }
    if (step.verb == "present-card" &&
        step.arg.find_first_not_of("0123456789") != std::string::npos) {
      return kx::unexpected(where(step) + "present-card needs a card number");
    }
    if (step.arg.empty() && step.verb != "remove-card") {
      return kx::unexpected(where(step) + step.verb + " needs an argument");
    }
    if (step.verb == "platform" && step.arg != "down" && step.arg != "up") {
      return kx::unexpected(where(step) + "platform needs 'down' or 'up'");
    }
    if (step.verb == "type") {
      auto strokes = key_strokes(step.arg);
      if (!strokes) return kx::unexpected(where(step) + strokes.error());
      step.strokes = std::move(*strokes);
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

kx::expected<std::vector<ScriptStep>, std::string> load_script(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return kx::unexpected("cannot read script " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_script(ss.str());
}

ScriptAction ScriptRunner::next(const core::State& state, const ui::FrameResult& frame,
                                std::chrono::steady_clock::time_point now) {
  if (card_gone_by_) {
    if (!state.identify.card_present) {
      card_gone_by_.reset();
    } else if (now >= *card_gone_by_) {
      return {ScriptAction::fail, 0, 0, {}, "the app did not see the card removed", {}, {}};
    } else {
      return {ScriptAction::wait, 0, 0, {}, {}, {}, {}};
    }
  }
  while (pos_ < steps_.size()) {
    const ScriptStep& step = steps_[pos_];
    if (step.verb == "tap") {
      const ui::TouchTarget* t = frame.target(step.arg);
      if (t == nullptr)
        return {ScriptAction::fail,
                0,
                0,
                {},
                where(step) + "no target '" + step.arg + "' on screen",
                {},
                {}};
      ++pos_;
      const ImVec2 c = t->center();
      return {ScriptAction::tap, c.x, c.y, {}, {}, {}, {}};
    }
    if (step.verb == "type") {
      // One key per call: the next key (or candidate) exists only once the
      // app has drawn the frame after the previous one.
      auto target_id = next_key_target(step.strokes[stroke_], frame);
      const ui::TouchTarget* t = target_id ? frame.target(*target_id) : nullptr;
      if (t == nullptr) {
        return {ScriptAction::fail,
                0,
                0,
                {},
                where(step) + "type: " +
                    (target_id ? "no key '" + *target_id + "' on screen" : target_id.error()),
                {},
                {}};
      }
      if (*target_id == step.strokes[stroke_].target && ++stroke_ == step.strokes.size()) {
        stroke_ = 0;
        ++pos_;
      }
      const ImVec2 c = t->center();
      return {ScriptAction::tap, c.x, c.y, {}, {}, {}, {}};
    }
    if (step.verb == "present-card" || step.verb == "remove-card" || step.verb == "printer" ||
        step.verb == "show-qr" || step.verb == "insert-pages" || step.verb == "platform" ||
        step.verb == "receipt-qr") {
      ++pos_;
      if (step.verb == "remove-card") card_gone_by_ = now + std::chrono::seconds(10);
      return {ScriptAction::device, 0, 0, {}, {}, step.verb, step.arg};
    }
    if (step.verb == "shot") {
      ++pos_;
      return {ScriptAction::screenshot, 0, 0, dir_ / (step.arg + ".png"), {}, {}, {}};
    }
    if (step.verb == "expect-screen") {
      if (step.arg != screen_name(state.screen)) {
        return {ScriptAction::fail,
                0,
                0,
                {},
                where(step) + "expected screen " + step.arg + ", on " + screen_name(state.screen),
                {},
                {}};
      }
      ++pos_;
      continue;
    }
    if (step.verb == "expect-text") {
      if (!frame.shows_text(step.arg)) {
        return {ScriptAction::fail,
                0,
                0,
                {},
                where(step) + "text '" + step.arg + "' is not shown",
                {},
                {}};
      }
      ++pos_;
      continue;
    }
    if (step.verb == "wait-screen" || step.verb == "wait-text" || step.verb == "wait-gone") {
      const bool met = step.verb == "wait-screen" ? step.arg == screen_name(state.screen)
                       : step.verb == "wait-text" ? frame.shows_text(step.arg)
                                                  : !frame.shows_text(step.arg);
      if (met) {
        wait_until_.reset();
        ++pos_;
        continue;
      }
      if (!wait_until_) {
        wait_until_ = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(step.seconds));
      }
      if (now >= *wait_until_) {
        return {ScriptAction::fail,
                0,
                0,
                {},
                where(step) +
                    (step.verb == "wait-gone" ? "text '" + step.arg + "' did not go"
                                              : "'" + step.arg + "' did not come") +
                    "; on " + screen_name(state.screen),
                {},
                {}};
      }
      return {ScriptAction::wait, 0, 0, {}, {}, {}, {}};
    }
    ++pos_;  // parse_script admits no other verbs
  }
  return {ScriptAction::done, 0, 0, {}, {}, {}, {}};
}

}  // namespace kiosk::app
