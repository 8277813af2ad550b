#pragma once
// Which config the running kiosk uses, and its health report after a switch
// (docs/config.md, "Atomic apply and the health rollback").
//
// The signed-config store (STATE/config) wins over the config folder the
// image ships (--config, /etc/kiosk) once an operator's bundle is installed.
// At start an unconfirmed switch that is overdue is rolled back first (the
// app kept failing on it), then the app records that it started on the
// pending config, and reports healthy once it has drawn its first frame and
// kept running for a settle time. While it runs, a switch made by the config
// agent is noticed so the app can restart onto it between sessions.
#include "config/bundle/install.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::app {

inline constexpr std::chrono::seconds kDefaultHealthSettle{30};

struct RunningConfig {
  std::filesystem::path dir;                   // what config::load reads
  std::optional<std::filesystem::path> store;  // set when the store is in use
  std::string folder;                          // STORE/current's version folder, or ""
  std::filesystem::path watch;                 // the store, watched for a new switch
};

// At start: the store's overdue switch rolled back, then STORE/current when
// the store has one, else `config_dir`. Logs what it chose and why.
RunningConfig choose_config(const std::filesystem::path& config_dir,
                            const std::filesystem::path& store, config::bundle::Time now,
                            std::chrono::seconds grace);

// The folder the kiosk's config comes from, changing nothing (for `kiosk
// selftest` and the technician's device tests): the store's current config
// once an operator's bundle is installed, else `config_dir`.
std::filesystem::path config_dir_in_use(const std::filesystem::path& config_dir,
                                        const std::filesystem::path& store);

class HealthReport {
 public:
  HealthReport(RunningConfig running, std::chrono::seconds settle, std::chrono::seconds grace);

  // The config loaded and the app is starting on it (before the screen opens,
  // so a crash-looping app is still judged).
  void starting(config::bundle::Time now);
  // The first complete frame was drawn.
  void first_frame(config::bundle::Time now);
  // Each loop pass: reports healthy once settled (once). True when it did.
  bool tick(config::bundle::Time now);
  // When the report is due (for the loop's timed wait), if still owed.
  std::optional<config::bundle::Time> due() const;
  bool reported() const { return reported_; }

  // STORE/current names another folder than the one the app loaded (the
  // agent installed a config, or rolled one back): restart between sessions.
  bool config_switched() const;

 private:
  RunningConfig running_;
  std::chrono::seconds settle_, grace_;
  std::optional<config::bundle::Time> first_frame_;
  bool reported_ = false;
};

}  // namespace kiosk::app
