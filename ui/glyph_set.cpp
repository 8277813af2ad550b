#include "ui/glyph_set.hpp"

namespace ui {

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    i += 1;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    i += 1;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const int c = cont(static_cast<std::size_t>(k));
    if (c < 0) {
      i += 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | static_cast<char32_t>(c);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

void GlyphSet::add_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) add(next_code_point(text, i));
}

void GlyphSet::add(char32_t cp) {
  if (cp >= 0x20 && cp != 0xFFFD) cps_.insert(cp);
}

std::size_t GlyphSet::merge(const GlyphSet& other) {
  const std::size_t before = cps_.size();
  cps_.insert(other.cps_.begin(), other.cps_.end());
  return cps_.size() - before;
}

std::vector<std::uint16_t> GlyphSet::imgui_ranges() const {
  std::vector<std::uint16_t> out;
  for (char32_t cp : cps_) {
    if (cp > 0xFFFF) break;  // set is ordered
    const auto c = static_cast<std::uint16_t>(cp);
    if (!out.empty() && out.back() + 1 == c) {
      out.back() = c;
    } else {
      out.push_back(c);
      out.push_back(c);
    }
  }
  out.push_back(0);
  return out;
}

}  // namespace ui
