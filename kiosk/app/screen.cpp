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

constexpr std::uint32_t kBackground = IM_COL32(0xF2, 0xF5, 0xFA, 0xFF);

long long micros_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t)
      .count();
}

}  // namespace

kx::expected<std::unique_ptr<Screen>, std::string> Screen::open(const ScreenOptions& options,
                                                                ui::Fonts fonts) {
  if (options.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    return kx::unexpected(std::string("SDL_Init failed: ") + SDL_GetError());
  }
  std::unique_ptr<Screen> s(new Screen(std::move(fonts)));
  s->options_ = options;
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
  s->raster_.resize(s->width_, s->height_);
  s->rebuild_fonts(false);
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

void Screen::rebuild_fonts(bool elderly) {
  const auto started = std::chrono::steady_clock::now();
  ImGuiIO& io = ImGui::GetIO();
  if (!fonts_.build(*io.Fonts, elderly)) spdlog::error("font atlas build failed");
  if (options_.rasterizer == Rasterizer::sdl) {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
  } else {
    unsigned char* alpha = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &w, &h);
    raster_.set_atlas(alpha, w, h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
  }
  // The pixels live on in the rasteriser or the texture; drop ImGui's copy.
  io.Fonts->ClearTexData();
  spdlog::debug("font atlas: {} glyphs in {} us", fonts_.glyph_count(), micros_since(started));
}

void Screen::process(const SDL_Event& event) {
  ImGui_ImplSDL2_ProcessEvent(&event);
}

Screen::Frame Screen::render(const core::State& state, const core::Texts& texts) {
  const auto started = std::chrono::steady_clock::now();
  if (state.elderly != fonts_.elderly()) rebuild_fonts(state.elderly);

  if (options_.rasterizer == Rasterizer::sdl) ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ui::FrameResult result = ui::draw_frame(
      state, texts, fonts_, ImVec2(static_cast<float>(width_), static_cast<float>(height_)));
  ImGui::Render();

  Frame frame;
  frame.events = std::move(result.events);
  bool grew = false;
  for (std::size_t role = 0; role < ui::kFontRoleCount; ++role) {
    grew |= fonts_.add_glyphs(static_cast<ui::FontRole>(role), result.missing_glyphs[role]);
  }
  if (grew) {
    // Draw nothing with holes in it: extend the atlas, draw again.
    rebuild_fonts(state.elderly);
    frame.complete = false;
    return frame;
  }
  // Glyphs the font itself lacks stay missing; drawing again would not help.
  present();
  spdlog::debug("frame in {} us", micros_since(started));
  return frame;
}

void Screen::present() {
  ImDrawData* dd = ImGui::GetDrawData();
  if (options_.rasterizer == Rasterizer::sdl) {
    SDL_SetRenderDrawColor(renderer_, 0xF2, 0xF5, 0xFA, 0xFF);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(dd);
    SDL_RenderPresent(renderer_);
    return;
  }
  raster_.clear(kBackground);
  raster_.render(*dd);
  if (renderer_ == nullptr) return;  // headless: the pixels are for screenshots
  if (frame_texture_ == nullptr) {
    frame_texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888,
                                       SDL_TEXTUREACCESS_STREAMING, width_, height_);
  }
  SDL_UpdateTexture(frame_texture_, nullptr, raster_.pixels().data(), width_ * 4);
  SDL_RenderCopy(renderer_, frame_texture_, nullptr, nullptr);
  SDL_RenderPresent(renderer_);
}

kx::expected<void, std::string> Screen::screenshot(const std::filesystem::path& path) {
  if (options_.rasterizer == Rasterizer::soft) {
    const auto px = raster_.pixels();
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
