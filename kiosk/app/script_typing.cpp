#include "kiosk/app/script_typing.hpp"

#include "kiosk/core/pinyin.hpp"
#include "ui/ui.hpp"

namespace kiosk::app {
namespace {

// One UTF-8 character at `i` (advanced past it), as a code point and its bytes.
struct Utf8Char {
  char32_t code_point = 0;
  std::string bytes;
};

kx::expected<Utf8Char, std::string> next_char(const std::string& s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const int extra = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
    return kx::unexpected(std::string("type: the text is not valid UTF-8"));
  }
  Utf8Char c;
  c.code_point = extra == 0 ? lead : lead & (0x3F >> extra);
  c.bytes = s.substr(i, static_cast<std::size_t>(extra) + 1);
  for (int k = 1; k <= extra; ++k) {
    c.code_point = (c.code_point << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return c;
}

bool lower_letter(char32_t c) {
  return c >= 'a' && c <= 'z';
}

void add_letters(std::vector<KeyStroke>& out, const std::string& letters, KeyNeeds needs) {
  for (char l : letters) out.push_back({needs, std::string("kbd.key.") + l});
}

kx::expected<void, std::string> add_picks(std::vector<KeyStroke>& out, const std::string& hanzi) {
  for (std::size_t i = 0; i < hanzi.size();) {
    auto c = next_char(hanzi, i);
    if (!c) return kx::unexpected(c.error());
    out.push_back({KeyNeeds::pinyin, "kbd.pick." + c->bytes});
  }
  return {};
}

kx::expected<std::vector<KeyStroke>, std::string> pinyin_strokes(const std::string& spec) {
  const auto space = spec.find(' ');
  const std::string letters = spec.substr(0, space);
  const std::string hanzi = space == std::string::npos ? "" : spec.substr(space + 1);
  if (letters.empty() ||
      letters.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
    return kx::unexpected("type: pinyin:" + letters + " needs lower-case letters a-z");
  }
  std::vector<KeyStroke> out;
  add_letters(out, letters, KeyNeeds::pinyin);
  if (auto picked = add_picks(out, hanzi); !picked) return kx::unexpected(picked.error());
  return out;
}

bool has(const ui::FrameResult& frame, const char* id) {
  return frame.target(id) != nullptr;
}

}  // namespace

kx::expected<std::vector<KeyStroke>, std::string> key_strokes(const std::string& arg) {
  static constexpr std::string_view kPinyin = "pinyin:";
  if (arg.starts_with(kPinyin)) return pinyin_strokes(arg.substr(kPinyin.size()));
  std::vector<KeyStroke> out;
  for (std::size_t i = 0; i < arg.size();) {
    auto c = next_char(arg, i);
    if (!c) return kx::unexpected(c.error());
    const char32_t cp = c->code_point;
    if (lower_letter(cp)) {
      out.push_back({KeyNeeds::latin, "kbd.key." + c->bytes});
    } else if (cp >= 'A' && cp <= 'Z') {
      const char lower = static_cast<char>(cp - 'A' + 'a');
      out.push_back({KeyNeeds::latin_upper, std::string("kbd.key.") + lower});
    } else if (cp == '-') {
      out.push_back({KeyNeeds::latin_symbol, "kbd.key.-"});
    } else if (cp >= '0' && cp <= '9') {
      out.push_back({KeyNeeds::digits, "kbd.key." + c->bytes});
    } else if (cp == ' ') {
      out.push_back({KeyNeeds::space_bar, "kbd.space"});
    } else if (const std::string r = core::reading(cp); !r.empty() && cp >= 0x80) {
      add_letters(out, r, KeyNeeds::pinyin);
      out.push_back({KeyNeeds::pinyin, "kbd.pick." + c->bytes});
    } else {
      return kx::unexpected("type: '" + c->bytes +
                            "' is not on the on-screen keyboard (letters, '-', digits, space, "
                            "Chinese; or use pinyin:LETTERS HANZI)");
    }
  }
  if (out.empty()) return kx::unexpected(std::string("type needs some text"));
  return out;
}

kx::expected<std::string, std::string> next_key_target(const KeyStroke& stroke,
                                                       const ui::FrameResult& frame) {
  // The keys on screen tell the mode: the letter rows are absent in digits
  // mode, and pinyin mode offers the switch to Latin (and Latin to pinyin).
  const bool letters = has(frame, "kbd.key.q");
  const bool digits = !letters && has(frame, "kbd.key.1");
  if (!letters && !digits) return kx::unexpected(std::string("no on-screen keyboard is shown"));
  const bool pinyin = letters && has(frame, "kbd.mode.latin");
  switch (stroke.needs) {
    case KeyNeeds::pinyin:
      if (!pinyin) return std::string("kbd.mode.pinyin");
      break;
    case KeyNeeds::latin:
    case KeyNeeds::latin_upper:
    case KeyNeeds::latin_symbol:
      if (digits) return std::string("kbd.mode.pinyin");  // digits -> pinyin -> Latin
      if (pinyin) return std::string("kbd.mode.latin");
      // The caps key's id says whether it is on.
      if (stroke.needs == KeyNeeds::latin && has(frame, "kbd.caps.on")) {
        return std::string("kbd.caps.on");
      }
      if (stroke.needs == KeyNeeds::latin_upper && has(frame, "kbd.caps.off")) {
        return std::string("kbd.caps.off");
      }
      break;
    case KeyNeeds::digits:
      if (!digits) return std::string("kbd.mode.digits");
      break;
    case KeyNeeds::space_bar:
      if (digits) return std::string("kbd.mode.pinyin");
      break;
  }
  return stroke.target;
}

}  // namespace kiosk::app
