#pragma once
// Turns the platform's JSON answers into typed structs, and requests into
// JSON. Every parser rejects (never crashes on) malformed, truncated,
// oversized or wrongly typed input; the fuzzer in tests/platform hammers them.
#include "base/expected.hpp"
#include "kiosk/platform/error.hpp"
#include "kiosk/platform/types.hpp"

#include <string>
#include <string_view>

namespace kiosk::platform::wire {

// Answers larger than this are refused before parsing.
inline constexpr std::size_t kMaxJsonBytes = 8u << 20;

template <class T>
using Parsed = kx::expected<T, std::string>;  // error: what is wrong, no body content

Parsed<Enrolment> parse_enrolment(std::string_view body);
Parsed<Ping> parse_ping(std::string_view body);
Parsed<Catalogue> parse_catalogue(std::string_view body);
Parsed<ServiceItem> parse_service_item(std::string_view body);
Parsed<std::vector<Hall>> parse_halls(std::string_view body);
Parsed<TerminalSelf> parse_terminal_self(std::string_view body);
Parsed<std::vector<Slot>> parse_slots(std::string_view body);
Parsed<Appointment> parse_appointment(std::string_view body);
Parsed<Ticket> parse_ticket(std::string_view body);
Parsed<CaseStatus> parse_case_status(std::string_view body);
Parsed<std::vector<CaseStatus>> parse_case_list(std::string_view body);
Parsed<std::vector<ELicence>> parse_elicences(std::string_view body);
Parsed<RatingResult> parse_rating_result(std::string_view body);
Parsed<HeartbeatAck> parse_heartbeat_ack(std::string_view body);

// RFC 9457 problem details: fills problem_code, detail and fields of `into`.
// False when the body is not a problem object.
bool parse_problem(std::string_view body, Error& into);

// Request bodies.
std::string to_json(const EnrolmentRequest& r);
std::string to_json(const AppointmentRequest& r);
std::string to_json(const TicketRequest& r);
std::string check_in_json(const std::string& confirmation_code, const std::string& hall_code);
std::string application_json(const PreApplicationRequest& r);  // the "application" part
std::string elicence_query_json(const Person& holder, const Consent& consent);
std::string case_query_json(const std::string& holder_id_number);
std::string to_json(const RatingRequest& r);
std::string to_json(const Heartbeat& h);

}  // namespace kiosk::platform::wire
