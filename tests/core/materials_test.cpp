// Pre-application materials: scanning with per-page verdicts, rescans and
// deletions, every scanner fault, and the e-licence with consent.
#include "core_test_util.hpp"
#include "kiosk/core/flows/reduce.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;

core::GuideItem item_with_materials() {
  core::GuideItem i =
      coretest::item("GA-001", "居民身份证换领", "Renew a resident ID card", "jmsfzhl");
  core::GuideMaterial form;
  form.code = "M1";
  form.name_zh = "申请表";
  form.name_en = "Application form";
  core::GuideMaterial licence;
  licence.code = "M2";
  licence.name_zh = "户口簿";
  licence.name_en = "Household register";
  licence.elicence = true;
  licence.elicence_type = "household_register";
  core::GuideMaterial photo;
  photo.code = "M3";
  photo.name_zh = "近期照片";
  photo.name_en = "Recent photo";
  photo.required = false;
  i.materials = {form, licence, photo};
  return i;
}

// Identified by card in the ID-card flow, on the materials step.
Driver at_materials() {
  Driver d;
  d(core::TapEntry{core::Flow::idcard})(core::CardRead{coretest::resident()});
  d(core::DeviceChanged{core::Device::scanner, core::DeviceState::ok});
  core::flows::start_materials(d.state, d.effects, item_with_materials());
  return d;
}

core::ScannedPage page(core::PageHandle handle, core::PageVerdict verdict = core::PageVerdict::ok) {
  return core::ScannedPage{handle, verdict, core::Thumbnail{2, 1, {0, 255}}};
}

std::vector<core::PageHandle> handles(const core::MaterialEntry& e) {
  std::vector<core::PageHandle> out;
  for (const auto& p : e.pages) out.push_back(p.handle);
  return out;
}

TEST(Materials, TheChecklistComesFromTheCatalogueItem) {
  Driver d = at_materials();
  const auto& m = d.state.preapply.materials;
  EXPECT_EQ(d.state.screen, core::Screen::preapply_materials);
  ASSERT_EQ(m.materials.size(), 3u);
  EXPECT_EQ(m.item_code, "GA-001");
  EXPECT_EQ(m.materials[1].code, "M2");
  EXPECT_EQ(m.materials[1].elicence_type, "household_register");
  EXPECT_FALSE(m.materials[2].required);
  EXPECT_FALSE(core::materials_complete(m));
  d(core::MaterialsDone{});  // nothing there yet: stays
  EXPECT_EQ(d.state.screen, core::Screen::preapply_materials);
}

TEST(Materials, PagesArriveOneByOneWithTheirVerdicts) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const auto* scan = d.last<core::ScanPages>();
  ASSERT_NE(scan, nullptr);
  EXPECT_EQ(scan->kind, "text");
  EXPECT_GT(scan->max_pages, 1);
  EXPECT_EQ(d.state.preapply.materials.scan, core::ScanPhase::scanning);

  d(core::PageScanned{scan->request, page(11)});
  EXPECT_EQ(d.state.preapply.materials.materials[0].pages.size(), 1u);  // live, before the end
  d(core::PageScanned{scan->request, page(12, core::PageVerdict::blurred)});
  d(core::ScanFinished{scan->request});
  const auto& entry = d.state.preapply.materials.materials[0];
  EXPECT_EQ(handles(entry), (std::vector<core::PageHandle>{11, 12}));
  EXPECT_EQ(entry.pages[1].verdict, core::PageVerdict::blurred);
  EXPECT_EQ(entry.pages[0].thumbnail.gray, (std::vector<std::uint8_t>{0, 255}));
  EXPECT_FALSE(entry.satisfied());  // a blurred page must be rescanned or deleted
  EXPECT_EQ(d.state.preapply.materials.scan, core::ScanPhase::idle);
  EXPECT_EQ(d.last<core::Speak>()->text_id, "materials.scan.check_pages");
}

