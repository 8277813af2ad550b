// Identification: card, QR code or anonymous. A refused card or code leaves
// the citizen on the identify screen with a message saying why.
#include "kiosk/core/flows/reduce.hpp"

namespace core {

bool anonymous_allowed(Flow flow) {
  return flow == Flow::guide || flow == Flow::progress;
}

namespace flows {
namespace {

bool identifying(const State& s) {
  return s.screen == Screen::identify;
}

void refuse(State& s, Effects& fx, std::string text_id) {
  s.identify.error_text_id = std::move(text_id);
  fx.emplace_back(Speak{s.identify.error_text_id, s.lang});
}

}  // namespace

void apply(State& s, const CardRead& e, Effects& fx) {
  s.identify.card_present = true;
  // A card laid on the reader outside identification (on the attract
  // screen, or in the middle of a flow) is not read into the session.
  if (!identifying(s)) return;
  touch(s);
  if (s.flow == Flow::rating) {
    // A rating names a case or a ticket: only their QR codes say which.
    refuse(s, fx, "identify.error.rating_needs_qr");
    return;
  }
  const CardProblem problem = check_card(e.citizen, s.clock);
  if (problem != CardProblem::none) {
    refuse(s, fx, text_id(problem));
    return;
  }
  s.identity = Identity{IdMethod::card, e.citizen, {}};
  fx.emplace_back(Speak{"identify.done", s.lang});
  enter_flow(s, fx);
}

// Taking the card away never ends a session: a citizen picks the card up
// as soon as it is read, and a submission in progress must finish. The
// card's data stays in the session until it ends.
void apply(State& s, const CardRemoved&, Effects&) {
  s.identify.card_present = false;
}

void apply(State& s, const CardError& e, Effects& fx) {
  if (!identifying(s)) return;
  touch(s);
  refuse(s, fx, e.text_id);
}

void apply(State& s, const QrScanned& e, Effects& fx) {
  if (technician_qr(s, e.text, fx)) return;
  if (appointment_qr(s, e.text, fx)) return;
  if (!identifying(s)) return;
  touch(s);
  const QrCode code = parse_qr(e.text);
  if (code.kind == QrCode::Kind::none) {
    refuse(s, fx, "identify.error.qr_unknown");
    return;
  }
  s.identity = Identity{IdMethod::qr, std::nullopt, code};
  s.identify.error_text_id.clear();
  // The code says what the citizen came for, whichever tile they chose.
  switch (code.kind) {
    case QrCode::Kind::appointment:
      s.flow = Flow::ticket;
      check_in(s, fx, code.value);
      return;
    case QrCode::Kind::case_number:
      if (s.flow == Flow::rating) {
        start_rating(s, fx, code.value, {});
        return;
      }
      s.flow = Flow::progress;
      query_progress(s, fx, code.value);
      return;
    case QrCode::Kind::ticket:
      s.flow = Flow::rating;
      start_rating(s, fx, {}, code.value);
      return;
    case QrCode::Kind::none:
      return;
  }
}

void apply(State& s, const IdentifyAnonymous&, Effects& fx) {
  if (!identifying(s) || !s.flow || !anonymous_allowed(*s.flow)) return;
  touch(s);
  s.identity = Identity{IdMethod::anonymous, std::nullopt, {}};
  enter_flow(s, fx);
}

}  // namespace flows
}  // namespace core
