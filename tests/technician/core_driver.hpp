#pragma once
// Drives the session core through technician mode for the core tests: each
// event reduced in turn, the effects of the last one kept.
#include "kiosk/core/session.hpp"

#include <string>
#include <vector>

namespace test {

struct Driver {
  core::State s = core::initial_state(core::Settings{});
  std::vector<core::Effect> fx;
  Driver& operator()(const core::Event& e) {
    auto step = core::reduce(s, e);
    s = std::move(step.state);
    fx = std::move(step.effects);
    return *this;
  }
  Driver& at(core::Millis t) { return (*this)(core::Tick{t, {}}); }
  template <class E>
  const E* effect() const {
    for (const auto& e : fx) {
      if (const auto* p = std::get_if<E>(&e)) return p;
    }
    return nullptr;
  }
  Driver& taps(int n) {
    for (int i = 0; i < n; ++i) (*this)(core::TechCornerTap{});
    return *this;
  }
  Driver& type(const std::string& digits) {
    for (char c : digits) (*this)(core::TechPinKey{c});
    return *this;
  }
};

}  // namespace test
