// Config validation names the file, the field and the reason.
#include "config/config.hpp"

#include <gtest/gtest.h>

namespace {

constexpr const char* kTexts = R"({"home.welcome": {"zh": "欢迎", "en": "Welcome"}})";

std::string main_json(const std::string& timeouts = R"({"inactivity_s": 120, "warning_s": 30})") {
  return R"({"schema": 1, "version": "v7", "hall": {"id": "h1", "name": {"zh": "大厅", "en": "Hall"}},
            "terminal_id": "T-1", "display": {"width": 1920, "height": 1080}, "timeouts": )" +
         timeouts + "}";
}

TEST(Config, TheBundledDefaultsLoad) {
  auto cfg = config::load(std::string(KIOSK_SOURCE_DIR) + "/config/defaults");
  ASSERT_TRUE(cfg.has_value()) << cfg.error().to_string();
  EXPECT_FALSE(cfg->hall.name.zh.empty());
  EXPECT_FALSE(cfg->hall.name.en.empty());
  for (const char* id : {"entry.idcard", "entry.appointment", "entry.ticket", "entry.progress",
                         "entry.guide", "entry.rating", "action.call_staff", "home.welcome"}) {
    ASSERT_TRUE(cfg->texts.count(id)) << id;
  }
  EXPECT_GE(cfg->timeouts.warning_s, 20);  // WCAG 2.2.1
}

TEST(Config, ParsesEveryField) {
  auto cfg = config::parse(main_json(), kTexts);
  ASSERT_TRUE(cfg.has_value()) << cfg.error().to_string();
  EXPECT_EQ(cfg->version, "v7");
  EXPECT_EQ(cfg->hall.id, "h1");
  EXPECT_EQ(cfg->hall.name.zh, "大厅");
  EXPECT_EQ(cfg->terminal_id, "T-1");
  EXPECT_EQ(cfg->display.width, 1920);
  EXPECT_EQ(cfg->display.height, 1080);
  EXPECT_EQ(cfg->timeouts.inactivity_s, 120);
  EXPECT_EQ(cfg->texts.at("home.welcome").en, "Welcome");
}

struct BadCase {
  std::string config;
  std::string texts;
  std::string file, field, reason_part;
};

TEST(Config, RefusesBadConfigWithFileFieldAndReason) {
  const std::vector<BadCase> cases = {
      {"{not json", kTexts, "config.json", "/", "not valid JSON"},
      {"[]", kTexts, "config.json", "/", "object"},
      {R"({"schema": 1})", kTexts, "config.json", "/hall", "required"},
      {R"({"hall": {"id": "h", "name": {"zh": "", "en": "x"}}})", kTexts, "config.json",
       "/hall/name/zh", "empty"},
      {R"({"hall": {"id": 5, "name": {"zh": "a", "en": "b"}}})", kTexts, "config.json", "/hall/id",
       "string"},
      {main_json(R"({"inactivity_s": 10})"), kTexts, "config.json", "/timeouts/inactivity_s",
       "between"},
      {main_json(R"({"inactivity_s": 60, "warning_s": 60})"), kTexts, "config.json",
       "/timeouts/warning_s", "shorter"},
      {main_json(R"({"inactivity_s": 60, "warning_s": 5})"), kTexts, "config.json",
       "/timeouts/warning_s", "between"},
      {main_json(), R"({"a": {"zh": "甲"}})", "texts.json", "/a/en", "required"},
      {main_json(), R"({"a": "plain"})", "texts.json", "/a", "object"},
      {R"({"schema": 2, "hall": {"id": "h", "name": {"zh": "a", "en": "b"}}})", kTexts,
       "config.json", "/schema", "between"},
  };
  for (const auto& c : cases) {
    auto cfg = config::parse(c.config, c.texts);
    ASSERT_FALSE(cfg.has_value()) << c.config;
    EXPECT_EQ(cfg.error().file, c.file) << c.config;
    EXPECT_EQ(cfg.error().field, c.field) << c.config;
    EXPECT_NE(cfg.error().reason.find(c.reason_part), std::string::npos) << cfg.error().to_string();
  }
}

TEST(Config, AMissingFolderSaysWhichFile) {
  auto cfg = config::load("/nonexistent/kiosk");
  ASSERT_FALSE(cfg.has_value());
  EXPECT_EQ(cfg.error().file, "config.json");
  EXPECT_NE(cfg.error().reason.find("cannot be read"), std::string::npos);
}

}  // namespace
