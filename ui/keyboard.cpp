#include "ui/keyboard.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace ui {
namespace {

struct Row {
  float y, h;
};

// One key: a rounded face with a label; true when tapped.
bool key(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
         const std::string& label, bool accent = false) {
  const Theme& t = ctx.theme();
  bool pressed = false;
  const bool tapped = touch_target(ctx, id, min, max, &pressed);
  auto& d = ctx.canvas.draw();
  const ImU32 face = pressed ? t.tile_pressed : (accent ? t.button : t.tile);
  d.AddRectFilled(min, max, face, t.rounding * 0.4f);
  d.AddRect(min, max, t.tile_border, t.rounding * 0.4f, 0, ctx.u(1.5f));
  const float room = max.x - min.x - ctx.u(8.f);
  const FontRole role = ctx.canvas.fit(FontRole::title, label, room, FontRole::small);
  const float h = ctx.canvas.measure(role, label).y;
  ctx.canvas.text_centered(role, (min.x + max.x) * 0.5f, (min.y + max.y - h) * 0.5f,
                           accent ? t.button_text : t.text, label);
  return tapped;
}

// A row of `n` equal keys across [x0, x1], the i-th one's corners.
std::pair<ImVec2, ImVec2> cell(float x0, float x1, Row row, int n, int i, float gap) {
  const float w = (x1 - x0 - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  const float x = x0 + static_cast<float>(i) * (w + gap);
  return {ImVec2(x, row.y), ImVec2(x + w, row.y + row.h)};
}

}  // namespace

std::optional<core::Key> draw_keyboard(ScreenContext& ctx, const core::KeyboardState& kb,
                                       ImVec2 min, ImVec2 max) {
  const Theme& t = ctx.theme();
  // Ten letter keys a row must each stay a full target (elderly mode on a
  // portrait panel is the tight case): the gaps give way first.
  constexpr int kWidestRow = 10;
  const float room_for_gaps = max.x - min.x - kWidestRow * t.min_target;
  const float gap = std::clamp(room_for_gaps / (kWidestRow - 1), ctx.u(2.f), ctx.u(10.f));
  const bool digits = kb.mode == core::KeyboardMode::digits;
  constexpr int rows = 5;  // the candidate bar and four rows of keys
  const float row_h = std::max(t.min_target, (max.y - min.y - gap * (rows - 1)) / rows);
  std::optional<core::Key> out;
  const auto row = [&](int r) { return Row{min.y + static_cast<float>(r) * (row_h + gap), row_h}; };

  // Candidate bar: the letters being composed, then the characters.
  {
    const Row r = row(0);
    ctx.canvas.draw().AddRectFilled(ImVec2(min.x, r.y), ImVec2(max.x, r.y + r.h), t.tile);
    float x = min.x + ctx.u(12.f);
    if (!kb.composing.empty()) {
      const float h = ctx.canvas.measure(FontRole::body, kb.composing).y;
      x += ctx.canvas
               .text(FontRole::body, ImVec2(x, r.y + (r.h - h) * 0.5f), t.accent[0], kb.composing)
               .x +
           ctx.u(16.f);
    }
    const auto picks = core::keyboard_candidates(kb, 12);
    const float w = std::max(t.min_target, row_h);
    for (std::size_t i = 0; i < picks.size() && x + w <= max.x; ++i) {
      if (key(ctx, "kbd.pick." + picks[i], ImVec2(x, r.y), ImVec2(x + w, r.y + r.h), picks[i])) {
        out = core::Key{core::Key::pick, picks[i], kb.mode};
      }
      x += w + gap;
    }
  }

  const auto mode_key = [&](ImVec2 a, ImVec2 b, core::KeyboardMode m, const char* id,
                            const char* text_id) {
    if (key(ctx, id, a, b, ctx.primary(text_id), kb.mode == m)) {
      out = core::Key{core::Key::set_mode, {}, m};
    }
  };
  if (digits) {
    static constexpr std::array<const char*, 9> kDigits{"1", "2", "3", "4", "5",
                                                        "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
      const auto [a, b] = cell(min.x, max.x, row(1 + i / 3), 3, i % 3, gap);
      if (key(ctx, std::string("kbd.key.") + kDigits[static_cast<std::size_t>(i)], a, b,
              kDigits[static_cast<std::size_t>(i)])) {
        out = core::Key{core::Key::character, kDigits[static_cast<std::size_t>(i)], kb.mode};
      }
    }
    auto [a0, b0] = cell(min.x, max.x, row(4), 3, 0, gap);
    mode_key(a0, b0, core::KeyboardMode::pinyin, "kbd.mode.pinyin", "keyboard.mode.pinyin");
    auto [a1, b1] = cell(min.x, max.x, row(4), 3, 1, gap);
    if (key(ctx, "kbd.key.0", a1, b1, "0")) out = core::Key{core::Key::character, "0", kb.mode};
    auto [a2, b2] = cell(min.x, max.x, row(4), 3, 2, gap);
    if (key(ctx, "kbd.backspace", a2, b2, ctx.primary("keyboard.backspace"))) {
      out = core::Key{core::Key::backspace, {}, kb.mode};
    }
    return out;
  }

  static constexpr std::array<const char*, 3> kLetters{"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  // Latin letters show as they go in: upper case while caps is on.
  const bool upper = kb.mode == core::KeyboardMode::latin && kb.caps;
  for (int r = 0; r < 3; ++r) {
    const std::string letters = kLetters[static_cast<std::size_t>(r)];
    const int n = r == 2 ? 9 : 10;  // the last row ends with backspace (two keys wide)
    for (int i = 0; i < static_cast<int>(letters.size()); ++i) {
      const auto [a, b] = cell(min.x, max.x, row(1 + r), n, i, gap);
      const std::string letter(1, letters[static_cast<std::size_t>(i)]);
      const std::string label(1, upper ? static_cast<char>(letter[0] - 'a' + 'A') : letter[0]);
      if (key(ctx, "kbd.key." + letter, a, b, label)) {
        out = core::Key{core::Key::character, letter, kb.mode};
      }
    }
    if (r == 2) {
      const ImVec2 from = cell(min.x, max.x, row(3), n, 7, gap).first;
      const ImVec2 to = cell(min.x, max.x, row(3), n, 8, gap).second;
      if (key(ctx, "kbd.backspace", from, to, ctx.primary("keyboard.backspace"))) {
        out = core::Key{core::Key::backspace, {}, kb.mode};
      }
    }
  }
  // Bottom row: 123 | ABC | space in pinyin mode; 123 | 拼音 | caps | - |
  // space in Latin mode (codes and tokens need both).
  const auto [m0a, m0b] = cell(min.x, max.x, row(4), 5, 0, gap);
  mode_key(m0a, m0b, core::KeyboardMode::digits, "kbd.mode.digits", "keyboard.mode.digits");
  const auto [m1a, m1b] = cell(min.x, max.x, row(4), 5, 1, gap);
  int space_from = 2;
  if (kb.mode == core::KeyboardMode::pinyin) {
    mode_key(m1a, m1b, core::KeyboardMode::latin, "kbd.mode.latin", "keyboard.mode.latin");
  } else {
    mode_key(m1a, m1b, core::KeyboardMode::pinyin, "kbd.mode.pinyin", "keyboard.mode.pinyin");
    // The target's id says the state, so a script knows whether to tap it.
    const auto [ca, cb] = cell(min.x, max.x, row(4), 5, 2, gap);
    if (key(ctx, kb.caps ? "kbd.caps.on" : "kbd.caps.off", ca, cb, ctx.primary("keyboard.caps"),
            kb.caps)) {
      out = core::Key{core::Key::caps, {}, kb.mode};
    }
    const auto [da, db] = cell(min.x, max.x, row(4), 5, 3, gap);
    if (key(ctx, "kbd.key.-", da, db, "-")) out = core::Key{core::Key::character, "-", kb.mode};
    space_from = 4;
  }
  const ImVec2 space_min = cell(min.x, max.x, row(4), 5, space_from, gap).first;
  if (key(ctx, "kbd.space", space_min, ImVec2(max.x, row(4).y + row_h),
          ctx.primary("keyboard.space"))) {
    out = core::Key{core::Key::space, {}, kb.mode};
  }
  return out;
}

}  // namespace ui
