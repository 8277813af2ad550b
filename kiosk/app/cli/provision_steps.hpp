#pragma once
// The steps of provisioning, shared by `kiosk provision` and the technician
// screen. Each is recorded in <state>/provision/state.json when done, so a
// second run skips what is done and an interrupted run resumes:
//   certificate  EC P-256 key (0600) → CSR + one-time token → platform →
//                certificate and platform CA stored
//   outbox_key   the outbox's key file (offline_cache)
//   root         the operators' root.json pinned
//   selftest     `kiosk selftest`'s checks must pass (configured devices)
//   slip         the provisioning slip (slip.txt, and the receipt printer)
// A token is spent by the platform when it answers; if the run dies between
// that answer and storing the certificate, a new token is needed.
#include "kiosk/app/cli/selftest_devices.hpp"
#include "kiosk/app/provision_files.hpp"
#include "kiosk/app/provision_request.hpp"

namespace kiosk::provision {

// Runs the steps not done yet, in order, telling `observe` of each; stops at
// the first that fails.
kiosk::app::ProvisionOutcome run_provisioning(const kiosk::app::ProvisionRequest& request,
                                              const Files& files, const DeviceAddresses& devices,
                                              const kiosk::app::ProvisionObserver& observe);

}  // namespace kiosk::provision
