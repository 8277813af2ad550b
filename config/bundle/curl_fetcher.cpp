#include "config/bundle/curl_fetcher.hpp"

#include <curl/curl.h>

namespace config::bundle {
namespace {

struct Body {
  std::string data;
  std::size_t max = 0;
  bool too_long = false;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* body = static_cast<Body*>(user);
  if (body->data.size() + size * n > body->max) {
    body->too_long = true;
    return 0;  // aborts the transfer
  }
  body->data.append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  const std::string_view line(data, size * n);
  constexpr std::string_view kEtag = "etag:";
  if (line.size() > kEtag.size()) {
    std::string name(line.substr(0, kEtag.size()));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == kEtag) {
      auto value = line.substr(kEtag.size());
      const auto b = value.find_first_not_of(" \t");
      const auto e = value.find_last_not_of(" \t\r\n");
      *static_cast<std::string*>(user) =
          b == std::string_view::npos ? "" : std::string(value.substr(b, e - b + 1));
    }
  }
  return size * n;
}

class CurlFetcher : public Fetcher {
 public:
  explicit CurlFetcher(CurlSettings s) : s_(std::move(s)), curl_(curl_easy_init()) {}
  ~CurlFetcher() override { curl_easy_cleanup(curl_); }
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  kx::expected<FetchResult, std::string> get(const std::string& path,
                                             const std::string& if_none_match,
                                             std::size_t max_bytes) override {
    if (curl_ == nullptr) return kx::unexpected(std::string("libcurl failed to start"));
    curl_easy_reset(curl_);  // keeps the connection for the next request
    const std::string url = s_.base_url + "/" + path;
    Body body{{}, max_bytes, false};
    FetchResult out;
    curl_slist* headers = nullptr;
    if (!if_none_match.empty()) {
      headers = curl_slist_append(headers, ("If-None-Match: " + if_none_match).c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "https");
    if (!s_.ca_file.empty()) curl_easy_setopt(curl_, CURLOPT_CAINFO, s_.ca_file.c_str());
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, s_.timeout_s);
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &out.etag);
    const CURLcode rc = curl_easy_perform(curl_);
    curl_slist_free_all(headers);
    if (body.too_long) {
      return kx::unexpected(path + " is longer than " + std::to_string(max_bytes) + " bytes");
    }
    if (rc != CURLE_OK) return kx::unexpected(url + ": " + curl_easy_strerror(rc));
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &out.status);
    if (out.status == 200) out.body = std::move(body.data);
    return out;
  }

 private:
  CurlSettings s_;
  CURL* curl_;
};

}  // namespace

std::unique_ptr<Fetcher> make_curl_fetcher(CurlSettings settings) {
  return std::make_unique<CurlFetcher>(std::move(settings));
}

}  // namespace config::bundle
