#include "drivers/printer/printer.hpp"

#include "drivers/printer/device_stream.hpp"
#include "drivers/transport/usb_bulk.hpp"

#include <algorithm>
#include <thread>

namespace printer {
namespace {

using Clock = std::chrono::steady_clock;

Error from_transport(const transport::Error& e) {
  switch (e.code) {
    case transport::ErrorCode::timeout:
      return {ErrorCode::timeout, e.detail};
    case transport::ErrorCode::disconnected:
    case transport::ErrorCode::not_found:
      return {ErrorCode::disconnected, e.detail};
    default:
      return {ErrorCode::io, e.detail};
  }
}

Error error_for(const Status& s) {
  if (s.paper_out) return {ErrorCode::paper_out, "paper end sensor"};
  if (s.cover_open) return {ErrorCode::cover_open, "cover open"};
  if (s.cutter_error) return {ErrorCode::cutter_error, "autocutter error"};
  if (s.offline) return {ErrorCode::offline, "printer offline"};
  return {ErrorCode::not_ready, "printer reports an error"};
}

constexpr StatusQuery kAllQueries[] = {StatusQuery::printer, StatusQuery::offline_cause,
                                       StatusQuery::error_cause, StatusQuery::paper};

}  // namespace

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::printed:
      return "printed";
    case Outcome::reprinted:
      return "reprinted";
    case Outcome::resumed:
      return "resumed";
    case Outcome::printed_not_cut:
      return "printed_not_cut";
    case Outcome::kept_pending:
      return "kept_pending";
  }
  return "unknown";
}

StreamFactory open_device(std::filesystem::path path) {
  return [path]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
    auto s = DeviceStream::open(path);
    if (!s) return kx::unexpected(s.error());
    return std::unique_ptr<transport::ByteStream>(std::move(*s));
  };
}

StreamFactory open_spec(const std::string& spec) {
  if (spec.rfind("usb:", 0) != 0) return open_device(spec);
  const std::string id_text = spec.substr(4);
  return [id_text]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
    auto id = transport::parse_usb_id(id_text);
    if (!id) return kx::unexpected(id.error());
    transport::UsbBulkOptions o;
    o.id = *id;
    o.layout = transport::UsbLayout::single_pipe;  // printers: one bulk OUT, one bulk IN
    auto s = transport::UsbBulkStream::open(o);
    if (!s) return kx::unexpected(s.error());
    return std::unique_ptr<transport::ByteStream>(std::move(*s));
  };
}

Printer::Printer(StreamFactory open, PrinterOptions options,
                 std::function<void(PrinterEvent)> on_event)
    : open_(std::move(open)), opt_(options), on_event_(std::move(on_event)) {}

Printer::~Printer() = default;

std::string Printer::describe() const {
  return stream_ ? stream_->describe() : "-";
}

kx::expected<void, Error> Printer::ensure_open() {
  if (stream_) return {};
  auto s = open_();
  if (!s) return kx::unexpected(from_transport(s.error()));
  stream_ = std::move(*s);
  parser_ = StatusStream{};
  if (opt_.auto_status_back) {
    // The printer answers GS a with a first ASB block; the parser takes it.
    auto r = send(enable_auto_status_back(true));
    if (!r) return r;
  }
  return {};
}

void Printer::close_stream() {
  stream_.reset();
  parser_ = StatusStream{};
}

kx::expected<void, Error> Printer::send(const std::vector<std::uint8_t>& bytes) {
  if (!stream_) return kx::unexpected(Error{ErrorCode::disconnected, "printer not open"});
  auto r = stream_->write(bytes, opt_.write_timeout);
  if (!r) {
    Error e = from_transport(r.error());
    if (e.code == ErrorCode::disconnected) close_stream();
    return kx::unexpected(e);
  }
  return {};
}

void Printer::pump(std::chrono::milliseconds wait) {
  if (!stream_) return;
  std::uint8_t buf[256];
  auto n = stream_->read(buf, wait);
  if (!n) {
    if (n.error().code == transport::ErrorCode::disconnected) close_stream();
    return;
  }
  parser_.feed(std::span<const std::uint8_t>(buf, *n));
  // Take whatever else is already there without waiting.
  while (stream_) {
    auto more = stream_->read(buf, std::chrono::milliseconds(0));
    if (!more) break;
    parser_.feed(std::span<const std::uint8_t>(buf, *more));
  }
}

kx::expected<Status, Error> Printer::poll_status() {
  if (auto r = ensure_open(); !r) return kx::unexpected(r.error());
  // Let queued replies (ASB, GS r) through the parser first; a stale
  // unanswered DLE EOT from an earlier poll is forgotten so replies line up.
  pump(std::chrono::milliseconds(0));
  if (!stream_) return kx::unexpected(Error{ErrorCode::disconnected, "printer went away"});
  const int transmit = parser_.transmit_pending();
  parser_.forget_expectations();
  for (int i = 0; i < transmit; ++i) parser_.expect_transmit();
  std::vector<std::uint8_t> ask;
  for (StatusQuery q : kAllQueries) {
    auto b = realtime_query(q);
    ask.insert(ask.end(), b.begin(), b.end());
    parser_.expect(q);
  }
  if (auto r = send(ask); !r) return kx::unexpected(r.error());
  const auto deadline = Clock::now() + opt_.reply_timeout;
  while (parser_.realtime_pending() > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      stream_->discard_input();
      parser_.forget_expectations();
      return kx::unexpected(Error{ErrorCode::timeout, "no answer to DLE EOT"});
    }
    pump(left);
    if (!stream_) return kx::unexpected(Error{ErrorCode::disconnected, "printer went away"});
  }
  return parser_.status();
}

