#include "config/bundle/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <array>
#include <memory>

namespace config::bundle {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

constexpr std::size_t kRawKeySize = 32;
constexpr std::size_t kSignatureSize = 64;

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

kx::expected<std::string, std::string> public_hex_of(EVP_PKEY* key) {
  std::array<unsigned char, kRawKeySize> raw{};
  std::size_t len = raw.size();
  if (EVP_PKEY_get_raw_public_key(key, raw.data(), &len) != 1 || len != kRawKeySize) {
    return kx::unexpected(std::string("cannot read the Ed25519 public key"));
  }
  return to_hex(std::string_view(reinterpret_cast<const char*>(raw.data()), len));
}

kx::expected<Pkey, std::string> parse_private(std::string_view pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return kx::unexpected(std::string("out of memory"));
  Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return kx::unexpected(std::string("not a PEM private key"));
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
    return kx::unexpected(std::string("not an Ed25519 key"));
  }
  return key;
}

}  // namespace

std::string to_hex(std::string_view in) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(in.size() * 2);
  for (unsigned char c : in) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

bool from_hex(std::string_view hex, std::string& out) {
  if (hex.size() % 2 != 0) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.clear();
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]);
    const int lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return true;
}

std::string sha256_hex(std::string_view in) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(in.data(), in.size(), md.data(), &len, EVP_sha256(), nullptr);
  return to_hex(std::string_view(reinterpret_cast<const char*>(md.data()), len));
}

std::string key_id(std::string_view public_hex) {
  std::string raw;
  if (!from_hex(public_hex, raw) || raw.size() != kRawKeySize) return {};
  return sha256_hex(raw);
}

kx::expected<KeyPair, std::string> generate_ed25519() {
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
    return kx::unexpected(std::string("Ed25519 key generation failed"));
  }
  Pkey key(raw);
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return kx::unexpected(std::string("cannot write the private key"));
  }
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  auto pub = public_hex_of(key.get());
  if (!pub) return kx::unexpected(pub.error());
  return KeyPair{std::string(data, static_cast<std::size_t>(n)), *pub};
}

kx::expected<KeyPair, std::string> load_private_pem(std::string_view pem) {
  auto key = parse_private(pem);
  if (!key) return kx::unexpected(key.error());
  auto pub = public_hex_of(key->get());
  if (!pub) return kx::unexpected(pub.error());
  return KeyPair{std::string(pem), *pub};
}

kx::expected<std::string, std::string> sign_hex(std::string_view private_pem,
                                                std::string_view message) {
  auto key = parse_private(private_pem);
  if (!key) return kx::unexpected(key.error());
  MdCtx ctx(EVP_MD_CTX_new());
  std::array<unsigned char, kSignatureSize> sig{};
  std::size_t len = sig.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key->get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig.data(), &len, bytes(message), message.size()) != 1) {
    return kx::unexpected(std::string("signing failed"));
  }
  return to_hex(std::string_view(reinterpret_cast<const char*>(sig.data()), len));
}

bool verify_hex(std::string_view public_hex, std::string_view message,
                std::string_view signature_hex) {
  std::string raw_key, sig;
  if (!from_hex(public_hex, raw_key) || raw_key.size() != kRawKeySize) return false;
  if (!from_hex(signature_hex, sig) || sig.size() != kSignatureSize) return false;
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(raw_key), raw_key.size()));
  MdCtx ctx(EVP_MD_CTX_new());
  if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), bytes(sig), sig.size(), bytes(message), message.size()) == 1;
}

}  // namespace config::bundle
