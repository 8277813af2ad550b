// Frame codec and receiver, against the exact frames of GA 467 / PRODUCT.md.
#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/receiver.hpp"

#include <gtest/gtest.h>

#include <vector>

using idcard::FrameReceiver;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes cmd(idcard::Command c) {
  return idcard::encode_command(c.cmd, c.para);
}

TEST(IdcardFrame, CommandFramesMatchTheProtocol) {
  namespace c = idcard::cmd;
  EXPECT_EQ(cmd(c::kFindCard), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22}));
  EXPECT_EQ(cmd(c::kSelectCard),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21}));
  EXPECT_EQ(cmd(c::kResetSam), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x10, 0xFF, 0xEC}));
  EXPECT_EQ(cmd(c::kSamStatus),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED}));
  EXPECT_EQ(cmd(c::kReadSamId),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE}));
  EXPECT_EQ(cmd(c::kReadTextPhoto),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32}));
  EXPECT_EQ(cmd(c::kReadTextPhotoFingerprint),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23}));
  EXPECT_EQ(cmd(c::kReadAppendedAddress),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x03, 0x30}));
}

TEST(IdcardFrame, ResponseFramesCarrySwAndChecksum) {
  EXPECT_EQ(idcard::encode_response(0x9F),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x9F, 0x9B}));
  EXPECT_EQ(idcard::encode_response(0x80),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x80, 0x84}));
  const std::uint8_t data[] = {0x01, 0x02};
  EXPECT_EQ(idcard::encode_response(0x90, data),
            (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x06, 0x00, 0x00, 0x90, 0x01, 0x02, 0x95}));
}

TEST(IdcardFrame, EncodeIntoRefusesTooSmallBuffers) {
  const std::uint8_t payload[] = {0x20, 0x01};
  std::uint8_t small[9];
  EXPECT_EQ(idcard::encode_frame_into(payload, small), 0u);
  std::uint8_t fits[10];
  EXPECT_EQ(idcard::encode_frame_into(payload, fits), 10u);
}

// Feeds all bytes, returns the statuses other than need_more.
std::vector<FrameReceiver::Status> feed_all(FrameReceiver& rx, const Bytes& bytes,
                                            std::vector<Bytes>* payloads = nullptr) {
  std::vector<FrameReceiver::Status> out;
  std::span<const std::uint8_t> rest(bytes);
  while (!rest.empty()) {
    auto [st, used] = rx.feed(rest);
    rest = rest.subspan(used);
    if (st != FrameReceiver::Status::need_more) {
      out.push_back(st);
      if (st == FrameReceiver::Status::frame && payloads) {
        payloads->emplace_back(rx.payload().begin(), rx.payload().end());
      }
    }
  }
  return out;
}

TEST(IdcardReceiver, DecodesAResponseByteByByte) {
  FrameReceiver rx;
  const Bytes f = idcard::encode_response(0x9F);
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    ASSERT_EQ(rx.push(f[i]), FrameReceiver::Status::need_more) << i;
  }
  ASSERT_EQ(rx.push(f.back()), FrameReceiver::Status::frame);
  idcard::Response r;
  ASSERT_TRUE(rx.as_response(r));
  EXPECT_EQ(r.sw3, 0x9F);
  EXPECT_TRUE(r.data.empty());
}

TEST(IdcardReceiver, ResynchronisesAfterGarbageAndFalsePreambles) {
  Bytes stream = {0x00, 0xAA, 0x13, 0xAA, 0xAA, 0x96, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA};
  // The last three 0xAA above plus "96 69 …" form the real preamble.
  Bytes f = idcard::encode_response(0x90, Bytes{0x42});
  stream.insert(stream.end(), f.begin() + 3, f.end());
  FrameReceiver rx;
  std::vector<Bytes> payloads;
  auto st = feed_all(rx, stream, &payloads);
  ASSERT_EQ(st, std::vector{FrameReceiver::Status::frame});
  EXPECT_EQ(payloads[0], (Bytes{0x00, 0x00, 0x90, 0x42}));
  EXPECT_EQ(rx.skipped_bytes(), 8u);
}

TEST(IdcardReceiver, ReportsBadChecksumThenReadsTheNextFrame) {
  Bytes bad = idcard::encode_response(0x90, Bytes{1, 2, 3});
  bad[9] ^= 0x01;  // corrupt SW3, keep CHK
  Bytes good = idcard::encode_response(0x9F);
  Bytes stream = bad;
  stream.insert(stream.end(), good.begin(), good.end());
  FrameReceiver rx;
  auto st = feed_all(rx, stream);
  EXPECT_EQ(st, (std::vector{FrameReceiver::Status::bad_checksum, FrameReceiver::Status::frame}));
}

TEST(IdcardReceiver, RejectsOversizedAndTooShortLengths) {
  FrameReceiver rx;
  Bytes huge = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x10, 0x01};  // LEN 4097
  EXPECT_EQ(feed_all(rx, huge), std::vector{FrameReceiver::Status::oversized});
  Bytes tiny = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x01};
  EXPECT_EQ(feed_all(rx, tiny), std::vector{FrameReceiver::Status::bad_length});
  // And it is hunting again right after.
  Bytes good = idcard::encode_response(0x80);
  EXPECT_EQ(feed_all(rx, good), std::vector{FrameReceiver::Status::frame});
}

TEST(IdcardReceiver, AcceptsTheLargestRealAnswerAtEverySplitPoint) {
  Bytes data(6 + 256 + 1024 + 1024, 0xAA);  // text+photo+fingerprint, worst case 0xAA filler
  const Bytes f = idcard::encode_response(0x90, data);
  for (std::size_t split = 0; split <= f.size(); split += 97) {
    FrameReceiver rx;
    Bytes a(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(split));
    Bytes b(f.begin() + static_cast<std::ptrdiff_t>(split), f.end());
    auto s1 = feed_all(rx, a);
    auto s2 = feed_all(rx, b);
    s1.insert(s1.end(), s2.begin(), s2.end());
    ASSERT_EQ(s1, std::vector{FrameReceiver::Status::frame}) << split;
    EXPECT_EQ(rx.payload().size(), 3 + data.size());
  }
}

TEST(IdcardReceiver, TwoFramesInOneChunkComeOutOneAtATime) {
  Bytes stream = idcard::encode_response(0x90);
  Bytes second = idcard::encode_response(0x91);
  stream.insert(stream.end(), second.begin(), second.end());
  FrameReceiver rx;
  std::vector<Bytes> payloads;
  auto st = feed_all(rx, stream, &payloads);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(payloads[0][2], 0x90);
  EXPECT_EQ(payloads[1][2], 0x91);
}

}  // namespace
