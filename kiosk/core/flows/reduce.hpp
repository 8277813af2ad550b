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
void start_rating(State& s, Effects& fx, std::string case_number, std::string ticket_number,
                  std::string submission_key = {});

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
// flows/guide_item_page.cpp
void apply(State& s, const GuideItemPage& e, Effects& fx);

// --- flows/typing.cpp: the keyboard in the guide search and the rating comment ---
void apply(State& s, const GuideTyping& e, Effects& fx);
void apply(State& s, const GuideKey& e, Effects& fx);
void apply(State& s, const RateTyping& e, Effects& fx);
void apply(State& s, const RateKey& e, Effects& fx);
// Back while the keyboard is open puts it away (true); the page stays.
bool typing_back(State& s);

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
// flows/progress_by_card.cpp
bool can_look_up_by_card(const State& s);
void apply(State& s, const ProgressByCard& e, Effects& fx);
void apply(State& s, const ProgressCasesLoaded& e, Effects& fx);
void apply(State& s, const ProgressCasesFailed& e, Effects& fx);
void apply(State& s, const ProgressCasesPage& e, Effects& fx);
void apply(State& s, const ProgressOpen& e, Effects& fx);
// Back from the holder's list, or from a timeline opened from it (true).
bool progress_back(State& s);

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
void apply(State& s, const MaterialPagesPage& e, Effects& fx);
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

// --- flows/preapply.cpp ----------------------------------------------------------
void apply(State& s, const PreApplyChoose& e, Effects& fx);
void apply(State& s, const PreApplyPage& e, Effects& fx);
void apply(State& s, const PreApplyFocus& e, Effects& fx);
void apply(State& s, const PreApplyKey& e, Effects& fx);
void apply(State& s, const PreApplyNext& e, Effects& fx);
void apply(State& s, const PreApplyDelivery& e, Effects& fx);
void apply(State& s, const PreApplySubmit& e, Effects& fx);
void apply(State& s, const PreApplyDone& e, Effects& fx);
void apply(State& s, const PreApplyQueued& e, Effects& fx);
void apply(State& s, const PreApplyQueueFailed& e, Effects& fx);
void apply(State& s, const PreApplyDelivered& e, Effects& fx);
// The first page of the flow (after identification by card).
void start_preapply(State& s, Effects& fx);
// Back on a pre-application page; false on any other page.
bool preapply_back(State& s);
// The submitting page gives up waiting for the case number (kPreApplyDeliveryWait).
void preapply_tick(State& s, Effects& fx);

// --- flows/appointment.cpp -------------------------------------------------------
void apply(State& s, const AppointmentStartBook& e, Effects& fx);
void apply(State& s, const AppointmentStartCancel& e, Effects& fx);
void apply(State& s, const AppointmentHallChosen& e, Effects& fx);
void apply(State& s, const AppointmentDayChosen& e, Effects& fx);
void apply(State& s, const AppointmentSlotChosen& e, Effects& fx);
void apply(State& s, const AppointmentPhoneInput& e, Effects& fx);
void apply(State& s, const AppointmentConfirm& e, Effects& fx);
void apply(State& s, const AppointmentCodeInput& e, Effects& fx);
void apply(State& s, const AppointmentCancelSubmit& e, Effects& fx);
void apply(State& s, const AppointmentCancelConfirm& e, Effects& fx);
void apply(State& s, const SlotsLoaded& e, Effects& fx);
void apply(State& s, const AppointmentBooked& e, Effects& fx);
void apply(State& s, const AppointmentCancelled& e, Effects& fx);
void apply(State& s, const AppointmentFailed& e, Effects& fx);
// The item is chosen (GuideOpen in the appointment flow): on to the halls.
void start_booking(State& s, Effects& fx, const std::string& item_code);
// HallsLoaded / HallsFailed when they answer a booking's request.
bool booking_halls(State& s, const HallsLoaded& e);
bool booking_halls_failed(State& s, const HallsFailed& e);
// An appointment slip's QR on the appointment pages: cancel it. True if handled.
bool appointment_qr(State& s, const std::string& text, Effects& fx);
// Back on an appointment page; false on any other screen.
bool appointment_back(State& s, Effects& fx);

// --- flows/navigation.cpp --------------------------------------------------------
void apply(State& s, const NavigateTo& e, Effects& fx);
void apply(State& s, const NavigationPrint& e, Effects& fx);
void apply(State& s, const HallsLoaded& e, Effects& fx);
void apply(State& s, const HallsFailed& e, Effects& fx);
// Back on the navigation page, to where it was opened from.
bool navigation_back(State& s);

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
// flows/technician_provision.cpp
void apply(State& s, const TechOpenProvision& e, Effects& fx);
void apply(State& s, const TechProvisionFocus& e, Effects& fx);
void apply(State& s, const TechProvisionKey& e, Effects& fx);
void apply(State& s, const TechProvisionStart& e, Effects& fx);
void apply(State& s, const TechProvisionStep& e, Effects& fx);
void apply(State& s, const TechProvisionDone& e, Effects& fx);
// A technician QR ("KIOSK-TECH:<id>"): true if it was one (handled).
bool technician_qr(State& s, const std::string& text, Effects& fx);
// Back on a technician screen; false on any other screen.
bool technician_back(State& s, Effects& fx);

}  // namespace core::flows
