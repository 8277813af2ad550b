// The on-screen keyboard widget: its keys are real touch targets of at least
// the theme's smallest size, and a finger on one yields the core::Key the
// keyboard model expects (letters, digits, candidates, modes).
#include "config/config.hpp"
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/png_writer.hpp"
#include "kiosk/app/script.hpp"
#include "kiosk/app/soft_raster.hpp"
#include "kiosk/core/pinyin.hpp"
#include "ui/keyboard.hpp"
#include "ui/theme.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>

namespace {

class KeyboardWidget : public ::testing::Test {
 protected:
  const ImVec2 kDisplay{1080, 1920};
  KeyboardWidget()
      : font_(*kiosk::app::FontFile::map(kiosk::app::kDefaultFontPath)),
        fonts_(ui::FontSource{font_.data(), font_.size(), kiosk::app::kDefaultFontFace}, seed()),
        texts_(kiosk::app::texts_from(*config::load(KIOSK_SOURCE_DIR "/config/defaults"))) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DeltaTime = 1.f / 60.f;
    io.DisplaySize = kDisplay;
  }
  ~KeyboardWidget() override { ImGui::DestroyContext(ctx_); }

  static ui::GlyphSet seed() {
    ui::GlyphSet g;
    g.add_utf8(" ?");
    return g;
  }

  struct Frame {
    std::optional<core::Key> key;
    std::vector<ui::TouchTarget> targets;
    float min_target = 0;
  };
  Frame frame(const core::KeyboardState& kb, bool elderly) {
    if (!built_ || elderly != elderly_) {
      fonts_.build(*ImGui::GetIO().Fonts, elderly);
      unsigned char* px = nullptr;
      int w = 0, h = 0;
      ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&px, &w, &h);
      raster_.set_atlas(px, w, h);
      built_ = true;
      elderly_ = elderly;
    }
    core::State state = core::initial_state(core::Settings{});
    state.elderly = elderly;
    const ui::Theme theme = ui::make_theme(kDisplay, elderly);
    std::array<ui::GlyphSet, ui::kFontRoleCount> missing;
    std::vector<std::string> drawn;
    std::vector<core::Event> events;
    Frame f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(kDisplay);
    ImGui::Begin("kbd", nullptr, ImGuiWindowFlags_NoDecoration);
    ui::Canvas canvas(*ImGui::GetWindowDrawList(), fonts_, theme, missing, drawn);
    ui::ScreenContext ctx{state, texts_, canvas, events, f.targets, kDisplay};
    f.key = ui::draw_keyboard(ctx, kb, ImVec2(20, 1100), ImVec2(1060, 1900));
    ImGui::End();
    ImGui::Render();
    // Grow the atlas with what this frame met, as the app does.
    for (std::size_t role = 0; role < ui::kFontRoleCount; ++role) {
      if (fonts_.add_glyphs(static_cast<ui::FontRole>(role), missing[role])) built_ = false;
    }
    f.min_target = theme.min_target;
    return f;
  }

  // A finger down on target `id` for one frame, up on the next.
  std::optional<core::Key> tap(const core::KeyboardState& kb, const std::string& id) {
    const Frame f = frame(kb, false);
    const auto it = std::find_if(f.targets.begin(), f.targets.end(),
                                 [&](const ui::TouchTarget& t) { return t.id == id; });
    if (it == f.targets.end()) return std::nullopt;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = it->center();
    io.MouseDown[0] = true;
    frame(kb, false);
    io.MouseDown[0] = false;
    auto key = frame(kb, false).key;
    io.MousePos = ImVec2(-1, -1);
    return key;
  }

  kiosk::app::FontFile font_;
  ui::Fonts fonts_;
  core::Texts texts_;
  kiosk::app::SoftRaster raster_;
  ImGuiContext* ctx_ = nullptr;
  bool built_ = false, elderly_ = false;
};

bool has(const std::vector<ui::TouchTarget>& targets, const std::string& id) {
  return std::any_of(targets.begin(), targets.end(),
                     [&](const ui::TouchTarget& t) { return t.id == id; });
}

