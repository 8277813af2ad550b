// Fuzzes the virtual printer: interpreter and device model together, fed
// in two chunks so commands split across reads are exercised. No font is
// loaded (glyphs draw as boxes) to keep runs fast and hermetic.
#include "tools/devsim/printer/virtual_printer.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  devsim::printer::Faults faults;
  if (data[0] & 1) faults.paper_out_after_lines = data[0] >> 1;
  if (data[0] & 0x80) faults.cutter_error = true;
  // A short paper cap keeps each run fast; the cap itself is exercised.
  devsim::printer::VirtualPrinter vp((data[1] & 1) ? 576 : 384, nullptr, faults, {}, 3000);
  const std::size_t split = size > 2 ? 2 + data[1] % (size - 2) : 2;
  (void)vp.receive(std::span<const std::uint8_t>(data + 2, split - 2));
  (void)vp.act(devsim::printer::OperatorAction::refill_paper);
  (void)vp.receive(std::span<const std::uint8_t>(data + split, size - split));
  (void)vp.take_events();
  return 0;
}
