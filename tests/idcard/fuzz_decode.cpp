// Fuzzes the text decoders: UCS-2LE conversion, the four card layouts and
// the read-answer length checks. Decoded strings must be valid UTF-8.
#include "drivers/idcard/decode.hpp"
#include "drivers/idcard/text.hpp"

#include <cstdlib>

namespace {

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> in(data, size);
  if (!valid_utf8(idcard::ucs2le_to_utf8(in))) std::abort();
  auto text = idcard::decode_text(in, {.today = "20260101"});
  if (text) {
    if (!valid_utf8(text->name) || !valid_utf8(text->address) || !valid_utf8(text->name_en)) {
      std::abort();
    }
  }
  for (bool fp : {false, true}) {
    auto r = idcard::decode_read_answer(in, fp, {});
    if (r && r->photo_wlt.size() > size) std::abort();
  }
  return 0;
}
