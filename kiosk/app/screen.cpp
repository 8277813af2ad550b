#include "kiosk/app/screen.hpp"

#include "kiosk/app/png_writer.hpp"
#include "ui/ui.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace kiosk::app {
namespace {

long long micros_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t)
      .count();
}

}  // namespace

Screen::Screen(ui::Fonts fonts, const ScreenOptions& options)
    : options_(options),
      ui_(std::move(fonts), options.rasterizer == Rasterizer::sdl ? std::function<void()>([] {
            // Needs the backend's renderer: skipped
            // before ImGui_ImplSDLRenderer_Init.
            if (ImGui::GetIO().BackendRendererUserData == nullptr) return;
            ImGui_ImplSDLRenderer_DestroyFontsTexture();
            ImGui_ImplSDLRenderer_CreateFontsTexture();
          })
                                                                  : std::function<void()>()) {}

kx::expected<std::unique_ptr<Screen>, std::string> Screen::open(const ScreenOptions& options,
                                                                ui::Fonts fonts) {
  if (options.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    return kx::unexpected(std::string("SDL_Init failed: ") + SDL_GetError());
  }
  std::unique_ptr<Screen> s(new Screen(std::move(fonts), options));
  Uint32 flags = options.headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  s->window_ = SDL_CreateWindow("政务服务自助终端", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                options.width, options.height, flags);
  if (s->window_ == nullptr)
    return kx::unexpected(std::string("SDL_CreateWindow: ") + SDL_GetError());
  SDL_GetWindowSize(s->window_, &s->width_, &s->height_);

  const bool need_renderer = !options.headless || options.rasterizer == Rasterizer::sdl;
  if (need_renderer) {
    s->renderer_ =
        SDL_CreateRenderer(s->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (s->renderer_ == nullptr)
      s->renderer_ = SDL_CreateRenderer(s->window_, -1, SDL_RENDERER_SOFTWARE);
    if (s->renderer_ == nullptr)
      return kx::unexpected(std::string("SDL_CreateRenderer: ") + SDL_GetError());
    SDL_GetRendererOutputSize(s->renderer_, &s->width_, &s->height_);
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no UI state on disk
  io.LogFilename = nullptr;
  ImGui::StyleColorsLight();
  ImGui_ImplSDL2_InitForSDLRenderer(s->window_);
  if (options.rasterizer == Rasterizer::sdl) ImGui_ImplSDLRenderer_Init(s->renderer_);
  s->imgui_ready_ = true;
  s->ui_.rebuild_fonts(false);  // before any backend could build a default atlas
  return s;
}

Screen::~Screen() {
  if (imgui_ready_) {
    if (options_.rasterizer == Rasterizer::sdl) ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (frame_texture_ != nullptr) SDL_DestroyTexture(frame_texture_);
  if (renderer_ != nullptr) SDL_DestroyRenderer(renderer_);
  if (window_ != nullptr) SDL_DestroyWindow(window_);
  SDL_Quit();
}

void Screen::process(const SDL_Event& event) {
  ImGui_ImplSDL2_ProcessEvent(&event);
  switch (event.type) {
    case SDL_MOUSEMOTION:
      pointer_.x = static_cast<float>(event.motion.x);
      pointer_.y = static_cast<float>(event.motion.y);
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (event.button.button != SDL_BUTTON_LEFT) break;
      pointer_.x = static_cast<float>(event.button.x);
      pointer_.y = static_cast<float>(event.button.y);
      pointer_.down = event.type == SDL_MOUSEBUTTONDOWN;
      pointer_.pressed |= pointer_.down;
      break;
    default:
      break;
  }
}

void Screen::inject_tap(float x, float y) {
  const Uint32 window = SDL_GetWindowID(window_);
  SDL_Event motion{};
  motion.type = SDL_MOUSEMOTION;
  motion.motion.windowID = window;
  motion.motion.x = static_cast<Sint32>(x);
  motion.motion.y = static_cast<Sint32>(y);
  SDL_PushEvent(&motion);
  for (Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
    SDL_Event b{};
    b.type = type;
    b.button.windowID = window;
    b.button.button = SDL_BUTTON_LEFT;
    b.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    b.button.clicks = 1;
    b.button.x = static_cast<Sint32>(x);
    b.button.y = static_cast<Sint32>(y);
    SDL_PushEvent(&b);
  }
}

Screen::Frame Screen::render(const core::State& state, const core::Texts& texts) {
  const auto started = std::chrono::steady_clock::now();
  if (options_.rasterizer == Rasterizer::sdl) ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(pointer_.x, pointer_.y);
  io.MouseDown[0] = pointer_.down || pointer_.pressed;
  pointer_.pressed = false;
  UiRenderer::Frame drawn =
      ui_.draw(state, texts, ImVec2(static_cast<float>(width_), static_cast<float>(height_)));
  Frame frame;
  frame.events = drawn.ui.events;
  frame.complete = drawn.complete;
  last_frame_ = std::move(drawn.ui);
  // Nothing with holes in it reaches the panel: an incomplete frame is
  // drawn again with the extended atlas.
  if (!frame.complete) return frame;
  present();
  spdlog::debug("frame in {} us", micros_since(started));
  return frame;
}

void Screen::present() {
  if (options_.rasterizer == Rasterizer::sdl) {
    SDL_SetRenderDrawColor(renderer_, 0xF2, 0xF5, 0xFA, 0xFF);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderPresent(renderer_);
    return;
  }
  ui_.rasterise(width_, height_);
  if (renderer_ == nullptr) return;  // headless: the pixels are for screenshots
  if (frame_texture_ == nullptr) {
    frame_texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888,
                                       SDL_TEXTUREACCESS_STREAMING, width_, height_);
  }
  SDL_UpdateTexture(frame_texture_, nullptr, ui_.raster().pixels().data(), width_ * 4);
  SDL_RenderCopy(renderer_, frame_texture_, nullptr, nullptr);
  SDL_RenderPresent(renderer_);
}

kx::expected<void, std::string> Screen::screenshot(const std::filesystem::path& path) {
  if (options_.rasterizer == Rasterizer::soft) {
    const auto px = ui_.raster().pixels();
    return write_png_rgba(
        path, width_, height_,
        std::span(reinterpret_cast<const std::uint8_t*>(px.data()), px.size() * 4));
  }
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width_) *
                                   static_cast<std::size_t>(height_) * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(),
                           width_ * 4) != 0) {
    return kx::unexpected(std::string("reading pixels failed: ") + SDL_GetError());
  }
  return write_png_rgba(path, width_, height_, pixels);
}

}  // namespace kiosk::app
