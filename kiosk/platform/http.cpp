#include "kiosk/platform/http.hpp"

#include "kiosk/platform/parse.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace kiosk::platform {
namespace {

std::once_flag g_curl_init;

Error make_error(FailureClass cls, ErrorCode code, std::string detail) {
  Error e;
  e.cls = cls;
  e.code = code;
  e.detail = std::move(detail);
  return e;
}

Error classify_curl(CURLcode rc, const char* errbuf, bool cancelled, bool too_large) {
  std::string detail = std::string(curl_easy_strerror(rc)) + (errbuf[0] ? ": " : "") + errbuf;
  if (rc == CURLE_ABORTED_BY_CALLBACK && cancelled)
    return make_error(FailureClass::retry_later, ErrorCode::cancelled, detail);
  if (rc == CURLE_WRITE_ERROR && too_large)
    return make_error(FailureClass::retry_later, ErrorCode::bad_response, "answer too large");
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return make_error(FailureClass::retry_later, ErrorCode::timeout, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return make_error(FailureClass::authentication, ErrorCode::server_untrusted, detail);
    case CURLE_SSL_CERTPROBLEM:
      return make_error(FailureClass::authentication, ErrorCode::certificate_rejected, detail);
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return make_error(FailureClass::permanent, ErrorCode::config, detail);
    default:
      // Refused, reset, DNS, truncated (CURLE_PARTIAL_FILE), handshake cut:
      // the network, not us. Try again later.
      return make_error(FailureClass::retry_later, ErrorCode::network, detail);
  }
}

struct Transfer {
  HttpResponse* resp;
  std::size_t max_bytes;
  bool too_large = false;
  bool cancelled = false;
  const HttpRequest* req;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t len = size * n;
  if (t->resp->body.size() + len > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts with CURLE_WRITE_ERROR
  }
  t->resp->body.append(data, len);
  return len;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t len = size * n;
  std::string line(data, len);
  const auto colon = line.find(':');
  if (colon == std::string::npos) return len;
  std::string name = line.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const std::string value = trim(line.substr(colon + 1));
  if (name == "etag") t->resp->etag = value;
  if (name == "idempotent-replayed") t->resp->replayed = value == "true";
  if (name == "retry-after") {
    // Seconds only; an HTTP date is treated like no hint.
    long long secs = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), secs);
    if (ec == std::errc() && p == value.data() + value.size() && secs >= 0 && secs < 86400)
      t->resp->retry_after = std::chrono::seconds(secs);
  }
  return len;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t ultotal, curl_off_t ulnow) {
  auto* t = static_cast<Transfer*>(user);
  if (t->req->cancel && t->req->cancel->load()) {
    t->cancelled = true;
    return 1;
  }
  if (t->req->progress && t->req->upload)
    t->req->progress(static_cast<std::uint64_t>(ulnow), static_cast<std::uint64_t>(ultotal));
  return 0;
}

}  // namespace

struct HttpSession::Shared {
  CURLSH* share = nullptr;
  std::mutex locks[CURL_LOCK_DATA_LAST];
  std::mutex pool_m;
  std::vector<CURL*> idle;

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Shared*>(user)->locks[data].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Shared*>(user)->locks[data].unlock();
  }
  CURL* take() {
    std::lock_guard g(pool_m);
    if (!idle.empty()) {
      CURL* c = idle.back();
      idle.pop_back();
      return c;
    }
    return curl_easy_init();
  }
  void give(CURL* c) {
    std::lock_guard g(pool_m);
    idle.push_back(c);
  }
  ~Shared() {
    for (CURL* c : idle) curl_easy_cleanup(c);
    if (share) curl_share_cleanup(share);
  }
};

HttpSession::HttpSession(ClientConfig cfg)
    : cfg_(std::move(cfg)), shared_(std::make_unique<Shared>()) {}
HttpSession::~HttpSession() = default;