TEST_F(KeyboardWidget, LettersModesAndCandidates) {
  core::KeyboardState kb;
  const auto s = tap(kb, "kbd.key.s");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(*s, (core::Key{core::Key::character, "s", core::KeyboardMode::pinyin}));

  kb.composing = "shen";
  const Frame f = frame(kb, false);
  const std::string first = core::keyboard_candidates(kb, 1).front();
  ASSERT_TRUE(has(f.targets, "kbd.pick." + first));
  const auto pick = tap(kb, "kbd.pick." + first);
  ASSERT_TRUE(pick.has_value());
  EXPECT_EQ(pick->kind, core::Key::pick);
  EXPECT_EQ(core::press(kb, *pick).text, pick->text);

  const auto latin = tap(kb, "kbd.mode.latin");
  ASSERT_TRUE(latin.has_value());
  EXPECT_EQ(latin->mode, core::KeyboardMode::latin);
  EXPECT_EQ(tap(kb, "kbd.backspace")->kind, core::Key::backspace);
}

TEST_F(KeyboardWidget, DigitsModeShowsDigitsOnly) {
  core::KeyboardState kb;
  kb.mode = core::KeyboardMode::digits;
  const Frame f = frame(kb, false);
  EXPECT_TRUE(has(f.targets, "kbd.key.7"));
  EXPECT_TRUE(has(f.targets, "kbd.key.0"));
  EXPECT_FALSE(has(f.targets, "kbd.key.q"));
  EXPECT_EQ(tap(kb, "kbd.key.7")->text, "7");
}

TEST_F(KeyboardWidget, LatinModeHasCapsAndHyphenKeys) {
  core::KeyboardState kb;
  EXPECT_FALSE(has(frame(kb, false).targets, "kbd.key.-"));  // pinyin mode: no codes
  kb.mode = core::KeyboardMode::latin;
  Frame f = frame(kb, false);
  EXPECT_TRUE(has(f.targets, "kbd.caps.off"));
  EXPECT_TRUE(has(f.targets, "kbd.key.-"));
  EXPECT_TRUE(has(f.targets, "kbd.space"));
  EXPECT_EQ(tap(kb, "kbd.caps.off")->kind, core::Key::caps);
  EXPECT_EQ(tap(kb, "kbd.key.-")->text, "-");
  kb = core::press(kb, *tap(kb, "kbd.caps.off"));
  ASSERT_TRUE(kb.caps);
  f = frame(kb, false);
  EXPECT_TRUE(has(f.targets, "kbd.caps.on"));
  EXPECT_EQ(core::press(kb, *tap(kb, "kbd.key.t")).text, "T");
}

// The script command `type` against this real widget: each tap the runner
// asks for lands on a key, the key goes through the keyboard model, and the
// next frame shows the new keys (modes, candidates).
class TypeCommand : public KeyboardWidget {
 protected:
  core::KeyboardState type(const std::string& line, core::KeyboardState kb = {}) {
    auto steps = kiosk::app::parse_script(line + "\n");
    EXPECT_TRUE(steps.has_value()) << steps.error();
    kiosk::app::ScriptRunner runner(*steps, "/tmp");
    const core::State state = core::initial_state(core::Settings{});
    for (int taps = 0; taps < 200; ++taps) {
      ui::FrameResult shown;
      shown.targets = frame(kb, false).targets;
      const auto action = runner.next(state, shown, {});
      if (action.kind == kiosk::app::ScriptAction::done) return kb;
      EXPECT_EQ(action.kind, kiosk::app::ScriptAction::tap) << action.error;
      if (action.kind != kiosk::app::ScriptAction::tap) return kb;
      const auto hit = std::find_if(shown.targets.begin(), shown.targets.end(), [&](const auto& t) {
        return action.x >= t.min.x && action.x < t.max.x && action.y >= t.min.y &&
               action.y < t.max.y;
      });
      EXPECT_NE(hit, shown.targets.end());
      if (hit == shown.targets.end()) return kb;
      const auto key = tap(kb, hit->id);
      EXPECT_TRUE(key.has_value()) << hit->id;
      if (key) kb = core::press(kb, *key);
    }
    ADD_FAILURE() << "type did not finish";
    return kb;
  }
};

