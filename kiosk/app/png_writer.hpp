#pragma once
// Writes RGBA pixels as PNG with libpng at a low compression level: a
// 1920x1080 screenshot costs a few ms instead of the ~150 ms stb takes.
#include "base/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace kiosk::app {

kx::expected<void, std::string> write_png_rgba(const std::filesystem::path& path, int width,
                                               int height, std::span<const std::uint8_t> rgba);

}  // namespace kiosk::app
