#include "kiosk/app/devices/script_actions.hpp"

namespace kiosk::app {

kx::expected<void, std::string> script_device_action(const ScriptAction& action,
                                                     devices::Devices* devices, AppEvents& events) {
  if (action.verb == "show-qr") {
    // The scanner's decoder reports a code as this text; the SANE path is
    // the scanner driver's own (tests/scanner).
    events.post(core::QrScanned{action.arg});
    return {};
  }
  devices::SimDevices* sim = devices ? devices->sim(std::chrono::seconds(15)) : nullptr;
  if (sim == nullptr) {
    return kx::unexpected(action.verb + " needs the simulated devices (kiosk run --sim)");
  }
  if (action.verb == "present-card") return sim->present_card(std::stoi(action.arg));
  if (action.verb == "remove-card") return sim->remove_card();
  if (action.verb == "printer") return sim->printer_action(action.arg);
  return kx::unexpected("unknown device action " + action.verb);
}

}  // namespace kiosk::app
