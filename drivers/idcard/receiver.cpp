#include "drivers/idcard/receiver.hpp"

namespace idcard {

void FrameReceiver::reset() {
  state_ = State::preamble;
  matched_ = 0;
  len_ = got_ = 0;
  xor_ = 0;
}

FrameReceiver::Status FrameReceiver::push(std::uint8_t b) {
  switch (state_) {
    case State::preamble:
      if (b == kPreamble[matched_]) {
        if (++matched_ == kPreamble.size()) {
          state_ = State::len_hi;
          matched_ = 0;
        }
      } else if (b == 0xAA && matched_ == 3) {
        // "AA AA AA AA 96 69": a fourth AA keeps the last three as a prefix.
        ++skipped_;
      } else {
        skipped_ += matched_;
        matched_ = 0;
        if (b == 0xAA) {
          matched_ = 1;
        } else {
          ++skipped_;
        }
      }
      return Status::need_more;
    case State::len_hi:
      len_ = static_cast<std::size_t>(b) << 8;
      xor_ = b;
      state_ = State::len_lo;
      return Status::need_more;
    case State::len_lo:
      len_ |= b;
      xor_ ^= b;
      if (len_ < 2) {
        reset();
        return Status::bad_length;
      }
      if (len_ > kMaxLen) {
        reset();
        return Status::oversized;
      }
      got_ = 0;
      state_ = State::body;
      return Status::need_more;
    case State::body:
      if (got_ + 1 < len_) {
        buf_[got_++] = b;
        xor_ ^= b;
        return Status::need_more;
      }
      {
        const bool ok = (xor_ == b);
        const std::size_t len = len_;
        reset();
        len_ = len;  // keep payload() valid until the next byte
        return ok ? Status::frame : Status::bad_checksum;
      }
  }
  return Status::need_more;
}

FrameReceiver::FeedResult FrameReceiver::feed(std::span<const std::uint8_t> bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    Status s = push(bytes[i]);
    if (s != Status::need_more) return {s, i + 1};
  }
  return {Status::need_more, bytes.size()};
}

bool FrameReceiver::as_response(Response& out) const {
  auto p = payload();
  if (p.size() < 3) return false;
  out.sw1 = p[0];
  out.sw2 = p[1];
  out.sw3 = p[2];
  out.data = p.subspan(3);
  return true;
}

}  // namespace idcard
