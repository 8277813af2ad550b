#include "offline_cache/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace offline_cache {
namespace {

struct CtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

Error crypto_error(const char* what) {
  return Error{ErrorCode::internal, what};
}

const unsigned char* uc(const void* p) {
  return static_cast<const unsigned char*>(p);
}

}  // namespace

Key::Key(std::span<const std::uint8_t, kKeyBytes> bytes) {
  std::copy(bytes.begin(), bytes.end(), bytes_.begin());
}

Key::~Key() {
  OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

kx::expected<Key, Error> Key::generate() {
  std::array<std::uint8_t, kKeyBytes> raw{};
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    return kx::unexpected(crypto_error("RAND_bytes failed"));
  }
  Key k{raw};
  OPENSSL_cleanse(raw.data(), raw.size());
  return k;
}

kx::expected<std::vector<std::uint8_t>, Error> seal(const Key& key, std::string_view aad,
                                                    std::span<const std::uint8_t> plaintext) {
  if (plaintext.size() > static_cast<std::size_t>(INT_MAX) - kSealOverhead) {
    return kx::unexpected(Error{ErrorCode::invalid_argument, "payload too large"});
  }
  std::vector<std::uint8_t> out(kNonceBytes + plaintext.size() + kTagBytes);
  if (RAND_bytes(out.data(), static_cast<int>(kNonceBytes)) != 1) {
    return kx::unexpected(crypto_error("RAND_bytes failed"));
  }
  Ctx ctx{EVP_CIPHER_CTX_new()};
  int len = 0;
  if (!ctx ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), out.data()) !=
          1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, uc(aad.data()), static_cast<int>(aad.size())) !=
          1 ||
      EVP_EncryptUpdate(ctx.get(), out.data() + kNonceBytes, &len, plaintext.data(),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonceBytes + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                          out.data() + kNonceBytes + plaintext.size()) != 1) {
    return kx::unexpected(crypto_error("AES-256-GCM encryption failed"));
  }
  return out;
}

kx::expected<std::vector<std::uint8_t>, Error> open_sealed(const Key& key, std::string_view aad,
                                                           std::span<const std::uint8_t> sealed) {
  if (sealed.size() < kSealOverhead) {
    return kx::unexpected(Error{ErrorCode::decrypt_failed, "sealed payload too short"});
  }
  const std::size_t n = sealed.size() - kSealOverhead;
  std::vector<std::uint8_t> out(n);
  Ctx ctx{EVP_CIPHER_CTX_new()};
  int len = 0;
  // The tag is only read by OpenSSL; the API takes a non-const pointer.
  std::array<std::uint8_t, kTagBytes> tag{};
  std::copy_n(sealed.data() + kNonceBytes + n, kTagBytes, tag.begin());
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(),
                         sealed.data()) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, uc(aad.data()), static_cast<int>(aad.size())) !=
          1 ||
      EVP_DecryptUpdate(ctx.get(), out.data(), &len, sealed.data() + kNonceBytes,
                        static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes),
                          tag.data()) != 1) {
    return kx::unexpected(crypto_error("AES-256-GCM setup failed"));
  }
  if (EVP_DecryptFinal_ex(ctx.get(), out.data() + len, &len) != 1) {
    OPENSSL_cleanse(out.data(), out.size());
    return kx::unexpected(
        Error{ErrorCode::decrypt_failed, "authentication failed (wrong key or altered data)"});
  }
  return out;
}

}  // namespace offline_cache
