// Pre-application step 3: the materials checklist. Pages arrive while the
// feeder runs; a fault keeps the pages already read (nothing is lost) and
// says what to do; an e-licence is only asked for after the citizen agreed
// in the consent dialog.
#include "kiosk/core/flows/materials.hpp"

#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core {

bool usable(PageVerdict verdict) {
  return verdict == PageVerdict::ok || verdict == PageVerdict::straightened;
}

const char* text_id(PageVerdict verdict) {
  switch (verdict) {
    case PageVerdict::ok:
      return "materials.verdict.ok";
    case PageVerdict::straightened:
      return "materials.verdict.straightened";
    case PageVerdict::blank:
      return "materials.verdict.blank";
    case PageVerdict::blurred:
      return "materials.verdict.blurred";
    case PageVerdict::too_dark:
      return "materials.verdict.too_dark";
  }
  return "";
}

const char* text_id(ScanFault fault) {
  switch (fault) {
    case ScanFault::jammed:
      return "materials.scan.jammed";
    case ScanFault::no_paper:
      return "materials.scan.no_paper";
    case ScanFault::cover_open:
      return "materials.scan.cover_open";
    case ScanFault::missing:
      return "materials.scan.missing";
    case ScanFault::fault:
      return "materials.scan.fault";
  }
  return "";
}

bool MaterialEntry::satisfied() const {
  if (elicence) return true;
  return !pages.empty() &&
         std::all_of(pages.begin(), pages.end(), [](const auto& p) { return usable(p.verdict); });
}

bool materials_complete(const MaterialsState& m) {
  return m.scan != ScanPhase::scanning &&
         std::all_of(m.materials.begin(), m.materials.end(),
                     [](const MaterialEntry& e) { return !e.required || e.satisfied(); });
}

