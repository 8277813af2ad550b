#pragma once
// Pre-application (ID-card services, after identification by card):
//   preapply_item -> preapply_form -> preapply_materials -> preapply_delivery
//   -> preapply_review -> preapply_submitting -> preapply_done -> rating
// The form is prefilled from the card; the citizen types the rest on the
// on-screen keyboard (kiosk/core/keyboard.hpp). The submission goes to the
// outbox (durable, with an idempotency key): delivered at once when online
// (the case number comes back), otherwise kept and sent when the network
// returns, with a local reference on the receipt. Everything here is the
// citizen's and is wiped with the session.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/flows/materials.hpp"
#include "kiosk/core/keyboard.hpp"
#include "kiosk/core/types.hpp"

#include <string>
#include <utility>
#include <vector>

namespace core {

// The form fields a citizen can edit (name and ID number come from the card
// and cannot be changed).
enum class PreApplyField { phone, address, remarks, post_address };
const char* text_id(PreApplyField field);  // "preapply.field.phone", ...

enum class DeliveryMethod { pickup, post };

// How long the submitting page waits for the platform's case number before
// it says the submission is kept and will be sent when the network returns.
inline constexpr Millis kPreApplyDeliveryWait{5000};
// Items of the catalogue that accept pre-application, per page of the list.
inline constexpr int kPreApplyItemsPerPage = 6;

enum class SubmitState {
  none,
  queuing,    // handed to the outbox, not yet durable
  sending,    // durable in the outbox, waiting for the case number
  delivered,  // the platform gave a case number
  pending,    // kept in the outbox until the network returns (local reference)
  failed,     // the outbox refused it (full, not open): nothing was kept
};

struct PreApplyState {
  std::string item_code;
  int page = 0;  // of the item list
  // The form. Name and ID number come from the card (Identity); these are
  // the editable fields, each with its own keyboard.
  KeyboardState phone{KeyboardMode::digits, {}, {}, 11};
  KeyboardState address{KeyboardMode::pinyin, {}, {}, 60};
  KeyboardState remarks{KeyboardMode::pinyin, {}, {}, 100};
  PreApplyField focus = PreApplyField::phone;
  std::vector<std::string> error_text_ids;  // why "next" was refused
  MaterialsState materials;                 // step 3 (flows/materials.hpp)
  // Delivery of the result.
  DeliveryMethod delivery = DeliveryMethod::pickup;
  KeyboardState post_address{KeyboardMode::pinyin, {}, {}, 60};
  // Submission.
  SubmitState submit = SubmitState::none;
  RequestId request_id = 0;
  Millis submit_started{0};
  std::string idempotency_key;  // the outbox item's; no personal data
  std::string local_reference;  // shown and printed while not delivered
  std::string case_number;      // the platform's, once delivered
  std::string submit_error_text_id;
  bool operator==(const PreApplyState&) const = default;
};

// The items a citizen can pre-apply for (pre_acceptance), in catalogue order.
std::vector<const GuideItem*> preapply_items(const Catalogue& catalogue);
// 0..1 for the submitting page's progress bar.
float preapply_progress(const PreApplyState& p, Millis now);

// --- events (the screens) -------------------------------------------------------
struct PreApplyChoose {
  std::string item_code;
};
struct PreApplyPage {
  int delta;  // -1 previous, +1 next page of items
};
struct PreApplyFocus {
  PreApplyField field;
};
struct PreApplyKey {
  Key key;  // pressed on the keyboard of the focused field
};
struct PreApplyNext {};  // form -> materials; delivery -> review
struct PreApplyDelivery {
  DeliveryMethod method;
};
struct PreApplySubmit {};  // on the review page
struct PreApplyDone {};    // on the done page: on to the rating

// --- effects ------------------------------------------------------------------------
struct SubmittedMaterial {
  std::string code;
  std::string source;             // scan | elicence
  std::string licence_id;         // source == elicence
  std::vector<PageHandle> pages;  // source == scan: the app's full pages
  bool operator==(const SubmittedMaterial&) const = default;
};
// Put the pre-application into the outbox (durable, idempotency key made by
// the app) and let it deliver. Answered by PreApplyQueued or
// PreApplyQueueFailed; PreApplyDelivered when the platform has it. Personal
// data (name, ID, phone, addresses): never logged.
struct SubmitPreApplication {
  RequestId request = 0;
  std::string item_code;
  std::string name, id_number, phone;
  std::vector<std::pair<std::string, std::string>> form;  // field -> value
  std::string delivery_method;                            // pickup | post
  std::string delivery_address;                           // post only
  std::vector<SubmittedMaterial> materials;
  bool operator==(const SubmitPreApplication&) const = default;
};

// --- events (the app's answers to SubmitPreApplication) --------------------------
// The submission is durable in the outbox under `idempotency_key`.
struct PreApplyQueued {
  RequestId request;
  std::string idempotency_key;
  std::string local_reference;
};
// The outbox would not take it (full, cannot open).
struct PreApplyQueueFailed {
  RequestId request;
  std::string text_id;
};
// The outbox delivered the item with this key; the platform's case number.
struct PreApplyDelivered {
  std::string idempotency_key;
  std::string case_number;
};

}  // namespace core
