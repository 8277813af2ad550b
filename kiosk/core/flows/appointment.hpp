#pragma once
// Appointment: book (item -> hall -> day -> slot -> confirm -> slip) and
// cancel by the slip's QR or confirmation code. The sub-state grows with
// the flow (h5); today the screen says the flow is coming.
namespace core {

struct AppointmentState {
  bool operator==(const AppointmentState&) const = default;
};

}  // namespace core
