#pragma once
// The kiosk's client of the city's government-service platform. Every call
// returns a typed answer or an Error whose class (retry later / permanent /
// authentication) tells the UI and the outbox what to do. State-changing
// calls take the Idempotency-Key from the caller, so that a retry of the
// same logical request replays instead of creating a second record.
//
// Privacy: the client logs nothing but method, path, status and error code;
// bodies (names, ID numbers, scans) never reach a log.
#include "base/expected.hpp"
#include "kiosk/platform/error.hpp"
#include "kiosk/platform/http.hpp"
#include "kiosk/platform/types.hpp"

#include <memory>
#include <string>

namespace kiosk::platform {

template <class T>
using Result = kx::expected<T, Error>;

// A fresh random key (UUID v4 text) for one logical state-changing request.
std::string new_idempotency_key();

struct Upload {
  ProgressFn progress;                        // optional
  const std::atomic<bool>* cancel = nullptr;  // optional; set to true to abort
};

class PlatformClient {
 public:
  static Result<std::unique_ptr<PlatformClient>> create(ClientConfig cfg);

  Result<Enrolment> enrol(const EnrolmentRequest& r, const std::string& idempotency_key);
  Result<Ping> ping();
  // Conditional GET: pass the ETag of the catalogue you hold (or "").
  Result<CatalogueFetch> catalogue(const std::string& if_none_match = {});
  // One service item by its code (事项编码); an unknown code is a permanent
  // error with HTTP status 404.
  Result<ServiceItem> catalogue_item(const std::string& item_code);
  Result<std::vector<Hall>> halls();
  Result<TerminalSelf> terminal_self();
  Result<std::vector<Slot>> slots(const std::string& item_code, const std::string& hall_code,
                                  const std::string& date);
  Result<Appointment> book(const AppointmentRequest& r, const std::string& idempotency_key);
  Result<Appointment> cancel_appointment(const std::string& appointment_id,
                                         const std::string& idempotency_key);
  Result<Ticket> take_ticket(const TicketRequest& r, const std::string& idempotency_key);
  Result<Ticket> check_in(const std::string& confirmation_code, const std::string& hall_code,
                          const std::string& idempotency_key);
  Result<CaseStatus> submit_pre_application(const PreApplicationRequest& r,
                                            const std::string& idempotency_key,
                                            const Upload& upload = {});
  Result<CaseStatus> case_status(const std::string& case_number);
  // The cases of the holder of this ID number, newest first (none: empty).
  // A POST, so that the number is in no URL and no access log.
  Result<std::vector<CaseStatus>> cases_of_holder(const std::string& id_number);
  Result<std::vector<ELicence>> elicences(const Person& holder, const Consent& consent,
                                          const std::string& idempotency_key);
  Result<RatingResult> rate(const RatingRequest& r, const std::string& idempotency_key);
  Result<HeartbeatAck> heartbeat(const Heartbeat& h, const std::string& idempotency_key);

  // True when the last state-changing answer was a replay of an earlier one.
  bool last_was_replay() const { return last_replayed_; }

 private:
  explicit PlatformClient(std::unique_ptr<HttpSession> http) : http_(std::move(http)) {}
  Result<HttpResponse> call(HttpRequest req, std::initializer_list<int> ok_statuses);
  std::unique_ptr<HttpSession> http_;
  bool last_replayed_ = false;
};

// Generates an EC P-256 device key and a CSR for it (CN = `common_name`).
struct KeyAndCsr {
  std::string key_pem;
  std::string csr_pem;
};
Result<KeyAndCsr> make_device_key_and_csr(const std::string& common_name);

}  // namespace kiosk::platform
