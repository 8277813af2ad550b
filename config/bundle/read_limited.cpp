#include "config/bundle/read_limited.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace config::bundle {

kx::expected<std::string, Refusal> read_limited(const std::filesystem::path& file,
                                                std::size_t limit) {
  // O_NOFOLLOW: the last component may not be a symlink out of the bundle.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    const int err = errno;
    if (err == ELOOP) {
      return kx::unexpected(Refusal{Reason::path_traversal, file.string() + " is a symbolic link"});
    }
    return kx::unexpected(
        Refusal{Reason::io_error, "cannot open " + file.string() + ": " + std::strerror(err)});
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return kx::unexpected(
        Refusal{Reason::path_traversal, file.string() + " is not a regular file"});
  }
  std::string out;
  char buf[16384];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return kx::unexpected(
          Refusal{Reason::io_error, "cannot read " + file.string() + ": " + std::strerror(err)});
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > limit) {
      ::close(fd);
      return kx::unexpected(Refusal{
          Reason::oversized, file.string() + " exceeds " + std::to_string(limit) + " bytes"});
    }
  }
  ::close(fd);
  return out;
}

}  // namespace config::bundle
