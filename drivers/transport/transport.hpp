#pragma once
// A byte stream to a device: serial port, pty, USB bulk pipe, /dev/usb/lp*,
// or a file sink. Drivers (ID-card reader, printer) speak their protocol
// over this and never know which backend carries it. Backends live beside
// this header (serial.hpp, usb_bulk.hpp, ...).
#include "base/expected.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace transport {

enum class ErrorCode {
  timeout,           // nothing arrived / could be sent in time
  disconnected,      // the device went away (unplugged, pty closed, power cycle)
  io,                // any other I/O failure
  not_found,         // no such device
  access_denied,     // permissions (udev rule missing?)
  busy,              // another process holds it
  invalid_argument,  // bad path, VID:PID, baud, ...
};

struct Error {
  ErrorCode code;
  std::string detail;  // for logs and technicians; never personal data
};

const char* to_string(ErrorCode code);

class ByteStream {
 public:
  virtual ~ByteStream() = default;

  // Writes all of `bytes` or fails.
  virtual kx::expected<void, Error> write(std::span<const std::uint8_t> bytes,
                                          std::chrono::milliseconds timeout) = 0;

  // Waits up to `timeout` for input, then returns what is available (at
  // least one byte, at most buf.size()). No input in time is ErrorCode::timeout.
  virtual kx::expected<std::size_t, Error> read(std::span<std::uint8_t> buf,
                                                std::chrono::milliseconds timeout) = 0;

  // Discards input that arrived but was not read (e.g. before a status query).
  virtual void discard_input() = 0;

  // For logs and technicians: "serial:/dev/ttyUSB0", "usb:0400:c35a@1-2".
  virtual std::string describe() const = 0;
};

}  // namespace transport
