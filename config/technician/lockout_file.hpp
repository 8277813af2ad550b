#pragma once
// The technician-entry lockout kept on disk, so that switching the kiosk off
// and on does not give a PIN guesser a fresh set of attempts. One line,
// "<failures> <locked until, unix seconds; 0: not locked>", replaced
// atomically (written, fsynced, renamed) on every change.
#include "config/technician/pin.hpp"

#include <filesystem>

namespace config::technician {

// The kept state; a fresh one when the file is absent. A file that cannot be
// read as a lockout state counts as one full lockout from `now`: whoever can
// damage the file could otherwise reset the counter by damaging it.
LockoutState load_lockout(const std::filesystem::path& file, Time now, const LockoutPolicy& policy);

// Durable when it returns true (written, fsynced, renamed, folder synced).
bool save_lockout(const std::filesystem::path& file, const LockoutState& state);

}  // namespace config::technician
