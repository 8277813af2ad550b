#pragma once
// What the session asks the app to do. The app (kiosk/app) carries each out
// off the UI thread and answers with an event (TicketIssued, PrintDone, …)
// that names the request it answers.
#include "kiosk/core/flows/halls.hpp"
#include "kiosk/core/flows/materials.hpp"
#include "kiosk/core/flows/preapply.hpp"
#include "kiosk/core/flows/technician.hpp"
#include "kiosk/core/texts.hpp"
#include "kiosk/core/types.hpp"

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace core {

// Speak a configured text (closed functionality, EN 301 549 5.1). Only
// text ids: personal data is never spoken on the loudspeaker.
struct Speak {
  std::string text_id;
  Lang lang;
  bool operator==(const Speak&) const = default;
};
struct NotifyStaff {
  bool operator==(const NotifyStaff&) const = default;
};
// The session ended (timeout or finish): the app wipes personal data from
// memory, screen and every cache but the outbox.
struct WipeSession {
  bool operator==(const WipeSession&) const = default;
};

// --- devices (kiosk/app/devices) ------------------------------------------------
// Print a receipt from config/defaults/receipts/<template_id>.json; `fields`
// fill its {{placeholders}}, `qr` its QR block. Answered by PrintDone.
struct PrintReceipt {
  std::string template_id;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string qr;
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;  // its "list" blocks
  bool operator==(const PrintReceipt&) const = default;
};

// --- platform (kiosk/app/platform_effects) ------------------------------------
// Answered by CatalogueLoaded / CatalogueFailed.
struct FetchCatalogue {
  bool operator==(const FetchCatalogue&) const = default;
};
// Answered by TicketIssued / TicketFailed.
struct TakeTicket {
  RequestId request;
  std::string item_code;
  std::string priority;  // normal | elderly | disabled
  bool operator==(const TakeTicket&) const = default;
};
struct CheckIn {
  RequestId request;
  std::string confirmation_code;
  bool operator==(const CheckIn&) const = default;
};
// Answered by ProgressLoaded / ProgressFailed.
struct QueryProgress {
  RequestId request;
  std::string case_number;
  bool operator==(const QueryProgress&) const = default;
};

// The cases of the holder of this ID number (progress by card). Answered by
// ProgressCasesLoaded / ProgressCasesFailed.
struct QueryCasesByHolder {
  RequestId request;
  std::string id_number;
  bool operator==(const QueryCasesByHolder&) const = default;
};

// --- outbox (kiosk/app/outbox_service) ------------------------------------------
// A rating, kept in the outbox until the platform has it. No answer.
struct EnqueueRating {
  int level = 5;
  int overall = 5, efficiency = 5, service = 5, attitude = 5;
  std::string comment;
  // Exactly one of these names what is rated. `submission_key`: the
  // idempotency key of a pre-application still in the outbox (no case
  // number yet); the app sends the rating after it, and the platform
  // resolves the key to the case.
  std::string case_number;
  std::string ticket_number;
  std::string submission_key;
  bool operator==(const EnqueueRating&) const = default;
};

using Effect = std::variant<Speak, NotifyStaff, WipeSession, PrintReceipt, FetchCatalogue,
                            TakeTicket, CheckIn, QueryProgress, QueryCasesByHolder, EnqueueRating,
                            // appointments and halls (kiosk/app/appointment_effects)
                            FetchHalls, FetchSlots, BookAppointment, CancelAppointment,
                            // pre-application materials (flows/materials.hpp)
                            ScanPages, DropPages, FetchElicences,
                            // pre-application submission (flows/preapply.hpp)
                            SubmitPreApplication,
                            // technician mode (kiosk/app/technician_service)
                            TechCheckPin, TechRunAction, TechApplyLevel, TechApplyTouch, TechLog,
                            TechProvision>;

}  // namespace core