kx::expected<std::unique_ptr<HttpSession>, Error> HttpSession::create(ClientConfig cfg) {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (cfg.base_url.rfind("https://", 0) != 0)
    return kx::unexpected(make_error(FailureClass::permanent, ErrorCode::config,
                                     "the platform URL must start with https://"));
  std::error_code ec;
  if (cfg.ca_file.empty() || !std::filesystem::exists(cfg.ca_file, ec))
    return kx::unexpected(make_error(FailureClass::authentication, ErrorCode::config,
                                     "CA file missing: " + cfg.ca_file));
  if (cfg.cert_file.empty() != cfg.key_file.empty() ||
      (!cfg.cert_file.empty() &&
       (!std::filesystem::exists(cfg.cert_file, ec) || !std::filesystem::exists(cfg.key_file, ec))))
    return kx::unexpected(make_error(FailureClass::authentication, ErrorCode::config,
                                     "device certificate or key file missing"));
  while (!cfg.base_url.empty() && cfg.base_url.back() == '/') cfg.base_url.pop_back();
  std::unique_ptr<HttpSession> s(new HttpSession(std::move(cfg)));
  auto* sh = s->shared_.get();
  sh->share = curl_share_init();
  curl_share_setopt(sh->share, CURLSHOPT_LOCKFUNC, &Shared::lock);
  curl_share_setopt(sh->share, CURLSHOPT_UNLOCKFUNC, &Shared::unlock);
  curl_share_setopt(sh->share, CURLSHOPT_USERDATA, sh);
  curl_share_setopt(sh->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
  curl_share_setopt(sh->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  curl_share_setopt(sh->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  return s;
}

kx::expected<HttpResponse, Error> HttpSession::perform(const HttpRequest& req) {
  CURL* c = shared_->take();
  if (!c)
    return kx::unexpected(
        make_error(FailureClass::retry_later, ErrorCode::network, "curl_easy_init failed"));
  curl_easy_reset(c);
  HttpResponse resp;
  Transfer t{&resp, cfg_.max_response_bytes, false, false, &req};
  char errbuf[CURL_ERROR_SIZE] = {0};
  const std::string url = cfg_.base_url + req.path;
  curl_easy_setopt(c, CURLOPT_SHARE, shared_->share);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, cfg_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(cfg_.connect_timeout.count()));
  curl_easy_setopt(
      c, CURLOPT_TIMEOUT_MS,
      static_cast<long>((req.upload ? cfg_.upload_timeout : cfg_.total_timeout).count()));
  // Verification is always on: the CA file, the host name, optionally a pin.
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_CAINFO, cfg_.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_CAPATH, nullptr);
  if (!cfg_.pinned_public_key.empty())
    curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, cfg_.pinned_public_key.c_str());
  if (!cfg_.cert_file.empty()) {
    curl_easy_setopt(c, CURLOPT_SSLCERT, cfg_.cert_file.c_str());
    curl_easy_setopt(c, CURLOPT_SSLKEY, cfg_.key_file.c_str());
  }
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);

  curl_slist* headers = nullptr;
  for (const auto& h : req.headers) headers = curl_slist_append(headers, h.c_str());
  headers = curl_slist_append(headers, "Accept: application/json, application/problem+json");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  curl_mime* mime = nullptr;
  if (!req.parts.empty()) {
    mime = curl_mime_init(c);
    for (const auto& p : req.parts) {
      curl_mimepart* part = curl_mime_addpart(mime);
      curl_mime_name(part, p.name.c_str());
      curl_mime_data(part, p.bytes->data(), p.bytes->size());
      curl_mime_type(part, p.mime.c_str());
      if (!p.filename.empty()) curl_mime_filename(part, p.filename.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
  } else if (req.method == "POST" || req.method == "PUT") {
    headers = curl_slist_append(headers, ("Content-Type: " + req.content_type).c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.body.c_str());
    if (req.method == "PUT") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

  const CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  char* ctype = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ctype);
  if (ctype) resp.content_type = ctype;
  // Detach the per-request objects before the handle goes back to the pool.
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(c, CURLOPT_MIMEPOST, nullptr);
  curl_slist_free_all(headers);
  curl_mime_free(mime);
  shared_->give(c);
  if (rc != CURLE_OK) return kx::unexpected(classify_curl(rc, errbuf, t.cancelled, t.too_large));
  resp.status = static_cast<int>(status);
  return resp;
}

Error classify_status(const HttpResponse& r) {
  Error e;
  e.http_status = r.status;
  e.retry_after = r.retry_after;
  if (r.content_type.rfind("application/problem+json", 0) == 0 ||
      r.content_type.rfind("application/json", 0) == 0)
    wire::parse_problem(r.body, e);
  if (e.detail.empty()) e.detail = "HTTP " + std::to_string(r.status);
  const int s = r.status;
  if (s == 401 || (s == 403 && e.problem_code.find("certificate") != std::string::npos)) {
    e.cls = FailureClass::authentication;
    e.code = ErrorCode::certificate_rejected;
  } else if (s == 429) {
    e.cls = FailureClass::retry_later;
    e.code = ErrorCode::rate_limited;
  } else if (s == 503) {
    e.cls = FailureClass::retry_later;
    e.code = ErrorCode::unavailable;
  } else if (s >= 500 || s == 408 || s == 425) {
    e.cls = FailureClass::retry_later;
    e.code = ErrorCode::server_error;
  } else if (s == 404) {
    e.cls = FailureClass::permanent;
    e.code = ErrorCode::not_found;
  } else if (s == 409) {
    e.cls = FailureClass::permanent;
    e.code = ErrorCode::conflict;
  } else if (s == 422) {
    e.cls = FailureClass::permanent;
    e.code = e.problem_code == "idempotency_key_reused" ? ErrorCode::idempotency_conflict
                                                        : ErrorCode::validation;
  } else if (s >= 400) {
    e.cls = FailureClass::permanent;
    e.code = ErrorCode::rejected;
  } else {
    // 1xx/3xx we did not ask for: the answer is unusable.
    e.cls = FailureClass::retry_later;
    e.code = ErrorCode::bad_response;
  }
  return e;
}

}  // namespace kiosk::platform
