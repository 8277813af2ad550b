// Fuzzes the incremental frame receiver: any byte stream, in chunks chosen
// by the input itself. Every completed frame must check out against the
// codec (re-encoding it gives a frame with the same payload).
#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/receiver.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static idcard::FrameReceiver rx;  // static: also exercises reuse across inputs
  rx.reset();
  std::span<const std::uint8_t> rest(data, size);
  while (!rest.empty()) {
    const std::size_t chunk = 1 + (rest[0] % 64);
    auto piece = rest.first(std::min(chunk, rest.size()));
    rest = rest.subspan(piece.size());
    while (!piece.empty()) {
      auto [status, used] = rx.feed(piece);
      if (used == 0 || used > piece.size()) std::abort();
      piece = piece.subspan(used);
      if (status == idcard::FrameReceiver::Status::frame) {
        auto p = rx.payload();
        if (p.size() + 1 > idcard::kMaxLen) std::abort();
        auto again = idcard::encode_frame(p);
        if (again.size() != p.size() + idcard::kHeaderSize + 1) std::abort();
        idcard::Response r;
        if (rx.as_response(r) != (p.size() >= 3)) std::abort();
      }
    }
  }
  return 0;
}
