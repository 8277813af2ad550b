#include "kiosk/app/screenshots.hpp"

#include "config/config.hpp"
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/png_writer.hpp"
#include "kiosk/app/screen_states.hpp"
#include "kiosk/app/ui_renderer.hpp"

#include <imgui.h>

#include <array>
#include <utility>

namespace kiosk::app {
namespace {

struct Layout {
  const char* name;
  ImVec2 size;
};
const std::array<Layout, 2> kLayouts{{{"portrait", {1080, 1920}}, {"landscape", {1920, 1080}}}};

}  // namespace

kx::expected<std::vector<std::filesystem::path>, std::string> write_screenshots(
    const ScreenshotOptions& options) {
  auto cfg = config::load(options.config_dir);
  if (!cfg) return kx::unexpected("config: " + cfg.error().to_string());
  auto font = FontFile::map(options.font_path);
  if (!font) return kx::unexpected("font: " + font.error());
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return kx::unexpected("cannot create " + options.out_dir.string());

  const core::Texts texts = texts_from(*cfg);
  ui::GlyphSet seed;
  seed.add_utf8(" ?");
  ImGuiContext* imgui = ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().DeltaTime = 1.f / 60.f;
  std::vector<std::filesystem::path> written;
  std::string error;
  {
    UiRenderer renderer(
        ui::Fonts(ui::FontSource{font->data(), font->size(), options.font_face}, seed));
    for (const core::Lang lang : {core::Lang::zh, core::Lang::en}) {
      for (const bool elderly : {false, true}) {
        core::State base = core::initial_state(settings_from(*cfg));
        base.lang = lang;
        base.elderly = elderly;
        for (const auto& [name, state] : screen_states(base)) {
          for (const Layout& layout : kLayouts) {
            // Until the atlas holds every glyph the screen draws.
            for (int i = 0; i < 4 && !renderer.draw(state, texts, layout.size).complete; ++i) {
            }
            renderer.rasterise(static_cast<int>(layout.size.x), static_cast<int>(layout.size.y));
            const auto px = renderer.raster().pixels();
            const auto file =
                options.out_dir / (name + "-" + (lang == core::Lang::zh ? "zh" : "en") + "-" +
                                   (elderly ? "elderly" : "standard") + "-" + layout.name + ".png");
            auto ok = write_png_rgba(
                file, renderer.raster().width(), renderer.raster().height(),
                std::span(reinterpret_cast<const std::uint8_t*>(px.data()), px.size() * 4));
            if (!ok) {
              error = ok.error();
              break;
            }
            written.push_back(file);
          }
        }
      }
    }
  }
  ImGui::DestroyContext(imgui);
  if (!error.empty()) return kx::unexpected(error);
  return written;
}

}  // namespace kiosk::app
