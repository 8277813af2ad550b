#pragma once
// Line layout for receipts, measured in printer dots so that no line ever
// reaches the printer's own wrap at the paper edge (which splits words and
// masked IDs wherever the edge falls).
//
// Widths follow the printer's built-in fonts in Chinese mode: an ASCII
// character is a 12x24 half-width cell; every other character is sent as a
// GB18030 multi-byte character and printed as a 24x24 full-width cell.
// GS ! double width multiplies both.
#include <string>
#include <string_view>
#include <vector>

namespace printer {

inline constexpr int kHalfWidthDots = 12;
inline constexpr int kFullWidthDots = 24;

// Splits UTF-8 into code-point substrings (a cut-short tail stays one piece).
std::vector<std::string_view> utf8_chars(std::string_view s);

// Dots the text takes on paper at the given width multiplier.
int text_dots(std::string_view utf8, int width_mul = 1);

// Breaks text into lines no wider than `max_dots`. Latin words break only at
// spaces; Chinese breaks between any two characters, except that closing
// punctuation (，。）…) never starts a line and opening punctuation (（《…)
// never ends one. A word wider than a whole line is split by characters.
// "\n" forces a break. The spaces a break falls on are dropped; nothing
// else is.
std::vector<std::string> wrap_text(std::string_view utf8, int max_dots, int width_mul = 1);

// A "label: value" pair at width multiplier 1: label left and value right
// on one line when both fit with at least one cell between them; otherwise
// the label (wrapped if it must be) and below it the value on lines of its
// own, indented by two half-width cells.
std::vector<std::string> layout_pair(std::string_view label, std::string_view value, int max_dots);

}  // namespace printer
