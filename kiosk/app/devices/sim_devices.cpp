#include "kiosk/app/devices/sim_devices.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace kiosk::app::devices {
namespace {
constexpr std::chrono::seconds kStartTimeout{10};
constexpr std::chrono::seconds kAckTimeout{5};
}  // namespace

std::filesystem::path default_devsim_binary() {
  if (const char* env = std::getenv("KIOSK_DEVSIM"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return self.parent_path() / "kiosk-devsim";
}

void use_simulated_scanner(const std::filesystem::path& state_dir) {
  if (std::getenv("SANE_CONFIG_DIR") != nullptr) return;
  const auto dir = state_dir / "sim-sane.d";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::ofstream(dir / "dll.conf", std::ios::trunc)
      << "# kiosk run --sim: SANE's test scanner only\ntest\n";
  ::setenv("SANE_CONFIG_DIR", dir.c_str(), 1);
}

kx::expected<std::unique_ptr<SimDevices>, std::string> SimDevices::start(
    std::filesystem::path binary, const std::vector<std::string>& printer_args) {
  if (binary.empty()) binary = default_devsim_binary();
  std::error_code ec;
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  const std::filesystem::path base = runtime != nullptr && *runtime != '\0'
                                         ? std::filesystem::path(runtime)
                                         : std::filesystem::temp_directory_path(ec);
  std::string tmpl = (base / "kiosk-sim-devices-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    return kx::unexpected("cannot create a folder under " + base.string());
  }
  std::unique_ptr<SimDevices> sim(new SimDevices);
  sim->folder_ = tmpl;
  std::filesystem::create_directories(sim->receipts(), ec);

  std::vector<std::string> reader_argv = {binary.string(), "idcard", "--present", "-1"};
  // The synthetic cards beside the simulator's sources, wherever the kiosk
  // runs from ($KIOSK_IDCARD_CARDS, read by the simulator, wins).
  const auto cards =
      std::filesystem::path(KIOSK_BUNDLED_CONFIG_DIR) / "../../tools/devsim/idcard" / "cards.json";
  if (std::getenv("KIOSK_IDCARD_CARDS") == nullptr && std::filesystem::exists(cards, ec)) {
    reader_argv.insert(reader_argv.end(), {"--cards", cards.lexically_normal().string()});
  }
  auto reader = ChildProcess::spawn(reader_argv);
  if (!reader) return kx::unexpected("card reader simulator: " + reader.error());
  sim->reader_ = std::make_unique<ChildProcess>(std::move(*reader));
  auto port = sim->reader_->read_line(kStartTimeout);
  if (!port) return kx::unexpected("card reader simulator: " + port.error());
  sim->reader_port_ = *port;

  std::vector<std::string> printer_argv = {binary.string(), "printer",
                                           "--out-dir",     sim->receipts().string(),
                                           "--link",        sim->printer_port().string()};
  printer_argv.insert(printer_argv.end(), printer_args.begin(), printer_args.end());
  auto printer = ChildProcess::spawn(printer_argv);
  if (!printer) return kx::unexpected("printer simulator: " + printer.error());
  sim->printer_ = std::make_unique<ChildProcess>(std::move(*printer));
  auto printer_pty = sim->printer_->read_line(kStartTimeout);
  if (!printer_pty) return kx::unexpected("printer simulator: " + printer_pty.error());
  return sim;
}

SimDevices::~SimDevices() {
  reader_.reset();
  printer_.reset();
  std::error_code ec;
  if (!folder_.empty()) std::filesystem::remove_all(folder_, ec);
}

kx::expected<void, std::string> SimDevices::reader_command(const std::string& command,
                                                           const std::string& ack) {
  std::lock_guard lock(mutex_);
  if (!reader_->write_line(command)) return kx::unexpected(std::string("reader simulator gone"));
  for (;;) {
    auto line = reader_->read_line(kAckTimeout);
    if (!line) return kx::unexpected("reader simulator: " + line.error());
    if (*line == ack) return {};
    if (line->starts_with("error")) return kx::unexpected("reader simulator: " + *line);
  }
}

kx::expected<void, std::string> SimDevices::present_card(int n) {
  return reader_command("present " + std::to_string(n), "ok present " + std::to_string(n));
}

kx::expected<void, std::string> SimDevices::remove_card() {
  return reader_command("remove", "ok remove");
}

kx::expected<void, std::string> SimDevices::printer_action(const std::string& action) {
  std::lock_guard lock(mutex_);
  if (!printer_->write_line(action)) return kx::unexpected(std::string("printer simulator gone"));
  return {};
}

}  // namespace kiosk::app::devices
