#pragma once
// The session core: a pure state machine. Events go in (touch intents,
// device and network changes, platform answers, clock ticks); a new state
// and effects come out. No SDL, no devices, no network, no clock of its own:
// time arrives in Tick events, so every flow is driven and tested without a
// screen.
//
// A session runs home (attract) -> identify -> the pages of one flow -> its
// receipt page -> rating -> end (WipeSession). Each flow keeps its own
// sub-state (kiosk/core/flows/*.hpp) and reduces its own events
// (kiosk/core/flows/*.cpp); reduce() only dispatches.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/device_events.hpp"
#include "kiosk/core/effects.hpp"
#include "kiosk/core/flows/appointment.hpp"
#include "kiosk/core/flows/guide.hpp"
#include "kiosk/core/flows/identify.hpp"
#include "kiosk/core/flows/navigation.hpp"
#include "kiosk/core/flows/preapply.hpp"
#include "kiosk/core/flows/progress.hpp"
#include "kiosk/core/flows/rating.hpp"
#include "kiosk/core/flows/technician.hpp"
#include "kiosk/core/flows/ticket.hpp"
#include "kiosk/core/texts.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace core {

struct State {
  Settings settings;
  Screen screen = Screen::home;
  std::optional<Flow> flow;  // the flow a citizen started
  Lang lang = Lang::zh;
  bool elderly = false;
  bool staff_called = false;
  LinkState network = LinkState::unknown;
  DeviceState reader = DeviceState::unknown;
  DeviceState printer = DeviceState::unknown;
  DeviceState scanner = DeviceState::unknown;
  int outbox_waiting = 0;  // submissions and ratings not yet sent
  int outbox_dead = 0;     // given up on; staff must look
  bool outbox_accepting = true;
  WallClock clock;
  Millis now{0};
  Millis last_activity{0};
  RequestId last_request = 0;

  Catalogue catalogue;  // public; survives the end of a session

  // The citizen's session; all wiped when it ends.
  Identity identity;
  IdentifyState identify;
  GuideState guide;
  TicketState ticket;
  ProgressState progress;
  AppointmentState appointment;
  NavigationState navigation;
  PreApplyState preapply;
  RatingState rating;
  TechnicianState technician;  // technician mode; wiped like a session
  // The last receipt sent to the printer: none, loading (printing), ready
  // (printed), failed (with print_error, e.g. no paper: the QR is shown
  // on screen instead).
  LoadState print = LoadState::none;
  std::string print_error;

  DeviceState device(Device d) const;
  bool operator==(const State&) const = default;
};

// --- intents from the screens that concern every flow ---------------------------
struct TapEntry {
  Flow flow;
};
struct TapBack {};
struct TapFinish {};  // end the session now
struct ToggleElderly {};
struct ToggleLanguage {};
struct CallStaff {};
struct ExtendSession {};  // "continue" on the inactivity warning

using Event = std::variant<
    Tick, TapEntry, TapBack, TapFinish, ToggleElderly, ToggleLanguage, CallStaff, ExtendSession,
    NetworkChanged, DeviceChanged, PrintDone, OutboxChanged,
    // identification
    CardRead, CardRemoved, CardError, QrScanned, IdentifyAnonymous,
    // guides
    GuideQuery, GuideFilterChosen, GuidePage, GuideOpen, GuidePrint, CatalogueLoaded,
    CatalogueFailed, GuideTyping, GuideKey, GuideItemPage,
    // ticket
    TicketPriority, TicketConfirm, TicketDone, TicketIssued, TicketFailed,
    // progress
    ProgressInput, ProgressQuery, ProgressLoaded, ProgressFailed, ProgressByCard, ProgressCasesPage,
    ProgressOpen, ProgressCasesLoaded, ProgressCasesFailed,
    // rating
    RateLevel, RateIndicator, RateComment, RateSubmit, RateSkip, RateTyping, RateKey,
    // pre-application materials
    MaterialChoose, MaterialScan, MaterialPagesPage, PageDelete, PageRescan, ScanDismiss,
    ElicenceAsk, ElicenceConsent, MaterialsDone, PageScanned, ScanFinished, ScanFailed,
    ElicencesFound, ElicencesFailed,
    // pre-application (flows/preapply.hpp)
    PreApplyChoose, PreApplyPage, PreApplyFocus, PreApplyKey, PreApplyNext, PreApplyDelivery,
    PreApplySubmit, PreApplyDone, PreApplyQueued, PreApplyQueueFailed, PreApplyDelivered,
    // appointment and hall navigation
    AppointmentStartBook, AppointmentStartCancel, AppointmentHallChosen, AppointmentDayChosen,
    AppointmentSlotChosen, AppointmentPhoneInput, AppointmentConfirm, AppointmentCodeInput,
    AppointmentCancelSubmit, AppointmentCancelConfirm, SlotsLoaded, AppointmentBooked,
    AppointmentCancelled, AppointmentFailed, HallsLoaded, HallsFailed, NavigateTo, NavigationPrint,
    // technician mode
    TechCornerTap, TechPinKey, TechPinSubmit, TechPinChecked, TechInfoLoaded, TechRun,
    TechActionDone, TechOpenSettings, TechOpenCalibration, TechSetLevel, TechCalibrationTap,
    TechExit, TechOpenProvision, TechProvisionFocus, TechProvisionKey, TechProvisionStart,
    TechProvisionStep, TechProvisionDone>;

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
