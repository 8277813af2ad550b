#pragma once
// The appointment and hall effects of the session (FetchHalls, FetchSlots,
// BookAppointment, CancelAppointment) carried out with the platform client,
// on PlatformEffects' worker thread; each answer is posted back as a core
// event. Booking and cancelling are never queued offline: without the
// platform they fail at once with "booking needs the network".
#include "kiosk/app/app_events.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/platform/client.hpp"

namespace kiosk::app {

bool is_appointment_effect(const core::Effect& effect);
// Carries out an appointment effect (does nothing for any other).
void carry_out_appointment(platform::PlatformClient& client, AppEvents& events,
                           const core::Effect& effect);
// Answers an appointment effect with a failure: the platform cannot be used.
void fail_appointment(AppEvents& events, const core::Effect& effect);

// The platform's answers, as the session core knows them.
core::Hall to_core(const platform::Hall& hall);
core::Slot to_core(const platform::Slot& slot);
// What to tell a citizen about a failed booking or cancellation.
std::string appointment_error_text_id(const platform::Error& error);

}  // namespace kiosk::app
