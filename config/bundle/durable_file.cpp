#include "config/bundle/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace config::bundle::durable {
namespace fs = std::filesystem;

namespace {
kx::unexpected<std::string> os_error(const char* what, const fs::path& p) {
  return kx::unexpected(std::string(what) + " " + p.string() + ": " + std::strerror(errno));
}
}  // namespace

kx::expected<void, std::string> write_file(const fs::path& path, std::string_view bytes,
                                           unsigned mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) return os_error("cannot create", path);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      auto e = os_error("cannot write", path);
      ::close(fd);
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    auto e = os_error("cannot fsync", path);
    ::close(fd);
    return e;
  }
  if (::close(fd) != 0) return os_error("cannot close", path);
  return {};
}

kx::expected<void, std::string> sync_dir(const fs::path& folder) {
  const fs::path dir = folder.empty() ? fs::path(".") : folder;  // a bare file name's folder
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return os_error("cannot open folder", dir);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return os_error("cannot fsync folder", dir);
  return {};
}

kx::expected<void, std::string> replace_file(const fs::path& path, std::string_view bytes,
                                             unsigned mode) {
  const fs::path tmp = path.string() + ".tmp";
  if (auto w = write_file(tmp, bytes, mode); !w) return w;
  if (::rename(tmp.c_str(), path.c_str()) != 0) return os_error("cannot rename onto", path);
  return sync_dir(path.parent_path());
}

kx::expected<void, std::string> replace_symlink(const fs::path& link, const fs::path& target) {
  const fs::path tmp = link.string() + ".tmp";
  ::unlink(tmp.c_str());
  if (::symlink(target.c_str(), tmp.c_str()) != 0) return os_error("cannot create link", tmp);
  if (::rename(tmp.c_str(), link.c_str()) != 0) return os_error("cannot rename onto", link);
  return sync_dir(link.parent_path());
}

}  // namespace config::bundle::durable
