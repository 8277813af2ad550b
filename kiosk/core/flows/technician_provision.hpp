#pragma once
// Provisioning from the technician screen (开通终端): the same steps as
// `kiosk provision`, run by the app on the technician worker. The image's
// config names the platform and its trust anchors; the technician types the
// one-time token on the on-screen keyboard and confirms the hall and the
// terminal id (prefilled from config). The page lists the steps as the app
// reports them; a run stopped by a fault is resumed by starting again (the
// steps already done are skipped, and the token is needed only until the
// certificate is stored).
#include "kiosk/core/keyboard.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class ProvisionField { token, hall, terminal };
const char* text_id(ProvisionField field);  // "technician.provision.token", ...

// The steps in order, by the names provisioning records in its progress file.
inline constexpr std::array<std::string_view, 5> kProvisionSteps{"certificate", "outbox_key",
                                                                 "root", "selftest", "slip"};
std::string provision_step_text_id(std::string_view step);  // "technician.provision.step.root"

struct TechProvisionState {
  KeyboardState token, hall, terminal;  // Latin mode, caps on: codes are upper case
  ProvisionField focus = ProvisionField::token;
  std::vector<std::string> done;  // steps done, as the app last reported
  std::string current;            // the step running now
  bool running = false;
  bool complete = false;
  std::string message_id;  // why it cannot start: "technician.provision.need_token", ...
  std::string failed_step;
  std::string detail;       // the failing step's own words (zh / en)
  std::string terminal_id;  // as the platform assigned it
  KeyboardState& field(ProvisionField f) {
    return f == ProvisionField::token ? token : f == ProvisionField::hall ? hall : terminal;
  }
  const KeyboardState& field(ProvisionField f) const {
    return f == ProvisionField::token ? token : f == ProvisionField::hall ? hall : terminal;
  }
  bool has_done(std::string_view step) const;
  bool operator==(const TechProvisionState&) const = default;
};

// --- events --------------------------------------------------------------------
struct TechOpenProvision {};
struct TechProvisionFocus {
  ProvisionField field;
};
struct TechProvisionKey {
  Key key;  // pressed on the keyboard of the focused field
};
struct TechProvisionStart {};
// The app's reports from the worker: a step started, or finished.
struct TechProvisionStep {
  std::string step;
  bool finished = false;
};
struct TechProvisionDone {
  bool ok = false;
  std::string failed_step;  // when !ok
  std::string detail;
  std::string terminal_id;  // when ok
};

// --- effect (kiosk/app/technician_service) --------------------------------------
// Run the provisioning steps not done yet (answered by TechProvisionStep
// reports and one TechProvisionDone). The token leaves the state only here
// and is never logged.
struct TechProvision {
  std::string token, hall, terminal;
  bool operator==(const TechProvision&) const = default;
};

}  // namespace core
