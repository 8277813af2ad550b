// The on-screen keyboard in the guide search and the rating comment: the
// field's KeyboardState takes the key, and what it holds becomes the query
// (as the citizen types, so results follow each key) or the comment.
#include "kiosk/core/flows/reduce.hpp"

namespace core::flows {

void apply(State& s, const GuideTyping& e, Effects&) {
  if (s.screen != Screen::guide_list) return;
  touch(s);
  s.guide.typing = e.on;
}

void apply(State& s, const GuideKey& e, Effects&) {
  if (s.screen != Screen::guide_list || !s.guide.typing) return;
  touch(s);
  s.guide.keyboard = press(std::move(s.guide.keyboard), e.key);
  s.guide.query = typed(s.guide.keyboard);
  s.guide.page = 0;
}

void apply(State& s, const RateTyping& e, Effects&) {
  if (s.screen != Screen::rating) return;
  touch(s);
  s.rating.typing = e.on;
  if (!e.on) s.rating.comment = typed(s.rating.keyboard);
}

void apply(State& s, const RateKey& e, Effects&) {
  if (s.screen != Screen::rating || !s.rating.typing) return;
  touch(s);
  s.rating.keyboard = press(std::move(s.rating.keyboard), e.key);
  s.rating.comment = typed(s.rating.keyboard);
}

bool typing_back(State& s) {
  if (s.screen == Screen::guide_list && s.guide.typing) {
    s.guide.typing = false;
    return true;
  }
  if (s.screen == Screen::rating && s.rating.typing) {
    s.rating.typing = false;
    return true;
  }
  return false;
}

}  // namespace core::flows