TEST(Materials, ARescanReplacesThePageInPlace) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const core::RequestId first = d.last<core::ScanPages>()->request;
  d(core::PageScanned{first, page(1)})(core::PageScanned{first, page(2, core::PageVerdict::blank)})(
      core::PageScanned{first, page(3)})(core::ScanFinished{first});

  d(core::PageRescan{2});
  const auto* rescan = d.last<core::ScanPages>();
  ASSERT_NE(rescan, nullptr);
  EXPECT_NE(rescan->request, first);
  EXPECT_EQ(rescan->max_pages, 1);
  d(core::PageScanned{rescan->request, page(4)})(core::ScanFinished{rescan->request});
  EXPECT_EQ(handles(d.state.preapply.materials.materials[0]),
            (std::vector<core::PageHandle>{1, 4, 3}));
  ASSERT_NE(d.last<core::DropPages>(), nullptr);
  EXPECT_EQ(d.last<core::DropPages>()->pages, (std::vector<core::PageHandle>{2}));
  EXPECT_TRUE(d.state.preapply.materials.materials[0].satisfied());
  EXPECT_EQ(d.last<core::Speak>()->text_id, "materials.scan.done");
}

TEST(Materials, TheScreenFollowsNewPagesButARescanStaysWhereTheCitizenLooks) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const core::RequestId r = d.last<core::ScanPages>()->request;
  for (core::PageHandle h = 1; h <= 8; ++h) d(core::PageScanned{r, page(h)});
  d(core::ScanFinished{r});
  EXPECT_EQ(d.state.preapply.materials.pages_page, core::kLatestPages);
  d(core::MaterialPagesPage{0});  // back to the first screenful
  EXPECT_EQ(d.state.preapply.materials.pages_page, 0);
  d(core::PageRescan{2});
  const core::RequestId rescan = d.last<core::ScanPages>()->request;
  d(core::PageScanned{rescan, page(9)})(core::ScanFinished{rescan});
  EXPECT_EQ(d.state.preapply.materials.pages_page, 0);  // the replaced page is still in view
  d(core::MaterialScan{});
  EXPECT_EQ(d.state.preapply.materials.pages_page, core::kLatestPages);
  d(core::MaterialPagesPage{-1});  // nonsense from a screen: ignored
  EXPECT_EQ(d.state.preapply.materials.pages_page, core::kLatestPages);
}

TEST(Materials, ChoosingAnotherMaterialShowsItsNewestPages) {
  Driver d = at_materials();
  d(core::MaterialPagesPage{3})(core::MaterialChoose{2});
  EXPECT_EQ(d.state.preapply.materials.selected, 2);
  EXPECT_EQ(d.state.preapply.materials.pages_page, core::kLatestPages);
}

TEST(Materials, DeletingAPageLetsTheAppDropIt) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const core::RequestId r = d.last<core::ScanPages>()->request;
  d(core::PageScanned{r, page(1)})(core::PageScanned{r, page(2, core::PageVerdict::too_dark)})(
      core::ScanFinished{r});
  d(core::PageDelete{2});
  EXPECT_EQ(handles(d.state.preapply.materials.materials[0]), (std::vector<core::PageHandle>{1}));
  EXPECT_EQ(d.last<core::DropPages>()->pages, (std::vector<core::PageHandle>{2}));
  d(core::PageDelete{99});  // unknown: nothing happens
  EXPECT_EQ(d.count<core::DropPages>(), 1);
}

struct FaultCase {
  core::ScanFault fault;
  const char* text_id;
};

class MaterialsFault : public testing::TestWithParam<FaultCase> {};

TEST_P(MaterialsFault, KeepsThePagesReadBeforeAndSaysWhatToDo) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const core::RequestId r = d.last<core::ScanPages>()->request;
  d(core::PageScanned{r, page(1)})(core::ScanFailed{r, GetParam().fault});
  const auto& m = d.state.preapply.materials;
  EXPECT_EQ(m.scan, core::ScanPhase::failed);
  EXPECT_EQ(m.scan_fault, GetParam().fault);
  EXPECT_EQ(handles(m.materials[0]), (std::vector<core::PageHandle>{1}));  // nothing lost
  EXPECT_EQ(d.last<core::Speak>()->text_id, GetParam().text_id);
  EXPECT_EQ(std::string(core::text_id(GetParam().fault)), GetParam().text_id);

  d(core::ScanDismiss{});
  EXPECT_EQ(d.state.preapply.materials.scan, core::ScanPhase::idle);
  d(core::MaterialScan{});  // and scanning goes on
  EXPECT_EQ(d.count<core::ScanPages>(), 2);
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, MaterialsFault,
    testing::Values(FaultCase{core::ScanFault::jammed, "materials.scan.jammed"},
                    FaultCase{core::ScanFault::no_paper, "materials.scan.no_paper"},
                    FaultCase{core::ScanFault::cover_open, "materials.scan.cover_open"},
                    FaultCase{core::ScanFault::missing, "materials.scan.missing"},
                    FaultCase{core::ScanFault::fault, "materials.scan.fault"}));

