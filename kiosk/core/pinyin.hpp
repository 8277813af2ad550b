#pragma once
// Pinyin for search and the on-screen keyboard (pure: a table compiled in).
//   initials("身份证")          -> "sfz"   (guide search by initials)
//   candidates("shen", 8)      -> {"身", "深", ...} (the IME's candidate bar)
//   split_syllables("shenfen") -> {"shen", "fen"}
#include <string>
#include <string_view>
#include <vector>

namespace core {

// First letter of each Chinese character's main reading; ASCII letters and
// digits are kept (lower case); everything else is dropped.
std::string initials(std::string_view utf8);

// The main reading of one character ("" if it has none in the table).
std::string reading(char32_t code_point);

// Characters read `syllable` (toneless, lower case), common ones first, at
// most `max`.
std::vector<std::string> candidates(std::string_view syllable, std::size_t max);

// Splits typed letters into syllables, longest match first
// ("xian" stays one syllable); an unknown tail is kept as the last piece.
std::vector<std::string> split_syllables(std::string_view letters);

}  // namespace core
