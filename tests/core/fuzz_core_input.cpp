// What citizens hold up to the kiosk is outside input: any QR code at all,
// and whatever a card reader decodes from a card. The first byte chooses
// which; the session core must refuse what is not ours without crashing,
// and keep its invariants for what it accepts.
#include "kiosk/core/citizen.hpp"
#include "kiosk/core/qr.hpp"
#include "kiosk/core/session.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void qr(std::string_view text) {
  const core::QrCode code = core::parse_qr(text);
  if (code.kind == core::QrCode::Kind::none) {
    if (!code.value.empty()) __builtin_trap();
    return;
  }
  // What we accept, we can print again, and read back the same.
  if (code.value.empty() || code.value.size() > 40) __builtin_trap();
  if (core::parse_qr(core::qr_url("https://zwfw.example.gov.cn", code.kind, code.value)) != code)
    __builtin_trap();
  // Through the session: a QR on the identify screen never crashes and
  // never leaves identify without an identity.
  core::State s = core::initial_state({});
  s = core::reduce(s, core::TapEntry{core::Flow::ticket}).state;
  s = core::reduce(s, core::QrScanned{std::string(text)}).state;
  if (s.screen != core::Screen::identify && s.identity.method != core::IdMethod::qr)
    __builtin_trap();
}

void card(std::string_view bytes) {
  // Fields separated by NUL: number, valid-until, card type.
  std::string fields[3];
  std::size_t i = 0;
  for (char c : bytes) {
    if (c == '\0') {
      if (++i == 3) break;
      continue;
    }
    fields[i].push_back(c);
  }
  const core::Citizen c{"", fields[0], fields[2], "", fields[1]};
  const core::CardProblem problem = core::check_card(c, core::WallClock{2026, 11, 28, 0, 0, 6});
  if (problem == core::CardProblem::none && c.card_type != "old_foreign_permanent" &&
      !core::id_check_digit_ok(c.id_number))
    __builtin_trap();
  if (core::mask_id(c.id_number).size() != c.id_number.size()) __builtin_trap();
  core::State s = core::initial_state({});
  s = core::reduce(s, core::TapEntry{core::Flow::guide}).state;
  s = core::reduce(s, core::CardRead{c}).state;
  if ((problem == core::CardProblem::none) != (s.screen == core::Screen::guide_list))
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    card(rest);
  } else {
    qr(rest);
  }
  return 0;
}
