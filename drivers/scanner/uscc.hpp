#pragma once
// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18
// characters over "0123456789ABCDEFGHJKLMNPQRTUWXY", the last a check
// character: weights 3^i mod 31, check = (31 - sum mod 31) mod 31.
#include <string>
#include <string_view>
#include <vector>

namespace scanner {

// True when `code` is 18 characters of the alphabet with a correct check
// character (upper case only, as printed on licences).
bool is_valid_uscc(std::string_view code);

// The check character for the first 17 characters, or '\0' when they are
// not all in the alphabet.
char uscc_check_char(std::string_view first17);

struct UsccCandidate {
  std::string code;
  bool valid = false;
};

// Every 18-character run of the alphabet in `text` that is not part of a
// longer alphanumeric run (a licence QR is usually a URL or a key=value
// text holding the code). Upper-cases lower-case letters first.
std::vector<UsccCandidate> find_usccs(std::string_view text);

}  // namespace scanner
