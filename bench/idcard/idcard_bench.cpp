// What the ID-card driver itself costs per read, with the device's own time
// taken out: codec, receiver, decoding, and a whole poll cycle against the
// in-process simulated reader (zero device delay, so everything measured is
// CPU work on our side plus the model's answer building).
#include "drivers/idcard/decode.hpp"
#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/receiver.hpp"
#include "drivers/idcard/session.hpp"
#include "tools/devsim/idcard/cards_file.hpp"
#include "tools/devsim/idcard/model_stream.hpp"

#include <benchmark/benchmark.h>

namespace {

std::vector<idcard::CardRecord> cards() {
  std::string err;
  auto c = idcard_sim::load_cards(KIOSK_SOURCE_DIR "/tools/devsim/idcard/cards.json", err);
  if (!c) std::abort();
  return *c;
}

std::vector<std::uint8_t> read_answer_frame() {
  idcard_sim::SamModel model(cards(), idcard_sim::Fault::none);
  model.present(0);
  const std::uint8_t read_cmd[] = {0x30, 0x01};
  return model.handle(read_cmd).bytes;
}

void BM_EncodeCommand(benchmark::State& state) {
  const std::uint8_t payload[] = {0x20, 0x01};
  std::array<std::uint8_t, 16> out{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(idcard::encode_frame_into(payload, out));
  }
}
BENCHMARK(BM_EncodeCommand);

void BM_ReceiveReadAnswer(benchmark::State& state) {
  const auto frame = read_answer_frame();  // 1 295-byte text+photo answer
  idcard::FrameReceiver rx;
  for (auto _ : state) {
    auto r = rx.feed(frame);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * frame.size()));
}
BENCHMARK(BM_ReceiveReadAnswer);

void BM_DecodeReadAnswer(benchmark::State& state) {
  const auto frame = read_answer_frame();
  std::span<const std::uint8_t> data(frame.data() + idcard::kHeaderSize + 3,
                                     frame.size() - idcard::kHeaderSize - 4);
  for (auto _ : state) {
    auto r = idcard::decode_read_answer(data, false, {.today = "20260101"});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_DecodeReadAnswer);

struct NoSleep final : idcard::Clock {
  void sleep_for(std::chrono::milliseconds) override {}
};

// One full card read as the kiosk does it: find, select, read text+photo,
// appended address, decode and validate; then the "card left" poll.
void BM_FullReadInProcess(benchmark::State& state) {
  idcard_sim::SamModel model(cards(), idcard_sim::Fault::none);
  NoSleep clock;
  idcard::SessionOptions o;
  o.today = [] { return std::string("20260101"); };
  idcard::ReaderSession session(
      [&model]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
        return std::unique_ptr<transport::ByteStream>(new idcard_sim::ModelStream(model));
      },
      o, clock);
  session.poll_once();  // connect
  std::size_t card = 0;
  for (auto _ : state) {
    model.present(card);
    auto ev = session.poll_once();
    if (!ev || !std::holds_alternative<idcard::CardRead>(*ev)) {
      state.SkipWithError("no CardRead event");
      break;
    }
    model.remove();
    benchmark::DoNotOptimize(session.poll_once());
    card = (card + 1) % model.card_count();
  }
}
BENCHMARK(BM_FullReadInProcess)->Unit(benchmark::kMicrosecond);

}  // namespace
