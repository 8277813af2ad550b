#pragma once
// Helpers for driving the session core in tests: apply events in turn,
// look for effects, make citizens and catalogues.
#include "kiosk/core/session.hpp"

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <vector>

namespace coretest {

using namespace std::chrono_literals;

inline core::Settings settings() {
  core::Settings s;
  s.inactivity_limit = 120s;
  s.inactivity_warning = 30s;
  s.hall_name_zh = "市民中心";
  return s;
}

// A state whose clock says 2026-11-28, as the app's first Tick would.
inline core::State fresh() {
  core::State s = core::initial_state(settings());
  s.clock = core::WallClock{2026, 11, 28, 10, 5, 6};
  return s;
}

// Applies events in order; `effects` collects everything they produced.
struct Driver {
  core::State state = fresh();
  std::vector<core::Effect> effects;

  Driver& operator()(const core::Event& e) {
    core::Step step = core::reduce(state, e);
    state = std::move(step.state);
    effects.insert(effects.end(), step.effects.begin(), step.effects.end());
    return *this;
  }
  template <class E>
  const E* last() const {
    for (auto it = effects.rbegin(); it != effects.rend(); ++it) {
      if (const E* e = std::get_if<E>(&*it)) return e;
    }
    return nullptr;
  }
  template <class E>
  int count() const {
    return static_cast<int>(std::count_if(effects.begin(), effects.end(), [](const auto& e) {
      return std::holds_alternative<E>(e);
    }));
  }
};

inline core::Citizen resident() {
  return core::Citizen{"张三", "11010519491231002X", "resident", "北京市朝阳区", "20300101"};
}

inline core::GuideItem item(std::string code, std::string zh, std::string en, std::string initials,
                            std::string dept = "GA", std::string category = "public") {
  core::GuideItem i;
  i.code = std::move(code);
  i.name_zh = std::move(zh);
  i.name_en = std::move(en);
  i.initials = std::move(initials);
  i.department_code = dept;
  i.department_zh = dept == "GA" ? "公安局" : "人社局";
  i.department_en = dept == "GA" ? "Public Security" : "Human Resources";
  i.category = std::move(category);
  i.window_group = "A";
  i.trips = "one";
  return i;
}

inline core::CatalogueLoaded catalogue() {
  return core::CatalogueLoaded{
      "v1",
      {item("GA-001", "居民身份证换领", "Renew a resident ID card", "jmsfzhl"),
       item("GA-002", "户口迁移", "Household registration transfer", "hkqy"),
       item("RS-001", "社会保障卡申领", "Apply for a social security card", "shbzksl", "RS",
            "social")}};
}

}  // namespace coretest
