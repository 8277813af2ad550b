#pragma once
// Checks on what the card says: ID-number check digits and dates.
#include <string>
#include <string_view>

namespace idcard {

// GB 11643 (ISO 7064 MOD 11-2): 17 digits + check digit (0-9 or X). Also
// the 18-character 2023 foreign permanent residence card number.
bool valid_citizen_id(std::string_view id);
char citizen_id_check_digit(std::string_view first17);  // '?' if not 17 digits
// 2017 foreign permanent residence card: 3 letters + 12 digits, the last a
// check digit over the first 14 (weights 7 3 1, letters A=10 … Z=35, mod 10).
bool valid_foreign_permanent_2017_id(std::string_view id);
char foreign_2017_check_digit(std::string_view first14);
// YYYYMMDD naming a real calendar day.
bool valid_date(std::string_view yyyymmdd);
// The "valid to" field of a long-term card.
inline constexpr std::string_view kLongTerm = "长期";

}  // namespace idcard
