#pragma once
// The generated pinyin data (tools/pinyin/gen_pinyin_table.py, from the
// mozillazg pinyin data at build time). Use kiosk/core/pinyin.hpp.
#include <cstddef>

namespace core::pinyin_data {

struct CharReading {
  char32_t code_point;   // sorted ascending
  const char* syllable;  // the character's main reading, toneless: "shen"
};
struct SyllableChars {
  const char* syllable;  // sorted ascending
  const char* chars;     // UTF-8, common characters first (GB2312 level 1, 2)
};

extern const CharReading kCharReadings[];
extern const std::size_t kCharReadingCount;
extern const SyllableChars kSyllables[];
extern const std::size_t kSyllableCount;

}  // namespace core::pinyin_data
