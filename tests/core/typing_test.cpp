// The on-screen keyboard in the guide search and the rating comment: keys
// go through the keyboard model into the query or the comment.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;
using Key = core::Key;

std::vector<std::string> codes(const core::State& s) {
  std::vector<std::string> out;
  for (const auto* i : core::guide_results(s.catalogue, s.guide)) out.push_back(i->code);
  return out;
}

template <typename KeyEvent>
void letters(Driver& d, const std::string& text) {
  for (char c : text) d(KeyEvent{Key{Key::character, std::string(1, c)}});
}

Driver searching() {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{})(coretest::catalogue());
  d(core::GuideTyping{true});
  return d;
}

TEST(Typing, GuideSearchByPinyinCharacters) {
  Driver d = searching();
  letters<core::GuideKey>(d, "shen");
  d(core::GuideKey{Key{Key::pick, "身"}});
  letters<core::GuideKey>(d, "fen");
  d(core::GuideKey{Key{Key::pick, "份"}});
  EXPECT_EQ(d.state.guide.query, "身份");
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001"}));
}

TEST(Typing, GuideSearchByInitialsWhileStillComposing) {
  Driver d = searching();
  d(core::GuidePage{1});
  letters<core::GuideKey>(d, "sfz");  // pinyin mode: the letters are composing
  EXPECT_TRUE(d.state.guide.keyboard.text.empty());
  EXPECT_EQ(d.state.guide.query, "sfz");
  EXPECT_EQ(d.state.guide.page, 0);
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001"}));
}

TEST(Typing, GuideSearchInEnglish) {
  Driver d = searching();
  d(core::GuideKey{Key{Key::set_mode, {}, core::KeyboardMode::latin}});
  letters<core::GuideKey>(d, "security");
  d(core::GuideKey{Key{Key::space, {}}});
  letters<core::GuideKey>(d, "card");
  EXPECT_EQ(d.state.guide.query, "security card");
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"RS-001"}));
  d(core::GuideKey{Key{Key::backspace, {}}});
  EXPECT_EQ(d.state.guide.query, "security car");
}

TEST(Typing, KeysNeedTheKeyboardOpenAndBackPutsItAway) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{})(coretest::catalogue());
  d(core::GuideKey{Key{Key::character, "a"}});
  EXPECT_TRUE(d.state.guide.query.empty());
  d(core::GuideTyping{true});
  letters<core::GuideKey>(d, "sfz");
  d(core::TapBack{});  // puts the keyboard away; the session goes on
  EXPECT_EQ(d.state.screen, core::Screen::guide_list);
  EXPECT_FALSE(d.state.guide.typing);
  EXPECT_EQ(d.state.guide.query, "sfz");
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
}

TEST(Typing, RatingCommentIsTypedAndSentWithTheRating) {
  Driver d;
  d(core::TapEntry{core::Flow::rating})(core::QrScanned{"https://zwfw.example.gov.cn/q/A042"});
  d(core::RateLevel{4})(core::RateTyping{true});
  letters<core::RateKey>(d, "hen");
  d(core::RateKey{Key{Key::pick, "很"}});
  letters<core::RateKey>(d, "hao");
  d(core::RateKey{Key{Key::pick, "好"}});
  EXPECT_EQ(d.state.rating.comment, "很好");
  d(core::TapBack{});  // puts the keyboard away, still rating
  EXPECT_EQ(d.state.screen, core::Screen::rating);
  EXPECT_FALSE(d.state.rating.typing);
  d(core::RateSubmit{});
  const auto* r = d.last<core::EnqueueRating>();
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->comment, "很好");
  EXPECT_EQ(r->level, 4);
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_TRUE(d.state.rating.keyboard.text.empty());  // wiped with the session
}

}  // namespace
