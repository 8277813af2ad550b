#pragma once
// The test and demo harness: a small script language run inside the real
// app. It acts only through real SDL input events (a tap is a mouse motion,
// press and release pushed onto SDL's queue at a target's centre) and looks
// only at what the app shows (the session state, the texts drawn), so a
// script exercises exactly what a citizen's finger does.
//
//   # comment
//   tap ID                 touch the target with this id (e.g. tile.entry.ticket)
//   expect-screen NAME     the session is on screen NAME (home, identify)
//   expect-text TEXT       TEXT is drawn on the current frame
//   wait-screen NAME [S]   wait up to S seconds (default 10) for screen NAME
//   wait-text TEXT [S]     wait up to S seconds for TEXT to be drawn (a device
//                          or the network changing state); TEXT has no spaces
//   wait-gone TEXT [S]     wait up to S seconds for TEXT to be drawn no more
//   shot NAME              write the current frame to <screenshot-dir>/NAME.png
//   present-card N         put card N (tools/devsim/idcard/cards.json) on the
//                          simulated reader (--sim); the real driver reads it
//   remove-card            take the card off the simulated reader (the next
//                          step waits, up to 10 s, until the app has seen it go)
//   printer ACTION         an operator action on the simulated printer
//                          (paper-out is not one: start it with a fault)
//   show-qr TEXT           a QR code shown to the scanner, as its decoder
//                          reports it
//   insert-pages N [KIND]  put N sheets into the simulated scanner's feeder
//                          (--sim; KIND: blank for white sheets); or
//                          insert-pages jam / cover-open: the next scan
//                          meets that fault (preapply_materials_effects.hpp)
//   receipt-qr TEXT        the newest receipt the simulated printer cut (its
//                          PNG) carries a QR code whose decoded text holds
//                          TEXT (decoded with ZXing, as a phone would)
//   platform down|up       the embedded platform simulator answers every
//                          request "down for maintenance" / serves again
//                          (--sim; the network check follows at once)
//   type TEXT              type TEXT on the on-screen keyboard, key by key
//                          (Chinese by pinyin and the candidate bar; see
//                          kiosk/app/script_typing.hpp)
// TEXT may hold spaces; wait-text's last word, if a number, is its seconds.
#include "base/expected.hpp"
#include "kiosk/app/script_typing.hpp"
#include "kiosk/core/session.hpp"
#include "ui/ui.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct ScriptStep {
  int line = 0;
  std::string verb;
  std::string arg;
  double seconds = 10.0;
  std::vector<KeyStroke> strokes;  // type
};

kx::expected<std::vector<ScriptStep>, std::string> parse_script(const std::string& text);
kx::expected<std::vector<ScriptStep>, std::string> load_script(const std::filesystem::path& path);

const char* screen_name(core::Screen screen);

// What a step asks of the app.
struct ScriptAction {
  // device: a simulated device action (verb and argument in `device`).
  enum Kind { none, tap, screenshot, wait, done, fail, device } kind = none;
  float x = 0, y = 0;          // tap
  std::filesystem::path file;  // screenshot
  std::string error;           // fail
  std::string verb, arg;       // device
};

class ScriptRunner {
 public:
  ScriptRunner(std::vector<ScriptStep> steps, std::filesystem::path screenshot_dir)
      : steps_(std::move(steps)), dir_(std::move(screenshot_dir)) {}

  // Called whenever the app is idle (every frame drawn and complete).
  // `now` is monotonic, for wait deadlines.
  ScriptAction next(const core::State& state, const ui::FrameResult& frame,
                    std::chrono::steady_clock::time_point now);

 private:
  std::vector<ScriptStep> steps_;
  std::filesystem::path dir_;
  std::size_t pos_ = 0;
  std::size_t stroke_ = 0;  // within a type step
  std::optional<std::chrono::steady_clock::time_point> wait_until_;
  // After remove-card: the next step waits until the app has seen the card
  // go (a reader polls for it; a card laid down again before that poll
  // would look like the same card still lying there).
  std::optional<std::chrono::steady_clock::time_point> card_gone_by_;
};

}  // namespace kiosk::app
