#include "drivers/idcard/validate.hpp"

#include <array>

namespace idcard {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

char citizen_id_check_digit(std::string_view first17) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  if (first17.size() != 17 || !all_digits(first17)) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

bool valid_citizen_id(std::string_view id) {
  if (id.size() != 18) return false;
  char c = citizen_id_check_digit(id.substr(0, 17));
  char last = id[17] == 'x' ? 'X' : id[17];
  return c != '?' && c == last;
}

char foreign_2017_check_digit(std::string_view first14) {
  if (first14.size() != 14) return '?';
  static constexpr std::array<int, 3> kWeights = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < first14.size(); ++i) {
    char c = first14[i];
    int v = 0;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      v = c - 'A' + 10;
    } else {
      return '?';
    }
    sum += v * kWeights[i % 3];
  }
  return static_cast<char>('0' + sum % 10);
}

bool valid_foreign_permanent_2017_id(std::string_view id) {
  if (id.size() != 15) return false;
  for (std::size_t i = 0; i < 3; ++i) {
    if (id[i] < 'A' || id[i] > 'Z') return false;
  }
  if (!all_digits(id.substr(3))) return false;
  return foreign_2017_check_digit(id.substr(0, 14)) == id[14];
}

bool valid_date(std::string_view d) {
  if (d.size() != 8 || !all_digits(d)) return false;
  auto num = [&d](std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (d[i] - '0');
    return v;
  };
  const int y = num(0, 4), m = num(4, 2), day = num(6, 2);
  if (y < 1900 || m < 1 || m > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max = kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
  return day <= max;
}

}  // namespace idcard
