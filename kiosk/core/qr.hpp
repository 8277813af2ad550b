#pragma once
// What a QR code shown to the scanner means. The kiosk's own slips carry
// URLs on the public site (config/defaults/receipts): an appointment
// ".../appt/CODE", a queue ticket ".../q/NUMBER?h=HALL", a case
// ".../case/NUMBER". Anything else is not ours. The text comes from outside
// (any code a citizen holds up), so the parser is fuzzed.
#include <string>
#include <string_view>

namespace core {

struct QrCode {
  enum class Kind { none, appointment, ticket, case_number } kind = Kind::none;
  std::string value;  // confirmation code, ticket number or case number
  bool operator==(const QrCode&) const = default;
};

QrCode parse_qr(std::string_view text);

// The URL a receipt's QR code carries, the inverse of parse_qr.
std::string qr_url(std::string_view public_url, QrCode::Kind kind, std::string_view value);

}  // namespace core
