#include "drivers/scanner/uscc.hpp"

#include <cctype>

namespace scanner {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

char uscc_check_char(std::string_view first17) {
  if (first17.size() < 17) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int v = value_of(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  return kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

bool is_valid_uscc(std::string_view code) {
  if (code.size() != 18) return false;
  const char check = uscc_check_char(code.substr(0, 17));
  return check != '\0' && code[17] == check;
}

std::vector<UsccCandidate> find_usccs(std::string_view text) {
  std::vector<UsccCandidate> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!std::isalnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i == 18) {
      std::string code(text.substr(i, 18));
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      bool in_alphabet = true;
      for (char c : code) in_alphabet = in_alphabet && value_of(c) >= 0;
      if (in_alphabet) out.push_back({code, is_valid_uscc(code)});
    }
    i = j;
  }
  return out;
}

}  // namespace scanner
