#pragma once
// transport::ByteStream backends the printer needs that are plain files:
//  - DeviceStream: a character device opened read/write, i.e. the kernel
//    usblp node /dev/usb/lp* (reads return the printer's status bytes) or a
//    pty / tty (the virtual printer). A tty is switched to raw mode so LF is
//    not turned into CR LF.
//  - FileSink: appends everything to a file, never has input (tests, dumps).
// These live here rather than in drivers/transport because they are the
// printer's own paths; USB bulk via libusb belongs to drivers/transport.
#include "drivers/transport/transport.hpp"

#include <filesystem>
#include <memory>

namespace printer {

class DeviceStream final : public transport::ByteStream {
 public:
  static kx::expected<std::unique_ptr<DeviceStream>, transport::Error> open(
      const std::filesystem::path& path);
  ~DeviceStream() override;
  DeviceStream(const DeviceStream&) = delete;
  DeviceStream& operator=(const DeviceStream&) = delete;

  kx::expected<void, transport::Error> write(std::span<const std::uint8_t> bytes,
                                             std::chrono::milliseconds timeout) override;
  kx::expected<std::size_t, transport::Error> read(std::span<std::uint8_t> buf,
                                                   std::chrono::milliseconds timeout) override;
  void discard_input() override;
  std::string describe() const override;

 private:
  DeviceStream(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

class FileSink final : public transport::ByteStream {
 public:
  static kx::expected<std::unique_ptr<FileSink>, transport::Error> open(
      const std::filesystem::path& path);
  ~FileSink() override;
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  kx::expected<void, transport::Error> write(std::span<const std::uint8_t> bytes,
                                             std::chrono::milliseconds timeout) override;
  // A file never answers: always a timeout.
  kx::expected<std::size_t, transport::Error> read(std::span<std::uint8_t> buf,
                                                   std::chrono::milliseconds timeout) override;
  void discard_input() override {}
  std::string describe() const override { return "file:" + path_; }

 private:
  FileSink(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace printer
