// Provisioning from the technician screen (flows/technician_provision.hpp):
// the form, its checks before a run, and the app's reports of the steps.
#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core {

const char* text_id(ProvisionField field) {
  switch (field) {
    case ProvisionField::token:
      return "technician.provision.token";
    case ProvisionField::hall:
      return "technician.provision.hall";
    case ProvisionField::terminal:
      return "technician.provision.terminal";
  }
  return "";
}

bool TechProvisionState::has_done(std::string_view step) const {
  return std::find(done.begin(), done.end(), step) != done.end();
}

std::string provision_step_text_id(std::string_view step) {
  return "technician.provision.step." + std::string(step);
}

namespace flows {
namespace {

constexpr std::size_t kCodeMaxChars = 48;

KeyboardState code_field(std::string text) {
  KeyboardState kb;
  kb.mode = KeyboardMode::latin;
  kb.caps = true;
  kb.max_chars = kCodeMaxChars;
  kb.text = std::move(text);
  return kb;
}

}  // namespace

void apply(State& s, const TechOpenProvision&, Effects& fx) {
  if (s.screen != Screen::technician_status || s.technician.running) return;
  touch(s);
  const TechInfo& info = s.technician.info;
  TechProvisionState& p = s.technician.provision;
  // A page left during a run keeps showing it; otherwise a fresh form.
  if (!p.running) {
    p = TechProvisionState{};
    p.token = code_field({});
    p.hall = code_field(info.hall_id);
    p.terminal = code_field(info.terminal_id);
    p.done = info.provision_done;
  }
  s.screen = Screen::technician_provision;
  fx.emplace_back(TechLog{"provisioning page opened"});
}

void apply(State& s, const TechProvisionFocus& e, Effects&) {
  if (s.screen != Screen::technician_provision || s.technician.provision.running) return;
  touch(s);
  TechProvisionState& p = s.technician.provision;
  p.focus = e.field;
  // Back to the form (the keyboard) after a failed run: e.g. a new token.
  p.failed_step.clear();
  p.detail.clear();
}

void apply(State& s, const TechProvisionKey& e, Effects&) {
  TechProvisionState& p = s.technician.provision;
  if (s.screen != Screen::technician_provision || p.running) return;
  touch(s);
  KeyboardState& kb = p.field(p.focus);
  kb = press(std::move(kb), e.key);
  p.message_id.clear();
}

void apply(State& s, const TechProvisionStart&, Effects& fx) {
  TechProvisionState& p = s.technician.provision;
  if (s.screen != Screen::technician_provision || p.running || p.complete) return;
  touch(s);
  // Codes never carry spaces: a space typed by mistake would cost a token.
  const std::string token = trimmed(typed(p.token));
  const std::string hall = trimmed(typed(p.hall));
  const std::string terminal = trimmed(typed(p.terminal));
  if (s.technician.info.provision_platform.empty()) {
    p.message_id = "technician.provision.no_platform";
  } else if (token.empty() && !p.has_done(kProvisionSteps[0])) {
    p.message_id = "technician.provision.need_token";
    p.focus = ProvisionField::token;
  } else if (hall.empty()) {
    p.message_id = "technician.provision.need_hall";
    p.focus = ProvisionField::hall;
  } else if (terminal.empty()) {
    p.message_id = "technician.provision.need_terminal";
    p.focus = ProvisionField::terminal;
  } else {
    p.message_id.clear();
  }
  if (!p.message_id.empty()) return;
  p.running = true;
  p.complete = false;
  p.failed_step.clear();
  p.detail.clear();
  p.current.clear();
  // The token is spent by the platform: it does not stay on the screen.
  p.token = code_field({});
  fx.emplace_back(TechProvision{token, hall, terminal});
}

void apply(State& s, const TechProvisionStep& e, Effects&) {
  TechProvisionState& p = s.technician.provision;
  if (!p.running) return;
  if (!e.finished) {
    p.current = e.step;
    return;
  }
  p.current.clear();
  if (!p.has_done(e.step)) p.done.push_back(e.step);
}

void apply(State& s, const TechProvisionDone& e, Effects&) {
  TechProvisionState& p = s.technician.provision;
  if (!p.running) return;
  p.running = false;
  p.current.clear();
  p.complete = e.ok;
  p.failed_step = e.ok ? std::string() : e.failed_step;
  p.detail = e.detail;
  if (e.ok) {
    p.terminal_id = e.terminal_id;
    p.terminal = code_field(e.terminal_id);  // the platform's choice stands
    s.technician.info.terminal_id = e.terminal_id;
    s.technician.info.provision_done = p.done;
  }
}

}  // namespace flows
}  // namespace core