namespace flows {
namespace {

// A feeder holds at most this many pages; a material rarely has more.
constexpr int kMaxPagesPerScan = 20;

MaterialsState& materials(State& s) {
  return s.preapply.materials;
}

bool on_screen(const State& s) {
  return s.screen == Screen::preapply_materials;
}

MaterialEntry* selected(MaterialsState& m) {
  if (m.selected < 0 || m.selected >= static_cast<int>(m.materials.size())) return nullptr;
  return &m.materials[static_cast<std::size_t>(m.selected)];
}

// The material holding this page, and where.
std::pair<MaterialEntry*, std::vector<ScannedPage>::iterator> find_page(MaterialsState& m,
                                                                        PageHandle handle) {
  for (MaterialEntry& e : m.materials) {
    auto it = std::find_if(e.pages.begin(), e.pages.end(),
                           [&](const ScannedPage& p) { return p.handle == handle; });
    if (it != e.pages.end()) return {&e, it};
  }
  return {nullptr, {}};
}

bool scanner_absent(const State& s) {
  return s.scanner == DeviceState::missing || s.scanner == DeviceState::fault;
}

// Starts a scan for the selected material: `replacing` names the page a
// rescan puts its one page in place of.
void start_scan(State& s, Effects& fx, PageHandle replacing) {
  MaterialsState& m = materials(s);
  MaterialEntry* entry = selected(m);
  if (entry == nullptr || m.scan == ScanPhase::scanning) return;
  m.elicence = ElicencePhase::none;
  if (scanner_absent(s)) {
    // Known to be gone: say so at once rather than wait for the driver.
    m.scan = ScanPhase::failed;
    m.scan_fault = ScanFault::missing;
    fx.emplace_back(Speak{text_id(ScanFault::missing), s.lang});
    return;
  }
  m.scan = ScanPhase::scanning;
  m.scan_request = next_request(s);
  m.scan_material = m.selected;
  m.replacing = replacing;
  // New pages join the end, so the screen follows them; a rescan stays
  // where the citizen is looking.
  if (replacing == 0) m.pages_page = kLatestPages;
  fx.emplace_back(ScanPages{m.scan_request, replacing != 0 ? 1 : kMaxPagesPerScan,
                            entry->elicence_type.empty() ? "text" : "licence"});
  fx.emplace_back(Speak{"materials.scan.started", s.lang});
}

bool scan_answer_current(const State& s, RequestId request) {
  const MaterialsState& m = s.preapply.materials;
  return m.scan == ScanPhase::scanning && m.scan_request == request && m.scan_material >= 0 &&
         m.scan_material < static_cast<int>(m.materials.size());
}

bool elicence_answer_current(const State& s, RequestId request) {
  const MaterialsState& m = s.preapply.materials;
  return m.elicence == ElicencePhase::fetching && m.elicence_request == request &&
         m.elicence_material >= 0 && m.elicence_material < static_cast<int>(m.materials.size());
}

}  // namespace

void start_materials(State& s, Effects& fx, const GuideItem& item) {
  MaterialsState m;
  m.item_code = item.code;
  for (const GuideMaterial& g : item.materials) {
    MaterialEntry e;
    e.code = g.code;
    e.name_zh = g.name_zh;
    e.name_en = g.name_en;
    e.required = g.required;
    e.elicence_type = g.elicence_type;
    m.materials.push_back(std::move(e));
  }
  // Pages of an earlier visit to this step go: the citizen starts again.
  DropPages dropped;
  for (const MaterialEntry& e : materials(s).materials) {
    for (const ScannedPage& p : e.pages) dropped.pages.push_back(p.handle);
  }
  if (!dropped.pages.empty()) fx.emplace_back(std::move(dropped));
  materials(s) = std::move(m);
  s.screen = Screen::preapply_materials;
  fx.emplace_back(Speak{"materials.title", s.lang});
}

void apply(State& s, const MaterialChoose& e, Effects&) {
  MaterialsState& m = materials(s);
  if (!on_screen(s) || m.scan == ScanPhase::scanning) return;
  if (e.index < 0 || e.index >= static_cast<int>(m.materials.size())) return;
  touch(s);
  m.selected = e.index;
  m.pages_page = kLatestPages;
  m.elicence = ElicencePhase::none;
  if (m.scan == ScanPhase::failed) m.scan = ScanPhase::idle;
}

void apply(State& s, const MaterialPagesPage& e, Effects&) {
  MaterialsState& m = materials(s);
  if (!on_screen(s) || e.page < 0) return;
  touch(s);
  m.pages_page = e.page;
}

void apply(State& s, const MaterialScan&, Effects& fx) {
  if (!on_screen(s)) return;
  touch(s);
  start_scan(s, fx, 0);
}

void apply(State& s, const PageRescan& e, Effects& fx) {
  MaterialsState& m = materials(s);
  if (!on_screen(s) || m.scan == ScanPhase::scanning) return;
  auto [entry, page] = find_page(m, e.page);
  if (entry == nullptr) return;
  touch(s);
  m.selected = static_cast<int>(entry - m.materials.data());
  start_scan(s, fx, e.page);
}

void apply(State& s, const PageDelete& e, Effects& fx) {
  MaterialsState& m = materials(s);
  if (!on_screen(s) || m.scan == ScanPhase::scanning) return;
  auto [entry, page] = find_page(m, e.page);
  if (entry == nullptr) return;
  touch(s);
  entry->pages.erase(page);
  fx.emplace_back(DropPages{{e.page}});
}

void apply(State& s, const ScanDismiss&, Effects&) {
  MaterialsState& m = materials(s);
  if (!on_screen(s) || m.scan != ScanPhase::failed) return;
  touch(s);
  m.scan = ScanPhase::idle;
}

void apply(State& s, const PageScanned& e, Effects& fx) {
  if (!scan_answer_current(s, e.request)) {
    // For a scan nobody waits for any more: the app lets the page go.
    fx.emplace_back(DropPages{{e.page.handle}});
    return;
  }
  touch(s);  // the citizen is feeding pages
  MaterialsState& m = materials(s);
  MaterialEntry& entry = m.materials[static_cast<std::size_t>(m.scan_material)];
  entry.elicence.reset();  // scanned pages take the e-licence's place
  auto [holder, old] = find_page(m, m.replacing);
  if (m.replacing != 0 && holder == &entry) {
    fx.emplace_back(DropPages{{old->handle}});
    *old = e.page;
    m.replacing = 0;
  } else {
    entry.pages.push_back(e.page);
  }
}

void apply(State& s, const ScanFinished& e, Effects& fx) {
  if (!scan_answer_current(s, e.request)) return;
  MaterialsState& m = materials(s);
  m.scan = ScanPhase::idle;
  m.replacing = 0;
  const MaterialEntry& entry = m.materials[static_cast<std::size_t>(m.scan_material)];
  fx.emplace_back(
      Speak{entry.satisfied() ? "materials.scan.done" : "materials.scan.check_pages", s.lang});
}

void apply(State& s, const ScanFailed& e, Effects& fx) {
  if (!scan_answer_current(s, e.request)) return;
  MaterialsState& m = materials(s);
  // The pages read before the fault stay; a rescanned page keeps its old copy.
  m.scan = ScanPhase::failed;
  m.scan_fault = e.fault;
  m.replacing = 0;
  fx.emplace_back(Speak{text_id(e.fault), s.lang});
}

void apply(State& s, const ElicenceAsk&, Effects& fx) {
  MaterialsState& m = materials(s);
  const MaterialEntry* entry = selected(m);
  if (!on_screen(s) || entry == nullptr || entry->elicence_type.empty() ||
      m.scan == ScanPhase::scanning || m.elicence == ElicencePhase::fetching) {
    return;
  }
  // Only the holder of a card read just now can agree to share it.
  if (s.identity.method != IdMethod::card || !s.identity.citizen) return;
  touch(s);
  m.elicence = ElicencePhase::consent;
  m.elicence_material = m.selected;
  fx.emplace_back(Speak{"materials.elicence.consent.title", s.lang});
}

void apply(State& s, const ElicenceConsent& e, Effects& fx) {
  MaterialsState& m = materials(s);
  if (!on_screen(s) || m.elicence == ElicencePhase::none || m.elicence == ElicencePhase::fetching) {
    return;
  }
  touch(s);
  if (!e.agreed || m.elicence != ElicencePhase::consent || !s.identity.citizen) {
    m.elicence = ElicencePhase::none;  // refused, or closing a message: scanning stays open
    return;
  }
  m.elicence = ElicencePhase::fetching;
  m.elicence_request = next_request(s);
  m.elicence_error_text_id.clear();
  fx.emplace_back(FetchElicences{m.elicence_request, m.item_code, s.identity.citizen->id_number,
                                 s.identity.citizen->name});
}

void apply(State& s, const ElicencesFound& e, Effects& fx) {
  if (!elicence_answer_current(s, e.request)) return;
  MaterialsState& m = materials(s);
  MaterialEntry& entry = m.materials[static_cast<std::size_t>(m.elicence_material)];
  auto match = std::find_if(e.licences.begin(), e.licences.end(), [&](const ElicenceInfo& l) {
    return l.licence_type == entry.elicence_type;
  });
  if (match == e.licences.end()) {
    m.elicence = ElicencePhase::not_found;
    fx.emplace_back(Speak{"materials.elicence.not_found", s.lang});
    return;
  }
  entry.elicence = *match;
  // The e-licence stands in for the scan: scanned pages are no longer needed.
  DropPages dropped;
  for (const ScannedPage& p : entry.pages) dropped.pages.push_back(p.handle);
  entry.pages.clear();
  if (!dropped.pages.empty()) fx.emplace_back(std::move(dropped));
  m.elicence = ElicencePhase::none;
  fx.emplace_back(Speak{"materials.elicence.found", s.lang});
}

void apply(State& s, const ElicencesFailed& e, Effects& fx) {
  if (!elicence_answer_current(s, e.request)) return;
  MaterialsState& m = materials(s);
  m.elicence = ElicencePhase::failed;
  m.elicence_error_text_id = e.text_id;
  fx.emplace_back(Speak{e.text_id, s.lang});
}

void apply(State& s, const MaterialsDone&, Effects&) {
  if (!on_screen(s) || !materials_complete(materials(s))) return;
  touch(s);
  s.screen = Screen::preapply_delivery;
}

}  // namespace flows

}  // namespace core