kx::expected<Status, Error> Printer::status() {
  auto s = poll_status();
  // A power-cycled printer comes back as a new device: reopen once.
  if (!s && s.error().code == ErrorCode::disconnected) s = poll_status();
  return s;
}

void Printer::note(PrintResult& result, PrinterEvent e) {
  if (e != PrinterEvent::reprinting && e != PrinterEvent::recovered &&
      std::find(result.events.begin(), result.events.end(), e) != result.events.end()) {
    return;
  }
  result.events.push_back(e);
  if (on_event_) on_event_(e);
}

void Printer::note_status(PrintResult& result, const Status& s) {
  result.final_status = s;
  for (PrinterEvent e : events_of(s)) note(result, e);
}

Printer::Attempt Printer::run_attempt(const PrintJob& job, PrintResult& result) {
  ++result.attempts;
  std::vector<std::uint8_t> bytes = job.bytes;
  auto tail = transmit_paper_status();  // answered only after all of the above printed
  bytes.insert(bytes.end(), tail.begin(), tail.end());
  const int answered_before = parser_.transmit_answered();
  transmit_mark_ = answered_before;
  parser_.expect_transmit();
  if (auto r = send(bytes); !r) {
    result.error = r.error();
    return Attempt::failed;
  }
  const auto deadline = Clock::now() + opt_.job_timeout;
  auto next_poll = Clock::now() + opt_.poll_interval;
  while (Clock::now() < deadline) {
    pump(opt_.poll_interval);
    if (!stream_) {
      result.error = Error{ErrorCode::disconnected, "printer went away during the job"};
      return Attempt::failed;
    }
    if (parser_.transmit_answered() > answered_before) {
      // Everything is printed; DLE EOT once more for what the job left
      // behind (paper near end after this receipt, a cutter fault).
      auto after = poll_status();
      const Status s = after ? *after : parser_.status();
      note_status(result, s);
      if (s.cutter_error) {
        result.error = Error{ErrorCode::cutter_error, "autocutter error after the job"};
        return Attempt::done_not_cut;
      }
      return Attempt::done;
    }
    Status s = parser_.status();  // ASB may have told us already
    if (s.ready() && Clock::now() >= next_poll) {
      auto polled = poll_status();
      if (!polled && polled.error().code == ErrorCode::disconnected) {
        result.error = polled.error();
        return Attempt::failed;
      }
      if (polled) s = *polled;
      next_poll = Clock::now() + opt_.poll_interval;
    }
    if (!s.ready()) {
      // Drop the job's tail at once, before anyone is told to fix the
      // printer: otherwise it would resume half a receipt on the new roll.
      (void)send(clear_buffers());
      note_status(result, s);
      // The cut is the job's last command: a cutter fault means the text
      // is all out, only not separated.
      if (s.cutter_error && !s.paper_out && !s.cover_open) {
        result.error = Error{ErrorCode::cutter_error, "autocutter error after the job"};
        return Attempt::done_not_cut;
      }
      result.error = error_for(s);
      return Attempt::failed;
    }
  }
  result.error = Error{ErrorCode::job_incomplete, "no completion reply before the job timeout"};
  if (stream_) (void)send(clear_buffers());
  return Attempt::failed;
}

bool Printer::wait_until_ready(PrintResult& result) {
  const auto deadline = Clock::now() + opt_.recovery_wait;
  while (Clock::now() < deadline) {
    if (!stream_) {
      if (!ensure_open()) {
        // The device node is gone (power cycle): try again shortly.
        std::this_thread::sleep_for(opt_.poll_interval);
        continue;
      }
    }
    auto s = poll_status();
    if (s && s->ready()) {
      note(result, PrinterEvent::recovered);
      result.final_status = *s;
      return true;
    }
    if (s) note_status(result, *s);
    // Wait for an ASB block or the next poll, whichever comes first.
    pump(opt_.poll_interval);
  }
  return false;
}

PrintResult Printer::print(PrintJob job) {
  pending_ = std::move(job);
  return retry_pending();
}

PrintResult Printer::retry_pending() {
  PrintResult result;
  if (!pending_) return result;
  auto s = status();
  if (!s) {
    result.error = s.error();
    return result;
  }
  note_status(result, *s);
  if (!s->ready()) {
    result.error = error_for(*s);
    return result;
  }
  Attempt a = run_attempt(*pending_, result);
  bool resumed = false;
  if (a == Attempt::failed) {
    const bool ready = wait_until_ready(result);
    // The printer may have resumed and finished the job before the clear
    // reached it (the paper was replaced at once): its GS r reply says so,
    // and printing again would duplicate the receipt.
    if (stream_ && parser_.transmit_answered() > transmit_mark_) {
      resumed = true;
      a = Attempt::done;
    } else if (!ready) {
      if (!result.error) result.error = Error{ErrorCode::job_incomplete, "printer not ready"};
      return result;
    } else {
      note(result, PrinterEvent::reprinting);
      result.error.reset();
      a = run_attempt(*pending_, result);
    }
  }
  switch (a) {
    case Attempt::done:
      pending_.reset();
      result.error.reset();
      result.outcome = resumed               ? Outcome::resumed
                       : result.attempts > 1 ? Outcome::reprinted
                                             : Outcome::printed;
      break;
    case Attempt::done_not_cut:
      pending_.reset();
      result.outcome = Outcome::printed_not_cut;
      break;
    case Attempt::failed:
      result.outcome = Outcome::kept_pending;
      if (!result.error) result.error = Error{ErrorCode::job_incomplete, "second attempt failed"};
      break;
  }
  return result;
}

}  // namespace printer
