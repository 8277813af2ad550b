#pragma once
// Carries out the pre-application's submission (core::SubmitPreApplication):
// the form, the applicant from the card, the delivery and the materials
// (scanned pages from the app's page store, e-licence references) become
// one outbox item under a fresh idempotency key. Durable when enqueue
// returns; the outbox delivers it at once when online, otherwise when the
// network returns. Answers PreApplyQueued (with a local reference for the
// receipt) or PreApplyQueueFailed; the case number comes back later as
// PreApplyDelivered (outbox_events.cpp). Nothing of the citizen is logged.
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/outbox_service.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/platform/types.hpp"

#include <functional>
#include <optional>

namespace kiosk::app {

// The full page behind a thumbnail's handle (the materials step's store);
// nullopt when it is gone.
using PageLookup = std::function<std::optional<kiosk::platform::Page>(core::PageHandle)>;

// The platform request of a submission.
kiosk::platform::PreApplicationRequest pre_application_request(
    const core::SubmitPreApplication& submit, const PageLookup& pages);

// "L-000042": what the citizen is shown until the platform gives a number.
std::string local_reference(std::int64_t outbox_id);

// True when `effect` was a SubmitPreApplication (and it was carried out).
// `outbox` may be null (it could not open): the citizen is told at once.
bool take_preapply_effect(OutboxService* outbox, AppEvents& events, const PageLookup& pages,
                          const core::Effect& effect);

}  // namespace kiosk::app
