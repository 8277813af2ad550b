#pragma once
// Fetcher over libcurl: HTTPS GET with If-None-Match, a CA file for private
// or test certificates, a timeout, and a hard cap on the body size.
#include "config/bundle/agent.hpp"

#include <memory>

namespace config::bundle {

struct CurlSettings {
  std::string base_url;  // e.g. https://config.example.gov.cn/fleet (no trailing /)
  std::string ca_file;   // "" = the system store
  long timeout_s = 30;
};

std::unique_ptr<Fetcher> make_curl_fetcher(CurlSettings settings);

}  // namespace config::bundle
