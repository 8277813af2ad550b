#pragma once
// UTF-8 <-> GB18030 through glibc iconv. Printers in Chinese mode (FS &)
// read two-byte GBK codes; GB18030 is its superset (four-byte codes for the
// rest of Unicode), so what fits GBK comes out as GBK.
#include "base/expected.hpp"
#include "drivers/printer/errors.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace printer {

kx::expected<std::vector<std::uint8_t>, Error> utf8_to_gb18030(std::string_view utf8);
kx::expected<std::string, Error> gb18030_to_utf8(const std::uint8_t* data, std::size_t size);

// Length of the GB18030 character starting at p (1, 2 or 4), 0 if the
// bytes are not a valid lead or the sequence is cut short.
std::size_t gb18030_char_length(const std::uint8_t* p, std::size_t available);

}  // namespace printer
