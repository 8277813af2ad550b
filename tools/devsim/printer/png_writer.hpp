#pragma once
// Writes a printer::Bitmap as an 8-bit grey PNG (ink black on white).
#include "drivers/printer/bitmap.hpp"

#include <filesystem>
#include <string>

namespace devsim::printer {

// Returns an empty string on success, otherwise what went wrong.
std::string write_png(const ::printer::Bitmap& paper, const std::filesystem::path& path);

}  // namespace devsim::printer
