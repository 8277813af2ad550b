#pragma once
// The outbox's Sender over the platform client: the one place that knows
// both the offline cache (kinds, bytes, SendResult) and the platform
// (typed requests, error classes). The cache stays ignorant of the platform.
//
// Item kinds and their payloads (JSON written by outbox_item(), read back
// by OutboxSender::send(); encrypted at rest by the cache):
//   pre_application  PlatformClient::submit_pre_application; material pages
//                    travel as attachments "m<i>-p<j>" (no personal data in names)
//   appointment      PlatformClient::book
//   rating           PlatformClient::rate
//   heartbeat        PlatformClient::heartbeat (coalesced per terminal)
// Every call passes the item's idempotency key, so a resend after a crash
// or a lost answer is a replay at the platform, never a second record.
#include "base/expected.hpp"
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/error.hpp"
#include "kiosk/platform/types.hpp"
#include "offline_cache/item.hpp"
#include "offline_cache/sender.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk::app {

inline constexpr std::string_view kOutboxPreApplication = "pre_application";
inline constexpr std::string_view kOutboxAppointment = "appointment";
inline constexpr std::string_view kOutboxRating = "rating";
inline constexpr std::string_view kOutboxHeartbeat = "heartbeat";

// Items ready for Store::enqueue(). An empty key lets the cache make one;
// a caller's own key must not contain personal data (stored in the clear).
offline_cache::NewItem outbox_item(const kiosk::platform::PreApplicationRequest& r,
                                   std::string idempotency_key = {});
offline_cache::NewItem outbox_item(const kiosk::platform::AppointmentRequest& r,
                                   std::string idempotency_key = {});
offline_cache::NewItem outbox_item(const kiosk::platform::RatingRequest& r,
                                   std::string idempotency_key = {});
offline_cache::NewItem outbox_item(const kiosk::platform::Heartbeat& h,
                                   std::string idempotency_key = {});

// How the worker should treat a platform error:
//   retry_later + HTTP answer (5xx, 429, 503, bad answer) -> retry, Retry-After kept
//   retry_later without an answer (refused, reset, timeout) -> unreachable (offline)
//   permanent (409, 422, other 4xx)                        -> rejected with the reason
//   authentication (device or platform certificate)        -> unreachable: never
//     dead-letter an item because the kiosk needs re-enrolment; the reason says so.
// Reasons carry status, problem code and field paths only, never field values.
offline_cache::SendResult to_send_result(const kiosk::platform::Error& e);

// Told when a pre-application is delivered: its idempotency key and the
// platform's case number (the submitting page waits for it).
using CaseNumberListener =
    std::function<void(std::string_view idempotency_key, const std::string& case_number)>;

class OutboxSender final : public offline_cache::Sender {
 public:
  explicit OutboxSender(kiosk::platform::PlatformClient& client,
                        CaseNumberListener on_case_number = {})
      : client_(client), on_case_number_(std::move(on_case_number)) {}
  offline_cache::SendResult send(const offline_cache::Delivery& d) override;

 private:
  kiosk::platform::PlatformClient& client_;
  CaseNumberListener on_case_number_;
};

}  // namespace kiosk::app
