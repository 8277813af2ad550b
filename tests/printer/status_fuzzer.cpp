// Fuzzes the status stream parser: any bytes, with any queries outstanding.
#include "drivers/printer/status.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  printer::StatusStream st;
  // The first byte says which queries were sent before the reply bytes.
  for (int i = 0; i < 4; ++i) {
    if (data[0] & (1 << i)) st.expect(static_cast<printer::StatusQuery>(i + 1));
  }
  if (data[0] & 0x10) st.expect_transmit();
  st.feed(std::span<const std::uint8_t>(data + 1, size - 1));
  printer::Status s = st.status();
  (void)printer::events_of(s);
  if (size >= 5) {
    (void)printer::apply_asb(std::span<const std::uint8_t, 4>(data + 1, 4), s);
  }
  return 0;
}
