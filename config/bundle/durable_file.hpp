#pragma once
// Small POSIX helpers for crash-safe writes: a file is written and fsynced
// before it is renamed into place, and the folder is fsynced after, so a
// power cut or kill -9 leaves the old or the new name, never a torn one.
#include "base/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace config::bundle::durable {

// Errors are English text naming the path and errno.
kx::expected<void, std::string> write_file(const std::filesystem::path& path,
                                           std::string_view bytes, unsigned mode = 0644);
kx::expected<void, std::string> sync_dir(const std::filesystem::path& dir);
// write_file to <path>.tmp, rename over <path>, sync the folder.
kx::expected<void, std::string> replace_file(const std::filesystem::path& path,
                                             std::string_view bytes, unsigned mode = 0644);
// A fresh symlink <link>.tmp -> target, renamed over <link>, folder synced.
kx::expected<void, std::string> replace_symlink(const std::filesystem::path& link,
                                                const std::filesystem::path& target);

}  // namespace config::bundle::durable
