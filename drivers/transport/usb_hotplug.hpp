#pragma once
// Watches for USB devices with given VID:PIDs arriving and leaving, so a
// driver can reconnect after an unplug/replug. Uses libusb hotplug where
// the platform has it and falls back to polling the device list.
// Callbacks run on the watcher's own thread.
#include "drivers/transport/usb_bulk.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace transport {

enum class UsbPresence { arrived, left };

class UsbHotplugWatcher {
 public:
  using Callback = std::function<void(UsbPresence, UsbId)>;

  static kx::expected<std::unique_ptr<UsbHotplugWatcher>, Error> start(
      std::vector<UsbId> ids, Callback callback,
      std::chrono::milliseconds poll_interval = std::chrono::milliseconds(1000));
  ~UsbHotplugWatcher();
  UsbHotplugWatcher(const UsbHotplugWatcher&) = delete;
  UsbHotplugWatcher& operator=(const UsbHotplugWatcher&) = delete;

  bool uses_libusb_hotplug() const;

  struct Impl;

 private:
  explicit UsbHotplugWatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when a device with `id` is on the bus right now.
bool usb_device_present(UsbId id);

}  // namespace transport
