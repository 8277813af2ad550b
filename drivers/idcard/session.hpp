#pragma once
// The poll loop: connect (SAM status + id), then find card -> select ->
// read -> appended address, and report DeviceEvents. One card gives exactly
// one CardRead: after a read the session waits until the reader has
// reported "no card" at least once before it reads again, whether or not
// the reader itself re-finds a card that stayed in the field.
#include "base/expected.hpp"
#include "drivers/idcard/clock.hpp"
#include "drivers/idcard/events.hpp"
#include "drivers/idcard/reader.hpp"
#include "drivers/transport/transport.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace idcard {

using StreamFactory =
    std::function<kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error>()>;

struct SessionOptions {
  ReaderOptions reader;
  std::chrono::milliseconds poll_interval{250};
  std::chrono::milliseconds reconnect_interval{1000};
  // Today as YYYYMMDD for the expiry flag; defaults to the local date.
  std::function<std::string()> today;
};

class ReaderSession {
 public:
  ReaderSession(StreamFactory factory, SessionOptions options = {}, Clock& clock = system_clock());

  // One step of the loop. Returns the event this step produced, if any.
  std::optional<DeviceEvent> poll_once();
  // Polls until `stop`, sleeping (through the clock) between steps.
  void run(const std::atomic<bool>& stop, const std::function<void(DeviceEvent)>& sink);

  bool connected() const { return reader_ != nullptr && !faulty_; }
  bool awaiting_removal() const { return awaiting_removal_; }
  const ReaderStats* stats() const { return reader_ ? &reader_->stats() : nullptr; }

 private:
  std::optional<DeviceEvent> connect();
  std::optional<DeviceEvent> lost(const Error& e);
  std::optional<DeviceEvent> fault(const Error& e);

  StreamFactory factory_;
  SessionOptions options_;
  Clock& clock_;
  std::unique_ptr<transport::ByteStream> stream_;
  std::unique_ptr<Reader> reader_;
  std::string device_;
  bool announced_down_ = false;
  bool faulty_ = false;
  bool awaiting_removal_ = false;
};

// Local date as YYYYMMDD.
std::string local_date_yyyymmdd();

}  // namespace idcard
