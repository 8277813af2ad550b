// libFuzzer target: every response parser of the platform client on
// arbitrary bytes. They must return an error, never crash or throw.
#include "kiosk/platform/parse.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace wire = kiosk::platform::wire;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)wire::parse_enrolment(body);
  (void)wire::parse_ping(body);
  (void)wire::parse_catalogue(body);
  (void)wire::parse_halls(body);
  (void)wire::parse_terminal_self(body);
  (void)wire::parse_slots(body);
  (void)wire::parse_appointment(body);
  (void)wire::parse_ticket(body);
  (void)wire::parse_case_status(body);
  (void)wire::parse_elicences(body);
  (void)wire::parse_rating_result(body);
  (void)wire::parse_heartbeat_ack(body);
  kiosk::platform::Error e;
  (void)wire::parse_problem(body, e);
  return 0;
}
