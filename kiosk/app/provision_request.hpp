#pragma once
// What the technician screen asks of provisioning, and what it hears back,
// as the app's technician service passes it to the steps (which live with
// `kiosk provision` in kiosk/app/cli/provision_steps and reach the app
// through TechnicianOptions::provision, like the device tests).
#include <functional>
#include <string>

namespace kiosk::app {

struct ProvisionRequest {
  std::string platform_url, token, hall, terminal;
  std::string ca_file, root_file;  // absolute paths; root_file "" = none to pin
};

// A step's progress: started, done (or skipped as done before), failed.
struct ProvisionNote {
  enum Kind { skipped, started, done, failed, output } kind = started;
  std::string step;
  std::string text;  // failed: why (zh / en); output: what the step printed
};
using ProvisionObserver = std::function<void(const ProvisionNote&)>;

struct ProvisionOutcome {
  bool ok = false;
  std::string failed_step, reason;  // when !ok
  std::string terminal_id;          // when ok
};

}  // namespace kiosk::app
