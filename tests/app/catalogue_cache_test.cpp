// The service catalogue kept on disk: fetched once from a real platform
// simulator over mutual TLS, it answers after a restart while the platform
// is down (or not configured at all); a damaged file is never trusted.
// Answers are awaited on the app's event queue, never by sleeping.
#include "kiosk/app/catalogue_cache.hpp"
#include "kiosk/app/platform_effects.hpp"
#include "tests/platform/sim_fixture.hpp"

#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <optional>

namespace {

using kiosk::app::CatalogueCache;
using kiosk::app::PlatformEffects;

struct Events {
  kiosk::app::EventWaiter waiter;
  kiosk::app::AppEvents queue{waiter};

  // The answer to one FetchCatalogue: CatalogueLoaded or CatalogueFailed.
  std::optional<core::Event> catalogue_answer() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      for (core::Event& e : queue.take()) {
        if (std::holds_alternative<core::CatalogueLoaded>(e) ||
            std::holds_alternative<core::CatalogueFailed>(e)) {
          return e;
        }
      }
      SDL_Event ignored;
      waiter.wait(ignored, 500);
    }
    return std::nullopt;
  }
};

class CatalogueCacheTest : public platform_test::SimTest {
 protected:
  // In the fixture's folder, which it removes afterwards.
  std::filesystem::path file() const { return dir_ / "catalogue.json"; }

  // One app run: asks for the catalogue once and returns the answer.
  std::optional<core::Event> fetch_once(std::optional<kiosk::platform::ClientConfig> cfg) {
    Events events;
    PlatformEffects effects(events.queue, "hall-city-main", CatalogueCache(file()));
    effects.connect(std::move(cfg));
    EXPECT_TRUE(effects.take(core::Effect{core::FetchCatalogue{}}));
    return events.catalogue_answer();
  }
};

const core::CatalogueLoaded* loaded(const std::optional<core::Event>& e) {
  return e ? std::get_if<core::CatalogueLoaded>(&*e) : nullptr;
}

TEST_F(CatalogueCacheTest, ALaterStartDuringAnOutageStillHasTheGuides) {
  const auto online = fetch_once(config());
  ASSERT_NE(loaded(online), nullptr);
  ASSERT_GE(loaded(online)->items.size(), 30u);
  ASSERT_TRUE(std::filesystem::exists(file()));

  set_faults("outage=0-86400000");
  const auto offline = fetch_once(config());
  ASSERT_NE(loaded(offline), nullptr) << "the kept catalogue answers";
  EXPECT_EQ(loaded(offline)->version, loaded(online)->version);
  EXPECT_EQ(loaded(offline)->items, loaded(online)->items);

  // No platform configured at all (a kiosk not provisioned yet): the same.
  const auto unconfigured = fetch_once(std::nullopt);
  ASSERT_NE(loaded(unconfigured), nullptr);
  EXPECT_EQ(loaded(unconfigured)->items.size(), loaded(online)->items.size());
}

TEST_F(CatalogueCacheTest, WithNothingKeptAnOutageIsReported) {
  set_faults("outage=0-86400000");
  const auto answer = fetch_once(config());
  ASSERT_TRUE(answer.has_value());
  EXPECT_TRUE(std::holds_alternative<core::CatalogueFailed>(*answer));
  EXPECT_FALSE(std::filesystem::exists(file()));
}

TEST_F(CatalogueCacheTest, ADamagedFileIsIgnoredAndReplacedByTheNextFetch) {
  std::ofstream(file()) << R"({"etag":"\"x\"","catalogue":{"version":)";  // torn
  EXPECT_FALSE(CatalogueCache(file()).load().has_value());
  std::ofstream(file()) << R"({"etag":"\"x\"","catalogue":{"items":"not a list"}})";
  EXPECT_FALSE(CatalogueCache(file()).load().has_value());

  const auto online = fetch_once(config());  // a full fetch: the ETag "x" is not trusted
  ASSERT_NE(loaded(online), nullptr);
  const auto kept = CatalogueCache(file()).load();
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->items.size(), loaded(online)->items.size());
  EXPECT_FALSE(kept->etag.empty());
}

TEST(CatalogueCacheFile, WithoutAPathNothingIsKept) {  // (no platform needed)
  CatalogueCache none({});
  none.save(R"({"version":"v1","items":[]})", "\"e\"");
  EXPECT_FALSE(none.load().has_value());
}

}  // namespace
