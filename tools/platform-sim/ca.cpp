#include "tools/platform-sim/ca.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace platform_sim {
namespace {

template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

KeyPtr new_p256_key() {
  return KeyPtr(EVP_EC_gen("P-256"));
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool write_file(const std::filesystem::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
  return static_cast<bool>(out);
}

std::string cert_to_pem(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

std::string key_to_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

CertPtr pem_to_cert(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return CertPtr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

KeyPtr pem_to_key(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

void random_serial(X509* cert) {
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  bytes[0] &= 0x7f;  // positive
  BIGNUM* bn = BN_bin2bn(bytes, sizeof bytes, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert));
  BN_free(bn);
}

void add_ext(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (ext) {
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }
}

void set_cn(X509_NAME* name, const std::string& cn) {
  X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("CN"),
                             -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Platform Simulator"), -1, -1,
                             0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
}

CertPtr make_cert(EVP_PKEY* subject_key, const std::string& cn, X509* issuer, EVP_PKEY* issuer_key,
                  long days, bool is_ca, bool server) {
  CertPtr cert(X509_new());
  X509_set_version(cert.get(), 2);
  random_serial(cert.get());
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24 * 3600);
  X509_set_pubkey(cert.get(), subject_key);
  set_cn(X509_get_subject_name(cert.get()), cn);
  X509* iss = issuer ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(iss));
  if (is_ca) {
    add_ext(cert.get(), iss, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_ext(cert.get(), iss, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_ext(cert.get(), iss, NID_basic_constraints, "critical,CA:FALSE");
    add_ext(cert.get(), iss, NID_key_usage, "critical,digitalSignature");
    add_ext(cert.get(), iss, NID_ext_key_usage, server ? "serverAuth" : "clientAuth");
    if (server) add_ext(cert.get(), iss, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
  }
  add_ext(cert.get(), iss, NID_subject_key_identifier, "hash");
  if (issuer) add_ext(cert.get(), iss, NID_authority_key_identifier, "keyid:always");
  if (X509_sign(cert.get(), issuer_key, EVP_sha256()) == 0) return nullptr;
  return cert;
}

}  // namespace

struct TestCa::Impl {
  CertPtr ca_cert;
  KeyPtr ca_key;
};

TestCa::TestCa(TestCa&& o) noexcept : impl_(o.impl_), files_(std::move(o.files_)) {
  o.impl_ = nullptr;
}
TestCa& TestCa::operator=(TestCa&& o) noexcept {
  std::swap(impl_, o.impl_);
  std::swap(files_, o.files_);
  return *this;
}
TestCa::~TestCa() {
  delete impl_;
}

std::optional<TestCa> TestCa::open(const std::filesystem::path& dir, std::string& error) {
  TestCa ca;
  ca.impl_ = new Impl;
  ca.files_ = {dir / "ca.pem", dir / "server.pem", dir / "server-key.pem"};
  const auto ca_key_path = dir / "ca-key.pem";
  if (std::filesystem::exists(ca.files_.ca_cert) && std::filesystem::exists(ca_key_path)) {
    ca.impl_->ca_cert = pem_to_cert(read_file(ca.files_.ca_cert));
    ca.impl_->ca_key = pem_to_key(read_file(ca_key_path));
    if (!ca.impl_->ca_cert || !ca.impl_->ca_key) {
      error = "cannot read the CA in " + dir.string();
      return std::nullopt;
    }
  } else {
    ca.impl_->ca_key = new_p256_key();
    ca.impl_->ca_cert = make_cert(ca.impl_->ca_key.get(), "Platform Simulator Test CA", nullptr,
                                  ca.impl_->ca_key.get(), 3650, true, false);
    if (!ca.impl_->ca_cert ||
        !write_file(ca.files_.ca_cert, cert_to_pem(ca.impl_->ca_cert.get())) ||
        !write_file(ca_key_path, key_to_pem(ca.impl_->ca_key.get()))) {
      error = "cannot create the CA in " + dir.string();
      return std::nullopt;
    }
  }
  // A fresh server certificate every start: cheap, and never stale.
  KeyPtr server_key = new_p256_key();
  CertPtr server = make_cert(server_key.get(), "127.0.0.1", ca.impl_->ca_cert.get(),
                             ca.impl_->ca_key.get(), 365, false, true);
  if (!server || !write_file(ca.files_.server_cert, cert_to_pem(server.get())) ||
      !write_file(ca.files_.server_key, key_to_pem(server_key.get()))) {
    error = "cannot create the server certificate";
    return std::nullopt;
  }
  return ca;
}

std::string TestCa::ca_pem() const {
  return cert_to_pem(impl_->ca_cert.get());
}

std::optional<std::string> TestCa::sign_csr(const std::string& csr_pem,
                                            const std::string& terminal_id,
                                            std::string& error) const {
  BioPtr bio(BIO_new_mem_buf(csr_pem.data(), static_cast<int>(csr_pem.size())));
  ReqPtr req(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
  if (!req) {
    error = "not a PEM certificate signing request";
    return std::nullopt;
  }
  EVP_PKEY* pub = X509_REQ_get0_pubkey(req.get());
  if (!pub || X509_REQ_verify(req.get(), pub) != 1) {
    error = "the CSR signature does not verify";
    return std::nullopt;
  }
  const bool ec = EVP_PKEY_is_a(pub, "EC");
  const bool rsa = EVP_PKEY_is_a(pub, "RSA");
  if (!(ec && EVP_PKEY_get_bits(pub) >= 256) && !(rsa && EVP_PKEY_get_bits(pub) >= 2048)) {
    error = "the key must be EC P-256 or RSA >= 2048";
    return std::nullopt;
  }
  CertPtr cert =
      make_cert(pub, terminal_id, impl_->ca_cert.get(), impl_->ca_key.get(), 365, false, false);
  if (!cert) {
    error = "signing failed";
    return std::nullopt;
  }
  return cert_to_pem(cert.get());
}

}  // namespace platform_sim
