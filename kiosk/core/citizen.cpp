#include "kiosk/core/citizen.hpp"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool number_shape_ok(const Citizen& c) {
  const std::string_view n = c.id_number;
  if (c.card_type == "old_foreign_permanent") {
    // 2017 card: three-letter country code, then 12 digits.
    return n.size() == 15 &&
           std::all_of(n.begin(), n.begin() + 3, [](char ch) { return ch >= 'A' && ch <= 'Z'; }) &&
           all_digits(n.substr(3));
  }
  // Resident, HK/Macao/Taiwan residence and 2023 foreign permanent cards all
  // carry an 18-character GB 11643 number.
  return id_check_digit_ok(n);
}

bool expired(std::string_view valid_until, const WallClock& today) {
  if (valid_until.size() != 8 || !all_digits(valid_until)) return false;  // "长期": no end
  const int until = std::stoi(std::string(valid_until));
  return until < today.year * 10000 + today.month * 100 + today.day;
}

// UTF-8 length of the character starting with `lead`.
std::size_t utf8_len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

}  // namespace

bool id_check_digit_ok(std::string_view id) {
  if (id.size() != 18 || !all_digits(id.substr(0, 17))) return false;
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(id[17])));
  return last == kCheck[sum % 11];
}

CardProblem check_card(const Citizen& c, const WallClock& today) {
  if (!number_shape_ok(c)) return CardProblem::bad_number;
  if (expired(c.valid_until, today)) return CardProblem::expired;
  return CardProblem::none;
}

const char* text_id(CardProblem p) {
  switch (p) {
    case CardProblem::none:
      return "";
    case CardProblem::bad_number:
      return "identify.error.bad_number";
    case CardProblem::expired:
      return "identify.error.expired";
  }
  return "";
}

std::string mask_id(std::string_view n) {
  if (n.size() <= 8) return std::string(n.size(), '*');
  return std::string(n.substr(0, 4)) + std::string(n.size() - 8, '*') +
         std::string(n.substr(n.size() - 4));
}

bool valid_mobile_phone(std::string_view phone) {
  return phone.size() == 11 && phone[0] == '1' &&
         std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string mask_name(std::string_view name) {
  if (name.empty()) return {};
  const std::size_t first = std::min(name.size(), utf8_len(static_cast<unsigned char>(name[0])));
  std::size_t rest = 0;
  for (std::size_t i = first; i < name.size(); i += utf8_len(static_cast<unsigned char>(name[i])))
    ++rest;
  return std::string(name.substr(0, first)) + std::string(std::max<std::size_t>(rest, 1), '*');
}

}  // namespace core
