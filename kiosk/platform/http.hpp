#pragma once
// The client's transport: libcurl over HTTPS with mutual TLS. One pool of
// easy handles shares a connection cache, TLS sessions and DNS, so calls
// from the UI and the outbox reuse connections. TLS verification is always
// on; there is no switch to turn it off.
#include "base/expected.hpp"
#include "kiosk/platform/error.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::platform {

struct ClientConfig {
  std::string base_url;           // https://host:port
  std::string ca_file;            // PEM bundle the platform's chain must verify against
  std::string pinned_public_key;  // optional, curl syntax "sha256//BASE64" (several with ';')
  std::string cert_file;          // device certificate (PEM); empty only for enrolment
  std::string key_file;           // device key (PEM)
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{20000};
  std::chrono::milliseconds upload_timeout{120000};  // for pre-applications
  std::size_t max_response_bytes = 8u << 20;
  std::string user_agent = "kiosk";
};

// Upload progress for the UI: bytes sent so far and the total (0 if unknown).
using ProgressFn = std::function<void(std::uint64_t sent, std::uint64_t total)>;

struct Part {
  std::string name, filename, mime;
  std::shared_ptr<const std::string> bytes;
};

struct HttpRequest {
  std::string method = "GET";
  std::string path;                  // "/v1/catalogue"
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::string content_type;  // for body
  std::vector<Part> parts;   // multipart/form-data instead of body
  bool upload = false;       // use upload_timeout
  ProgressFn progress;
  const std::atomic<bool>* cancel = nullptr;
};

struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string etag;
  std::string body;
  std::optional<std::chrono::seconds> retry_after;
  bool replayed = false;  // Idempotent-Replayed: true
};

class HttpSession {
 public:
  static kx::expected<std::unique_ptr<HttpSession>, Error> create(ClientConfig cfg);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // Transport failures come back as Error; any HTTP status is a response.
  kx::expected<HttpResponse, Error> perform(const HttpRequest& req);
  const ClientConfig& config() const { return cfg_; }

 private:
  explicit HttpSession(ClientConfig cfg);
  struct Shared;
  ClientConfig cfg_;
  std::unique_ptr<Shared> shared_;
};

// Maps an HTTP answer that is not a success to an Error of the right class.
Error classify_status(const HttpResponse& r);

}  // namespace kiosk::platform
