#pragma once
// Between the outbox service and the session core, for `kiosk run`: opens
// the outbox, turns its status into core::OutboxChanged events, and carries
// out the core's outbox effects (EnqueueRating).
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/outbox_service.hpp"
#include "kiosk/core/session.hpp"

#include <filesystem>
#include <memory>

namespace kiosk::app {

core::OutboxChanged to_core_event(const offline_cache::OutboxStatus& status);

// Opens <state_dir>/outbox (with `sim`, creating the key on the first run)
// and posts every status change. When it cannot open (not provisioned,
// damaged, another owner) it says why in Chinese and English and posts
// accepting=false, so the screens stop offering submissions; nullptr then.
std::unique_ptr<OutboxService> start_outbox(const std::filesystem::path& state_dir, bool sim,
                                            AppEvents& events);

// True when `effect` was the outbox's to carry out (and it was).
bool take_outbox_effect(OutboxService& outbox, const core::Effect& effect);

}  // namespace kiosk::app
