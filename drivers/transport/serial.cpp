#include "drivers/transport/serial.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace transport {
namespace {

Error errno_error(const std::string& what, int err) {
  ErrorCode code = ErrorCode::io;
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
      code = ErrorCode::not_found;
      break;
    case EACCES:
    case EPERM:
      code = ErrorCode::access_denied;
      break;
    case EBUSY:
    case EWOULDBLOCK:
      code = ErrorCode::busy;
      break;
    default:
      break;
  }
  return Error{code, what + ": " + std::strerror(err)};
}

kx::expected<speed_t, Error> speed_for(unsigned baud) {
  switch (baud) {
    case 9600:
      return B9600;
    case 19200:
      return B19200;
    case 38400:
      return B38400;
    case 57600:
      return B57600;
    case 115200:
      return B115200;
    case 230400:
      return B230400;
    case 460800:
      return B460800;
    case 921600:
      return B921600;
    default:
      return kx::unexpected(
          Error{ErrorCode::invalid_argument, "unsupported baud rate " + std::to_string(baud)});
  }
}

// Milliseconds left until `deadline`, clamped for poll().
int remaining_ms(std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() < 0) return 0;
  return static_cast<int>(left.count());
}

}  // namespace

kx::expected<std::unique_ptr<SerialPort>, Error> SerialPort::open(const std::string& path,
                                                                  SerialOptions options) {
  if (path.empty()) return kx::unexpected(Error{ErrorCode::invalid_argument, "empty port path"});
  auto speed = speed_for(options.baud);
  if (!speed) return kx::unexpected(speed.error());

  int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return kx::unexpected(errno_error("open " + path, errno));
  std::unique_ptr<SerialPort> port(new SerialPort(fd, path));

  if (!::isatty(fd)) {
    return kx::unexpected(Error{ErrorCode::invalid_argument, path + " is not a tty"});
  }
  if (options.exclusive) {
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      return kx::unexpected(errno_error("lock " + path, errno));
    }
    ::ioctl(fd, TIOCEXCL);  // best effort: ptys may refuse, flock still holds
  }

  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) return kx::unexpected(errno_error("tcgetattr " + path, errno));
  ::cfmakeraw(&tio);
  tio.c_cflag &= ~static_cast<tcflag_t>(PARENB | CSTOPB | CSIZE | CRTSCTS);
  tio.c_cflag |= CS8 | CLOCAL | CREAD;
  tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  ::cfsetispeed(&tio, *speed);
  ::cfsetospeed(&tio, *speed);
  if (::tcsetattr(fd, TCSANOW, &tio) != 0) {
    return kx::unexpected(errno_error("tcsetattr " + path, errno));
  }
  ::tcflush(fd, TCIOFLUSH);
  return port;
}

SerialPort::~SerialPort() {
  if (fd_ >= 0) ::close(fd_);
}

kx::expected<void, Error> SerialPort::set_baud(unsigned baud) {
  auto speed = speed_for(baud);
  if (!speed) return kx::unexpected(speed.error());
  termios tio{};
  if (::tcgetattr(fd_, &tio) != 0) return kx::unexpected(errno_error("tcgetattr", errno));
  ::cfsetispeed(&tio, *speed);
  ::cfsetospeed(&tio, *speed);
  if (::tcsetattr(fd_, TCSADRAIN, &tio) != 0) {
    return kx::unexpected(errno_error("tcsetattr", errno));
  }
  return {};
}

kx::expected<void, Error> SerialPort::write(std::span<const std::uint8_t> bytes,
                                            std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) {
      if (errno == EIO || errno == ENXIO || errno == ENODEV) {
        return kx::unexpected(Error{ErrorCode::disconnected, path_ + ": " + std::strerror(errno)});
      }
      return kx::unexpected(errno_error("write " + path_, errno));
    }
    pollfd p{fd_, POLLOUT, 0};
    int r = ::poll(&p, 1, remaining_ms(deadline));
    if (r == 0) return kx::unexpected(Error{ErrorCode::timeout, "write " + path_ + " timed out"});
    if (r < 0 && errno != EINTR) return kx::unexpected(errno_error("poll " + path_, errno));
    if (r > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
      return kx::unexpected(Error{ErrorCode::disconnected, path_ + " hung up"});
    }
  }
  ::tcdrain(fd_);
  return {};
}

kx::expected<std::size_t, Error> SerialPort::read(std::span<std::uint8_t> buf,
                                                  std::chrono::milliseconds timeout) {
  if (buf.empty()) return std::size_t{0};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool hung_up = false;
  for (;;) {
    ssize_t n = ::read(fd_, buf.data(), buf.size());
    if (n > 0) return static_cast<std::size_t>(n);
    if (hung_up) {
      return kx::unexpected(Error{ErrorCode::disconnected, path_ + " hung up"});
    }
    if (n == 0) {
      // A tty in raw, non-blocking mode reads 0 when empty; a pty whose
      // master went away also reads 0 or EIO, and poll reports POLLHUP.
    } else if (errno == EIO || errno == ENXIO || errno == ENODEV) {
      return kx::unexpected(Error{ErrorCode::disconnected, path_ + ": " + std::strerror(errno)});
    } else if (errno != EAGAIN && errno != EINTR) {
      return kx::unexpected(errno_error("read " + path_, errno));
    }
    int left = remaining_ms(deadline);
    if (left == 0) return kx::unexpected(Error{ErrorCode::timeout, "no data from " + path_});
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, left);
    if (r == 0) return kx::unexpected(Error{ErrorCode::timeout, "no data from " + path_});
    if (r < 0) {
      if (errno == EINTR) continue;
      return kx::unexpected(errno_error("poll " + path_, errno));
    }
    // After a hang-up, one more read collects what is left; then we report it.
    if ((p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) hung_up = true;
  }
}

void SerialPort::discard_input() {
  ::tcflush(fd_, TCIFLUSH);
  // tcflush does not reach bytes a pty master wrote after the flush was
  // queued, so also drain whatever is readable right now.
  std::uint8_t sink[256];
  while (::read(fd_, sink, sizeof sink) > 0) {
  }
}

std::string SerialPort::describe() const {
  return "serial:" + path_;
}

}  // namespace transport
