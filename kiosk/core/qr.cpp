#include "kiosk/core/qr.hpp"

#include <algorithm>

namespace core {
namespace {

constexpr std::size_t kMaxValue = 40;

bool value_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
}

struct Route {
  std::string_view segment;
  QrCode::Kind kind;
};
constexpr Route kRoutes[] = {{"/appt/", QrCode::Kind::appointment},
                             {"/q/", QrCode::Kind::ticket},
                             {"/case/", QrCode::Kind::case_number}};

}  // namespace

QrCode parse_qr(std::string_view text) {
  // Only http(s) URLs: the scheme and host are not checked further, so a
  // slip printed before a change of site still works.
  if (!text.starts_with("https://") && !text.starts_with("http://")) return {};
  const auto host_end = text.find('/', text.find("//") + 2);
  if (host_end == std::string_view::npos) return {};
  const std::string_view path = text.substr(host_end);
  for (const Route& r : kRoutes) {
    if (!path.starts_with(r.segment)) continue;
    std::string_view value = path.substr(r.segment.size());
    value = value.substr(0, std::min(value.find('?'), value.find('#')));
    if (value.empty() || value.size() > kMaxValue ||
        !std::all_of(value.begin(), value.end(), value_char)) {
      return {};
    }
    return QrCode{r.kind, std::string(value)};
  }
  return {};
}

std::string qr_url(std::string_view public_url, QrCode::Kind kind, std::string_view value) {
  for (const Route& r : kRoutes) {
    if (r.kind == kind)
      return std::string(public_url) + std::string(r.segment) + std::string(value);
  }
  return {};
}

}  // namespace core
