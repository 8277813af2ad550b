#pragma once
// Internal to the core: one `apply` overload per event, each in the file of
// the flow it belongs to; reduce() (session.cpp) only dispatches to them.
#include "kiosk/core/session.hpp"

#include <string>
#include <vector>

namespace core::flows {

using Effects = std::vector<Effect>;

// --- shared steps (session.cpp) --------------------------------------------------
void touch(State& s);
// Back to the attract screen with nothing of the citizen left in state.
void end_session(State& s, Effects& fx);
RequestId next_request(State& s);
// The citizen is identified: the first page of the chosen flow.
void enter_flow(State& s, Effects& fx);
// After a transaction: rate what was done (a case or a ticket).
void start_rating(State& s, Effects& fx, std::string case_number, std::string ticket_number);

// --- session.cpp -------------------------------------------------------------
void apply(State& s, const Tick& e, Effects& fx);
void apply(State& s, const TapEntry& e, Effects& fx);
void apply(State& s, const TapBack& e, Effects& fx);
void apply(State& s, const TapFinish& e, Effects& fx);
void apply(State& s, const ToggleElderly& e, Effects& fx);
void apply(State& s, const ToggleLanguage& e, Effects& fx);
void apply(State& s, const CallStaff& e, Effects& fx);
void apply(State& s, const ExtendSession& e, Effects& fx);
void apply(State& s, const NetworkChanged& e, Effects& fx);
void apply(State& s, const DeviceChanged& e, Effects& fx);
void apply(State& s, const PrintDone& e, Effects& fx);
void apply(State& s, const OutboxChanged& e, Effects& fx);

// --- flows/identify.cpp --------------------------------------------------------
void apply(State& s, const CardRead& e, Effects& fx);
void apply(State& s, const CardRemoved& e, Effects& fx);
void apply(State& s, const CardError& e, Effects& fx);
void apply(State& s, const QrScanned& e, Effects& fx);
void apply(State& s, const IdentifyAnonymous& e, Effects& fx);

// --- flows/guide.cpp -------------------------------------------------------------
void apply(State& s, const GuideQuery& e, Effects& fx);
void apply(State& s, const GuideFilterChosen& e, Effects& fx);
void apply(State& s, const GuidePage& e, Effects& fx);
void apply(State& s, const GuideOpen& e, Effects& fx);
void apply(State& s, const GuidePrint& e, Effects& fx);
void apply(State& s, const CatalogueLoaded& e, Effects& fx);
void apply(State& s, const CatalogueFailed& e, Effects& fx);
void start_guide(State& s, Effects& fx);

// --- flows/ticket.cpp ------------------------------------------------------------
void apply(State& s, const TicketPriority& e, Effects& fx);
void apply(State& s, const TicketConfirm& e, Effects& fx);
void apply(State& s, const TicketDone& e, Effects& fx);
void apply(State& s, const TicketIssued& e, Effects& fx);
void apply(State& s, const TicketFailed& e, Effects& fx);
void check_in(State& s, Effects& fx, const std::string& confirmation_code);

// --- flows/progress.cpp ----------------------------------------------------------
void apply(State& s, const ProgressInput& e, Effects& fx);
void apply(State& s, const ProgressQuery& e, Effects& fx);
void apply(State& s, const ProgressLoaded& e, Effects& fx);
void apply(State& s, const ProgressFailed& e, Effects& fx);
void query_progress(State& s, Effects& fx, std::string case_number);

// --- flows/rating.cpp ------------------------------------------------------------
void apply(State& s, const RateLevel& e, Effects& fx);
void apply(State& s, const RateIndicator& e, Effects& fx);
void apply(State& s, const RateComment& e, Effects& fx);
void apply(State& s, const RateSubmit& e, Effects& fx);
void apply(State& s, const RateSkip& e, Effects& fx);

// --- flows/materials.cpp ----------------------------------------------------------
// Enters the materials step for `item` (its checklist from the catalogue).
void start_materials(State& s, Effects& fx, const GuideItem& item);
void apply(State& s, const MaterialChoose& e, Effects& fx);
void apply(State& s, const MaterialScan& e, Effects& fx);
void apply(State& s, const PageDelete& e, Effects& fx);
void apply(State& s, const PageRescan& e, Effects& fx);
void apply(State& s, const ScanDismiss& e, Effects& fx);
void apply(State& s, const ElicenceAsk& e, Effects& fx);
void apply(State& s, const ElicenceConsent& e, Effects& fx);
void apply(State& s, const MaterialsDone& e, Effects& fx);
void apply(State& s, const PageScanned& e, Effects& fx);
void apply(State& s, const ScanFinished& e, Effects& fx);
void apply(State& s, const ScanFailed& e, Effects& fx);
void apply(State& s, const ElicencesFound& e, Effects& fx);
void apply(State& s, const ElicencesFailed& e, Effects& fx);

// --- flows/technician.cpp --------------------------------------------------------
void apply(State& s, const TechCornerTap& e, Effects& fx);
void apply(State& s, const TechPinKey& e, Effects& fx);
void apply(State& s, const TechPinSubmit& e, Effects& fx);
void apply(State& s, const TechPinChecked& e, Effects& fx);
void apply(State& s, const TechInfoLoaded& e, Effects& fx);
void apply(State& s, const TechRun& e, Effects& fx);
void apply(State& s, const TechActionDone& e, Effects& fx);
void apply(State& s, const TechOpenSettings& e, Effects& fx);
void apply(State& s, const TechOpenCalibration& e, Effects& fx);
void apply(State& s, const TechSetLevel& e, Effects& fx);
void apply(State& s, const TechCalibrationTap& e, Effects& fx);
void apply(State& s, const TechExit& e, Effects& fx);
// A technician QR ("KIOSK-TECH:<id>"): true if it was one (handled).
bool technician_qr(State& s, const std::string& text, Effects& fx);
// Back on a technician screen; false on any other screen.
bool technician_back(State& s, Effects& fx);

}  // namespace core::flows
