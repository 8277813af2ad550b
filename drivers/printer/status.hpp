#pragma once
// Printer status as ESC/POS reports it, in three shapes that can arrive
// interleaved on the same input pipe:
//  - real-time replies to DLE EOT n (one byte, pattern 0xx1xx10),
//  - automatic status back (ASB, enabled by GS a n: four bytes, the first
//    with pattern 0xx1xx00), sent by the printer whenever its state changes,
//  - replies to GS r 1 (one byte, pattern 0xx0xxxx). GS r is processed in
//    order with the print data, so its reply proves everything before it
//    was printed.
// XON/XOFF (0x11/0x13) may be mixed in and are skipped.
#include "base/expected.hpp"
#include "drivers/printer/errors.hpp"

#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace printer {

enum class StatusQuery : std::uint8_t {
  printer = 1,        // bit3 offline
  offline_cause = 2,  // bit2 cover open, bit5 paper-end stop, bit6 error
  error_cause = 3,    // bit3 cutter, bit5 unrecoverable, bit6 auto-recoverable
  paper = 4,          // bits2-3 near end, bits5-6 paper out
};

struct Status {
  bool offline = false;
  bool cover_open = false;
  bool paper_out = false;
  bool paper_near_end = false;
  bool cutter_error = false;
  bool unrecoverable_error = false;
  bool auto_recoverable_error = false;
  bool error = false;  // DLE EOT 2 bit6: some error stopped the printer

  // The printer accepts and prints a job now.
  bool ready() const {
    return !offline && !cover_open && !paper_out && !cutter_error && !unrecoverable_error &&
           !auto_recoverable_error && !error;
  }
  bool operator==(const Status&) const = default;
};

enum class PrinterEvent {
  paper_near_end,
  paper_out,
  cover_open,
  cutter_error,
  offline,
  reprinting,  // a failed receipt is printed again, whole
  recovered,   // the printer became ready after a fault
};

const char* to_string(PrinterEvent event);
Message message(PrinterEvent event);

// The events a person should be told about for this status, most urgent first.
std::vector<PrinterEvent> events_of(const Status& s);

// Fixed-bit patterns, used to tell the reply kinds apart.
constexpr bool is_realtime_reply(std::uint8_t b) {
  return (b & 0x93) == 0x12;
}
constexpr bool is_asb_head(std::uint8_t b) {
  return (b & 0x93) == 0x10;
}
constexpr bool is_transmit_reply(std::uint8_t b) {
  return (b & 0x90) == 0x00;
}
constexpr bool is_flow_control(std::uint8_t b) {
  return b == 0x11 || b == 0x13;
}

// Applies one DLE EOT n reply to `s` (only the fields that query reports).
kx::expected<void, Error> apply_realtime_reply(StatusQuery q, std::uint8_t byte, Status& s);
// Applies a 4-byte automatic status back block.
kx::expected<void, Error> apply_asb(std::span<const std::uint8_t, 4> block, Status& s);
// Applies a GS r 1 (paper sensor) reply.
kx::expected<void, Error> apply_transmit_reply(std::uint8_t byte, Status& s);

// The bytes that ask: DLE EOT n, GS r 1, GS a n.
std::vector<std::uint8_t> realtime_query(StatusQuery q);
std::vector<std::uint8_t> transmit_paper_status();
std::vector<std::uint8_t> enable_auto_status_back(bool on);
// DLE DC4 8: clears the receive and print buffers (drops a failed job's tail).
std::vector<std::uint8_t> clear_buffers();

// Sorts the printer's input stream into replies. The caller says which
// DLE EOT queries it sent, in order; replies are matched to them FIFO.
class StatusStream {
 public:
  void expect(StatusQuery q) { pending_.push_back(q); }
  void expect_transmit() { ++transmit_pending_; }
  void forget_expectations() {
    pending_.clear();
    transmit_pending_ = 0;
    asb_fill_ = 0;
  }

  void feed(std::span<const std::uint8_t> bytes);

  const Status& status() const { return status_; }
  void set_status(const Status& s) { status_ = s; }
  std::size_t realtime_pending() const { return pending_.size(); }
  int transmit_pending() const { return transmit_pending_; }
  int realtime_answered() const { return realtime_answered_; }
  int transmit_answered() const { return transmit_answered_; }
  int asb_received() const { return asb_received_; }
  int ignored_bytes() const { return ignored_; }

 private:
  void take(std::uint8_t b);

  Status status_;
  std::deque<StatusQuery> pending_;
  int transmit_pending_ = 0;
  std::uint8_t asb_[4] = {};
  int asb_fill_ = 0;
  int realtime_answered_ = 0;
  int transmit_answered_ = 0;
  int asb_received_ = 0;
  int ignored_ = 0;
};

}  // namespace printer
