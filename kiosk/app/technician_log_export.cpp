#include "kiosk/app/technician_log_export.hpp"

#include "drivers/printer/receipt_template.hpp"

#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

namespace kiosk::app {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxExportBytes = 64ull << 20;

bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string mask_number(std::string_view run) {
  if (run.size() == 18 || run.size() == 15) return printer::mask_id(run);
  if (run.size() == 11 && run[0] == '1') return printer::mask_phone(run);
  return std::string(run.substr(0, 2)) + std::string(run.size() - 4, '*') +
         std::string(run.substr(run.size() - 2));
}

// Long digit runs (an ID number may end in X).
std::string mask_numbers(std::string_view line) {
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (!digit(line[i])) {
      out.push_back(line[i++]);
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && digit(line[j])) ++j;
    if (j - i == 17 && j < line.size() && (line[j] == 'X' || line[j] == 'x')) ++j;
    const std::string_view run = line.substr(i, j - i);
    out += run.size() >= 11 ? mask_number(run) : std::string(run);
    i = j;
  }
  return out;
}

struct Label {
  std::string_view key;
  bool address;  // an address is masked whole, a name keeps its first letter
};
constexpr std::array<Label, 8> kLabels{{{"name", false},
                                        {"姓名", false},
                                        {"citizen", false},
                                        {"holder", false},
                                        {"address", true},
                                        {"住址", true},
                                        {"地址", true},
                                        {"addr", true}}};

bool ends_value(std::string_view rest) {
  static constexpr std::array<std::string_view, 9> kEnds{" ", ",",  "\"", "'", "}",
                                                         ";", "\t", "，", "；"};
  for (std::string_view e : kEnds) {
    if (rest.starts_with(e)) return true;
  }
  return false;
}

// After `key` (case-insensitive for ASCII), an optional closing quote, a
// separator (= : ：) with spaces and an opening quote: the value's start.
std::optional<std::size_t> value_start(std::string_view line, std::size_t at,
                                       std::string_view key) {
  if (line.size() - at < key.size()) return std::nullopt;
  for (std::size_t k = 0; k < key.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(line[at + k])) !=
        static_cast<unsigned char>(key[k])) {
      return std::nullopt;
    }
  }
  // "username" is not a name label: the key must start a word.
  if (at > 0 &&
      (std::isalnum(static_cast<unsigned char>(line[at - 1])) != 0 || line[at - 1] == '_')) {
    return std::nullopt;
  }
  std::size_t p = at + key.size();
  if (p < line.size() && line[p] == '"') ++p;
  while (p < line.size() && line[p] == ' ') ++p;
  if (line.substr(p).starts_with("：")) {
    p += std::string_view("：").size();
  } else if (p < line.size() && (line[p] == '=' || line[p] == ':')) {
    ++p;
  } else {
    return std::nullopt;
  }
  while (p < line.size() && line[p] == ' ') ++p;
  return p;
}

std::string mask_labels(std::string_view line) {
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::optional<std::size_t> start;
    bool address = false;
    for (const Label& l : kLabels) {
      if ((start = value_start(line, i, l.key))) {
        address = l.address;
        break;
      }
    }
    if (!start) {
      out.push_back(line[i++]);
      continue;
    }
    // A quoted value runs to its closing quote (names and addresses hold
    // spaces); a bare name to a separator, a bare address to a comma.
    std::size_t from = *start;
    const char quote =
        from < line.size() && (line[from] == '"' || line[from] == '\'') ? line[from] : 0;
    if (quote != 0) ++from;
    out.append(line.substr(i, from - i));
    std::size_t end = from;
    while (end < line.size() && !(quote != 0 ? line[end] == quote
                                  : address  ? (line[end] == ',' || line[end] == '}')
                                             : ends_value(line.substr(end)))) {
      ++end;
    }
    const std::string_view value = line.substr(from, end - from);
    if (!value.empty()) out += address ? std::string("***") : printer::mask_name(value);
    i = end;
  }
  return out;
}

}  // namespace

std::string mask_personal_data(std::string_view line) {
  return mask_labels(mask_numbers(line));
}

kx::expected<LogExport, std::string> export_logs(const fs::path& log_dir, const fs::path& usb_root,
                                                 std::string_view terminal_id,
                                                 std::string_view stamp) {
  std::error_code ec;
  if (!fs::is_directory(usb_root, ec)) {
    return kx::unexpected("no USB stick at " + usb_root.string());
  }
  if (!fs::is_directory(log_dir, ec)) return kx::unexpected("no logs at " + log_dir.string());
  std::string name = "kiosk-logs-";
  name += terminal_id.empty() ? "unprovisioned" : terminal_id;
  name += "-";
  name += stamp;
  LogExport result;
  result.folder = usb_root / name;
  fs::create_directories(result.folder, ec);
  if (ec) return kx::unexpected("cannot write to the USB stick: " + ec.message());
  std::uintmax_t total = 0;
  for (const auto& entry : fs::directory_iterator(log_dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    total += entry.file_size(ec);
    if (total > kMaxExportBytes) return kx::unexpected("logs larger than 64 MiB; export stopped");
    std::ifstream in(entry.path(), std::ios::binary);
    std::ofstream out(result.folder / entry.path().filename(), std::ios::binary | std::ios::trunc);
    if (!in || !out) {
      return kx::unexpected("cannot copy " + entry.path().filename().string());
    }
    std::string line;
    while (std::getline(in, line)) {
      const std::string masked = mask_personal_data(line);
      out << masked << '\n';
      result.bytes += static_cast<long long>(masked.size()) + 1;
    }
    out.flush();
    if (!out) return kx::unexpected("the USB stick is full or was removed");
    ++result.files;
  }
  if (ec) return kx::unexpected("cannot list the logs: " + ec.message());
  return result;
}

std::optional<fs::path> find_usb_stick(const fs::path& mounts) {
  std::ifstream in(mounts);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string device, mount_point;
    fields >> device >> mount_point;
    if (mount_point.starts_with("/media/") || mount_point.starts_with("/run/media/")) {
      std::error_code ec;
      if (fs::is_directory(mount_point, ec)) return fs::path(mount_point);
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::app
