#pragma once
// Identification: an ID card of any of the four types, a QR code (an
// appointment, ticket or case slip) shown to the scanner, or anonymously
// for browsing. Card data lives only here, in the session state.
#include "kiosk/core/citizen.hpp"
#include "kiosk/core/qr.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>

namespace core {

enum class IdMethod { none, card, qr, anonymous };

struct Identity {
  IdMethod method = IdMethod::none;
  std::optional<Citizen> citizen;  // method == card
  QrCode qr;                       // method == qr
  bool operator==(const Identity&) const = default;
};

struct IdentifyState {
  std::string error_text_id;  // why the last card or code was refused
  bool card_present = false;
  bool operator==(const IdentifyState&) const = default;
};

// Browsing the guides and looking up a case by its number need no identity.
bool anonymous_allowed(Flow flow);

// --- events (device services post them) --------------------------------------
struct CardRead {
  Citizen citizen;
};
struct CardRemoved {};
struct CardError {
  std::string text_id;  // e.g. "identify.error.read"
};
struct QrScanned {
  std::string text;
};
struct IdentifyAnonymous {};  // the citizen taps "continue without identifying"

}  // namespace core
