#include "drivers/printer/device_stream.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace printer {
namespace {

using Clock = std::chrono::steady_clock;

transport::Error sys_error(const std::string& what, int err) {
  transport::ErrorCode code = transport::ErrorCode::io;
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
      code = transport::ErrorCode::not_found;
      break;
    case EACCES:
    case EPERM:
      code = transport::ErrorCode::access_denied;
      break;
    case EBUSY:
      code = transport::ErrorCode::busy;
      break;
    case EIO:
    case EPIPE:
    case ESHUTDOWN:
      code = transport::ErrorCode::disconnected;
      break;
    default:
      break;
  }
  return {code, what + ": " + std::strerror(err)};
}

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

kx::expected<void, transport::Error> write_all(int fd, std::span<const std::uint8_t> bytes,
                                               std::chrono::milliseconds timeout,
                                               const std::string& path) {
  const auto deadline = Clock::now() + timeout;
  std::size_t done = 0;
  while (done < bytes.size()) {
    pollfd p{fd, POLLOUT, 0};
    int r = ::poll(&p, 1, remaining_ms(deadline));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return kx::unexpected(sys_error("poll " + path, errno));
    if (r == 0) return kx::unexpected(transport::Error{transport::ErrorCode::timeout, path});
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) {
      return kx::unexpected(transport::Error{transport::ErrorCode::disconnected, path});
    }
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) return kx::unexpected(sys_error("write " + path, errno));
    done += static_cast<std::size_t>(n);
  }
  return {};
}

}  // namespace

kx::expected<std::unique_ptr<DeviceStream>, transport::Error> DeviceStream::open(
    const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return kx::unexpected(sys_error("open " + path.string(), errno));
  if (::isatty(fd)) {
    termios t{};
    if (::tcgetattr(fd, &t) == 0) {
      ::cfmakeraw(&t);
      ::tcsetattr(fd, TCSANOW, &t);
    }
  }
  return std::unique_ptr<DeviceStream>(new DeviceStream(fd, path.string()));
}

DeviceStream::~DeviceStream() {
  if (fd_ >= 0) ::close(fd_);
}

kx::expected<void, transport::Error> DeviceStream::write(std::span<const std::uint8_t> bytes,
                                                         std::chrono::milliseconds timeout) {
  return write_all(fd_, bytes, timeout, path_);
}

kx::expected<std::size_t, transport::Error> DeviceStream::read(std::span<std::uint8_t> buf,
                                                               std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, remaining_ms(deadline));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return kx::unexpected(sys_error("poll " + path_, errno));
    if (r == 0) return kx::unexpected(transport::Error{transport::ErrorCode::timeout, path_});
    if ((p.revents & POLLIN) == 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) {
      return kx::unexpected(transport::Error{transport::ErrorCode::disconnected, path_});
    }
    ssize_t n = ::read(fd_, buf.data(), buf.size());
    if (n > 0) return static_cast<std::size_t>(n);
    if (n == 0) {
      return kx::unexpected(transport::Error{transport::ErrorCode::disconnected, path_});
    }
    if (errno == EINTR || errno == EAGAIN) {
      if (remaining_ms(deadline) == 0) {
        return kx::unexpected(transport::Error{transport::ErrorCode::timeout, path_});
      }
      continue;
    }
    return kx::unexpected(sys_error("read " + path_, errno));
  }
}

void DeviceStream::discard_input() {
  if (::isatty(fd_)) {
    ::tcflush(fd_, TCIFLUSH);
    return;
  }
  std::uint8_t junk[256];
  while (::read(fd_, junk, sizeof junk) > 0) {
  }
}

std::string DeviceStream::describe() const {
  return (path_.rfind("/dev/usb/lp", 0) == 0 ? "usblp:" : "tty:") + path_;
}

kx::expected<std::unique_ptr<FileSink>, transport::Error> FileSink::open(
    const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return kx::unexpected(sys_error("open " + path.string(), errno));
  return std::unique_ptr<FileSink>(new FileSink(fd, path.string()));
}

FileSink::~FileSink() {
  if (fd_ >= 0) ::close(fd_);
}

kx::expected<void, transport::Error> FileSink::write(std::span<const std::uint8_t> bytes,
                                                     std::chrono::milliseconds timeout) {
  return write_all(fd_, bytes, timeout, path_);
}

kx::expected<std::size_t, transport::Error> FileSink::read(std::span<std::uint8_t>,
                                                           std::chrono::milliseconds) {
  return kx::unexpected(transport::Error{transport::ErrorCode::timeout, "file sink has no input"});
}

}  // namespace printer
