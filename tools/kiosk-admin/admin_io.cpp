#include "tools/kiosk-admin/admin_io.hpp"

#include "config/bundle/durable_file.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace kiosk_admin {

std::optional<std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path.string() << "\n";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<std::vector<std::string>> read_keys(const std::vector<std::string>& paths) {
  std::vector<std::string> pems;
  for (const auto& p : paths) {
    auto pem = read_text(p);
    if (!pem) return std::nullopt;
    pems.push_back(std::move(*pem));
  }
  return pems;
}

bool write_text(const std::filesystem::path& path, const std::string& bytes, unsigned mode) {
  auto w = config::bundle::durable::replace_file(path, bytes, mode);
  if (!w) std::cerr << w.error() << "\n";
  return w.has_value();
}

}  // namespace kiosk_admin
