#pragma once
// The panel: an SDL window (or, headless, SDL's "dummy" video driver, which
// needs no display and loads no EGL/Mesa), the Dear ImGui context, and the
// rasteriser that turns the UI's draw data into pixels. Keeps the font
// atlas in step with the glyphs the screens meet.
#include "base/expected.hpp"
#include "kiosk/app/ui_renderer.hpp"
#include "kiosk/core/session.hpp"
#include "ui/fonts.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

union SDL_Event;
struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::app {

enum class Rasterizer {
  soft,  // our SoftRaster: same pixels on the panel and in screenshots (default)
  sdl,   // Dear ImGui's stock SDL_Renderer backend, for panels with a GPU
};

struct ScreenOptions {
  int width = 1080;
  int height = 1920;
  bool headless = false;
  bool fullscreen = false;
  Rasterizer rasterizer = Rasterizer::soft;
};

class Screen {
 public:
  static kx::expected<std::unique_ptr<Screen>, std::string> open(const ScreenOptions& options,
                                                                 ui::Fonts fonts);
  ~Screen();
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  struct Frame {
    std::vector<core::Event> events;
    // False when the frame met glyphs the atlas lacked: the atlas has been
    // extended and the frame must be drawn again.
    bool complete = true;
  };
  Frame render(const core::State& state, const core::Texts& texts);

  // Feeds one SDL event to ImGui.
  void process(const SDL_Event& event);

  // Pushes a real touch (mouse motion, press, release at x, y) onto SDL's
  // event queue, as a finger on the panel would produce.
  void inject_tap(float x, float y);

  // Writes the last rendered frame as PNG.
  kx::expected<void, std::string> screenshot(const std::filesystem::path& path);

  int width() const { return width_; }
  int height() const { return height_; }
  const ui::FrameResult& last_frame() const { return last_frame_; }

 private:
  Screen(ui::Fonts fonts, const ScreenOptions& options);
  void present();

  ScreenOptions options_;
  UiRenderer ui_;
  ui::FrameResult last_frame_;
  // The pointer as SDL's events told it. ImGui 1.86's SDL backend polls
  // SDL's global mouse state instead, which injected events and an
  // unfocused window (headless) never update; events are the truth here.
  struct Pointer {
    float x = -1e9f, y = -1e9f;
    bool down = false;
    bool pressed = false;  // went down since the last frame: hold it one frame
  } pointer_;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;  // absent when headless with the soft rasteriser
  SDL_Texture* frame_texture_ = nullptr;
  int width_ = 0;
  int height_ = 0;
  bool imgui_ready_ = false;
};

}  // namespace kiosk::app
