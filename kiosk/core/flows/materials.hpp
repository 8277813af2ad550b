#pragma once
// Pre-application step 3: the materials checklist (申请材料). Each material
// the item requires is satisfied either by scanned pages or, with the
// citizen's consent, by an e-licence (电子证照) fetched from the platform.
// Pages arrive one by one with a small thumbnail and a quality verdict; a
// page can be deleted or scanned again.
//
// The full pages (JPEGs for the submission) never enter the core: the app
// holds them under the handle a ScannedPage carries and wipes them when the
// session ends (kiosk/app/preapply_materials_effects.hpp).
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace core {

// What the scanner pipeline said about a page. `straightened` is usable:
// the page was skewed and has been turned upright.
enum class PageVerdict { ok, straightened, blank, blurred, too_dark };
bool usable(PageVerdict verdict);
const char* text_id(PageVerdict verdict);  // "materials.verdict.ok", ...

// A small gray picture of a page for the screen (not the page itself).
struct Thumbnail {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> gray;  // width * height, row by row
  bool operator==(const Thumbnail&) const = default;
};

using PageHandle = std::uint64_t;  // the app's key for the full page

struct ScannedPage {
  PageHandle handle = 0;
  PageVerdict verdict = PageVerdict::ok;
  Thumbnail thumbnail;
  bool operator==(const ScannedPage&) const = default;
};

struct ElicenceInfo {
  std::string licence_id, licence_type, name_zh, issuer_zh, valid_until;
  bool operator==(const ElicenceInfo&) const = default;
};

struct MaterialEntry {
  std::string code;
  std::string name_zh, name_en;
  bool required = true;
  std::string elicence_type;  // empty: no e-licence stands in for it
  std::vector<ScannedPage> pages;
  std::optional<ElicenceInfo> elicence;  // satisfied by this e-licence
  // Satisfied: an e-licence, or at least one page and every page usable.
  bool satisfied() const;
  bool operator==(const MaterialEntry&) const = default;
};

// Why a scan stopped; each has its own words (and for a jam, instructions).
enum class ScanFault { jammed, no_paper, cover_open, missing, fault };
const char* text_id(ScanFault fault);  // "materials.scan.jammed", ...

enum class ScanPhase { idle, scanning, failed };
enum class ElicencePhase { none, consent, fetching, not_found, failed };

inline constexpr int kLatestPages = 1 << 20;

struct MaterialsState {
  std::string item_code;
  std::vector<MaterialEntry> materials;
  int selected = 0;  // index into materials
  // Which screenful of the selected material's pages the screen shows when
  // they do not all fit (the screen knows how many fit and clamps);
  // kLatestPages: the newest, where a scan's pages appear. (The checklist
  // needs no such state: it shows the group holding the selected material.)
  int pages_page = kLatestPages;
  ScanPhase scan = ScanPhase::idle;
  RequestId scan_request = 0;
  int scan_material = -1;                   // the material the running scan is for
  PageHandle replacing = 0;                 // a rescan of this page (0: add pages)
  ScanFault scan_fault = ScanFault::fault;  // when scan == failed
  ElicencePhase elicence = ElicencePhase::none;
  RequestId elicence_request = 0;
  int elicence_material = -1;  // the material the dialog or the query is for
  std::string elicence_error_text_id;
  bool operator==(const MaterialsState&) const = default;
};

// True when every required material is satisfied (and nothing is scanning).
bool materials_complete(const MaterialsState& m);

// --- events (from the materials screen) ----------------------------------------------
struct MaterialChoose {
  int index = 0;
};
struct MaterialScan {};  // scan (more) pages for the selected material
// Another screenful of the selected material's pages (earlier or later).
struct MaterialPagesPage {
  int page = 0;
};
struct PageDelete {
  PageHandle page = 0;
};
struct PageRescan {
  PageHandle page = 0;  // scan one page in its place
};
struct ScanDismiss {};    // "OK" on a scan fault (after clearing a jam, adding paper)
struct ElicenceAsk {};    // "use my e-licence": shows the consent dialog
struct ElicenceConsent {  // the citizen's answer; `false` also closes a "not found" message
  bool agreed = false;
};
struct MaterialsDone {};  // "next": all required materials are there

// --- the app's answers -----------------------------------------------------------------
struct PageScanned {  // one page of a ScanPages job, as it arrives
  RequestId request = 0;
  ScannedPage page;
};
struct ScanFinished {  // the job ended: all pages read, or the feeder ran empty
  RequestId request = 0;
};
struct ScanFailed {
  RequestId request = 0;
  ScanFault fault = ScanFault::fault;
};
struct ElicencesFound {  // the holder's e-licences (possibly none of this type)
  RequestId request = 0;
  std::vector<ElicenceInfo> licences;
};
struct ElicencesFailed {
  RequestId request = 0;
  std::string text_id;
};

// --- effects -------------------------------------------------------------------------------
// Scan up to `max_pages` pages from the feeder; answered by PageScanned per
// page, then ScanFinished or ScanFailed. `kind` picks gray or colour
// (scanner::MaterialKind by name: text, licence, ...).
struct ScanPages {
  RequestId request = 0;
  int max_pages = 1;
  std::string kind = "text";
  bool operator==(const ScanPages&) const = default;
};
// The citizen deleted or replaced these pages: the app drops them.
struct DropPages {
  std::vector<PageHandle> pages;
  bool operator==(const DropPages&) const = default;
};
// Ask the platform for the holder's e-licences; the consent was given on
// the kiosk just now. Answered by ElicencesFound / ElicencesFailed.
struct FetchElicences {
  RequestId request = 0;
  std::string item_code;
  std::string id_number, name;  // the holder (personal data: never logged)
  bool operator==(const FetchElicences&) const = default;
};

}  // namespace core
