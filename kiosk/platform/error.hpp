#pragma once
// Every failure of a platform call falls into exactly one class, and the UI
// and the outbox act on the class alone:
//   retry_later    network down, timeouts, 5xx, 429/503 (Retry-After honoured),
//                  truncated or malformed answers, cancelled uploads;
//   permanent      the platform refused this request (4xx): fix it, don't resend.
//                  Field-level reasons come with it;
//   authentication the device certificate (or the platform's) was rejected:
//                  a technician has to re-enrol or fix the trust settings.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::platform {

enum class FailureClass { retry_later, permanent, authentication };

enum class ErrorCode {
  network,               // refused, reset, DNS, truncated answer
  timeout,               // connect or total timeout
  cancelled,             // the caller cancelled (e.g. the citizen left)
  server_error,          // 5xx
  rate_limited,          // 429
  unavailable,           // 503 (overload or outage)
  bad_response,          // 2xx with a body we cannot use, or too large
  rejected,              // other 4xx
  not_found,             // 404
  conflict,              // 409 (slot full, already cancelled, ...)
  validation,            // 422 with field reasons
  idempotency_conflict,  // 422: the key was reused with another body
  certificate_rejected,  // 401: our device certificate is not accepted
  server_untrusted,      // the platform's certificate failed verification or pinning
  config,                // missing CA / cert / key file, bad URL
};

struct FieldReason {
  std::string field;  // dotted path, e.g. "applicant.phone"
  std::string reason;
  std::string reason_zh;
};

struct Error {
  FailureClass cls = FailureClass::retry_later;
  ErrorCode code = ErrorCode::network;
  int http_status = 0;
  std::optional<std::chrono::seconds> retry_after;
  std::string problem_code;  // the platform's machine-readable code, if any
  std::string detail;        // for technicians' logs; never personal data
  std::vector<FieldReason> fields;
};

struct Message {
  const char* zh;
  const char* en;
};

// What to show a person for this error.
Message message(ErrorCode code);
const char* to_string(ErrorCode code);
const char* to_string(FailureClass cls);

}  // namespace kiosk::platform
