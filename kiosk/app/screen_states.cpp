// Every screen's sample state, each reached through the core as a citizen
// would (see screen_states.hpp).
#include "kiosk/app/screen_states.hpp"

#include "kiosk/app/screen_states_appointment.hpp"
#include "kiosk/core/flows/reduce.hpp"

namespace kiosk::app {
namespace {

core::GuideItem item(std::string code, std::string zh, std::string en) {
  core::GuideItem i;
  i.code = std::move(code);
  i.name_zh = std::move(zh);
  i.name_en = std::move(en);
  i.department_code = "GA";
  i.department_zh = "公安局";
  i.department_en = "Public Security Bureau";
  i.category = "行政确认";
  i.conditions = {{"身份证有效期届满", "ID card expired"}};
  i.materials = {{"居民身份证", "Resident identity card", true, true, true, "M1", "id_card"},
                 {"数码相片回执", "Digital photo receipt", false, true, false, "M2", ""},
                 {"户口簿（户主页及本人页）", "Household register (head's and own page)", true,
                  false, true, "M3", "household_register"}};
  i.legal_days = 60;
  i.promised_days = 20;
  i.fee_charged = true;
  i.fee_yuan = 20;
  i.trips = "one";
  i.window_group = "A";
  return i;
}

core::CatalogueLoaded catalogue() {
  core::CatalogueLoaded c{"v1", {}};
  for (int i = 1; i <= 12; ++i) {
    c.items.push_back(item("GA-" + std::to_string(i), "居民身份证换领" + std::to_string(i),
                           "Resident ID card renewal " + std::to_string(i)));
  }
  return c;
}

core::Citizen citizen() {
  return core::Citizen{"王堃", "650102199003071235", "resident", "", "20350101"};
}

// The pre-application pages around the materials step: item, form (typed
// in pinyin, then refused), delivery by post, review, submitting, done
// online and offline (no paper: the QR on screen).
void preapply_screens(const core::State& base,
                      std::vector<std::pair<std::string, core::State>>& out) {
  core::CatalogueLoaded c = catalogue();
  for (auto& i : c.items) i.pre_acceptance = true;
  c.items[0].materials.clear();  // nothing to scan for GA-1: straight on to delivery
  core::Citizen holder = citizen();
  holder.address = "新疆维吾尔自治区乌鲁木齐市天山区测试路1号";  // prefilled into the form
  StateWalk p{base};
  p(core::TapEntry{core::Flow::idcard})(core::CardRead{holder})(c);
  out.emplace_back("preapply_item", p.s);
  p(core::PreApplyChoose{"GA-1"});
  for (const char* k : {"1", "3", "8"}) p(core::PreApplyKey{{core::Key::character, k, {}}});
  p(core::PreApplyFocus{core::PreApplyField::remarks});
  for (const char* k : {"s", "h", "e", "n"}) p(core::PreApplyKey{{core::Key::character, k, {}}});
  p(core::PreApplyNext{});
  out.emplace_back("preapply_form", p.s);
  p(core::PreApplyFocus{core::PreApplyField::phone});
  for (const char* k : {"0", "0", "1", "3", "8", "0", "0", "0"}) {
    p(core::PreApplyKey{{core::Key::character, k, {}}});
  }
  p(core::PreApplyNext{})(core::MaterialsDone{})(
      core::PreApplyDelivery{core::DeliveryMethod::post});
  out.emplace_back("preapply_delivery", p.s);
  for (const char* k : {"b", "e", "i"}) p(core::PreApplyKey{{core::Key::character, k, {}}});
  p(core::PreApplyKey{{core::Key::pick, "北", {}}})(core::PreApplyNext{});
  out.emplace_back("preapply_review", p.s);
  p(core::PreApplySubmit{});
  core::State offline = p.s;
  p(core::PreApplyQueued{p.s.preapply.request_id, "k1", "L-000042"});
  out.emplace_back("preapply_submitting", p.s);
  p(core::PreApplyDelivered{"k1", "YS2026112800042"})(
      core::PrintDone{false, "print.error.no_paper"});
  out.emplace_back("preapply_done", p.s);
  StateWalk o{offline};
  o(core::PreApplyQueueFailed{o.s.preapply.request_id, "preapply.error.outbox_full"});
  out.emplace_back("preapply_failed", o.s);
  o = StateWalk{offline};
  o(core::NetworkChanged{core::LinkState::offline})(
      core::PreApplyQueued{o.s.preapply.request_id, "k2", "L-000043"})(core::PrintDone{true, ""});
  out.emplace_back("preapply_pending", o.s);
}

// A page thumbnail like the app makes: lines of text on white.
core::ScannedPage scanned_page(core::PageHandle handle, core::PageVerdict verdict) {
  core::Thumbnail th{60, 84, std::vector<std::uint8_t>(60 * 84, 250)};
  for (int y = 10; y < 74; y += 6) {
    for (int x = 8; x < 52; ++x) th.gray[static_cast<std::size_t>(y * 60 + x)] = 40;
  }
  return core::ScannedPage{handle, verdict, th};
}

// The materials step of a pre-application, with pages, a fault, the
// e-licence consent and its answers.
void materials_screens(const core::State& base,
                       std::vector<std::pair<std::string, core::State>>& out) {
  StateWalk m{base};
  m(core::TapEntry{core::Flow::idcard})(core::CardRead{citizen()})(catalogue());
  std::vector<core::Effect> fx;
  core::flows::start_materials(m.s, fx, item("GA-1", "居民身份证换领", "Resident ID card renewal"));
  out.emplace_back("materials_empty", m.s);
  m(core::MaterialScan{});
  const core::RequestId r = m.s.preapply.materials.scan_request;
  m(core::PageScanned{r, scanned_page(1, core::PageVerdict::ok)})(
      core::PageScanned{r, scanned_page(2, core::PageVerdict::blurred)});
  out.emplace_back("materials_scanning", m.s);
  m(core::PageScanned{r, scanned_page(3, core::PageVerdict::straightened)})(
      core::PageScanned{r, scanned_page(4, core::PageVerdict::blank)})(core::ScanFinished{r});
  out.emplace_back("materials_pages", m.s);
  m(core::MaterialScan{})(
      core::ScanFailed{m.s.preapply.materials.scan_request, core::ScanFault::jammed});
  out.emplace_back("materials_jammed", m.s);
  m(core::ScanDismiss{})(core::ElicenceAsk{});
  out.emplace_back("materials_consent", m.s);
  m(core::ElicenceConsent{true});
  out.emplace_back("materials_fetching", m.s);
  m(core::ElicencesFound{m.s.preapply.materials.elicence_request, {}});
  out.emplace_back("materials_not_found", m.s);
  m(core::ElicenceConsent{false})(core::MaterialChoose{2})(core::ElicenceAsk{})(
      core::ElicenceConsent{true});
  m(core::ElicencesFound{m.s.preapply.materials.elicence_request,
                         {{"L1", "household_register", "居民户口簿", "市公安局", "长期"}}});
  out.emplace_back("materials_elicence", m.s);
  // More materials and pages than one screen holds in any layout.
  StateWalk many{base};
  many(core::TapEntry{core::Flow::idcard})(core::CardRead{citizen()})(catalogue());
  core::GuideItem big = item("GA-2", "居民身份证换领2", "Resident ID card renewal 2");
  for (int i = 4; i <= 8; ++i) {
    big.materials.push_back({"材料" + std::to_string(i), "Material " + std::to_string(i), true,
                             false, true, "M" + std::to_string(i), ""});
  }
  core::flows::start_materials(many.s, fx, big);
  many(core::MaterialScan{});
  const core::RequestId r2 = many.s.preapply.materials.scan_request;
  for (core::PageHandle h = 101; h <= 115; ++h) {
    many(core::PageScanned{r2, scanned_page(h, core::PageVerdict::ok)});
  }
  many(core::ScanFinished{r2});
  out.emplace_back("materials_many", many.s);
  many(core::MaterialPagesPage{0});
  out.emplace_back("materials_many_first", many.s);
}

}  // namespace

std::vector<std::pair<std::string, core::State>> screen_states(core::State base) {
  base.clock = core::WallClock{2026, 11, 28, 10, 5, 6};  // the same clock in every picture
  std::vector<std::pair<std::string, core::State>> out;
  out.emplace_back("home", base);
  StateWalk d{base};
  d(core::TapEntry{core::Flow::guide});
  out.emplace_back("identify", d.s);
  d(core::CardRead{citizen()})(catalogue());
  out.emplace_back("guide_list", d.s);
  d(core::GuideFilterChosen{{core::GuideFilter::By::department, {}}});
  out.emplace_back("guide_departments", d.s);
  d(core::GuideFilterChosen{{}})(core::GuideOpen{"GA-2"})(core::GuidePrint{})(
      core::PrintDone{false, "print.error.no_paper"});
  out.emplace_back("guide_item", d.s);

  StateWalk t{base};
  t(core::TapEntry{core::Flow::ticket})(core::CardRead{citizen()})(catalogue())(
      core::GuideOpen{"GA-1"});
  out.emplace_back("ticket_item", t.s);
  t(core::TicketConfirm{});
  out.emplace_back("ticket_waiting", t.s);
  core::IssuedTicket ticket;
  ticket.number = "A042";
  ticket.window_group = "A";
  ticket.ahead = 7;
  ticket.wait_minutes = 15;
  t(core::TicketIssued{t.s.ticket.request_id, ticket})(core::PrintDone{true, ""});
  out.emplace_back("ticket_issued", t.s);
  t(core::TicketDone{});
  out.emplace_back("rating", t.s);
  t(core::RateLevel{4});
  out.emplace_back("rating_chosen", t.s);

  StateWalk p{base};
  p(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{})(
      core::ProgressInput{"650100202611270000001"});
  out.emplace_back("progress_query", p.s);
  p(core::ProgressQuery{});
  core::CaseProgress c{"650100202611270000001", "GA-1", "returned_for_correction", {}};
  c.stages = {{"received", "2026-11-27T10:00:00+08:00", {}},
              {"returned_for_correction",
               "2026-11-27T15:00:00+08:00",
               {{"照片不清晰", "The photo is not clear"}}}};
  p(core::ProgressLoaded{p.s.progress.request_id, c});
  out.emplace_back("progress_timeline", p.s);

  materials_screens(base, out);
  preapply_screens(base, out);
  appointment_screens(base, out);
  return out;
}

}  // namespace kiosk::app
