#pragma once
// USB bulk backend over libusb. Finds the device by VID:PID, claims the
// first interface with bulk endpoints (detaching a kernel driver such as
// usblp if one holds it), and carries the byte stream over either
//  - one bulk IN/OUT pair ("single pipe"), or
//  - two pairs ("split endpoints"): the first `split_header_bytes` of each
//    outgoing message go to the first OUT endpoint and the rest to the
//    second; incoming transfers alternate between the first and second IN
//    endpoints. Some ID-card reader firmwares do this with the frame
//    preamble+length on one pair and the body on the other.
// After an unplug every call fails with ErrorCode::disconnected; the next
// call after the device is back reopens it transparently (or call reopen()).
#include "drivers/transport/transport.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace transport {

struct UsbId {
  std::uint16_t vid = 0;
  std::uint16_t pid = 0;
  friend bool operator==(const UsbId&, const UsbId&) = default;
};

// "0400:C35A" (hex, case-insensitive) -> {0x0400, 0xC35A}.
kx::expected<UsbId, Error> parse_usb_id(std::string_view text);
std::string to_string(UsbId id);  // "0400:c35a"

enum class UsbLayout { automatic, single_pipe, split_endpoints };

struct UsbBulkOptions {
  UsbId id;
  int interface_number = -1;                // -1: the first interface with bulk IN and OUT
  UsbLayout layout = UsbLayout::automatic;  // automatic: split if two pairs exist
  std::size_t split_header_bytes = 7;
};

class UsbBulkStream final : public ByteStream {
 public:
  static kx::expected<std::unique_ptr<UsbBulkStream>, Error> open(UsbBulkOptions options);
  ~UsbBulkStream() override;
  UsbBulkStream(const UsbBulkStream&) = delete;
  UsbBulkStream& operator=(const UsbBulkStream&) = delete;

  kx::expected<void, Error> write(std::span<const std::uint8_t> bytes,
                                  std::chrono::milliseconds timeout) override;
  kx::expected<std::size_t, Error> read(std::span<std::uint8_t> buf,
                                        std::chrono::milliseconds timeout) override;
  void discard_input() override;
  std::string describe() const override;

  // Closes the handle and opens the device again (after a replug).
  kx::expected<void, Error> reopen();
  bool connected() const;
  UsbLayout layout() const;  // the layout in use (never automatic once open)

  struct Impl;

 private:
  explicit UsbBulkStream(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace transport
