#pragma once
// Prints a byte stream on the virtual printer in-process: the papers cut
// from it, and the text of every printed line.
#include "tools/devsim/printer/interpreter.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace printer_test {

// Noto Sans CJK, loaded once per test binary; null if the font is missing.
inline devsim::printer::GlyphSource* glyphs() {
  using devsim::printer::GlyphSource;
  static std::unique_ptr<GlyphSource> g = [] {
    std::string err;
    return GlyphSource::open(GlyphSource::kDefaultFont, GlyphSource::kDefaultFace, err);
  }();
  return g.get();
}

struct Printed {
  std::vector<printer::Bitmap> papers;  // one per cut
  std::vector<std::string> lines;       // printed text, line by line
  int edge_wraps = 0;                   // lines the printer had to wrap itself
};

inline Printed print(const std::vector<std::uint8_t>& bytes, int width) {
  devsim::printer::Interpreter interp(width, glyphs());
  Printed out;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto s = interp.step(std::span<const std::uint8_t>(bytes).subspan(pos));
    if (s.consumed == 0) break;
    pos += s.consumed;
    if (s.action == devsim::printer::Action::cut) out.papers.push_back(interp.take_paper());
  }
  EXPECT_EQ(pos, bytes.size()) << "interpreter stopped early";
  out.lines = interp.text_lines();
  out.edge_wraps = interp.edge_wraps();
  return out;
}

}  // namespace printer_test
