#include "kiosk/core/session.hpp"

#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core {
namespace {

Millis deadline(const State& s) {
  return s.last_activity + s.settings.inactivity_limit;
}

}  // namespace

namespace flows {

void touch(State& s) {
  s.last_activity = s.now;
}

// Accessibility preferences reset too, so the next person starts from the
// default. What is not the citizen's (devices, network, outbox, the
// catalogue, the request counter) stays.
void end_session(State& s, Effects& fx) {
  State next = initial_state(s.settings);
  next.network = s.network;
  next.reader = s.reader;
  next.printer = s.printer;
  next.scanner = s.scanner;
  next.outbox_waiting = s.outbox_waiting;
  next.outbox_dead = s.outbox_dead;
  next.outbox_accepting = s.outbox_accepting;
  next.clock = s.clock;
  next.now = s.now;
  next.last_activity = s.now;
  next.last_request = s.last_request;
  next.catalogue = std::move(s.catalogue);
  next.identify.card_present = s.identify.card_present;
  s = std::move(next);
  fx.emplace_back(WipeSession{});
}

RequestId next_request(State& s) {
  return ++s.last_request;
}

void enter_flow(State& s, Effects& fx) {
  s.identify.error_text_id.clear();
  switch (s.flow.value_or(Flow::guide)) {
    case Flow::guide:
    case Flow::ticket:
      start_guide(s, fx);
      return;
    case Flow::progress:
      s.screen = Screen::progress_query;
      return;
    case Flow::appointment:
      s.screen = Screen::appointment_menu;
      return;
    case Flow::idcard:
      start_preapply(s, fx);
      return;
    case Flow::rating:
      start_rating(s, fx, {}, {});
      return;
  }
}

void start_rating(State& s, Effects& fx, std::string case_number, std::string ticket_number,
                  std::string submission_key) {
  s.rating = RatingState{};
  s.rating.case_number = std::move(case_number);
  s.rating.ticket_number = std::move(ticket_number);
  s.rating.submission_key = std::move(submission_key);
  s.screen = Screen::rating;
  fx.emplace_back(Speak{"rating.title", s.lang});
}

void apply(State& s, const Tick& e, Effects& fx) {
  s.now = std::max(s.now, e.now);
  s.clock = e.clock;
  if (session_active(s) && s.now >= deadline(s)) {
    end_session(s, fx);
    return;
  }
  preapply_tick(s, fx);
}

void apply(State& s, const TapEntry& e, Effects& fx) {
  touch(s);
  s.flow = e.flow;
  // Every flow starts by identifying the citizen: ID card, a QR code, or
  // anonymously for browsing.
  s.screen = Screen::identify;
  s.identify.error_text_id.clear();
  fx.emplace_back(Speak{"identify.title", s.lang});
}

void apply(State& s, const TapBack&, Effects& fx) {
  touch(s);
  if (appointment_back(s, fx) || navigation_back(s) || typing_back(s) || progress_back(s)) return;
  switch (s.screen) {
    case Screen::home:
      return;
    case Screen::guide_item:
    case Screen::ticket_item:
      s.screen = Screen::guide_list;
      return;
    case Screen::progress_timeline:
      s.progress.result.reset();
      s.progress.request = LoadState::none;
      s.screen = Screen::progress_query;
      return;
    case Screen::ticket_issued:
      apply(s, TicketDone{}, fx);
      return;
    case Screen::rating:
      apply(s, RateSkip{}, fx);
      return;
    case Screen::technician_pin:
    case Screen::technician_status:
    case Screen::technician_settings:
    case Screen::technician_calibrate:
    case Screen::technician_provision:
      technician_back(s, fx);
      return;
    case Screen::identify:
    case Screen::guide_list:
    case Screen::progress_query:
    case Screen::progress_cases:  // (progress_back: to progress_query)
    case Screen::appointment_menu:
    case Screen::appointment_hall:
    case Screen::appointment_day:
    case Screen::appointment_slot:
    case Screen::appointment_confirm:
    case Screen::appointment_booked:
    case Screen::appointment_cancel:
    case Screen::appointment_cancel_confirm:
    case Screen::appointment_cancelled:
    case Screen::navigation:
    case Screen::preapply_item:
      // The first page of a flow: going back ends the session.
      end_session(s, fx);
      return;
    case Screen::preapply_form:
    case Screen::preapply_materials:
    case Screen::preapply_delivery:
    case Screen::preapply_review:
    case Screen::preapply_submitting:
      preapply_back(s);
      return;
    case Screen::preapply_done:
      apply(s, PreApplyDone{}, fx);
      return;
  }
}

void apply(State& s, const TapFinish&, Effects& fx) {
  if (session_active(s)) end_session(s, fx);
}

void apply(State& s, const ToggleElderly&, Effects&) {
  touch(s);
  s.elderly = !s.elderly;
}

void apply(State& s, const ToggleLanguage&, Effects&) {
  touch(s);
  s.lang = (s.lang == Lang::zh) ? Lang::en : Lang::zh;
}

void apply(State& s, const CallStaff&, Effects& fx) {
  touch(s);
  s.staff_called = true;
  fx.emplace_back(NotifyStaff{});
  fx.emplace_back(Speak{"staff.called", s.lang});
}

void apply(State& s, const ExtendSession&, Effects&) {
  touch(s);
}

void apply(State& s, const NetworkChanged& e, Effects&) {
  s.network = e.state;
}

void apply(State& s, const DeviceChanged& e, Effects&) {
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
}

void apply(State& s, const PrintDone& e, Effects& fx) {
  if (s.print != LoadState::loading) return;  // the session it was for has ended
  s.print = e.ok ? LoadState::ready : LoadState::failed;
  s.print_error = e.ok ? std::string{} : e.text_id;
  fx.emplace_back(Speak{e.ok ? "print.done" : "print.failed", s.lang});
}

void apply(State& s, const OutboxChanged& e, Effects&) {
  s.outbox_waiting = e.waiting;
  s.outbox_dead = e.dead;
  s.outbox_accepting = e.accepting;
}

}  // namespace flows

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
  std::visit([&](const auto& e) { flows::apply(s, e, fx); }, event);
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
