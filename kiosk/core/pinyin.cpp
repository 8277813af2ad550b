#include "kiosk/core/pinyin.hpp"

#include "kiosk/core/pinyin_table.hpp"

#include <algorithm>
#include <cstring>

namespace core {
namespace {

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes decode as
// U+FFFD, one byte at a time.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

const pinyin_data::SyllableChars* find_syllable(std::string_view syllable) {
  const auto* begin = pinyin_data::kSyllables;
  const auto* end = begin + pinyin_data::kSyllableCount;
  const auto* it = std::lower_bound(begin, end, syllable,
                                    [](const pinyin_data::SyllableChars& e, std::string_view s) {
                                      return std::string_view(e.syllable) < s;
                                    });
  return it != end && std::string_view(it->syllable) == syllable ? it : nullptr;
}

}  // namespace

std::string reading(char32_t code_point) {
  const auto* begin = pinyin_data::kCharReadings;
  const auto* end = begin + pinyin_data::kCharReadingCount;
  const auto* it = std::lower_bound(
      begin, end, code_point,
      [](const pinyin_data::CharReading& e, char32_t cp) { return e.code_point < cp; });
  return it != end && it->code_point == code_point ? it->syllable : "";
}

std::string initials(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
      continue;
    }
    const std::string r = reading(cp);
    if (!r.empty()) out += r[0];
  }
  return out;
}

std::vector<std::string> candidates(std::string_view syllable, std::size_t max) {
  std::vector<std::string> out;
  const auto* entry = find_syllable(syllable);
  if (entry == nullptr) return out;
  const std::string_view chars(entry->chars);
  for (std::size_t i = 0; i < chars.size() && out.size() < max;) {
    const std::size_t start = i;
    next_code_point(chars, i);
    out.emplace_back(chars.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> split_syllables(std::string_view letters) {
  constexpr std::size_t kLongestSyllable = 6;  // "zhuang", "shuang"
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < letters.size()) {
    std::size_t take = 0;
    for (std::size_t n = std::min(kLongestSyllable, letters.size() - i); n > 0; --n) {
      if (find_syllable(letters.substr(i, n)) != nullptr) {
        take = n;
        break;
      }
    }
    if (take == 0) {
      out.emplace_back(letters.substr(i));
      break;
    }
    out.emplace_back(letters.substr(i, take));
    i += take;
  }
  return out;
}

}  // namespace core
