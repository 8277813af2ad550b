#pragma once
// Carries out technician mode's effects (kiosk/core/flows/technician.hpp):
// checks PINs against the hash in config with the lockout of
// config/technician, runs the device tests (the `kiosk selftest` checks)
// and the log export on its own worker thread, applies and persists
// volume, brightness and the touch orientation, runs provisioning for the
// technician screen, and maps every touch through that orientation. Every entry attempt and action
// is logged; the PIN never is.
#include "config/config.hpp"
#include "config/technician/pin.hpp"
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/technician_options.hpp"
#include "kiosk/app/technician_recent_errors.hpp"
#include "kiosk/app/technician_settings.hpp"
#include "kiosk/core/effects.hpp"

#include <SDL.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk::app {

class TechnicianService {
 public:
  TechnicianService(AppEvents& events, const config::KioskConfig& cfg,
                    std::filesystem::path state_dir, TechnicianOptions options,
                    std::unique_ptr<VolumeOutput> volume = std::make_unique<RecordedVolume>());
  ~TechnicianService();
  TechnicianService(const TechnicianService&) = delete;
  TechnicianService& operator=(const TechnicianService&) = delete;

  // True for the effects it takes.
  bool take(const core::Effect& effect);
  // A touch (mouse) event as the panel reported it -> where it is on the
  // picture, through the calibrated orientation. Other events pass as they are.
  SDL_Event map_touch(SDL_Event event, int width, int height) const;
  const TechSettings& settings() const { return settings_; }
  // True once provisioning from the screen completed: the app restarts
  // between sessions to run as the new terminal (certificate, outbox key).
  bool provisioned() const { return provisioned_; }

 private:
  void run_on_worker(std::function<void()> job);
  void worker_loop();
  void check_pin(core::RequestId request, const std::string& pin, const std::string& via);
  void run_action(core::TechAction action);
  void provision(const core::TechProvision& request);
  // The app's reader and printer services stay off their ports meanwhile.
  std::optional<devices::PortShare::Hold> quiet_devices();
  core::TechInfo info();
  void apply_level(core::TechLevel level, int percent);
  void save();
  // STATE/technician/lockout: wrong PINs and the lockout, kept across restarts.
  std::filesystem::path lockout_file() const { return state_dir_ / "technician" / "lockout"; }

  AppEvents& events_;
  std::string pin_hash_;
  config::technician::LockoutPolicy policy_;
  config::technician::LockoutState lockout_;  // loaded before the worker starts; then its own
  std::string config_version_, terminal_id_, hall_id_;
  config::Provisioning provisioning_;
  std::atomic<bool> provisioned_ = false;
  std::filesystem::path state_dir_;
  TechnicianOptions options_;
  std::unique_ptr<VolumeOutput> volume_;
  std::mutex settings_mutex_;  // written on the UI thread, read by the worker
  TechSettings settings_;
  std::shared_ptr<RecentErrors> recent_errors_;
  std::shared_ptr<spdlog::sinks::sink> log_file_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace kiosk::app
