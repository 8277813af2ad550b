#pragma once
// AES-256-GCM sealing of payloads at rest (OpenSSL). Each seal draws a fresh
// random 96-bit nonce; the associated data binds the ciphertext to the item
// (and part) it belongs to, so a row copied onto another item fails to open.
// Sealed layout: nonce (12) | ciphertext | tag (16).
#include "base/expected.hpp"
#include "offline_cache/error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace offline_cache {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kNonceBytes = 12;
inline constexpr std::size_t kTagBytes = 16;
inline constexpr std::size_t kSealOverhead = kNonceBytes + kTagBytes;

// Key material; wiped when destroyed.
class Key {
 public:
  Key() = default;
  explicit Key(std::span<const std::uint8_t, kKeyBytes> bytes);
  Key(const Key&) = default;
  Key& operator=(const Key&) = default;
  ~Key();
  std::span<const std::uint8_t, kKeyBytes> bytes() const { return bytes_; }
  // A fresh random key from the OpenSSL CSPRNG.
  static kx::expected<Key, Error> generate();

 private:
  std::array<std::uint8_t, kKeyBytes> bytes_{};
};

kx::expected<std::vector<std::uint8_t>, Error> seal(const Key& key, std::string_view aad,
                                                    std::span<const std::uint8_t> plaintext);
// Fails with decrypt_failed when the key, the associated data or any byte is wrong.
kx::expected<std::vector<std::uint8_t>, Error> open_sealed(const Key& key, std::string_view aad,
                                                           std::span<const std::uint8_t> sealed);

}  // namespace offline_cache
