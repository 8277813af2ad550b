#pragma once
// A script's device commands (present-card, remove-card, printer, show-qr,
// receipt-qr) carried out on the simulated devices of `kiosk run --sim`.
#include "base/expected.hpp"
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/devices/devices.hpp"
#include "kiosk/app/script.hpp"

#include <string>

namespace kiosk::app {

kx::expected<void, std::string> script_device_action(const ScriptAction& action,
                                                     devices::Devices* devices, AppEvents& events);

}  // namespace kiosk::app
