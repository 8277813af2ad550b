#pragma once
// The panel layouts every screen test runs in (both orientations, both
// languages, elderly mode) and the bundled texts they render.
#include "config/config.hpp"
#include "kiosk/app/kiosk_app.hpp"

#include <imgui.h>

#include <ostream>
#include <stdexcept>
#include <string>

namespace test {

inline core::Texts bundled_texts() {
  auto cfg = config::load(std::string(KIOSK_SOURCE_DIR) + "/config/defaults");
  if (!cfg) throw std::runtime_error(cfg.error().to_string());
  return kiosk::app::texts_from(*cfg);
}

struct Layout {
  ImVec2 display;
  core::Lang lang;
  bool elderly;
};

inline const Layout kLayouts[] = {{ImVec2(1080, 1920), core::Lang::zh, false},
                                  {ImVec2(1920, 1080), core::Lang::zh, false},
                                  {ImVec2(1080, 1920), core::Lang::en, false},
                                  {ImVec2(1080, 1920), core::Lang::zh, true},
                                  {ImVec2(1920, 1080), core::Lang::en, true}};

inline void PrintTo(const Layout& l, std::ostream* os) {
  *os << l.display.x << "x" << l.display.y << (l.lang == core::Lang::zh ? " zh" : " en")
      << (l.elderly ? " elderly" : "");
}

inline std::string layout_name(const Layout& l) {
  return std::string(l.display.x < l.display.y ? "portrait" : "landscape") +
         (l.lang == core::Lang::zh ? "_zh" : "_en") + (l.elderly ? "_elderly" : "");
}

}  // namespace test
