#include "drivers/transport/usb_hotplug.hpp"

#include <libusb.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace transport {
namespace {

std::vector<UsbId> present_ids(libusb_context* ctx, const std::vector<UsbId>& wanted) {
  std::vector<UsbId> present;
  libusb_device** list = nullptr;
  ssize_t n = libusb_get_device_list(ctx, &list);
  for (ssize_t i = 0; i < n; ++i) {
    libusb_device_descriptor d{};
    if (libusb_get_device_descriptor(list[i], &d) != 0) continue;
    UsbId id{d.idVendor, d.idProduct};
    if (std::find(wanted.begin(), wanted.end(), id) != wanted.end()) present.push_back(id);
  }
  if (n >= 0) libusb_free_device_list(list, 1);
  return present;
}

}  // namespace

struct UsbHotplugWatcher::Impl {
  libusb_context* ctx = nullptr;
  std::vector<UsbId> ids;
  Callback callback;
  std::chrono::milliseconds interval{1000};
  std::vector<libusb_hotplug_callback_handle> handles;
  bool hotplug = false;
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  std::thread thread;

  static int LIBUSB_CALL on_event(libusb_context*, libusb_device* dev, libusb_hotplug_event ev,
                                  void* user) {
    auto* self = static_cast<Impl*>(user);
    libusb_device_descriptor d{};
    if (libusb_get_device_descriptor(dev, &d) != 0) return 0;
    self->callback(
        ev == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED ? UsbPresence::arrived : UsbPresence::left,
        UsbId{d.idVendor, d.idProduct});
    return 0;  // stay registered
  }

  void run_hotplug() {
    while (!stop.load()) {
      timeval tv{0, 200000};  // wake up regularly to notice stop
      libusb_handle_events_timeout_completed(ctx, &tv, nullptr);
    }
  }

  // Where libusb has no hotplug support: diff the device list.
  void run_polling() {
    std::vector<UsbId> before = present_ids(ctx, ids);
    std::unique_lock lock(mu);
    while (!stop.load()) {
      cv.wait_for(lock, interval, [this] { return stop.load(); });
      if (stop.load()) break;
      std::vector<UsbId> now = present_ids(ctx, ids);
      for (const UsbId& id : now) {
        if (std::find(before.begin(), before.end(), id) == before.end()) {
          callback(UsbPresence::arrived, id);
        }
      }
      for (const UsbId& id : before) {
        if (std::find(now.begin(), now.end(), id) == now.end()) callback(UsbPresence::left, id);
      }
      before = std::move(now);
    }
  }

  ~Impl() {
    {
      std::lock_guard lock(mu);
      stop.store(true);
    }
    cv.notify_all();
    for (auto h : handles) libusb_hotplug_deregister_callback(ctx, h);
    if (thread.joinable()) thread.join();
    if (ctx != nullptr) libusb_exit(ctx);
  }
};

UsbHotplugWatcher::UsbHotplugWatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
UsbHotplugWatcher::~UsbHotplugWatcher() = default;

kx::expected<std::unique_ptr<UsbHotplugWatcher>, Error> UsbHotplugWatcher::start(
    std::vector<UsbId> ids, Callback callback, std::chrono::milliseconds poll_interval) {
  if (!callback) return kx::unexpected(Error{ErrorCode::invalid_argument, "no callback"});
  auto impl = std::make_unique<Impl>();
  impl->ids = std::move(ids);
  impl->callback = std::move(callback);
  impl->interval = poll_interval;
  int rc = libusb_init(&impl->ctx);
  if (rc != 0) {
    impl->ctx = nullptr;
    return kx::unexpected(
        Error{ErrorCode::io, std::string("libusb_init: ") + libusb_error_name(rc)});
  }
  impl->hotplug = libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0;
  if (impl->hotplug) {
    for (const UsbId& id : impl->ids) {
      libusb_hotplug_callback_handle h{};
      rc = libusb_hotplug_register_callback(
          impl->ctx,
          static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                            LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
          LIBUSB_HOTPLUG_NO_FLAGS, id.vid, id.pid, LIBUSB_HOTPLUG_MATCH_ANY, &Impl::on_event,
          impl.get(), &h);
      if (rc != LIBUSB_SUCCESS) {
        impl->hotplug = false;
        break;
      }
      impl->handles.push_back(h);
    }
  }
  Impl* raw = impl.get();
  if (impl->hotplug) {
    impl->thread = std::thread([raw] { raw->run_hotplug(); });
  } else {
    for (auto h : impl->handles) libusb_hotplug_deregister_callback(impl->ctx, h);
    impl->handles.clear();
    impl->thread = std::thread([raw] { raw->run_polling(); });
  }
  return std::unique_ptr<UsbHotplugWatcher>(new UsbHotplugWatcher(std::move(impl)));
}

bool UsbHotplugWatcher::uses_libusb_hotplug() const {
  return impl_->hotplug;
}

bool usb_device_present(UsbId id) {
  libusb_context* ctx = nullptr;
  if (libusb_init(&ctx) != 0) return false;
  bool present = !present_ids(ctx, {id}).empty();
  libusb_exit(ctx);
  return present;
}

}  // namespace transport