TEST(Materials, AFailedRescanKeepsTheOldPage) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const core::RequestId r = d.last<core::ScanPages>()->request;
  d(core::PageScanned{r, page(5, core::PageVerdict::blurred)})(core::ScanFinished{r});
  d(core::PageRescan{5});
  d(core::ScanFailed{d.last<core::ScanPages>()->request, core::ScanFault::jammed});
  EXPECT_EQ(handles(d.state.preapply.materials.materials[0]), (std::vector<core::PageHandle>{5}));
  EXPECT_EQ(d.state.preapply.materials.replacing, 0u);
}

TEST(Materials, AMissingScannerIsToldAtOnceWithoutAScan) {
  Driver d = at_materials();
  d(core::DeviceChanged{core::Device::scanner, core::DeviceState::missing});
  d(core::MaterialScan{});
  EXPECT_EQ(d.count<core::ScanPages>(), 0);
  EXPECT_EQ(d.state.preapply.materials.scan, core::ScanPhase::failed);
  EXPECT_EQ(d.state.preapply.materials.scan_fault, core::ScanFault::missing);
}

TEST(Materials, WhileScanningTheCitizenCannotSwitchMaterialOrScanTwice) {
  Driver d = at_materials();
  d(core::MaterialScan{})(core::MaterialScan{})(core::MaterialChoose{1});
  EXPECT_EQ(d.count<core::ScanPages>(), 1);
  EXPECT_EQ(d.state.preapply.materials.selected, 0);
  d(core::MaterialsDone{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_materials);
}

TEST(Materials, PagesOfAStaleScanAreDropped) {
  Driver d = at_materials();
  d(core::MaterialScan{});
  const core::RequestId r = d.last<core::ScanPages>()->request;
  d(core::PageScanned{r + 7, page(9)});
  EXPECT_TRUE(d.state.preapply.materials.materials[0].pages.empty());
  EXPECT_EQ(d.last<core::DropPages>()->pages, (std::vector<core::PageHandle>{9}));
  // After the session ended, a late page is dropped too.
  d(core::TapFinish{})(core::PageScanned{r, page(10)});
  EXPECT_EQ(d.last<core::DropPages>()->pages, (std::vector<core::PageHandle>{10}));
  EXPECT_EQ(d.state.preapply.materials, core::MaterialsState{});
}

// Satisfies material 1 (the household register) by its e-licence.
void use_elicence(Driver& d) {
  d(core::MaterialChoose{1})(core::ElicenceAsk{});
  ASSERT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::consent);
  d(core::ElicenceConsent{true});
  const auto* fetch = d.last<core::FetchElicences>();
  ASSERT_NE(fetch, nullptr);
  EXPECT_EQ(fetch->id_number, coretest::resident().id_number);
  EXPECT_EQ(fetch->name, coretest::resident().name);
  EXPECT_EQ(fetch->item_code, "GA-001");
  d(core::ElicencesFound{fetch->request,
                         {{"L0", "driving_licence", "驾驶证", "公安局", "2030-01-01"},
                          {"L1", "household_register", "户口簿", "公安局", "长期"}}});
}

