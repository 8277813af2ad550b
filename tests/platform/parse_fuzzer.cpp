// libFuzzer target: every response parser of the platform client on
// arbitrary bytes. They must return an error, never crash or throw.
//
// The first byte picks the parser and the rest is the body. Running all
// parsers on every input made each execution parse the same JSON 14 times
// under ASan and UBSan; one parser per input is 14x less work and lets the
// fuzzer keep a corpus per parser (seeds: tests/platform/corpus/, each file
// starts with its parser's number).
#include "kiosk/platform/parse.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace {

namespace wire = kiosk::platform::wire;

template <auto Parse>
void run(std::string_view body) {
  (void)Parse(body);
}

void problem(std::string_view body) {
  kiosk::platform::Error e;
  (void)wire::parse_problem(body, e);
}

constexpr std::array<void (*)(std::string_view), 14> kParsers = {
    run<wire::parse_enrolment>,     run<wire::parse_ping>,
    run<wire::parse_catalogue>,     run<wire::parse_service_item>,
    run<wire::parse_halls>,         run<wire::parse_terminal_self>,
    run<wire::parse_slots>,         run<wire::parse_appointment>,
    run<wire::parse_ticket>,        run<wire::parse_case_status>,
    run<wire::parse_elicences>,     run<wire::parse_rating_result>,
    run<wire::parse_heartbeat_ack>, problem,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  kParsers[data[0] % kParsers.size()](body);
  return 0;
}