TEST_F(TypeCommand, ChineseByReadingLatinDigitsAndSpaces) {
  // The candidate bar shows the commonest characters of a syllable (份 is
  // not among those of "fen" that fit): a script types what a finger can.
  const std::string fen = core::candidates("fen", 1).front();
  const core::KeyboardState kb = type("type 身" + fen + " ab 12");
  EXPECT_EQ(kb.text, "身" + fen + " ab 12");
  EXPECT_TRUE(kb.composing.empty());
  EXPECT_EQ(kb.mode, core::KeyboardMode::digits);
}

TEST_F(TypeCommand, PinyinPhraseThenPicks) {
  core::KeyboardState start;
  start.mode = core::KeyboardMode::latin;  // switched back to pinyin first
  const std::string fen = core::candidates("fen", 1).front();
  EXPECT_EQ(type("type pinyin:shenfen 身" + fen, start).text, "身" + fen);
  const core::KeyboardState initials = type("type pinyin:sfz");
  EXPECT_EQ(initials.composing, "sfz");  // no picks: the letters stay composing
  EXPECT_TRUE(initials.text.empty());
}

TEST_F(TypeCommand, UpperCaseAndHyphensThroughTheCapsKey) {
  // An enrolment token and a terminal id, then lower case again.
  EXPECT_EQ(type("type ABC-12 x-Y").text, "ABC-12 x-Y");
  core::KeyboardState caps;
  caps.mode = core::KeyboardMode::latin;
  caps.caps = true;  // as the provisioning fields start
  EXPECT_EQ(type("type T-0001", caps).text, "T-0001");
  EXPECT_EQ(type("type ab", caps).text, "ab");
}

TEST_F(TypeCommand, ACandidateNotOnTheBarFailsWithItsName) {
  auto steps = kiosk::app::parse_script("type pinyin:shen 证\n");
  ASSERT_TRUE(steps.has_value());
  kiosk::app::ScriptRunner runner(*steps, "/tmp");
  core::KeyboardState kb;
  kb.composing = "shen";
  ui::FrameResult shown;
  shown.targets = frame(kb, false).targets;
  const core::State state = core::initial_state(core::Settings{});
  kiosk::app::ScriptAction a;
  for (int i = 0; i < 5; ++i) a = runner.next(state, shown, {});  // s h e n, then the pick
  EXPECT_EQ(a.kind, kiosk::app::ScriptAction::fail);
  EXPECT_NE(a.error.find("kbd.pick.证"), std::string::npos) << a.error;
}

// KIOSK_KEYBOARD_PNG=DIR writes the keyboard in each mode to look at.
TEST_F(KeyboardWidget, Pictures) {
  const char* dir = std::getenv("KIOSK_KEYBOARD_PNG");
  if (dir == nullptr) GTEST_SKIP() << "set KIOSK_KEYBOARD_PNG to write the pictures";
  core::KeyboardState kb;
  kb.composing = "shen";
  kb.text = "身份";
  for (int mode = 0; mode < 3; ++mode) {
    kb.mode = static_cast<core::KeyboardMode>(mode);
    for (int i = 0; i < 3; ++i) frame(kb, mode == 2);  // settle the atlas
    raster_.resize(1080, 1920, IM_COL32(0xF2, 0xF5, 0xFA, 0xFF));
    raster_.render(*ImGui::GetDrawData());
    const auto px = raster_.pixels();
    ASSERT_TRUE(kiosk::app::write_png_rgba(
                    std::string(dir) + "/keyboard-" + std::to_string(mode) + ".png", 1080, 1920,
                    std::span(reinterpret_cast<const std::uint8_t*>(px.data()), px.size() * 4))
                    .has_value());
  }
}

TEST_F(KeyboardWidget, ElderlyKeysAreAtLeastTheSmallestTarget) {
  const Frame f = frame(core::KeyboardState{}, true);
  ASSERT_FALSE(f.targets.empty());
  for (const ui::TouchTarget& t : f.targets) {
    EXPECT_GE(t.max.y - t.min.y + 0.5f, f.min_target) << t.id;
    EXPECT_GE(t.max.x - t.min.x + 0.5f, f.min_target * 0.9f) << t.id;
  }
}

}  // namespace
