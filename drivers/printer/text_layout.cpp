#include "drivers/printer/text_layout.hpp"

#include <algorithm>
#include <array>

namespace printer {
namespace {

bool is_ascii(std::string_view ch) {
  return static_cast<unsigned char>(ch[0]) < 0x80;
}

int char_dots(std::string_view ch, int width_mul) {
  return (is_ascii(ch) ? kHalfWidthDots : kFullWidthDots) * width_mul;
}

template <std::size_t N>
bool one_of(std::string_view ch, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), ch) != set.end();
}

// Chinese line-breaking rules (禁则), the common subset.
constexpr std::array<std::string_view, 19> kNoLineStart = {"，", "。", "、", "；", "：", "？", "！",
                                                           "）", "》", "」", "』", "】", "〕", "”",
                                                           "’",  "…",  "％", "～", "·"};
constexpr std::array<std::string_view, 8> kNoLineEnd = {"（", "《", "「", "『",
                                                        "【", "〔", "“",  "‘"};
constexpr std::array<std::string_view, 7> kAsciiTrailing = {",", ".", ";", ":", "!", "?", ")"};

// The unit a line never splits unless it is wider than a whole line: a Latin
// word (with its punctuation), or one Chinese character with the
// punctuation that must stay next to it.
struct Token {
  std::string text;
  int dots = 0;
  bool space_before = false;
  bool break_before = false;
};

std::vector<Token> tokenize(std::string_view s, int width_mul) {
  std::vector<Token> tokens;
  bool space = false, hard_break = false, glue_next = false, last_ascii = false;
  for (std::string_view ch : utf8_chars(s)) {
    if (ch == "\n") {
      hard_break = true;
      space = glue_next = false;
      continue;
    }
    if (ch == " " || ch == "\t") {
      space = true;
      continue;
    }
    const bool ascii = is_ascii(ch);
    bool attach = false;
    if (!tokens.empty() && !space && !hard_break) {
      attach = glue_next || (ascii && last_ascii) || (!ascii && one_of(ch, kNoLineStart)) ||
               (ascii && one_of(ch, kAsciiTrailing));
    }
    if (attach) {
      tokens.back().text += ch;
      tokens.back().dots += char_dots(ch, width_mul);
    } else {
      tokens.push_back({std::string(ch), char_dots(ch, width_mul), space, hard_break});
    }
    last_ascii = ascii;
    glue_next = one_of(ch, kNoLineEnd);
    space = hard_break = false;
  }
  if (hard_break) tokens.push_back({"", 0, false, true});  // trailing "\n": one blank line
  return tokens;
}

class LineFiller {
 public:
  LineFiller(int max_dots, int width_mul) : max_(max_dots), mul_(width_mul) {}

  void add(const Token& t) {
    if (t.break_before) flush();
    const int gap = used_ > 0 && t.space_before ? kHalfWidthDots * mul_ : 0;
    if (used_ + gap + t.dots <= max_) {
      append(std::string(gap > 0 ? 1 : 0, ' '), gap);
      append(t.text, t.dots);
      return;
    }
    if (used_ > 0) flush();
    if (t.dots <= max_) {
      append(t.text, t.dots);
      return;
    }
    for (std::string_view ch : utf8_chars(t.text)) {  // longer than a line
      const int w = char_dots(ch, mul_);
      if (used_ + w > max_ && used_ > 0) flush();
      append(std::string(ch), w);
    }
  }

  std::vector<std::string> finish() {
    lines_.push_back(std::move(current_));
    return std::move(lines_);
  }

 private:
  void append(const std::string& s, int dots) {
    current_ += s;
    used_ += dots;
  }
  void flush() {
    lines_.push_back(std::move(current_));
    current_.clear();
    used_ = 0;
  }

  int max_, mul_;
  std::vector<std::string> lines_;
  std::string current_;
  int used_ = 0;
};

}  // namespace

std::vector<std::string_view> utf8_chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

int text_dots(std::string_view utf8, int width_mul) {
  int dots = 0;
  for (std::string_view ch : utf8_chars(utf8)) dots += char_dots(ch, width_mul);
  return dots;
}

std::vector<std::string> wrap_text(std::string_view utf8, int max_dots, int width_mul) {
  LineFiller filler(max_dots, std::max(width_mul, 1));
  for (const Token& t : tokenize(utf8, std::max(width_mul, 1))) filler.add(t);
  return filler.finish();
}

std::vector<std::string> layout_pair(std::string_view label, std::string_view value, int max_dots) {
  const int label_dots = text_dots(label), value_dots = text_dots(value);
  if (label_dots + kHalfWidthDots + value_dots <= max_dots) {
    const int pad = (max_dots - label_dots - value_dots) / kHalfWidthDots;
    return {std::string(label) + std::string(static_cast<std::size_t>(pad), ' ') +
            std::string(value)};
  }
  std::vector<std::string> lines = wrap_text(label, max_dots);
  const std::string indent(2, ' ');
  for (auto& l : wrap_text(value, max_dots - text_dots(indent))) lines.push_back(indent + l);
  return lines;
}

}  // namespace printer
