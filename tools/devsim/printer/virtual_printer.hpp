#pragma once
// The virtual printer's device model: input buffer, paper, cover, cutter,
// online state, status replies (DLE EOT, GS r, ASB) and injected faults.
// Transport-free: the pty loop (tools/devsim/printer_sim.cpp) feeds it
// bytes and operator actions and sends back what it returns, so tests and
// the fuzzer can drive it directly too.
#include "tools/devsim/printer/interpreter.hpp"

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace devsim::printer {

struct Faults {
  bool paper_near_end = false;
  std::optional<int> paper_out_after_lines;  // 0: no paper from the start
  bool cover_open = false;
  bool cutter_error = false;  // every cut fails until "fix-cutter"
  bool offline = false;
};

// Parses --fault MODE: none, near-end, paper-out, cover-open, cutter-error, offline.
std::optional<Faults> parse_fault(const std::string& mode, int after_lines);

// What a person at the printer does (control lines on the simulator's stdin).
enum class OperatorAction {
  refill_paper,
  open_cover,
  close_cover,
  fix_cutter,
  go_online,
  go_offline
};
std::optional<OperatorAction> parse_operator_action(const std::string& word);

class VirtualPrinter {
 public:
  // Receipts are written to `out_dir` (empty: kept in memory only).
  VirtualPrinter(int paper_width, GlyphSource* glyphs, Faults faults,
                 std::filesystem::path out_dir = {}, int max_rows = Interpreter::kDefaultMaxRows);

  // Bytes from the host; returns the bytes the printer sends back.
  std::vector<std::uint8_t> receive(std::span<const std::uint8_t> bytes);
  std::vector<std::uint8_t> act(OperatorAction a);
  // Power loss: buffers, modes and ASB setting are gone; paper stays.
  void power_cycle();

  // Lines for the simulator's stdout ("receipt PATH", "paper-out", ...).
  std::vector<std::string> take_events();
  int receipts_cut() const { return receipts_; }
  const std::vector<::printer::Bitmap>& kept_receipts() const { return kept_; }

  std::uint8_t realtime_status(int n) const;
  std::uint8_t transmit_status() const;
  std::vector<std::uint8_t> asb() const;

 private:
  bool online() const;
  void pump(std::vector<std::uint8_t>& reply);
  void scan_realtime(std::vector<std::uint8_t>& reply);
  void handle(const Step& s, std::vector<std::uint8_t>& reply);
  void emit_paper(const std::string& suffix);
  void state_changed(std::vector<std::uint8_t>& reply);

  Interpreter interp_;
  Faults faults_;
  std::filesystem::path out_dir_;
  std::vector<std::uint8_t> pending_;  // received, not yet interpreted
  bool paper_out_ = false, cover_open_ = false, cutter_error_ = false, offline_ = false;
  bool asb_on_ = false;
  int receipts_ = 0, partials_ = 0;
  std::vector<std::string> events_;
  std::vector<::printer::Bitmap> kept_;
};

}  // namespace devsim::printer
