#pragma once
// File helpers shared by kiosk-admin's commands.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk_admin {

// Whole file, or nullopt (message printed to stderr).
std::optional<std::string> read_text(const std::filesystem::path& path);
// Reads each key file (PEM); nullopt if any fails.
std::optional<std::vector<std::string>> read_keys(const std::vector<std::string>& paths);
// Writes the file through the durable path; false (message printed) on error.
bool write_text(const std::filesystem::path& path, const std::string& bytes, unsigned mode = 0644);

}  // namespace kiosk_admin
