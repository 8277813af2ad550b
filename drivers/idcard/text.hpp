#pragma once
// The card's text block is UCS-2 little endian, padded with spaces. Rare
// characters (堃 喆 赟 龑 䶮, and any surrogate pair a newer SAM sends) are
// converted, never replaced; an unpaired surrogate becomes U+FFFD.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace idcard {

// Converts and trims trailing spaces and NULs.
std::string ucs2le_to_utf8(std::span<const std::uint8_t> bytes);
// For the simulator and tests: UTF-8 -> UTF-16LE, padded with spaces to
// `field_bytes` (truncated if longer). Invalid UTF-8 becomes U+FFFD.
std::vector<std::uint8_t> utf8_to_ucs2le(std::string_view text, std::size_t field_bytes);

}  // namespace idcard
