#include "drivers/idcard/frame.hpp"

#include <algorithm>

namespace idcard {

std::uint8_t checksum(std::span<const std::uint8_t> bytes) {
  std::uint8_t x = 0;
  for (std::uint8_t b : bytes) x ^= b;
  return x;
}

std::size_t encode_frame_into(std::span<const std::uint8_t> payload, std::span<std::uint8_t> out) {
  const std::size_t len = payload.size() + 1;  // + CHK
  const std::size_t total = kHeaderSize + len;
  if (len > kMaxLen || out.size() < total) return 0;
  std::copy(kPreamble.begin(), kPreamble.end(), out.begin());
  out[5] = static_cast<std::uint8_t>(len >> 8);
  out[6] = static_cast<std::uint8_t>(len & 0xFF);
  std::copy(payload.begin(), payload.end(), out.begin() + kHeaderSize);
  out[total - 1] = checksum(out.subspan(5, total - 1 - 5));
  return total;
}

std::vector<std::uint8_t> encode_frame(std::span<const std::uint8_t> payload) {
  std::vector<std::uint8_t> out(kHeaderSize + payload.size() + 1);
  if (encode_frame_into(payload, out) == 0) return {};
  return out;
}

std::vector<std::uint8_t> encode_command(std::uint8_t cmd, std::uint8_t para,
                                         std::span<const std::uint8_t> data) {
  std::vector<std::uint8_t> payload{cmd, para};
  payload.insert(payload.end(), data.begin(), data.end());
  return encode_frame(payload);
}

std::vector<std::uint8_t> encode_response(std::uint8_t sw3, std::span<const std::uint8_t> data,
                                          std::uint8_t sw1, std::uint8_t sw2) {
  std::vector<std::uint8_t> payload{sw1, sw2, sw3};
  payload.insert(payload.end(), data.begin(), data.end());
  return encode_frame(payload);
}

}  // namespace idcard
