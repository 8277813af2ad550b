#pragma once
// Who is at the kiosk. Card data lives only in the session state and is
// wiped when the session ends (WipeSession); it never reaches a log in
// clear (mask_id).
#include "kiosk/core/types.hpp"

#include <string>
#include <string_view>

namespace core {

// What an ID card reader reads, whichever of the four card types.
struct Citizen {
  std::string name;
  std::string id_number;
  // "resident", "foreign_permanent" (2023), "hk_macau_taiwan_residence",
  // "old_foreign_permanent" (2017, 15 characters)
  std::string card_type;
  std::string address;
  std::string valid_until;  // "YYYYMMDD" or "长期" (no end)
  bool operator==(const Citizen&) const = default;
};

// Why a card that was read cannot identify the citizen.
enum class CardProblem { none, bad_number, expired };

// GB 11643 check digit (ISO 7064 MOD 11-2) of an 18-character number.
bool id_check_digit_ok(std::string_view id18);
// The card's number has the shape and check digit of its type, and the card
// is valid on `today` (a card is valid through its last day).
CardProblem check_card(const Citizen& citizen, const WallClock& today);
// Text id of the message for a problem ("identify.error.expired", ...).
const char* text_id(CardProblem problem);

// "650102199001011234" -> "6501**********1234": the form personal numbers
// take in logs and on shared screens.
std::string mask_id(std::string_view id_number);
// "张三丰" -> "张**"
std::string mask_name(std::string_view name);
// A mainland mobile number: 11 digits starting with 1.
bool valid_mobile_phone(std::string_view phone);

}  // namespace core
