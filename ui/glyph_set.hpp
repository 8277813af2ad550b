#pragma once
// A set of code points: what one font size of the atlas holds. Start-up
// time and memory grow with the atlas, so it holds the glyphs the screens
// need, not the whole CJK range.
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace ui {

class GlyphSet {
 public:
  void add_utf8(std::string_view text);
  void add(char32_t cp);
  // Adds every code point of `other`; returns how many were new.
  std::size_t merge(const GlyphSet& other);
  bool contains(char32_t cp) const { return cps_.count(cp) != 0; }
  std::size_t size() const { return cps_.size(); }
  bool empty() const { return cps_.empty(); }

  // Dear ImGui's glyph-range format: pairs of inclusive [first, last],
  // zero-terminated. Code points beyond the BMP are dropped: Debian's ImGui
  // 1.86 is built with 16-bit ImWchar.
  std::vector<std::uint16_t> imgui_ranges() const;

 private:
  std::set<char32_t> cps_;
};

// Decodes one UTF-8 sequence at `text[i]`, advancing `i`. Invalid bytes
// decode to U+FFFD and advance by one.
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace ui
