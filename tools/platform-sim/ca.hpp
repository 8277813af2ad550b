#pragma once
// The simulator's own test CA. It signs the HTTPS server certificate and the
// device certificates issued at enrolment, exactly as the city's platform CA
// would. Keys are EC P-256. Files live in the --state folder so a restarted
// simulator keeps trusting the kiosks it enrolled before.
#include <filesystem>
#include <optional>
#include <string>

namespace platform_sim {

struct CaFiles {
  std::filesystem::path ca_cert;      // ca.pem: what clients trust
  std::filesystem::path server_cert;  // server.pem
  std::filesystem::path server_key;   // server-key.pem
};

class TestCa {
 public:
  // Loads the CA from `state_dir`, or creates it (and a fresh server cert for
  // 127.0.0.1/localhost) on first start. nullopt with `error` set on failure.
  static std::optional<TestCa> open(const std::filesystem::path& state_dir, std::string& error);

  TestCa(TestCa&&) noexcept;
  TestCa& operator=(TestCa&&) noexcept;
  TestCa(const TestCa&) = delete;
  TestCa& operator=(const TestCa&) = delete;
  ~TestCa();

  const CaFiles& files() const { return files_; }
  std::string ca_pem() const;

  // Verifies the CSR's self-signature and key type, then issues a client
  // certificate with CN=terminal_id valid for a year. Returns the PEM, or
  // nullopt with `error` naming what is wrong with the CSR.
  std::optional<std::string> sign_csr(const std::string& csr_pem, const std::string& terminal_id,
                                      std::string& error) const;

 private:
  TestCa() = default;
  struct Impl;
  Impl* impl_ = nullptr;
  CaFiles files_;
};

}  // namespace platform_sim
