#pragma once
// ESC/POS interpreter of the virtual printer: consumes the byte stream a
// real printer would get, one command at a time, and draws the paper.
// Status and buffer commands are returned as actions for the device model
// (virtual_printer.hpp) to answer; the interpreter itself only draws.
#include "drivers/printer/bitmap.hpp"
#include "tools/devsim/printer/glyphs.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace devsim::printer {

enum class Action : std::uint8_t {
  none,
  realtime_status,  // DLE EOT n (arg = n)
  transmit_status,  // GS r n (arg = n)
  auto_status,      // GS a n (arg = n)
  clear_buffers,    // DLE DC4 8
  recover,          // DLE ENQ n (arg = n)
  cut,              // GS V: the paper so far is one receipt
};

struct Step {
  std::size_t consumed = 0;  // 0: the command is not complete yet
  Action action = Action::none;
  std::uint8_t arg = 0;
};

class Interpreter {
 public:
  // A receipt longer than this many dots is cut off (about 12 m of paper),
  // so a hostile stream cannot eat all memory with feeds.
  static constexpr int kDefaultMaxRows = 100000;
  // Text lines kept for text_lines(); a hostile stream cannot grow it further.
  static constexpr std::size_t kMaxTextLines = 20000;

  // `glyphs` may be null: text then draws as boxes (fuzzing, no font).
  Interpreter(int paper_width, GlyphSource* glyphs, int max_rows = kDefaultMaxRows);

  // Interprets the command at the start of `data`.
  Step step(std::span<const std::uint8_t> data);

  // Prints any half-built line and hands over the paper printed since the
  // last take (what a cut separates).
  ::printer::Bitmap take_paper();

  // Lines fed since construction: drives "paper out after N lines".
  int lines_fed() const { return lines_fed_; }
  int paper_width() const { return width_; }

  // The text of every printed line (UTF-8, spaces kept), in order: lets
  // tests check that a value reached the paper whole.
  const std::vector<std::string>& text_lines() const { return text_lines_; }
  // How often a line ran past the paper edge and the printer wrapped it
  // itself (a layout bug: the break falls wherever the edge is).
  int edge_wraps() const { return edge_wraps_; }

 private:
  struct Cell {
    const Glyph* glyph;
    int wmul, hmul;
    bool bold;
  };

  Step text_byte(std::span<const std::uint8_t> data);
  Step esc(std::span<const std::uint8_t> d);
  Step gs(std::span<const std::uint8_t> d);
  Step fs(std::span<const std::uint8_t> d);
  Step dle(std::span<const std::uint8_t> d);
  Step gs_paren(std::span<const std::uint8_t> d);
  Step gs_k(std::span<const std::uint8_t> d);
  Step raster(std::span<const std::uint8_t> d);

  void reset_modes();
  // `wide`: a multi-byte GB18030 character, printed in a full-width cell.
  void put_char(char32_t cp, bool wide = false);
  void print_line(bool feed_if_empty);
  void feed_dots(int dots);
  void blit(const ::printer::Bitmap& img, int x, int scale_x, int scale_y);
  void blit_aligned(const ::printer::Bitmap& img);
  void draw_hri(const std::string& text);
  void ensure_rows(int rows);
  char32_t decode_gb(const std::uint8_t* p, std::size_t n);

  int width_;
  int max_rows_;
  GlyphSource* glyphs_;
  Glyph box_, wide_box_;  // stand in for glyphs when there is no font
  // Paper: one byte per dot, grows downward.
  std::vector<std::uint8_t> ink_;
  int y_ = 0;  // next free row
  int lines_fed_ = 0;

  // Modes set by commands.
  bool bold_ = false, chinese_ = false;
  int wmul_ = 1, hmul_ = 1, align_ = 0, line_spacing_ = 30;
  int barcode_height_ = 162, barcode_module_ = 3, hri_ = 0;
  int qr_module_ = 3, qr_ecc_ = 1;
  std::string qr_data_;

  std::vector<Cell> line_;
  int line_width_ = 0;
  std::string line_text_;
  std::vector<std::string> text_lines_;
  int edge_wraps_ = 0;
  std::unordered_map<std::uint32_t, char32_t> gb_cache_;
};

}  // namespace devsim::printer
