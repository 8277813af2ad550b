#pragma once
// One command at a time to the SAM: frame it, send it, receive and check
// the answer, retry what is worth retrying. Knows nothing of polling.
#include "base/expected.hpp"
#include "drivers/idcard/card.hpp"
#include "drivers/idcard/clock.hpp"
#include "drivers/idcard/decode.hpp"
#include "drivers/idcard/error.hpp"
#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/receiver.hpp"
#include "drivers/transport/transport.hpp"

#include <array>
#include <chrono>
#include <string>

namespace idcard {

struct ReaderOptions {
  std::chrono::milliseconds command_timeout{500};  // reset, status, find, select
  std::chrono::milliseconds read_timeout{3000};    // text+photo(+fingerprint) at 115200 8N1
  int attempts = 3;                                // per command, for retryable failures
  std::chrono::milliseconds retry_delay{50};
  bool fingerprint = false;  // read with 30 10 instead of 30 01
};

struct ReaderStats {
  unsigned checksum_errors = 0;
  unsigned length_errors = 0;
  unsigned timeouts = 0;
  unsigned retries = 0;
  std::size_t garbage_bytes = 0;
};

class Reader {
 public:
  Reader(transport::ByteStream& stream, ReaderOptions options = {}, Clock& clock = system_clock());

  kx::expected<void, Error> reset_sam();
  kx::expected<void, Error> sam_status();
  kx::expected<std::string, Error> sam_id();
  // true: a card is in the field (0x9F); false: no card (0x80).
  kx::expected<bool, Error> find_card();
  kx::expected<void, Error> select_card();
  // Text + photo (+ fingerprint) and the appended address, as one record or
  // an error: never half a record.
  kx::expected<CardRecord, Error> read_card(const DecodeOptions& decode = {});

  const ReaderStats& stats() const { return stats_; }
  std::string describe() const { return stream_.describe(); }

 private:
  // Sends one command and returns the checked answer, retrying on timeouts
  // and corrupted frames. SW3 is not judged here.
  kx::expected<Response, Error> transact(Command c, std::chrono::milliseconds timeout);
  kx::expected<Response, Error> exchange_once(Command c, std::chrono::milliseconds timeout);

  transport::ByteStream& stream_;
  ReaderOptions options_;
  Clock& clock_;
  FrameReceiver rx_;
  std::array<std::uint8_t, 512> io_{};
  ReaderStats stats_;
};

// The error a non-success SW3 stands for.
Error status_error(std::uint8_t sw3, const char* during);

}  // namespace idcard
