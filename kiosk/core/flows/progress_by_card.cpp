// Case progress by the ID card: the citizen who identified with a card asks
// for "my cases"; the platform lists the holder's cases (the number goes in
// a POST body, never a URL); one tap opens a case's timeline.
#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core::flows {
namespace {

bool answers_current(const State& s, RequestId request) {
  return s.progress.cases_request == LoadState::loading && s.progress.cases_request_id == request;
}

}  // namespace

bool can_look_up_by_card(const State& s) {
  return s.identity.method == IdMethod::card && s.identity.citizen.has_value();
}

void apply(State& s, const ProgressByCard&, Effects& fx) {
  if (s.screen != Screen::progress_query || !can_look_up_by_card(s)) return;
  touch(s);
  s.progress = ProgressState{};
  s.progress.cases_request = LoadState::loading;
  s.progress.cases_request_id = next_request(s);
  s.screen = Screen::progress_cases;
  fx.emplace_back(QueryCasesByHolder{s.progress.cases_request_id, s.identity.citizen->id_number});
}

void apply(State& s, const ProgressCasesLoaded& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  s.progress.cases_request = LoadState::ready;
  s.progress.cases = e.cases;
  fx.emplace_back(Speak{e.cases.empty() ? "progress.cases.none" : "progress.cases.title", s.lang});
}

void apply(State& s, const ProgressCasesFailed& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  s.progress.cases_request = LoadState::failed;
  s.progress.error_text_id = e.text_id;
  fx.emplace_back(Speak{e.text_id, s.lang});
}

void apply(State& s, const ProgressCasesPage& e, Effects&) {
  if (s.screen != Screen::progress_cases) return;
  touch(s);
  s.progress.cases_page = std::max(0, e.page);
}

void apply(State& s, const ProgressOpen& e, Effects& fx) {
  if (s.screen != Screen::progress_cases) return;
  const auto& cases = s.progress.cases;
  const auto it = std::find_if(cases.begin(), cases.end(), [&](const CaseProgress& c) {
    return c.case_number == e.case_number;
  });
  if (it == cases.end()) return;
  touch(s);
  s.progress.case_number = it->case_number;
  s.progress.result = *it;
  s.progress.request = LoadState::ready;
  s.screen = Screen::progress_timeline;
  fx.emplace_back(Speak{next_step_text_id(*it), s.lang});
}

}  // namespace core::flows

namespace core::flows {

bool progress_back(State& s) {
  if (s.screen == Screen::progress_cases) {
    s.progress = ProgressState{};
    s.screen = Screen::progress_query;
    return true;
  }
  if (s.screen == Screen::progress_timeline && s.progress.cases_request == LoadState::ready) {
    // Opened from the holder's list: back to the list.
    s.progress.result.reset();
    s.progress.request = LoadState::none;
    s.screen = Screen::progress_cases;
    return true;
  }
  return false;
}

}  // namespace core::flows
