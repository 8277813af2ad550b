#include "kiosk/core/session.hpp"

#include <algorithm>

namespace core {
namespace {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};

void touch(State& s) {
  s.last_activity = s.now;
}

// Leaving a session: back to the attract screen with nothing of the citizen
// left in state. Accessibility preferences reset too, so the next person
// starts from the default.
void end_session(State& s, std::vector<Effect>& fx) {
  const Settings settings = s.settings;
  const auto keep_network = s.network;
  const auto keep_reader = s.reader, keep_printer = s.printer, keep_scanner = s.scanner;
  const auto keep_clock = s.clock;
  const auto keep_now = s.now;
  s = initial_state(settings);
  s.network = keep_network;
  s.reader = keep_reader;
  s.printer = keep_printer;
  s.scanner = keep_scanner;
  s.clock = keep_clock;
  s.now = keep_now;
  s.last_activity = keep_now;
  fx.emplace_back(WipeSession{});
}

Millis deadline(const State& s) {
  return s.last_activity + s.settings.inactivity_limit;
}

}  // namespace

DeviceState State::device(Device d) const {
  switch (d) {
    case Device::reader:
      return reader;
    case Device::printer:
      return printer;
    case Device::scanner:
      return scanner;
  }
  return DeviceState::unknown;
}

State initial_state(const Settings& settings) {
  State s;
  s.settings = settings;
  return s;
}

bool session_active(const State& s) {
  return s.screen != Screen::home || s.flow.has_value();
}

Step reduce(State s, const Event& event) {
  std::vector<Effect> fx;
  std::visit(Overloaded{
                 [&](const Tick& e) {
                   s.now = std::max(s.now, e.now);
                   s.clock = e.clock;
                   if (session_active(s) && s.now >= deadline(s)) end_session(s, fx);
                 },
                 [&](const TapEntry& e) {
                   touch(s);
                   s.flow = e.flow;
                   // Every flow starts by identifying the citizen: ID card, a QR
                   // code, or anonymously for browsing.
                   s.screen = Screen::identify;
                   fx.emplace_back(Speak{"identify.title", s.lang});
                 },
                 [&](const TapBack&) {
                   if (s.screen == Screen::home) return;
                   end_session(s, fx);
                 },
                 [&](const ToggleElderly&) {
                   touch(s);
                   s.elderly = !s.elderly;
                 },
                 [&](const ToggleLanguage&) {
                   touch(s);
                   s.lang = (s.lang == Lang::zh) ? Lang::en : Lang::zh;
                 },
                 [&](const CallStaff&) {
                   touch(s);
                   s.staff_called = true;
                   fx.emplace_back(NotifyStaff{});
                   fx.emplace_back(Speak{"staff.called", s.lang});
                 },
                 [&](const ExtendSession&) { touch(s); },
                 [&](const NetworkChanged& e) { s.network = e.state; },
                 [&](const DeviceChanged& e) {
                   switch (e.device) {
                     case Device::reader:
                       s.reader = e.state;
                       break;
                     case Device::printer:
                       s.printer = e.state;
                       break;
                     case Device::scanner:
                       s.scanner = e.state;
                       break;
                   }
                 },
             },
             event);
  return Step{std::move(s), std::move(fx)};
}

bool inactivity_warning_shown(const State& s) {
  return session_active(s) && s.now >= deadline(s) - s.settings.inactivity_warning &&
         s.now < deadline(s);
}

int inactivity_seconds_left(const State& s) {
  const auto left = deadline(s) - s.now;
  if (left <= Millis{0}) return 0;
  return static_cast<int>((left.count() + 999) / 1000);
}

Millis next_wakeup(const State& s, Millis ms_into_current_minute) {
  Millis next = s.now + (Millis{60'000} - ms_into_current_minute);
  if (session_active(s)) {
    const Millis warn_at = deadline(s) - s.settings.inactivity_warning;
    if (warn_at > s.now) {
      next = std::min(next, warn_at);
    } else {
      // The countdown is on screen: wake each second, and at the limit.
      next = std::min(next, std::min(s.now + Millis{1000}, deadline(s)));
    }
  }
  return next;
}

const char* text_id(Flow flow) {
  switch (flow) {
    case Flow::idcard:
      return "entry.idcard";
    case Flow::appointment:
      return "entry.appointment";
    case Flow::ticket:
      return "entry.ticket";
    case Flow::progress:
      return "entry.progress";
    case Flow::guide:
      return "entry.guide";
    case Flow::rating:
      return "entry.rating";
  }
  return "";
}

const char* hint_text_id(Flow flow) {
  switch (flow) {
    case Flow::idcard:
      return "entry.idcard.hint";
    case Flow::appointment:
      return "entry.appointment.hint";
    case Flow::ticket:
      return "entry.ticket.hint";
    case Flow::progress:
      return "entry.progress.hint";
    case Flow::guide:
      return "entry.guide.hint";
    case Flow::rating:
      return "entry.rating.hint";
  }
  return "";
}

}  // namespace core
