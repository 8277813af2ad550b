#include "tools/devsim/printer/interpreter.hpp"

#include "drivers/printer/barcode_raster.hpp"
#include "drivers/printer/gb18030.hpp"

#include <algorithm>

namespace devsim::printer {
namespace {

constexpr std::uint8_t LF = 0x0A, HT = 0x09, ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10;

Step need() {
  return {};
}
Step took(std::size_t n, Action a = Action::none, std::uint8_t arg = 0) {
  return {n, a, arg};
}

char32_t decode_utf8_first(const std::string& s) {
  if (s.empty()) return U'?';
  const auto c = static_cast<unsigned char>(s[0]);
  auto cont = [&](std::size_t i) -> char32_t {
    return i < s.size() ? static_cast<char32_t>(static_cast<unsigned char>(s[i]) & 0x3F) : 0;
  };
  if (c < 0x80) return c;
  if (c < 0xE0) return (static_cast<char32_t>(c & 0x1F) << 6) | cont(1);
  if (c < 0xF0) return (static_cast<char32_t>(c & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  return (static_cast<char32_t>(c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Stands in for glyphs when there is no font: an outlined cell.
Glyph box_glyph(int width) {
  Glyph g;
  g.width = width;
  g.height = 24;
  g.ink.assign(static_cast<std::size_t>(width) * 24, 0);
  for (int y = 4; y < 22; ++y) {
    g.ink[static_cast<std::size_t>(y) * width + 1] = 1;
    g.ink[static_cast<std::size_t>(y) * width + width - 2] = 1;
  }
  return g;
}

}  // namespace

Interpreter::Interpreter(int paper_width, GlyphSource* glyphs, int max_rows)
    : width_(std::clamp(paper_width, 8, 4096)), max_rows_(std::max(max_rows, 1)), glyphs_(glyphs) {
  box_ = box_glyph(12);
  wide_box_ = box_glyph(24);
}

void Interpreter::reset_modes() {
  bold_ = chinese_ = false;
  wmul_ = hmul_ = 1;
  align_ = 0;
  line_spacing_ = 30;
  barcode_height_ = 162;
  barcode_module_ = 3;
  hri_ = 0;
  qr_module_ = 3;
  qr_ecc_ = 1;
  qr_data_.clear();
}

void Interpreter::ensure_rows(int rows) {
  rows = std::min(rows, max_rows_);
  const std::size_t need = static_cast<std::size_t>(rows) * width_;
  if (ink_.size() < need) ink_.resize(need, 0);
}

void Interpreter::feed_dots(int dots) {
  y_ = std::min(y_ + std::max(dots, 0), max_rows_);
  ensure_rows(y_);
}

::printer::Bitmap Interpreter::take_paper() {
  print_line(false);
  ::printer::Bitmap paper;
  paper.width = width_;
  paper.height = y_;
  ink_.resize(static_cast<std::size_t>(y_) * width_);
  paper.ink = std::move(ink_);
  ink_.clear();
  y_ = 0;
  return paper;
}

void Interpreter::blit(const ::printer::Bitmap& img, int x0, int sx, int sy) {
  const int h = img.height * sy;
  ensure_rows(y_ + h);
  for (int y = 0; y < h && y_ + y < max_rows_; ++y) {
    for (int x = 0; x < img.width * sx; ++x) {
      const int px = x0 + x;
      if (px < 0 || px >= width_) continue;
      if (img.at(x / sx, y / sy)) ink_[static_cast<std::size_t>(y_ + y) * width_ + px] = 1;
    }
  }
  feed_dots(h);
}

void Interpreter::blit_aligned(const ::printer::Bitmap& img) {
  int x = 0;
  if (align_ == 1) x = (width_ - img.width) / 2;
  if (align_ == 2) x = width_ - img.width;
  blit(img, std::max(x, 0), 1, 1);
  lines_fed_ += (img.height + 29) / 30;
}

void Interpreter::print_line(bool feed_if_empty) {
  if (line_.empty()) {
    if (feed_if_empty) {
      feed_dots(line_spacing_);
      ++lines_fed_;
    }
    return;
  }
  int height = 0;
  for (const Cell& c : line_) height = std::max(height, c.glyph->height * c.hmul);
  int x = 0;
  if (align_ == 1) x = (width_ - line_width_) / 2;
  if (align_ == 2) x = width_ - line_width_;
  x = std::max(x, 0);
  ensure_rows(y_ + height);
  for (const Cell& c : line_) {
    const Glyph& g = *c.glyph;
    const int top = y_ + height - g.height * c.hmul;  // characters sit on a common bottom line
    for (int gy = 0; gy < g.height * c.hmul; ++gy) {
      const int py = top + gy;
      if (py >= max_rows_) break;
      for (int gx = 0; gx < g.width * c.wmul; ++gx) {
        if (!g.ink[static_cast<std::size_t>(gy / c.hmul) * g.width + gx / c.wmul]) continue;
        for (int b = 0; b <= (c.bold ? 1 : 0); ++b) {
          const int px = x + gx + b;
          if (px < width_) ink_[static_cast<std::size_t>(py) * width_ + px] = 1;
        }
      }
    }
    x += g.width * c.wmul;
  }
  line_.clear();
  line_width_ = 0;
  if (text_lines_.size() < kMaxTextLines) text_lines_.push_back(std::move(line_text_));
  line_text_.clear();
  feed_dots(std::max(line_spacing_, height + 6));
  ++lines_fed_;
}

void Interpreter::put_char(char32_t cp, bool wide) {
  const Glyph* g = glyphs_ ? &glyphs_->get(cp, wide) : wide ? &wide_box_ : &box_;
  const int w = g->width * wmul_;
  if (line_width_ + w > width_) {  // the printer wraps at the paper edge
    ++edge_wraps_;
    print_line(false);
  }
  if (w > width_) return;
  line_.push_back({g, wmul_, hmul_, bold_});
  line_width_ += w;
  append_utf8(line_text_, cp);
}

char32_t Interpreter::decode_gb(const std::uint8_t* p, std::size_t n) {
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < n; ++i) key = (key << 8) | p[i];
  auto it = gb_cache_.find(key);
  if (it != gb_cache_.end()) return it->second;
  auto utf8 = ::printer::gb18030_to_utf8(p, n);
  const char32_t cp = utf8 ? decode_utf8_first(*utf8) : U'?';
  gb_cache_.emplace(key, cp);
  return cp;
}

Step Interpreter::text_byte(std::span<const std::uint8_t> d) {
  const std::uint8_t b = d[0];
  if (b == LF) {
    print_line(true);
    return took(1);
  }
  if (b == HT) {
    put_char(U' ');
    while (line_width_ % (12 * 8) != 0 && line_width_ + 12 <= width_) put_char(U' ');
    return took(1);
  }
  if (b < 0x20 || b == 0x7F) return took(1);  // CR and other controls: nothing to draw
  if (b < 0x80) {
    put_char(b);
    return took(1);
  }
  if (!chinese_) {
    put_char(U'?');  // code page 437 glyphs are not drawn
    return took(1);
  }
  const std::size_t n = ::printer::gb18030_char_length(d.data(), d.size());
  if (n == 0) {
    // Either cut short (wait for more) or not a valid lead byte (skip it).
    const bool could_complete =
        d.size() < 4 && b >= 0x81 && b <= 0xFE && (d.size() == 1 || (d[1] >= 0x30 && d[1] <= 0x39));
    if (could_complete) return need();
    put_char(U'?');
    return took(1);
  }
  put_char(decode_gb(d.data(), n), n > 1);
  return took(n);
}

Step Interpreter::esc(std::span<const std::uint8_t> d) {
  if (d.size() < 2) return need();
  const std::uint8_t c = d[1];
  auto arg = [&](std::size_t i) { return d[i]; };
  switch (c) {
    case '@':
      print_line(false);
      reset_modes();
      return took(2);
    case '2':
      line_spacing_ = 30;
      return took(2);
    case 'd':
    case 'J':
    case 'e':
      if (d.size() < 3) return need();
      print_line(false);
      if (c == 'J') {
        feed_dots(arg(2));
      } else {
        for (int i = 0; i < arg(2); ++i) print_line(true);
      }
      return took(3);
    case '3':
    case 'E':
    case 'G':
    case '-':
    case 'a':
    case '!':
    case 'M':
    case 't':
    case 'R':
    case ' ':
    case 'V':
    case '{':
    case 'c':
    case 'U':
      if (d.size() < 3) return need();
      if (c == '3') line_spacing_ = arg(2);
      if (c == 'E') bold_ = (arg(2) & 1) != 0;
      if (c == 'a') align_ = (arg(2) % 48) <= 2 ? arg(2) % 48 : 0;
      if (c == '!') {
        bold_ = (arg(2) & 0x08) != 0;
        hmul_ = (arg(2) & 0x10) ? 2 : 1;
        wmul_ = (arg(2) & 0x20) ? 2 : 1;
      }
      return took(3);
    case '$':
    case '\\':
      return d.size() < 4 ? need() : took(4);
    case 'p':
      return d.size() < 5 ? need() : took(5);
    case '*': {  // bit image: skipped, not drawn
      if (d.size() < 5) return need();
      const std::size_t cols = d[3] + d[4] * 256u;
      const std::size_t per = (d[2] == 32 || d[2] == 33) ? 3 : 1;
      const std::size_t n = 5 + cols * per;
      return d.size() < n ? need() : took(n);
    }
    default:
      return took(2);  // unknown ESC x: skip the pair
  }
}

Step Interpreter::fs(std::span<const std::uint8_t> d) {
  if (d.size() < 2) return need();
  switch (d[1]) {
    case '&':
      chinese_ = true;
      return took(2);
    case '.':
      chinese_ = false;
      return took(2);
    case '!':
    case '-':
    case 'W':
      if (d.size() < 3) return need();
      if (d[1] == 'W') {
        wmul_ = hmul_ = (d[2] & 1) ? 2 : 1;
      }
      if (d[1] == '!') {
        wmul_ = (d[2] & 0x04) ? 2 : 1;
        hmul_ = (d[2] & 0x08) ? 2 : 1;
      }
      return took(3);
    case 'S':
      return d.size() < 4 ? need() : took(4);
    default:
      return took(2);
  }
}

Step Interpreter::dle(std::span<const std::uint8_t> d) {
  if (d.size() < 2) return need();
  switch (d[1]) {
    case 0x04:
      if (d.size() < 3) return need();
      return took(3, Action::realtime_status, d[2]);
    case 0x05:
      if (d.size() < 3) return need();
      return took(3, Action::recover, d[2]);
    case 0x14:
      if (d.size() < 3) return need();
      if (d[2] == 8) return d.size() < 10 ? need() : took(10, Action::clear_buffers);
      if (d[2] == 1) return d.size() < 5 ? need() : took(5);
      if (d[2] == 2) return d.size() < 5 ? need() : took(5);
      return took(3);
    default:
      return took(1);  // a lone DLE is a control character: skip it
  }
}

Step Interpreter::raster(std::span<const std::uint8_t> d) {
  if (d.size() < 8) return need();
  const int m = d[3] & 0x03;
  const int xbytes = d[4] + d[5] * 256, rows = d[6] + d[7] * 256;
  const std::size_t n = 8 + static_cast<std::size_t>(xbytes) * rows;
  if (d.size() < n) return need();
  print_line(false);
  ::printer::Bitmap img(std::min(xbytes * 8, width_), rows);
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < img.width; ++x) {
      const std::uint8_t byte = d[8 + static_cast<std::size_t>(y) * xbytes + x / 8];
      if (byte & (0x80 >> (x % 8))) img.set(x, y);
    }
  }
  blit(img, 0, (m & 1) ? 2 : 1, (m & 2) ? 2 : 1);
  lines_fed_ += (rows + 29) / 30;
  return took(n);
}

Step Interpreter::gs_paren(std::span<const std::uint8_t> d) {
  if (d.size() < 5) return need();
  const std::size_t p = d[3] + d[4] * 256u;
  if (d.size() < 5 + p) return need();
  if (d[2] != 'k' || p < 3 || d[5] != 0x31) return took(5 + p);  // other GS ( x: skipped
  const std::uint8_t fn = d[6];
  if (fn == 0x43) qr_module_ = std::clamp<int>(d[7], 1, 16);
  if (fn == 0x45) qr_ecc_ = std::clamp<int>(d[7] - 0x30, 0, 3);
  if (fn == 0x50) qr_data_.assign(d.begin() + 8, d.begin() + static_cast<std::ptrdiff_t>(5 + p));
  if (fn == 0x51 && !qr_data_.empty()) {
    print_line(false);
    auto m = ::printer::qr_matrix(qr_data_, static_cast<::printer::QrEcc>(qr_ecc_));
    if (m) {
      int module = qr_module_;
      while (module > 1 && m->width * module > width_) --module;
      blit_aligned(::printer::scale_up(*m, module));
    }
  }
  return took(5 + p);
}

Step Interpreter::gs_k(std::span<const std::uint8_t> d) {
  if (d.size() < 3) return need();
  const std::uint8_t m = d[2];
  std::size_t n = 0;
  std::string data;
  if (m <= 6) {  // NUL-terminated forms
    auto end = std::find(d.begin() + 3, d.end(), 0);
    if (end == d.end()) return d.size() > 300 ? took(3) : need();
    data.assign(d.begin() + 3, end);
    n = static_cast<std::size_t>(end - d.begin()) + 1;
  } else {
    if (d.size() < 4) return need();
    n = 4 + d[3];
    if (d.size() < n) return need();
    data.assign(d.begin() + 4, d.begin() + static_cast<std::ptrdiff_t>(n));
  }
  if (m == 73) {  // Code128: data starts with the code set, e.g. "{B"
    if (data.size() >= 2 && data[0] == '{') data = data.substr(2);
    print_line(false);
    auto bars = ::printer::code128_bars(data, barcode_module_, barcode_height_);
    if (bars && bars->width <= width_) {
      blit_aligned(*bars);
      if (hri_ == 2 || hri_ == 50) draw_hri(data);
    }
  }
  return took(n);
}

void Interpreter::draw_hri(const std::string& text) {
  const int saved_w = wmul_, saved_h = hmul_;
  const bool saved_bold = bold_;
  wmul_ = hmul_ = 1;
  bold_ = false;
  for (char ch : text) put_char(static_cast<unsigned char>(ch));
  print_line(false);
  wmul_ = saved_w;
  hmul_ = saved_h;
  bold_ = saved_bold;
}

Step Interpreter::gs(std::span<const std::uint8_t> d) {
  if (d.size() < 2) return need();
  const std::uint8_t c = d[1];
  switch (c) {
    case 'V': {
      if (d.size() < 3) return need();
      std::size_t n = 3;
      if (d[2] == 65 || d[2] == 66) {
        if (d.size() < 4) return need();
        print_line(false);
        feed_dots(d[3]);
        n = 4;
      }
      return took(n, Action::cut);
    }
    case 'v':
      if (d.size() < 3) return need();
      if (d[2] == '0') return raster(d);
      return took(3);
    case '(':
      return gs_paren(d);
    case 'k':
      return gs_k(d);
    case '!':
    case 'h':
    case 'w':
    case 'H':
    case 'f':
    case 'B':
    case 'a':
    case 'r':
    case 'I':
    case 'b':
    case 'E':
      if (d.size() < 3) return need();
      if (c == '!') {
        wmul_ = ((d[2] >> 4) & 7) + 1;
        hmul_ = (d[2] & 7) + 1;
      }
      if (c == 'h') barcode_height_ = std::max<int>(d[2], 1);
      if (c == 'w') barcode_module_ = std::clamp<int>(d[2], 1, 6);
      if (c == 'H') hri_ = d[2];
      if (c == 'a') return took(3, Action::auto_status, d[2]);
      if (c == 'r') return took(3, Action::transmit_status, d[2]);
      return took(3);
    case 'L':
    case 'W':
    case 'P':
    case '\\':
      return d.size() < 4 ? need() : took(4);
    case '8': {  // GS 8 L p1 p2 p3 p4 ...: 4-byte length
      if (d.size() < 7) return need();
      const std::size_t p = d[3] + (d[4] << 8) + (static_cast<std::size_t>(d[5]) << 16) +
                            (static_cast<std::size_t>(d[6]) << 24);
      if (p > (1u << 24)) return took(7);
      return d.size() < 7 + p ? need() : took(7 + p);
    }
    default:
      return took(2);
  }
}

Step Interpreter::step(std::span<const std::uint8_t> d) {
  if (d.empty()) return need();
  switch (d[0]) {
    case ESC:
      return esc(d);
    case GS:
      return gs(d);
    case FS:
      return fs(d);
    case DLE:
      return dle(d);
    default:
      return text_byte(d);
  }
}

}  // namespace devsim::printer
