#pragma once
// Incremental frame receiver: feed it bytes as they arrive, in any chunking.
// It hunts for the preamble (skipping garbage, including runs of extra 0xAA),
// checks LEN against kMaxLen and the checksum, and hands out the payload as a
// view into its own fixed buffer. No allocation after construction.
#include "drivers/idcard/frame.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace idcard {

class FrameReceiver {
 public:
  enum class Status {
    need_more,     // keep feeding
    frame,         // payload() holds a checked frame
    bad_checksum,  // a whole frame arrived but CHK did not match
    bad_length,    // LEN too small to hold anything
    oversized,     // LEN over kMaxLen: dropped, hunting again
  };

  struct FeedResult {
    Status status;
    std::size_t consumed;  // bytes of the input used; feed the rest later
  };

  // Consumes bytes up to and including the first completed frame or error.
  FeedResult feed(std::span<const std::uint8_t> bytes);
  Status push(std::uint8_t byte);

  // Bytes after LEN, without CHK. Valid after Status::frame until the next feed.
  std::span<const std::uint8_t> payload() const {
    return len_ == 0 ? std::span<const std::uint8_t>()
                     : std::span<const std::uint8_t>(buf_.data(), len_ - 1);
  }
  // The payload as a response (false if it is shorter than SW1..SW3).
  bool as_response(Response& out) const;

  void reset();
  std::size_t skipped_bytes() const { return skipped_; }  // garbage seen so far

 private:
  enum class State { preamble, len_hi, len_lo, body };
  State state_ = State::preamble;
  std::size_t matched_ = 0;  // preamble bytes matched
  std::size_t len_ = 0;
  std::size_t got_ = 0;
  std::uint8_t xor_ = 0;
  std::size_t skipped_ = 0;
  std::array<std::uint8_t, kMaxLen> buf_{};
};

}  // namespace idcard
