#pragma once
// Reads a regular file, refusing (oversized) one longer than `limit` bytes
// without reading past limit + 1: a hostile bundle cannot make the kiosk
// read endless data.
#include "base/expected.hpp"
#include "config/bundle/refusal.hpp"

#include <filesystem>
#include <string>

namespace config::bundle {

kx::expected<std::string, Refusal> read_limited(const std::filesystem::path& file,
                                                std::size_t limit);

}  // namespace config::bundle
