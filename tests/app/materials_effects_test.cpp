// The materials step's scan effect against sane-backends' real `test`
// backend (SANE_CONFIG_DIR=tests/scanner/sane.d, as the scanner driver's
// tests): pages through the real pipeline arrive as PageScanned with a
// thumbnail and a verdict, the JPEG stays in the app under the page's
// handle, faults reach the core as ScanFailed, and a wipe forgets every
// page. Answers are awaited on the app's event queue, never by sleeping.
#include "kiosk/app/preapply_materials_effects.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>

namespace {

using kiosk::app::MaterialsEffects;
using kiosk::app::SimFeeder;

struct Events {
  kiosk::app::EventWaiter waiter;
  kiosk::app::AppEvents queue{waiter};
  std::vector<core::Event> seen;

  // Waits (up to 60 s: pages go through the whole pipeline on a loaded
  // machine) until an event satisfies `match`.
  std::optional<core::Event> until(const std::function<bool(const core::Event&)>& match) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      for (core::Event& e : queue.take()) {
        seen.push_back(e);
        if (match(e)) return e;
      }
      SDL_Event ignored;
      waiter.wait(ignored, 500);
    }
    return std::nullopt;
  }
  std::vector<core::PageScanned> pages() const {
    std::vector<core::PageScanned> out;
    for (const auto& e : seen) {
      if (const auto* p = std::get_if<core::PageScanned>(&e)) out.push_back(*p);
    }
    return out;
  }
};

bool ends_scan(const core::Event& e) {
  return std::holds_alternative<core::ScanFinished>(e) ||
         std::holds_alternative<core::ScanFailed>(e);
}

// Low resolution keeps the test fast; the pipeline is the product's.
MaterialsEffects::Options sim_options() {
  return {.device = "test:0", .dpi = 100, .sim = true};
}

TEST(MaterialsEffects, PagesInTheFeederArriveWithThumbnailsAndVerdicts) {
  Events events;
  MaterialsEffects fx(events.queue, sim_options());
  fx.insert_pages(SimFeeder{2, ""});
  ASSERT_TRUE(fx.take(core::ScanPages{7, 20, "text"}));
  auto end = events.until(ends_scan);
  ASSERT_TRUE(end);
  ASSERT_TRUE(std::holds_alternative<core::ScanFinished>(*end));
  EXPECT_EQ(std::get<core::ScanFinished>(*end).request, 7u);
  const auto pages = events.pages();
  ASSERT_EQ(pages.size(), 2u);  // the feeder held two sheets
  for (const auto& p : pages) {
    EXPECT_EQ(p.request, 7u);
    EXPECT_GT(p.page.thumbnail.width, 0);
    EXPECT_LE(std::max(p.page.thumbnail.width, p.page.thumbnail.height), 84);
    EXPECT_EQ(p.page.thumbnail.gray.size(),
              static_cast<std::size_t>(p.page.thumbnail.width * p.page.thumbnail.height));
    // The grid picture is content, not a blank page nor a black one.
    EXPECT_NE(p.page.verdict, core::PageVerdict::blank);
    EXPECT_NE(p.page.verdict, core::PageVerdict::too_dark);
    auto jpeg = fx.page_jpeg(p.page.handle);
    ASSERT_NE(jpeg, nullptr);
    ASSERT_GT(jpeg->size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>((*jpeg)[0]), 0xFF);  // JPEG SOI
    EXPECT_EQ(static_cast<unsigned char>((*jpeg)[1]), 0xD8);
  }
  EXPECT_NE(pages[0].page.handle, pages[1].page.handle);

  // The feeder is empty now: the next scan says so.
  fx.take(core::ScanPages{8, 20, "text"});
  end = events.until(ends_scan);
  ASSERT_TRUE(end);
  ASSERT_TRUE(std::holds_alternative<core::ScanFailed>(*end));
  EXPECT_EQ(std::get<core::ScanFailed>(*end).fault, core::ScanFault::no_paper);

  // Deleted pages go; a wipe takes the rest.
  fx.take(core::DropPages{{pages[0].page.handle}});
  EXPECT_EQ(fx.page_jpeg(pages[0].page.handle), nullptr);
  EXPECT_EQ(fx.pages_held(), 1u);
  EXPECT_FALSE(fx.take(core::WipeSession{}));  // seen, left for the others too
  EXPECT_EQ(fx.pages_held(), 0u);
}

