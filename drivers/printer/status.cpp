#include "drivers/printer/status.hpp"

#include <cstdio>
#include <string>

namespace printer {
namespace {

constexpr bool bit(std::uint8_t b, int n) {
  return ((b >> n) & 1) != 0;
}

kx::unexpected<Error> bad(const char* what, std::uint8_t b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s: 0x%02X", what, b);
  return kx::unexpected(Error{ErrorCode::status_invalid, buf});
}

}  // namespace

std::vector<PrinterEvent> events_of(const Status& s) {
  std::vector<PrinterEvent> out;
  if (s.offline && !s.cover_open && !s.paper_out && !s.cutter_error) {
    out.push_back(PrinterEvent::offline);
  }
  if (s.cover_open) out.push_back(PrinterEvent::cover_open);
  if (s.paper_out) out.push_back(PrinterEvent::paper_out);
  if (s.cutter_error) out.push_back(PrinterEvent::cutter_error);
  if (s.paper_near_end && !s.paper_out) out.push_back(PrinterEvent::paper_near_end);
  return out;
}

kx::expected<void, Error> apply_realtime_reply(StatusQuery q, std::uint8_t b, Status& s) {
  if (!is_realtime_reply(b)) return bad("DLE EOT reply fixed bits", b);
  switch (q) {
    case StatusQuery::printer:
      s.offline = bit(b, 3);
      return {};
    case StatusQuery::offline_cause:
      s.cover_open = bit(b, 2);
      // bit5 "printing stopped by paper end" is a consequence; paper_out
      // itself comes from query 4 or ASB.
      if (bit(b, 5)) s.paper_out = true;
      s.error = bit(b, 6);
      return {};
    case StatusQuery::error_cause:
      s.cutter_error = bit(b, 3);
      s.unrecoverable_error = bit(b, 5);
      s.auto_recoverable_error = bit(b, 6);
      return {};
    case StatusQuery::paper:
      s.paper_near_end = bit(b, 2) || bit(b, 3);
      s.paper_out = bit(b, 5) || bit(b, 6);
      return {};
  }
  return bad("unknown DLE EOT query", static_cast<std::uint8_t>(q));
}

kx::expected<void, Error> apply_asb(std::span<const std::uint8_t, 4> a, Status& s) {
  if (!is_asb_head(a[0])) return bad("ASB byte 1 fixed bits", a[0]);
  for (int i = 1; i < 4; ++i) {
    if (bit(a[static_cast<std::size_t>(i)], 4) || bit(a[static_cast<std::size_t>(i)], 7)) {
      return bad("ASB fixed bits", a[static_cast<std::size_t>(i)]);
    }
  }
  s.offline = bit(a[0], 3);
  s.cover_open = bit(a[0], 5);
  s.cutter_error = bit(a[1], 3);
  s.unrecoverable_error = bit(a[1], 5);
  s.auto_recoverable_error = bit(a[1], 6);
  s.paper_near_end = bit(a[2], 0) || bit(a[2], 1);
  s.paper_out = bit(a[2], 2) || bit(a[2], 3);
  s.error = s.cutter_error || s.unrecoverable_error || s.auto_recoverable_error;
  return {};
}

kx::expected<void, Error> apply_transmit_reply(std::uint8_t b, Status& s) {
  if (!is_transmit_reply(b)) return bad("GS r reply fixed bits", b);
  s.paper_near_end = bit(b, 0) || bit(b, 1);
  s.paper_out = bit(b, 2) || bit(b, 3);
  return {};
}

std::vector<std::uint8_t> realtime_query(StatusQuery q) {
  return {0x10, 0x04, static_cast<std::uint8_t>(q)};
}
std::vector<std::uint8_t> transmit_paper_status() {
  return {0x1D, 0x72, 0x01};
}
std::vector<std::uint8_t> enable_auto_status_back(bool on) {
  // n bits: 1 drawer, 2 online/offline, 4 error, 8 paper sensor.
  return {0x1D, 0x61, static_cast<std::uint8_t>(on ? 0x0E : 0x00)};
}
std::vector<std::uint8_t> clear_buffers() {
  return {0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08};
}

void StatusStream::feed(std::span<const std::uint8_t> bytes) {
  for (std::uint8_t b : bytes) take(b);
}

void StatusStream::take(std::uint8_t b) {
  if (asb_fill_ > 0) {
    asb_[asb_fill_++] = b;
    if (asb_fill_ == 4) {
      asb_fill_ = 0;
      Status next = status_;
      if (apply_asb(std::span<const std::uint8_t, 4>(asb_, 4), next)) {
        status_ = next;
        ++asb_received_;
      } else {
        ignored_ += 4;
      }
    }
    return;
  }
  if (is_flow_control(b)) return;
  if (is_realtime_reply(b) && !pending_.empty()) {
    StatusQuery q = pending_.front();
    pending_.pop_front();
    (void)apply_realtime_reply(q, b, status_);  // pattern already checked
    ++realtime_answered_;
    return;
  }
  if (is_asb_head(b)) {
    asb_[0] = b;
    asb_fill_ = 1;
    return;
  }
  if (is_transmit_reply(b) && transmit_pending_ > 0) {
    --transmit_pending_;
    (void)apply_transmit_reply(b, status_);
    ++transmit_answered_;
    return;
  }
  ++ignored_;
}

}  // namespace printer
