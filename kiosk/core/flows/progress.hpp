#pragma once
// Case progress: by the case number (typed, or from the receipt's QR code),
// or by the ID card (the holder's cases, then one of them); the timeline of
// stages and what the citizen has to do next.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace core {

struct CaseStage {
  std::string stage;  // received, pre_review_passed, returned_for_correction, accepted,
                      // in_approval, concluded, result_posted, result_collected
  std::string at;
  std::vector<std::pair<std::string, std::string>> reasons;  // (zh, en)
  bool operator==(const CaseStage&) const = default;
};

struct CaseProgress {
  std::string case_number, item_code, status;
  std::vector<CaseStage> stages;
  bool operator==(const CaseProgress&) const = default;
};

struct ProgressState {
  std::string case_number;  // as typed
  LoadState request = LoadState::none;
  RequestId request_id = 0;
  std::optional<CaseProgress> result;
  std::string error_text_id;
  // By the ID card: the holder's cases (newest first).
  LoadState cases_request = LoadState::none;
  RequestId cases_request_id = 0;
  std::vector<CaseProgress> cases;
  int cases_page = 0;
  bool operator==(const ProgressState&) const = default;
};

// Text id of what to do next at this stage ("progress.next.accepted", ...).
std::string next_step_text_id(const CaseProgress& progress);
// Text id of a stage's name ("progress.stage.accepted", ...).
std::string stage_text_id(const std::string& stage);

// --- events -------------------------------------------------------------------
struct ProgressInput {
  std::string text;  // the whole case-number field
};
struct ProgressQuery {};
// "My cases": look up the cases of the card the citizen identified with.
struct ProgressByCard {};
struct ProgressCasesPage {
  int page;
};
// One case of the holder's list: its timeline (already loaded with the list).
struct ProgressOpen {
  std::string case_number;
};
// The app's answers to QueryCasesByHolder.
struct ProgressCasesLoaded {
  RequestId request;
  std::vector<CaseProgress> cases;
};
struct ProgressCasesFailed {
  RequestId request;
  std::string text_id;
};
// The app's answers to QueryProgress.
struct ProgressLoaded {
  RequestId request;
  CaseProgress progress;
};
struct ProgressFailed {
  RequestId request;
  std::string text_id;
};

}  // namespace core
