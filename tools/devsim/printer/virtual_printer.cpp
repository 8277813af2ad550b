#include "tools/devsim/printer/virtual_printer.hpp"

#include "tools/devsim/printer/png_writer.hpp"

#include <cstdio>
#include <utility>

namespace devsim::printer {

std::optional<Faults> parse_fault(const std::string& mode, int after_lines) {
  Faults f;
  if (mode == "none" || mode.empty()) return f;
  if (mode == "near-end") {
    f.paper_near_end = true;
  } else if (mode == "paper-out") {
    f.paper_out_after_lines = after_lines;
  } else if (mode == "cover-open") {
    f.cover_open = true;
  } else if (mode == "cutter-error") {
    f.cutter_error = true;
  } else if (mode == "offline") {
    f.offline = true;
  } else {
    return std::nullopt;
  }
  return f;
}

std::optional<OperatorAction> parse_operator_action(const std::string& w) {
  if (w == "refill") return OperatorAction::refill_paper;
  if (w == "open-cover") return OperatorAction::open_cover;
  if (w == "close-cover") return OperatorAction::close_cover;
  if (w == "fix-cutter") return OperatorAction::fix_cutter;
  if (w == "online") return OperatorAction::go_online;
  if (w == "offline") return OperatorAction::go_offline;
  return std::nullopt;
}

VirtualPrinter::VirtualPrinter(int paper_width, GlyphSource* glyphs, Faults faults,
                               std::filesystem::path out_dir, int max_rows)
    : interp_(paper_width, glyphs, max_rows), faults_(faults), out_dir_(std::move(out_dir)) {
  cover_open_ = faults.cover_open;
  offline_ = faults.offline;
  paper_out_ = faults.paper_out_after_lines == 0;
}

bool VirtualPrinter::online() const {
  return !paper_out_ && !cover_open_ && !cutter_error_ && !offline_;
}

std::uint8_t VirtualPrinter::realtime_status(int n) const {
  std::uint8_t b = 0x12;  // fixed bits 1 and 4
  switch (n) {
    case 1:
      if (!online()) b |= 0x08;
      break;
    case 2:
      if (cover_open_) b |= 0x04;
      if (paper_out_) b |= 0x20;
      if (cutter_error_ || paper_out_) b |= 0x40;
      break;
    case 3:
      if (cutter_error_) b |= 0x08 | 0x40;  // autocutter error, auto-recoverable
      break;
    case 4:
      if (faults_.paper_near_end) b |= 0x0C;
      if (paper_out_) b |= 0x60;
      break;
    default:
      break;
  }
  return b;
}

std::uint8_t VirtualPrinter::transmit_status() const {
  std::uint8_t b = 0;
  if (faults_.paper_near_end) b |= 0x03;
  if (paper_out_) b |= 0x0C;
  return b;
}

std::vector<std::uint8_t> VirtualPrinter::asb() const {
  std::uint8_t b1 = 0x10, b2 = 0x00, b3 = 0x00;
  if (!online()) b1 |= 0x08;
  if (cover_open_) b1 |= 0x20;
  if (cutter_error_) b2 |= 0x08 | 0x40;
  if (faults_.paper_near_end) b3 |= 0x03;
  if (paper_out_) b3 |= 0x0C;
  return {b1, b2, b3, 0x00};
}

void VirtualPrinter::state_changed(std::vector<std::uint8_t>& reply) {
  if (!asb_on_) return;
  auto a = asb();
  reply.insert(reply.end(), a.begin(), a.end());
}

void VirtualPrinter::emit_paper(const std::string& suffix) {
  ::printer::Bitmap paper = interp_.take_paper();
  if (paper.height == 0) return;
  const int number = suffix.empty() ? ++receipts_ : ++partials_;
  char name[64];
  std::snprintf(name, sizeof name, "receipt-%04d%s.png", number, suffix.c_str());
  if (!out_dir_.empty()) {
    const auto path = out_dir_ / name;
    const std::string err = write_png(paper, path);
    events_.push_back(err.empty() ? (suffix.empty() ? "receipt " : "partial ") + path.string()
                                  : "error " + err);
  } else {
    events_.push_back((suffix.empty() ? "receipt " : "partial ") + std::string(name));
  }
  kept_.push_back(std::move(paper));
}

void VirtualPrinter::handle(const Step& s, std::vector<std::uint8_t>& reply) {
  switch (s.action) {
    case Action::none:
      break;
    case Action::realtime_status:
      reply.push_back(realtime_status(s.arg));
      break;
    case Action::transmit_status:
      if (s.arg == 1 || s.arg == 49) reply.push_back(transmit_status());
      break;
    case Action::auto_status:
      asb_on_ = s.arg != 0;
      state_changed(reply);  // enabling ASB sends the current state at once
      break;
    case Action::clear_buffers:
      break;  // online, everything before it is already printed
    case Action::recover:
      if ((s.arg == 1 || s.arg == 2) && cutter_error_ && !faults_.cutter_error) {
        cutter_error_ = false;
        if (s.arg == 2) pending_.clear();
        state_changed(reply);
      }
      break;
    case Action::cut:
      if (faults_.cutter_error) {
        cutter_error_ = true;
        emit_paper("-uncut");
        events_.push_back("cutter-error");
        state_changed(reply);
      } else {
        emit_paper("");
      }
      break;
  }
}

// Real-time commands are obeyed even while the printer cannot print.
void VirtualPrinter::scan_realtime(std::vector<std::uint8_t>& reply) {
  std::vector<std::uint8_t> kept;
  kept.reserve(pending_.size());
  for (std::size_t i = 0; i < pending_.size();) {
    std::span<const std::uint8_t> rest(pending_.data() + i, pending_.size() - i);
    if (rest[0] == 0x10 && rest.size() >= 3 &&
        (rest[1] == 0x04 || rest[1] == 0x05 || (rest[1] == 0x14 && rest[2] == 8))) {
      Step s = interp_.step(rest);
      if (s.consumed > 0) {
        if (s.action == Action::clear_buffers) {
          kept.clear();  // the failed job's tail is gone; what follows is new
        } else {
          handle(s, reply);
        }
        i += s.consumed;
        continue;
      }
    }
    kept.push_back(pending_[i]);
    ++i;
  }
  pending_ = std::move(kept);
}

void VirtualPrinter::pump(std::vector<std::uint8_t>& reply) {
  std::size_t pos = 0;
  while (online() && pos < pending_.size()) {
    std::span<const std::uint8_t> rest(pending_.data() + pos, pending_.size() - pos);
    Step s = interp_.step(rest);
    if (s.consumed == 0) break;  // wait for the rest of the command
    pos += s.consumed;
    handle(s, reply);
    if (faults_.paper_out_after_lines && interp_.lines_fed() >= *faults_.paper_out_after_lines &&
        !paper_out_) {
      paper_out_ = true;
      emit_paper("-partial");  // the part that came out before the roll ended
      events_.push_back("paper-out");
      state_changed(reply);
    }
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(pos));
  if (!online()) scan_realtime(reply);
}

std::vector<std::uint8_t> VirtualPrinter::receive(std::span<const std::uint8_t> bytes) {
  std::vector<std::uint8_t> reply;
  pending_.insert(pending_.end(), bytes.begin(), bytes.end());
  pump(reply);
  return reply;
}

std::vector<std::uint8_t> VirtualPrinter::act(OperatorAction a) {
  std::vector<std::uint8_t> reply;
  switch (a) {
    case OperatorAction::refill_paper:
      paper_out_ = false;
      faults_.paper_out_after_lines.reset();  // a fresh roll
      faults_.paper_near_end = false;
      events_.push_back("paper-refilled");
      break;
    case OperatorAction::open_cover:
      cover_open_ = true;
      events_.push_back("cover-open");
      break;
    case OperatorAction::close_cover:
      cover_open_ = false;
      events_.push_back("cover-closed");
      break;
    case OperatorAction::fix_cutter:
      faults_.cutter_error = false;
      cutter_error_ = false;
      events_.push_back("cutter-fixed");
      break;
    case OperatorAction::go_online:
      offline_ = false;
      events_.push_back("online");
      break;
    case OperatorAction::go_offline:
      offline_ = true;
      events_.push_back("offline");
      break;
  }
  state_changed(reply);
  pump(reply);
  return reply;
}

void VirtualPrinter::power_cycle() {
  pending_.clear();
  asb_on_ = false;
  (void)interp_.take_paper();  // what was half-printed is lost with the power
  interp_.step(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>("\x1b@"), 2));
  cutter_error_ = false;
  events_.push_back("power-cycled");
}

std::vector<std::string> VirtualPrinter::take_events() {
  return std::exchange(events_, {});
}

}  // namespace devsim::printer
