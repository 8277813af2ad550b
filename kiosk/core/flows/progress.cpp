// Case progress: look a case up by its number and show its stages.
#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>
#include <cctype>

namespace core {

std::string stage_text_id(const std::string& stage) {
  return "progress.stage." + stage;
}

std::string next_step_text_id(const CaseProgress& p) {
  if (p.stages.empty()) return "progress.next.received";
  return "progress.next." + p.stages.back().stage;
}

namespace flows {
namespace {

constexpr std::size_t kMaxCaseNumber = 32;

// Case numbers are letters and digits; anything else typed is dropped.
std::string clean_case_number(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) && out.size() < kMaxCaseNumber)
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

bool answers_current(const State& s, RequestId request) {
  return s.progress.request == LoadState::loading && s.progress.request_id == request;
}

}  // namespace

// By value: the caller may pass the field this resets.
void query_progress(State& s, Effects& fx, std::string case_number) {
  s.progress = ProgressState{};
  s.progress.case_number = std::move(case_number);
  s.progress.request = LoadState::loading;
  s.progress.request_id = next_request(s);
  s.screen = Screen::progress_timeline;
  fx.emplace_back(QueryProgress{s.progress.request_id, s.progress.case_number});
}

void apply(State& s, const ProgressInput& e, Effects&) {
  if (s.screen != Screen::progress_query) return;
  touch(s);
  s.progress.case_number = clean_case_number(e.text);
  s.progress.error_text_id.clear();
}

void apply(State& s, const ProgressQuery&, Effects& fx) {
  if (s.screen != Screen::progress_query) return;
  touch(s);
  if (s.progress.case_number.size() < 4) {
    s.progress.error_text_id = "progress.error.too_short";
    return;
  }
  query_progress(s, fx, s.progress.case_number);
}

void apply(State& s, const ProgressLoaded& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  s.progress.request = LoadState::ready;
  s.progress.result = e.progress;
  fx.emplace_back(Speak{next_step_text_id(e.progress), s.lang});
}

void apply(State& s, const ProgressFailed& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  // Back to the number, with the reason, so it can be corrected.
  s.progress.request = LoadState::failed;
  s.progress.error_text_id = e.text_id;
  s.screen = Screen::progress_query;
  fx.emplace_back(Speak{e.text_id, s.lang});
}

}  // namespace flows
}  // namespace core
