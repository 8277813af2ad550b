#pragma once
// The receipt printer as the kiosk sees it: ask its status, print a job,
// learn whether the whole receipt came out. Everything a person can meet
// comes back as typed events with Chinese and English messages.
//
//   printer::Printer p(printer::open_device("/dev/usb/lp0"));
//   auto job = printer::render_receipt(templates, "ticket", data, layout);
//   printer::PrintResult r = p.print({"ticket-0042", std::move(*job)});
//   if (!r.printed()) show(r.error->code);   // the job is kept: p.pending()
//
// Job rule: a receipt is never lost and never printed twice unless asked.
// A job that fails part-way (paper out, cover opened, power cycle) has its
// tail cleared from the printer (DLE DC4 8) and is printed again, whole,
// once the printer is ready; if that does not happen within
// `recovery_wait`, or the second attempt also fails, it stays pending until
// retry_pending() or discard_pending().
#include "base/expected.hpp"
#include "drivers/printer/errors.hpp"
#include "drivers/printer/status.hpp"
#include "drivers/transport/transport.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace printer {

struct PrintJob {
  std::string id;                   // for logs; never personal data
  std::vector<std::uint8_t> bytes;  // a complete receipt: init ... cut
};

enum class Outcome {
  printed,          // first attempt came out whole
  reprinted,        // first attempt failed part-way, the whole job came out on the second
  resumed,          // first attempt stopped part-way; the printer finished it on new paper
  printed_not_cut,  // came out whole but the cutter failed: tear it off
  kept_pending,     // not printed; the job waits in pending()
};

struct PrintResult {
  Outcome outcome = Outcome::kept_pending;
  int attempts = 0;                  // how many times the bytes were sent
  std::vector<PrinterEvent> events;  // everything seen along the way, in order
  Status final_status;
  std::optional<Error> error;  // why it is pending (or the cutter fault)

  bool printed() const { return outcome != Outcome::kept_pending; }
};

// Opens (or reopens, after a power cycle) the byte stream to the printer.
using StreamFactory =
    std::function<kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error>()>;

// A factory for /dev/usb/lp* or a pty path (see device_stream.hpp).
StreamFactory open_device(std::filesystem::path path);
// From a device spec: "usb:VID:PID" opens the printer over libusb bulk
// endpoints (kiosk_transport detaches usblp and reopens after a power
// cycle); anything else is a device path for open_device().
StreamFactory open_spec(const std::string& spec);

struct PrinterOptions {
  std::chrono::milliseconds reply_timeout{400};     // one DLE EOT answer
  std::chrono::milliseconds poll_interval{100};     // status poll while waiting
  std::chrono::milliseconds job_timeout{30000};     // data sent -> GS r reply
  std::chrono::milliseconds recovery_wait{120000};  // fault -> ready again
  std::chrono::milliseconds write_timeout{5000};
  bool auto_status_back = true;  // enable ASB (GS a) so faults arrive unasked
};

class Printer {
 public:
  explicit Printer(StreamFactory open, PrinterOptions options = {},
                   std::function<void(PrinterEvent)> on_event = {});
  ~Printer();
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  // DLE EOT 1..4, answered in full or an error (timeout, disconnected...).
  kx::expected<Status, Error> status();

  // Prints `job` under the job rule above.
  PrintResult print(PrintJob job);
  // Prints the pending job (same rule). kept_pending with no error if none.
  PrintResult retry_pending();
  const std::optional<PrintJob>& pending() const { return pending_; }
  void discard_pending() { pending_.reset(); }

  // Whatever the stream says about itself, "-" when closed.
  std::string describe() const;
  // Closes the device (it opens again on the next use): lets another
  // program, e.g. a technician's test, have it meanwhile.
  void close() { close_stream(); }

 private:
  enum class Attempt { done, done_not_cut, failed };

  kx::expected<void, Error> ensure_open();
  void close_stream();
  kx::expected<Status, Error> poll_status();
  kx::expected<void, Error> send(const std::vector<std::uint8_t>& bytes);
  void pump(std::chrono::milliseconds wait);
  Attempt run_attempt(const PrintJob& job, PrintResult& result);
  bool wait_until_ready(PrintResult& result);
  void note(PrintResult& result, PrinterEvent e);
  void note_status(PrintResult& result, const Status& s);

  StreamFactory open_;
  PrinterOptions opt_;
  std::function<void(PrinterEvent)> on_event_;
  std::unique_ptr<transport::ByteStream> stream_;
  StatusStream parser_;
  std::optional<PrintJob> pending_;
  int transmit_mark_ = 0;  // GS r replies counted before the current attempt
};

const char* to_string(Outcome o);

}  // namespace printer
