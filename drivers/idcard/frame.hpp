#pragma once
// GA 467 "SAM_V" frames.
//   command:  AA AA AA 96 69 | LEN(2, BE) | CMD PARA | DATA… | CHK
//   response: AA AA AA 96 69 | LEN(2, BE) | SW1 SW2 SW3 | DATA… | CHK
// LEN counts every byte after itself, CHK included. CHK is the XOR of every
// byte after the preamble (LEN included) up to CHK.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace idcard {

inline constexpr std::array<std::uint8_t, 5> kPreamble = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kHeaderSize = 7;  // preamble + LEN
// Largest LEN we accept: a text+photo+fingerprint answer is 2 314 bytes;
// anything far beyond that is line noise, not a frame.
inline constexpr std::size_t kMaxLen = 4096;

// XOR over `bytes` (callers pass LEN..last byte before CHK).
std::uint8_t checksum(std::span<const std::uint8_t> bytes);

// Builds a complete frame around `payload` (CMD PARA DATA or SW1 SW2 SW3 DATA).
std::vector<std::uint8_t> encode_frame(std::span<const std::uint8_t> payload);
// Same, into a caller buffer without allocating; returns the frame size, or
// 0 when `out` is too small or the payload is over kMaxLen.
std::size_t encode_frame_into(std::span<const std::uint8_t> payload, std::span<std::uint8_t> out);

std::vector<std::uint8_t> encode_command(std::uint8_t cmd, std::uint8_t para,
                                         std::span<const std::uint8_t> data = {});
std::vector<std::uint8_t> encode_response(std::uint8_t sw3, std::span<const std::uint8_t> data = {},
                                          std::uint8_t sw1 = 0x00, std::uint8_t sw2 = 0x00);

// The commands of the protocol (CMD, PARA).
struct Command {
  std::uint8_t cmd;
  std::uint8_t para;
};
namespace cmd {
inline constexpr Command kResetSam{0x10, 0xFF};
inline constexpr Command kSamStatus{0x11, 0xFF};
inline constexpr Command kReadSamId{0x12, 0xFF};
inline constexpr Command kFindCard{0x20, 0x01};
inline constexpr Command kSelectCard{0x20, 0x02};
inline constexpr Command kReadTextPhoto{0x30, 0x01};
inline constexpr Command kReadTextPhotoFingerprint{0x30, 0x10};
inline constexpr Command kReadAppendedAddress{0x30, 0x03};
inline constexpr Command kReadAppendedAddressAlt{0x30, 0x02};  // some firmwares
}  // namespace cmd

// A response payload split into its parts (views into the receiver buffer).
struct Response {
  std::uint8_t sw1 = 0;
  std::uint8_t sw2 = 0;
  std::uint8_t sw3 = 0;
  std::span<const std::uint8_t> data;
};

}  // namespace idcard