TEST(Materials, AnELicenceWithConsentSatisfiesTheMaterialAndReplacesItsPages) {
  Driver d = at_materials();
  d(core::MaterialChoose{1})(core::MaterialScan{});
  const core::RequestId r = d.last<core::ScanPages>()->request;
  EXPECT_EQ(d.last<core::ScanPages>()->kind, "licence");
  d(core::PageScanned{r, page(21, core::PageVerdict::blurred)})(core::ScanFinished{r});
  use_elicence(d);
  const auto& entry = d.state.preapply.materials.materials[1];
  ASSERT_TRUE(entry.elicence);
  EXPECT_EQ(entry.elicence->licence_id, "L1");
  EXPECT_TRUE(entry.pages.empty());
  EXPECT_EQ(d.last<core::DropPages>()->pages, (std::vector<core::PageHandle>{21}));
  EXPECT_TRUE(entry.satisfied());

  // The form still needs its scan; the photo is optional.
  EXPECT_FALSE(core::materials_complete(d.state.preapply.materials));
  d(core::MaterialChoose{0})(core::MaterialScan{});
  const core::RequestId r2 = d.last<core::ScanPages>()->request;
  d(core::PageScanned{r2, page(30, core::PageVerdict::straightened)})(core::ScanFinished{r2});
  EXPECT_TRUE(core::materials_complete(d.state.preapply.materials));
  d(core::MaterialsDone{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_delivery);
}

TEST(Materials, RefusingConsentFetchesNothing) {
  Driver d = at_materials();
  d(core::MaterialChoose{1})(core::ElicenceAsk{})(core::ElicenceConsent{false});
  EXPECT_EQ(d.count<core::FetchElicences>(), 0);
  EXPECT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::none);
  d(core::MaterialScan{});  // scanning remains the way
  EXPECT_EQ(d.count<core::ScanPages>(), 1);
}

TEST(Materials, NoELicenceForAMaterialWithoutOne) {
  Driver d = at_materials();
  d(core::MaterialChoose{0})(core::ElicenceAsk{});
  EXPECT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::none);
}

TEST(Materials, NoELicenceWithoutACardHolder) {
  Driver d;
  d(core::TapEntry{core::Flow::idcard})(core::IdentifyAnonymous{});
  core::flows::start_materials(d.state, d.effects, item_with_materials());
  d(core::MaterialChoose{1})(core::ElicenceAsk{})(core::ElicenceConsent{true});
  EXPECT_EQ(d.count<core::FetchElicences>(), 0);
}

TEST(Materials, ELicenceNotFoundOrFailedLeavesScanning) {
  Driver d = at_materials();
  d(core::MaterialChoose{1})(core::ElicenceAsk{})(core::ElicenceConsent{true});
  d(core::ElicencesFound{d.last<core::FetchElicences>()->request,
                         {{"L0", "driving_licence", "驾驶证", "公安局", "2030-01-01"}}});
  EXPECT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::not_found);
  EXPECT_FALSE(d.state.preapply.materials.materials[1].elicence);
  d(core::ElicenceConsent{false});  // "OK" on the message
  EXPECT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::none);

  d(core::ElicenceAsk{})(core::ElicenceConsent{true});
  const core::RequestId r = d.last<core::FetchElicences>()->request;
  d(core::ElicencesFailed{r + 1, "platform.error.offline"});  // not this request
  EXPECT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::fetching);
  d(core::ElicencesFailed{r, "platform.error.offline"});
  EXPECT_EQ(d.state.preapply.materials.elicence, core::ElicencePhase::failed);
  EXPECT_EQ(d.state.preapply.materials.elicence_error_text_id, "platform.error.offline");
  EXPECT_EQ(d.last<core::Speak>()->text_id, "platform.error.offline");
}

TEST(Materials, ScanningAfterAnELicenceTakesItsPlace) {
  Driver d = at_materials();
  use_elicence(d);
  d(core::MaterialScan{});
  d(core::PageScanned{d.last<core::ScanPages>()->request, page(40)});
  EXPECT_FALSE(d.state.preapply.materials.materials[1].elicence);
  EXPECT_EQ(handles(d.state.preapply.materials.materials[1]), (std::vector<core::PageHandle>{40}));
}

TEST(Materials, EndingTheSessionWipesEverything) {
  Driver d = at_materials();
  use_elicence(d);
  d(core::MaterialScan{});
  d(core::PageScanned{d.last<core::ScanPages>()->request, page(50)});
  d(core::TapFinish{});
  EXPECT_EQ(d.state.preapply.materials, core::MaterialsState{});
  EXPECT_NE(d.last<core::WipeSession>(), nullptr);  // the app wipes the pages it holds
}

TEST(Materials, VerdictsHaveWords) {
  for (auto v : {core::PageVerdict::ok, core::PageVerdict::straightened, core::PageVerdict::blank,
                 core::PageVerdict::blurred, core::PageVerdict::too_dark}) {
    EXPECT_TRUE(std::string(core::text_id(v)).starts_with("materials.verdict."));
  }
  EXPECT_TRUE(core::usable(core::PageVerdict::straightened));
  EXPECT_FALSE(core::usable(core::PageVerdict::too_dark));
}

}  // namespace
