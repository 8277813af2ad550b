#pragma once
// The few primitives signed bundles need, through OpenSSL 3: Ed25519 keys,
// signatures and SHA-256. Public keys travel as 64 hex digits (the raw 32
// bytes); a key id is the SHA-256 of those raw bytes, in hex, as in TUF.
#include "base/expected.hpp"

#include <string>
#include <string_view>

namespace config::bundle {

struct KeyPair {
  std::string private_pem;  // PKCS#8, for the operator's key file (mode 0600)
  std::string public_hex;   // 64 hex digits
};

kx::expected<KeyPair, std::string> generate_ed25519();
// Reads a PKCS#8 PEM private key; also returns its public half.
kx::expected<KeyPair, std::string> load_private_pem(std::string_view pem);
// Signature in hex (128 digits).
kx::expected<std::string, std::string> sign_hex(std::string_view private_pem,
                                                std::string_view message);
// False for a bad signature, a malformed key or a malformed signature.
bool verify_hex(std::string_view public_hex, std::string_view message,
                std::string_view signature_hex);

std::string sha256_hex(std::string_view bytes);
// Key id of a public key given in hex; "" if the hex is malformed.
std::string key_id(std::string_view public_hex);

std::string to_hex(std::string_view bytes);
// Empty optional-like: returns false on odd length or a non-hex digit.
bool from_hex(std::string_view hex, std::string& out);

}  // namespace config::bundle
