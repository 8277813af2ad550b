// Pre-application: item, form (keyboard per field), materials, delivery,
// review, submit through the outbox, receipt, then the rating.
#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core {

const char* text_id(PreApplyField field) {
  switch (field) {
    case PreApplyField::phone:
      return "preapply.field.phone";
    case PreApplyField::address:
      return "preapply.field.address";
    case PreApplyField::remarks:
      return "preapply.field.remarks";
    case PreApplyField::post_address:
      return "preapply.field.post_address";
  }
  return "";
}

std::vector<const GuideItem*> preapply_items(const Catalogue& catalogue) {
  std::vector<const GuideItem*> out;
  for (const auto& item : catalogue.items) {
    if (item.pre_acceptance) out.push_back(&item);
  }
  return out;
}

float preapply_progress(const PreApplyState& p, Millis now) {
  switch (p.submit) {
    case SubmitState::none:
    case SubmitState::failed:
      return 0.f;
    case SubmitState::queuing:
      return 0.1f;
    case SubmitState::sending: {
      // Saved (0.3), then creeping towards 0.95 while the platform answers.
      const float waited = static_cast<float>((now - p.submit_started).count()) /
                           static_cast<float>(kPreApplyDeliveryWait.count());
      return 0.3f + 0.65f * std::clamp(waited, 0.f, 1.f);
    }
    case SubmitState::delivered:
    case SubmitState::pending:
      return 1.f;
  }
  return 0.f;
}

