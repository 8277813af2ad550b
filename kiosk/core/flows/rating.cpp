// Rating: five levels and three indicators, an optional comment, or skip.
// Either way the session then ends; a rating goes to the outbox, so it is
// sent even if the network is down now.
#include "kiosk/core/flows/reduce.hpp"

namespace core {

const char* text_id(Indicator indicator) {
  switch (indicator) {
    case Indicator::efficiency:
      return "rating.indicator.efficiency";
    case Indicator::service:
      return "rating.indicator.service";
    case Indicator::attitude:
      return "rating.indicator.attitude";
  }
  return "";
}

namespace flows {
namespace {

constexpr std::size_t kMaxComment = 600;  // bytes of UTF-8, ~200 characters

bool valid_level(int level) {
  return level >= 1 && level <= 5;
}

int& indicator_ref(RatingState& r, Indicator i) {
  switch (i) {
    case Indicator::efficiency:
      return r.efficiency;
    case Indicator::service:
      return r.service;
    case Indicator::attitude:
      return r.attitude;
  }
  return r.efficiency;
}

bool has_subject(const RatingState& r) {
  return int{!r.case_number.empty()} + int{!r.ticket_number.empty()} +
             int{!r.submission_key.empty()} ==
         1;
}

void thank_and_end(State& s, Effects& fx) {
  const Lang lang = s.lang;
  end_session(s, fx);
  fx.emplace_back(Speak{"rating.thanks", lang});
}

}  // namespace

void apply(State& s, const RateLevel& e, Effects&) {
  if (s.screen != Screen::rating || !valid_level(e.level)) return;
  touch(s);
  s.rating.level = e.level;
}

void apply(State& s, const RateIndicator& e, Effects&) {
  if (s.screen != Screen::rating || !valid_level(e.level)) return;
  touch(s);
  indicator_ref(s.rating, e.indicator) = e.level;
}

void apply(State& s, const RateComment& e, Effects&) {
  if (s.screen != Screen::rating) return;
  touch(s);
  s.rating.comment = e.text.substr(0, kMaxComment);
}

void apply(State& s, const RateSubmit&, Effects& fx) {
  if (s.screen != Screen::rating || !valid_level(s.rating.level) || !has_subject(s.rating)) return;
  const RatingState& r = s.rating;
  const auto or_level = [&](int v) { return v == 0 ? r.level : v; };
  fx.emplace_back(EnqueueRating{r.level, r.level, or_level(r.efficiency), or_level(r.service),
                                or_level(r.attitude), r.comment, r.case_number, r.ticket_number,
                                r.submission_key});
  thank_and_end(s, fx);
}

void apply(State& s, const RateSkip&, Effects& fx) {
  if (s.screen != Screen::rating) return;
  thank_and_end(s, fx);
}

}  // namespace flows
}  // namespace core
