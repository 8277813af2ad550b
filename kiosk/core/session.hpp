#pragma once
// The session core: a pure state machine. Events go in (touch intents,
// device and network changes, clock ticks); a new state and effects come
// out. No SDL, no devices, no network, no clock of its own: time arrives in
// Tick events, so every flow is driven and tested without a screen.
#include "kiosk/core/texts.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace core {

using Millis = std::chrono::milliseconds;  // monotonic time since app start

// The six entry points of the home screen.
enum class Flow { idcard, appointment, ticket, progress, guide, rating };
inline constexpr Flow kAllFlows[] = {Flow::idcard,   Flow::appointment, Flow::ticket,
                                     Flow::progress, Flow::guide,       Flow::rating};

enum class Screen { home, identify };

enum class LinkState { unknown, online, offline };
enum class DeviceState { unknown, ok, missing, fault, paper_low };
enum class Device { reader, printer, scanner };

// Local wall-clock time as shown to citizens; the app converts.
struct WallClock {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  int weekday = 4;  // 0 = Sunday
  bool operator==(const WallClock&) const = default;
};

struct Settings {
  Millis inactivity_limit{std::chrono::seconds(120)};
  Millis inactivity_warning{std::chrono::seconds(30)};  // shown this long before the limit
  bool operator==(const Settings&) const = default;
};

struct State {
  Settings settings;
  Screen screen = Screen::home;
  std::optional<Flow> flow;  // the flow a citizen started, once identified
  Lang lang = Lang::zh;
  bool elderly = false;
  bool staff_called = false;
  LinkState network = LinkState::unknown;
  DeviceState reader = DeviceState::unknown;
  DeviceState printer = DeviceState::unknown;
  DeviceState scanner = DeviceState::unknown;
  WallClock clock;
  Millis now{0};
  Millis last_activity{0};

  DeviceState device(Device d) const;
  bool operator==(const State&) const = default;
};

// --- events ---------------------------------------------------------------
struct Tick {
  Millis now;
  WallClock clock;
};
struct TapEntry {
  Flow flow;
};
struct TapBack {};
struct ToggleElderly {};
struct ToggleLanguage {};
struct CallStaff {};
struct ExtendSession {};  // "continue" on the inactivity warning
struct NetworkChanged {
  LinkState state;
};
struct DeviceChanged {
  Device device;
  DeviceState state;
};
using Event = std::variant<Tick, TapEntry, TapBack, ToggleElderly, ToggleLanguage, CallStaff,
                           ExtendSession, NetworkChanged, DeviceChanged>;

// --- effects --------------------------------------------------------------
// Speak a configured text (closed functionality, EN 301 549 5.1). Only
// text ids: personal data is never spoken on the loudspeaker.
struct Speak {
  std::string text_id;
  Lang lang;
};
struct NotifyStaff {};
// The session ended (timeout or finish): the app wipes personal data from
// memory, screen and every cache but the outbox.
struct WipeSession {};
using Effect = std::variant<Speak, NotifyStaff, WipeSession>;

struct Step {
  State state;
  std::vector<Effect> effects;
};

State initial_state(const Settings& settings);

// The whole behaviour of the session: old state + event -> new state + effects.
Step reduce(State state, const Event& event);

// When the app must wake up next for this state, absent any input: the next
// minute boundary (the clock shows minutes) or the inactivity warning/limit.
// Returned as a monotonic time.
Millis next_wakeup(const State& state, Millis ms_into_current_minute);

// A citizen is using the kiosk (anything but the idle home screen).
bool session_active(const State& state);

// True while the inactivity warning (with its countdown) should be shown.
bool inactivity_warning_shown(const State& state);
// Whole seconds left before the session ends for inactivity.
int inactivity_seconds_left(const State& state);

const char* text_id(Flow flow);       // "entry.idcard", ...
const char* hint_text_id(Flow flow);  // "entry.idcard.hint", ...

}  // namespace core
