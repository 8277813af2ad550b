#pragma once
// Serial port backend: a tty (ttyUSB/ttyACM/ttyS) or a pty, set to raw mode
// with termios. Timeouts are enforced with poll(), so the port itself is
// opened non-blocking and VMIN/VTIME play no part.
#include "drivers/transport/transport.hpp"

#include <memory>
#include <string>

namespace transport {

struct SerialOptions {
  unsigned baud = 115200;  // 8N1, no flow control
  // Take an exclusive lock (TIOCEXCL + flock) so two programs do not
  // interleave frames on one reader.
  bool exclusive = true;
};

class SerialPort final : public ByteStream {
 public:
  static kx::expected<std::unique_ptr<SerialPort>, Error> open(const std::string& path,
                                                               SerialOptions options = {});
  ~SerialPort() override;
  SerialPort(const SerialPort&) = delete;
  SerialPort& operator=(const SerialPort&) = delete;

  kx::expected<void, Error> write(std::span<const std::uint8_t> bytes,
                                  std::chrono::milliseconds timeout) override;
  kx::expected<std::size_t, Error> read(std::span<std::uint8_t> buf,
                                        std::chrono::milliseconds timeout) override;
  void discard_input() override;
  std::string describe() const override;

  // Changes the line speed (e.g. after the device was told to switch).
  kx::expected<void, Error> set_baud(unsigned baud);
  int native_handle() const { return fd_; }

 private:
  SerialPort(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace transport
