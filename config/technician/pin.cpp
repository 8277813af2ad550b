#include "config/technician/pin.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <vector>

namespace config::technician {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kHashBytes = 32;

std::string hex(const unsigned char* p, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[p[i] >> 4]);
    out.push_back(kDigits[p[i] & 0xf]);
  }
  return out;
}

bool unhex(std::string_view h, std::vector<unsigned char>& out) {
  if (h.empty() || h.size() % 2 != 0) return false;
  out.clear();
  for (std::size_t i = 0; i < h.size(); i += 2) {
    unsigned v = 0;
    auto [p, ec] = std::from_chars(h.data() + i, h.data() + i + 2, v, 16);
    if (ec != std::errc{} || p != h.data() + i + 2) return false;
    out.push_back(static_cast<unsigned char>(v));
  }
  return true;
}

struct Parsed {
  int iterations = 0;
  std::vector<unsigned char> salt, hash;
};

std::optional<Parsed> parse(std::string_view s) {
  std::array<std::string_view, 4> parts;
  for (auto& part : parts) {
    const auto cut = s.find('$');
    part = s.substr(0, cut);
    s = cut == std::string_view::npos ? std::string_view{} : s.substr(cut + 1);
  }
  Parsed p;
  if (parts[0] != kScheme || !s.empty()) return std::nullopt;
  auto [end, ec] =
      std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), p.iterations);
  if (ec != std::errc{} || end != parts[1].data() + parts[1].size() || p.iterations < 1000 ||
      p.iterations > 10'000'000) {
    return std::nullopt;
  }
  if (!unhex(parts[2], p.salt) || !unhex(parts[3], p.hash) || p.hash.size() != kHashBytes) {
    return std::nullopt;
  }
  return p;
}

bool derive(std::string_view pin, const std::vector<unsigned char>& salt, int iterations,
            std::array<unsigned char, kHashBytes>& out) {
  return PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(),
                           static_cast<int>(salt.size()), iterations, EVP_sha256(),
                           static_cast<int>(out.size()), out.data()) == 1;
}

}  // namespace

kx::expected<std::string, std::string> hash_pin(std::string_view pin, int iterations,
                                                std::string_view salt_hex) {
  if (pin.size() < 6) return kx::unexpected(std::string("a PIN needs at least 6 digits"));
  std::vector<unsigned char> salt(16);
  if (!salt_hex.empty()) {
    if (!unhex(salt_hex, salt)) return kx::unexpected(std::string("salt must be hex"));
  } else if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    return kx::unexpected(std::string("no randomness for the salt"));
  }
  std::array<unsigned char, kHashBytes> out{};
  if (!derive(pin, salt, iterations, out)) return kx::unexpected(std::string("PBKDF2 failed"));
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" +
         hex(salt.data(), salt.size()) + "$" + hex(out.data(), out.size());
}

bool is_pin_hash(std::string_view stored) {
  return parse(stored).has_value();
}

bool pin_matches(std::string_view pin, std::string_view stored) {
  const auto p = parse(stored);
  std::array<unsigned char, kHashBytes> out{};
  if (!p || !derive(pin, p->salt, p->iterations, out)) return false;
  return CRYPTO_memcmp(out.data(), p->hash.data(), kHashBytes) == 0;
}

EntryDecision attempt(const LockoutState& state, bool correct, Time now,
                      const LockoutPolicy& policy) {
  if (state.locked_until && now < *state.locked_until) {
    return {Entry::locked, state, 0, *state.locked_until - now};
  }
  if (correct) return {Entry::granted, LockoutState{}, policy.max_attempts, {}};
  const int failures = state.failures + 1;
  if (failures >= policy.max_attempts) {
    return {Entry::locked, LockoutState{0, now + policy.lockout}, 0, policy.lockout};
  }
  return {
      Entry::wrong_pin, LockoutState{failures, std::nullopt}, policy.max_attempts - failures, {}};
}

}  // namespace config::technician