namespace flows {
namespace {

bool on(const State& s, Screen screen) {
  return s.screen == screen && s.flow == Flow::idcard;
}

KeyboardState& field_ref(PreApplyState& p, PreApplyField f) {
  switch (f) {
    case PreApplyField::phone:
      return p.phone;
    case PreApplyField::address:
      return p.address;
    case PreApplyField::remarks:
      return p.remarks;
    case PreApplyField::post_address:
      return p.post_address;
  }
  return p.phone;
}

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> form_errors(const PreApplyState& p) {
  std::vector<std::string> errors;
  if (p.phone.text.empty()) {
    errors.emplace_back("preapply.error.phone_required");
  } else if (!valid_mobile_phone(p.phone.text)) {
    errors.emplace_back("preapply.error.phone_invalid");
  }
  if (p.address.text.empty()) errors.emplace_back("preapply.error.address_required");
  return errors;
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string receipt_time(const WallClock& c) {
  return std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day) + " " +
         two_digits(c.hour) + ":" + two_digits(c.minute);
}

// The receipt: with the case number once delivered; otherwise the
// "pending" receipt (it says the submission is sent when the network
// returns) with the local reference. Name and ID go to the printer only,
// which masks them (template filters) and wipes its copy.
PrintReceipt preapply_receipt(const State& s) {
  const PreApplyState& p = s.preapply;
  const bool delivered = p.submit == SubmitState::delivered;
  const GuideItem* item = find_item(s.catalogue, p.item_code);
  const std::string reference = delivered ? p.case_number : p.local_reference;
  PrintReceipt r;
  r.template_id = delivered ? "preapplication" : "preapplication_pending";
  r.qr = delivered ? qr_url(s.settings.public_url, QrCode::Kind::case_number, p.case_number)
                   : s.settings.public_url;
  const Citizen* c = s.identity.citizen ? &*s.identity.citizen : nullptr;
  r.fields = {{"center_name", s.settings.hall_name_zh},
              {"case_number", reference},
              {"applicant", c ? c->name : std::string()},
              {"id_number", c ? c->id_number : std::string()},
              {"item", item ? item->name_zh : p.item_code},
              {"next_step", item ? item->window_group : std::string()},
              {"time", receipt_time(s.clock)},
              {"status_url", r.qr},
              {"terminal_id", std::string()}};
  std::vector<std::string> materials;
  for (const MaterialEntry& m : p.materials.materials) {
    if (m.satisfied()) materials.push_back(m.name_zh);
  }
  r.lists = {{"materials", std::move(materials)}};
  return r;
}

void finish_submission(State& s, Effects& fx, SubmitState outcome) {
  s.preapply.submit = outcome;
  s.screen = Screen::preapply_done;
  s.print = LoadState::loading;
  s.print_error.clear();
  fx.emplace_back(preapply_receipt(s));
  fx.emplace_back(
      Speak{outcome == SubmitState::delivered ? "preapply.done.delivered" : "preapply.done.pending",
            s.lang});
}

SubmitPreApplication submission(const State& s) {
  const PreApplyState& p = s.preapply;
  SubmitPreApplication e;
  e.request = p.request_id;
  e.item_code = p.item_code;
  if (s.identity.citizen) {
    e.name = s.identity.citizen->name;
    e.id_number = s.identity.citizen->id_number;
  }
  e.phone = p.phone.text;
  e.form = {{"address", p.address.text}, {"remarks", p.remarks.text}};
  e.delivery_method = p.delivery == DeliveryMethod::post ? "post" : "pickup";
  if (p.delivery == DeliveryMethod::post) e.delivery_address = p.post_address.text;
  for (const MaterialEntry& m : p.materials.materials) {
    SubmittedMaterial out{m.code, "scan", {}, {}};
    if (m.elicence) {
      out.source = "elicence";
      out.licence_id = m.elicence->licence_id;
    } else {
      for (const ScannedPage& page : m.pages) out.pages.push_back(page.handle);
    }
    if (m.elicence || !out.pages.empty()) e.materials.push_back(std::move(out));
  }
  return e;
}

// Fields a screen's keyboard may type into.
bool field_on_screen(Screen screen, PreApplyField f) {
  if (screen == Screen::preapply_form) return f != PreApplyField::post_address;
  if (screen == Screen::preapply_delivery) return f == PreApplyField::post_address;
  return false;
}

// The delivery page has one field: the postal address.
PreApplyField typing_field(const State& s) {
  return s.screen == Screen::preapply_delivery ? PreApplyField::post_address : s.preapply.focus;
}

}  // namespace

void start_preapply(State& s, Effects& fx) {
  s.preapply = PreApplyState{};
  s.screen = Screen::preapply_item;
  if (s.catalogue.load == LoadState::none || s.catalogue.load == LoadState::failed) {
    s.catalogue.load = LoadState::loading;
    fx.emplace_back(FetchCatalogue{});
  }
}

bool preapply_back(State& s) {
  if (s.flow != Flow::idcard) return false;
  PreApplyState& p = s.preapply;
  p.error_text_ids.clear();
  switch (s.screen) {
    case Screen::preapply_form:
      s.screen = Screen::preapply_item;
      return true;
    case Screen::preapply_materials:
      if (p.materials.scan == ScanPhase::scanning) return true;  // let the scan end
      s.screen = Screen::preapply_form;
      return true;
    case Screen::preapply_delivery:
      s.screen = Screen::preapply_materials;
      return true;
    case Screen::preapply_review:
      s.screen = Screen::preapply_delivery;
      return true;
    case Screen::preapply_submitting:
      // The outbox has it (or is taking it): there is no going back.
      if (p.submit == SubmitState::failed) s.screen = Screen::preapply_review;
      return true;
    default:
      return false;
  }
}

void preapply_tick(State& s, Effects& fx) {
  const PreApplyState& p = s.preapply;
  if (!on(s, Screen::preapply_submitting) || p.submit != SubmitState::sending) return;
  if (s.now - p.submit_started >= kPreApplyDeliveryWait) {
    finish_submission(s, fx, SubmitState::pending);
  }
}

void apply(State& s, const PreApplyChoose& e, Effects&) {
  if (!on(s, Screen::preapply_item)) return;
  const GuideItem* item = find_item(s.catalogue, e.item_code);
  if (item == nullptr || !item->pre_acceptance) return;
  touch(s);
  PreApplyState& p = s.preapply;
  if (p.item_code != e.item_code) {
    // Prefill from the card: the address may be changed (a citizen may
    // live elsewhere); name and ID number may not.
    const std::string address = s.identity.citizen ? s.identity.citizen->address : std::string();
    const int page = p.page;
    p = PreApplyState{};
    p.page = page;
    p.item_code = e.item_code;
    p.address.text = address;
    p.post_address.text = address;
  }
  p.focus = PreApplyField::phone;
  p.error_text_ids.clear();
  s.screen = Screen::preapply_form;
}

void apply(State& s, const PreApplyPage& e, Effects&) {
  if (!on(s, Screen::preapply_item)) return;
  touch(s);
  const int count = static_cast<int>(preapply_items(s.catalogue).size());
  const int pages = std::max(1, (count + kPreApplyItemsPerPage - 1) / kPreApplyItemsPerPage);
  s.preapply.page = std::clamp(s.preapply.page + e.delta, 0, pages - 1);
}

void apply(State& s, const PreApplyFocus& e, Effects&) {
  if (s.flow != Flow::idcard || !field_on_screen(s.screen, e.field)) return;
  touch(s);
  s.preapply.focus = e.field;
}

void apply(State& s, const PreApplyKey& e, Effects&) {
  PreApplyState& p = s.preapply;
  const PreApplyField focus = typing_field(s);
  if (s.flow != Flow::idcard || !field_on_screen(s.screen, focus)) return;
  if (s.screen == Screen::preapply_delivery && p.delivery != DeliveryMethod::post) return;
  touch(s);
  KeyboardState& field = field_ref(p, focus);
  KeyboardState next = press(field, e.key);
  // The phone takes digits only, whatever a key claims to be.
  if (focus == PreApplyField::phone &&
      (next.mode != KeyboardMode::digits || !all_digits(next.text))) {
    return;
  }
  field = std::move(next);
}

void apply(State& s, const PreApplyNext&, Effects& fx) {
  PreApplyState& p = s.preapply;
  if (s.flow != Flow::idcard) return;
  switch (s.screen) {
    case Screen::preapply_form:
      touch(s);
      p.error_text_ids = form_errors(p);
      if (!p.error_text_ids.empty()) {
        fx.emplace_back(Speak{p.error_text_ids.front(), s.lang});
        return;
      }
      if (const GuideItem* item = find_item(s.catalogue, p.item_code)) {
        // Coming back from delivery keeps the pages; a new visit starts them.
        if (p.materials.item_code == item->code && !p.materials.materials.empty()) {
          s.screen = Screen::preapply_materials;
        } else {
          start_materials(s, fx, *item);
        }
      }
      return;
    case Screen::preapply_delivery:
      touch(s);
      p.error_text_ids.clear();
      if (p.delivery == DeliveryMethod::post && p.post_address.text.empty()) {
        p.error_text_ids.emplace_back("preapply.error.post_address_required");
        fx.emplace_back(Speak{p.error_text_ids.front(), s.lang});
        return;
      }
      s.screen = Screen::preapply_review;
      return;
    default:
      return;
  }
}

void apply(State& s, const PreApplyDelivery& e, Effects&) {
  if (!on(s, Screen::preapply_delivery)) return;
  touch(s);
  s.preapply.delivery = e.method;
  s.preapply.error_text_ids.clear();
}

void apply(State& s, const PreApplySubmit&, Effects& fx) {
  if (!on(s, Screen::preapply_review)) return;
  touch(s);
  PreApplyState& p = s.preapply;
  if (!s.outbox_accepting) {
    p.submit = SubmitState::failed;
    p.submit_error_text_id = "preapply.error.outbox_full";
    s.screen = Screen::preapply_submitting;
    return;
  }
  p.submit = SubmitState::queuing;
  p.submit_error_text_id.clear();
  p.request_id = next_request(s);
  p.submit_started = s.now;
  s.screen = Screen::preapply_submitting;
  fx.emplace_back(submission(s));
  fx.emplace_back(Speak{"preapply.submitting", s.lang});
}

void apply(State& s, const PreApplyQueued& e, Effects& fx) {
  PreApplyState& p = s.preapply;
  if (p.submit != SubmitState::queuing || p.request_id != e.request) return;
  p.idempotency_key = e.idempotency_key;
  p.local_reference = e.local_reference;
  p.submit = SubmitState::sending;
  p.submit_started = s.now;
  // Known offline: no point making the citizen wait for the network.
  if (s.network == LinkState::offline) finish_submission(s, fx, SubmitState::pending);
}

void apply(State& s, const PreApplyQueueFailed& e, Effects& fx) {
  PreApplyState& p = s.preapply;
  if (p.submit != SubmitState::queuing || p.request_id != e.request) return;
  p.submit = SubmitState::failed;
  p.submit_error_text_id = e.text_id;
  fx.emplace_back(Speak{e.text_id, s.lang});
}

void apply(State& s, const PreApplyDelivered& e, Effects& fx) {
  PreApplyState& p = s.preapply;
  if (p.idempotency_key.empty() || p.idempotency_key != e.idempotency_key) return;
  p.case_number = e.case_number;
  if (p.submit == SubmitState::sending) finish_submission(s, fx, SubmitState::delivered);
}

void apply(State& s, const PreApplyDone&, Effects& fx) {
  if (!on(s, Screen::preapply_done)) return;
  touch(s);
  // Every transaction ends on the rating page (GB/T 39734). A submission
  // still in the outbox has no case number yet: its rating names it by its
  // idempotency key and is sent after it.
  // (Refused by the outbox, nothing was submitted: nothing to rate.)
  const PreApplyState& p = s.preapply;
  if (p.submit == SubmitState::delivered || !p.case_number.empty()) {
    start_rating(s, fx, p.case_number, {});
  } else if ((p.submit == SubmitState::pending || p.submit == SubmitState::sending) &&
             !p.idempotency_key.empty()) {
    start_rating(s, fx, {}, {}, p.idempotency_key);
  } else {
    end_session(s, fx);
  }
}

}  // namespace flows
}  // namespace core
