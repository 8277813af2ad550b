#pragma once
// SW3 status codes the SAM answers with (GA 467).
#include <cstdint>

namespace idcard::sw3 {

inline constexpr std::uint8_t kOk = 0x90;
inline constexpr std::uint8_t kCardFound = 0x9F;
inline constexpr std::uint8_t kChecksumError = 0x10;
inline constexpr std::uint8_t kLengthError = 0x11;
inline constexpr std::uint8_t kBadCommand = 0x21;
inline constexpr std::uint8_t kUnauthorised = 0x23;
inline constexpr std::uint8_t kUnknownError = 0x24;
inline constexpr std::uint8_t kCardAuthFailed = 0x31;
inline constexpr std::uint8_t kSamAuthFailed = 0x32;
inline constexpr std::uint8_t kVerifyError = 0x33;
inline constexpr std::uint8_t kUnknownCardType = 0x40;
inline constexpr std::uint8_t kReadFailed = 0x41;
inline constexpr std::uint8_t kNoRandom = 0x47;
inline constexpr std::uint8_t kSamSelfTestFailed = 0x60;
inline constexpr std::uint8_t kSamNotAuthorised = 0x66;
inline constexpr std::uint8_t kNoCard = 0x80;
inline constexpr std::uint8_t kSelectFailed = 0x81;
inline constexpr std::uint8_t kNoContent = 0x91;

// "checksum error", "no card", ... for logs; "unknown status" otherwise.
const char* describe(std::uint8_t code);

}  // namespace idcard::sw3
