#pragma once
// The simulated reader in-process: a ByteStream whose far end is a SamModel.
// Answers are produced synchronously when a command is written, so "nothing
// to read" can be reported at once as a timeout: tests and benchmarks need
// no threads and no wall-clock waits. Pacing (slow mode) is reduced to
// handing out answers in the model's piece size.
#include "drivers/idcard/receiver.hpp"
#include "drivers/transport/transport.hpp"
#include "tools/devsim/idcard/sam_model.hpp"

#include <algorithm>
#include <deque>

namespace idcard_sim {

class ModelStream final : public transport::ByteStream {
 public:
  explicit ModelStream(SamModel& model) : model_(model) {}

  kx::expected<void, transport::Error> write(std::span<const std::uint8_t> bytes,
                                             std::chrono::milliseconds) override {
    if (unplugged)
      return kx::unexpected(transport::Error{transport::ErrorCode::disconnected, "unplugged"});
    ++writes;
    while (!bytes.empty()) {
      auto [status, used] = rx_.feed(bytes);
      bytes = bytes.subspan(used);
      if (status == idcard::FrameReceiver::Status::frame) {
        Answer a = model_.handle(rx_.payload());
        piece_ = a.piece;
        pending_.insert(pending_.end(), a.bytes.begin(), a.bytes.end());
      } else if (status == idcard::FrameReceiver::Status::bad_checksum) {
        Answer a = model_.handle_corrupt_command();
        pending_.insert(pending_.end(), a.bytes.begin(), a.bytes.end());
      }
    }
    return {};
  }

  kx::expected<std::size_t, transport::Error> read(std::span<std::uint8_t> buf,
                                                   std::chrono::milliseconds) override {
    if (unplugged)
      return kx::unexpected(transport::Error{transport::ErrorCode::disconnected, "unplugged"});
    if (pending_.empty()) {
      return kx::unexpected(transport::Error{transport::ErrorCode::timeout, "no answer"});
    }
    std::size_t n = std::min(buf.size(), pending_.size());
    if (piece_ > 0) n = std::min(n, piece_);
    std::copy_n(pending_.begin(), n, buf.begin());
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(n));
    return n;
  }

  void discard_input() override { pending_.clear(); }
  std::string describe() const override { return "model:idcard"; }

  bool unplugged = false;
  unsigned writes = 0;

 private:
  SamModel& model_;
  idcard::FrameReceiver rx_;
  std::deque<std::uint8_t> pending_;
  std::size_t piece_ = 0;
};

}  // namespace idcard_sim
