// Service guides: browse, filter, search (Chinese, pinyin initials,
// English), open an item, print it.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;

Driver browsing() {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{})(coretest::catalogue());
  return d;
}

std::vector<std::string> codes(const core::State& s) {
  std::vector<std::string> out;
  for (const auto* i : core::guide_results(s.catalogue, s.guide)) out.push_back(i->code);
  return out;
}

TEST(Guide, ListsTheWholeCatalogueOnceLoaded) {
  Driver d = browsing();
  EXPECT_EQ(d.state.catalogue.load, core::LoadState::ready);
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001", "GA-002", "RS-001"}));
}

TEST(Guide, SearchesByChinesePinyinInitialsAndEnglish) {
  Driver d = browsing();
  d(core::GuideQuery{"身份证"});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001"}));
  d(core::GuideQuery{"sfz"});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001"}));
  d(core::GuideQuery{"SBK"});  // no: 社会保障卡 is shbzk
  EXPECT_TRUE(codes(d.state).empty());
  d(core::GuideQuery{"security card"});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"RS-001"}));
  d(core::GuideQuery{"  "});
  EXPECT_EQ(codes(d.state).size(), 3u);
}

TEST(Guide, PinyinInitialsComeFromTheChineseNameWhenTheCatalogueLacksThem) {
  Driver d;
  auto loaded = coretest::catalogue();
  for (auto& item : loaded.items) item.initials.clear();
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{})(loaded);
  d(core::GuideQuery{"sfz"});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001"}));
  d(core::GuideQuery{"SHBZK"});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"RS-001"}));
}

TEST(Guide, BrowsesByCategoryAndDepartment) {
  Driver d = browsing();
  d(core::GuideFilterChosen{{core::GuideFilter::By::department, "GA"}});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"GA-001", "GA-002"}));
  d(core::GuideFilterChosen{{core::GuideFilter::By::category, "social"}});
  EXPECT_EQ(codes(d.state), (std::vector<std::string>{"RS-001"}));
  EXPECT_EQ(core::guide_categories(d.state.catalogue),
            (std::vector<std::string>{"public", "social"}));
  EXPECT_EQ(core::guide_departments(d.state.catalogue).size(), 2u);
}

TEST(Guide, OpensAnItemAndGoesBackToTheList) {
  Driver d = browsing();
  d(core::GuideQuery{"hkqy"})(core::GuideOpen{"GA-002"});
  EXPECT_EQ(d.state.screen, core::Screen::guide_item);
  EXPECT_EQ(d.state.guide.item_code, "GA-002");
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::guide_list);
  EXPECT_EQ(d.state.guide.query, "hkqy");  // the search is kept
  d(core::GuideOpen{"NOPE"});
  EXPECT_EQ(d.state.screen, core::Screen::guide_list);
}

TEST(Guide, PrintsTheGuideAndReportsPaperTrouble) {
  Driver d = browsing();
  d(core::GuideOpen{"GA-001"})(core::GuidePrint{});
  const auto* print = d.last<core::PrintReceipt>();
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->template_id, "guide");
  EXPECT_EQ(d.state.print, core::LoadState::loading);
  d(core::GuidePrint{});  // a second tap while printing prints nothing more
  EXPECT_EQ(d.count<core::PrintReceipt>(), 1);
  d(core::PrintDone{false, "print.error.no_paper"});
  EXPECT_EQ(d.state.print, core::LoadState::failed);
  EXPECT_EQ(d.state.print_error, "print.error.no_paper");
}

TEST(Guide, AFailedCatalogueIsAskedForAgainNextTime) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{});
  EXPECT_EQ(d.count<core::FetchCatalogue>(), 1);
  d(core::CatalogueFailed{"platform.error.offline"});
  EXPECT_EQ(d.state.catalogue.load, core::LoadState::failed);
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{});
  EXPECT_EQ(d.count<core::FetchCatalogue>(), 2);
}

TEST(Guide, TheCatalogueOutlivesTheSession) {
  Driver d = browsing();
  d(core::TapFinish{});
  EXPECT_EQ(d.state.catalogue.items.size(), 3u);
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{});
  EXPECT_EQ(d.count<core::FetchCatalogue>(), 1);  // not fetched again
}

}  // namespace