TEST(MaterialsEffects, BlankSheetsAreToldAsBlank) {
  Events events;
  MaterialsEffects fx(events.queue, sim_options());
  fx.insert_pages(SimFeeder{1, "blank"});
  fx.take(core::ScanPages{1, 20, "text"});
  ASSERT_TRUE(events.until(ends_scan));
  const auto pages = events.pages();
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].page.verdict, core::PageVerdict::blank);
}

struct FaultCase {
  const char* feeder;
  core::ScanFault fault;
};
class MaterialsEffectsFault : public testing::TestWithParam<FaultCase> {};

TEST_P(MaterialsEffectsFault, ReachesTheCoreAsItsFault) {
  Events events;
  MaterialsEffects fx(events.queue, sim_options());
  auto feeder = kiosk::app::parse_sim_feeder(GetParam().feeder);
  ASSERT_TRUE(feeder) << feeder.error();
  fx.insert_pages(*feeder);
  fx.take(core::ScanPages{3, 20, "licence"});
  auto end = events.until(ends_scan);
  ASSERT_TRUE(end);
  ASSERT_TRUE(std::holds_alternative<core::ScanFailed>(*end));
  EXPECT_EQ(std::get<core::ScanFailed>(*end).fault, GetParam().fault);
}

INSTANTIATE_TEST_SUITE_P(SaneStatuses, MaterialsEffectsFault,
                         testing::Values(FaultCase{"jam", core::ScanFault::jammed},
                                         FaultCase{"cover-open", core::ScanFault::cover_open},
                                         FaultCase{"0", core::ScanFault::no_paper}));

TEST(MaterialsEffects, AScannerThatIsNotThereIsMissing) {
  Events events;
  MaterialsEffects fx(events.queue, {.device = "test:9", .dpi = 100, .sim = false});
  fx.take(core::ScanPages{1, 1, "text"});
  auto end = events.until(ends_scan);
  ASSERT_TRUE(end);
  ASSERT_TRUE(std::holds_alternative<core::ScanFailed>(*end));
  EXPECT_EQ(std::get<core::ScanFailed>(*end).fault, core::ScanFault::missing);
}

TEST(MaterialsEffects, WithoutAPlatformTheELicenceQueryFailsAsOffline) {
  Events events;
  MaterialsEffects fx(events.queue, sim_options());
  fx.connect(std::nullopt);
  fx.take(core::FetchElicences{4, "GA-001", "650102195803120020", "张桂兰"});
  auto end = events.until(
      [](const core::Event& e) { return std::holds_alternative<core::ElicencesFailed>(e); });
  ASSERT_TRUE(end);
  EXPECT_EQ(std::get<core::ElicencesFailed>(*end).text_id, "platform.error.offline");
}

TEST(MaterialsEffects, VerdictsFromThePipeline) {
  scanner::ProcessedPage page;
  core::Thumbnail white{2, 2, {250, 250, 250, 250}};
  core::Thumbnail black{2, 2, {10, 10, 10, 10}};
  EXPECT_EQ(kiosk::app::to_core_verdict(page, white), core::PageVerdict::ok);
  EXPECT_EQ(kiosk::app::to_core_verdict(page, black), core::PageVerdict::too_dark);
  page.checks.deskewed = true;
  EXPECT_EQ(kiosk::app::to_core_verdict(page, white), core::PageVerdict::straightened);
  page.verdict = scanner::Verdict::blurred;
  EXPECT_EQ(kiosk::app::to_core_verdict(page, white), core::PageVerdict::blurred);
  page.verdict = scanner::Verdict::blank;
  EXPECT_EQ(kiosk::app::to_core_verdict(page, white), core::PageVerdict::blank);

  const auto thumb = kiosk::app::to_core_thumbnail(scanner::Image::blank(240, 120, 3, 200));
  EXPECT_EQ(thumb.width, 84);
  EXPECT_EQ(thumb.height, 42);
  EXPECT_EQ(thumb.gray.front(), 200);
}

TEST(MaterialsEffects, InsertPagesArguments) {
  EXPECT_EQ(kiosk::app::parse_sim_feeder("3")->pages, 3);
  EXPECT_EQ(kiosk::app::parse_sim_feeder("2 blank")->kind, "blank");
  EXPECT_EQ(kiosk::app::parse_sim_feeder("jam")->kind, "jam");
  EXPECT_FALSE(kiosk::app::parse_sim_feeder("many"));
  EXPECT_FALSE(kiosk::app::parse_sim_feeder("2 crumpled"));
}

}  // namespace
