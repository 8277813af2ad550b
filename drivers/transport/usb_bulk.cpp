#include "drivers/transport/usb_bulk.hpp"

#include <libusb.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace transport {
namespace {

Error usb_error(const std::string& what, int rc) {
  ErrorCode code = ErrorCode::io;
  switch (rc) {
    case LIBUSB_ERROR_TIMEOUT:
      code = ErrorCode::timeout;
      break;
    case LIBUSB_ERROR_NO_DEVICE:
      code = ErrorCode::disconnected;
      break;
    case LIBUSB_ERROR_NOT_FOUND:
      code = ErrorCode::not_found;
      break;
    case LIBUSB_ERROR_ACCESS:
      code = ErrorCode::access_denied;
      break;
    case LIBUSB_ERROR_BUSY:
      code = ErrorCode::busy;
      break;
    case LIBUSB_ERROR_INVALID_PARAM:
      code = ErrorCode::invalid_argument;
      break;
    default:
      break;
  }
  return Error{code, what + ": " + libusb_error_name(rc)};
}

bool parse_hex16(std::string_view s, std::uint16_t& out) {
  if (s.empty() || s.size() > 4) return false;
  unsigned v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc{} || p != s.data() + s.size()) return false;
  out = static_cast<std::uint16_t>(v);
  return true;
}

struct Endpoints {
  int interface_number = -1;
  std::vector<std::uint8_t> in;   // bulk IN addresses, in descriptor order
  std::vector<std::uint8_t> out;  // bulk OUT addresses
};

// Picks the interface to claim and its bulk endpoints.
kx::expected<Endpoints, Error> find_endpoints(libusb_device* dev, int wanted_interface) {
  libusb_config_descriptor* cfg = nullptr;
  int rc = libusb_get_active_config_descriptor(dev, &cfg);
  if (rc != 0) rc = libusb_get_config_descriptor(dev, 0, &cfg);
  if (rc != 0) return kx::unexpected(usb_error("config descriptor", rc));
  Endpoints found;
  for (int i = 0; i < cfg->bNumInterfaces && found.interface_number < 0; ++i) {
    const libusb_interface& itf = cfg->interface[i];
    if (itf.num_altsetting < 1) continue;
    const libusb_interface_descriptor& alt = itf.altsetting[0];
    if (wanted_interface >= 0 && alt.bInterfaceNumber != wanted_interface) continue;
    Endpoints e;
    e.interface_number = alt.bInterfaceNumber;
    for (int k = 0; k < alt.bNumEndpoints; ++k) {
      const libusb_endpoint_descriptor& ep = alt.endpoint[k];
      if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
      if ((ep.bEndpointAddress & LIBUSB_ENDPOINT_IN) != 0) {
        e.in.push_back(ep.bEndpointAddress);
      } else {
        e.out.push_back(ep.bEndpointAddress);
      }
    }
    if (!e.in.empty() && !e.out.empty()) found = std::move(e);
  }
  libusb_free_config_descriptor(cfg);
  if (found.interface_number < 0) {
    return kx::unexpected(Error{ErrorCode::not_found, "no interface with bulk IN and OUT"});
  }
  return found;
}

}  // namespace

kx::expected<UsbId, Error> parse_usb_id(std::string_view text) {
  auto colon = text.find(':');
  UsbId id;
  if (colon == std::string_view::npos || !parse_hex16(text.substr(0, colon), id.vid) ||
      !parse_hex16(text.substr(colon + 1), id.pid)) {
    return kx::unexpected(Error{ErrorCode::invalid_argument,
                                "expected VID:PID in hex, got '" + std::string(text) + "'"});
  }
  return id;
}

std::string to_string(UsbId id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04x:%04x", id.vid, id.pid);
  return buf;
}

struct UsbBulkStream::Impl {
  UsbBulkOptions options;
  libusb_context* ctx = nullptr;
  libusb_device_handle* handle = nullptr;
  Endpoints eps;
  UsbLayout layout = UsbLayout::single_pipe;
  std::string location;  // "1-2"
  std::size_t next_in = 0;
  // One transfer may bring more than the caller asked for: keep the rest.
  std::array<std::uint8_t, 4096> rx{};
  std::size_t rx_begin = 0;
  std::size_t rx_end = 0;

  ~Impl() {
    close();
    if (ctx != nullptr) libusb_exit(ctx);
  }

  void close() {
    if (handle != nullptr) {
      if (eps.interface_number >= 0) libusb_release_interface(handle, eps.interface_number);
      libusb_close(handle);
      handle = nullptr;
    }
    rx_begin = rx_end = 0;
    next_in = 0;
  }

  kx::expected<void, Error> open_device() {
    close();
    libusb_device** list = nullptr;
    ssize_t n = libusb_get_device_list(ctx, &list);
    if (n < 0) return kx::unexpected(usb_error("device list", static_cast<int>(n)));
    libusb_device* match = nullptr;
    for (ssize_t i = 0; i < n; ++i) {
      libusb_device_descriptor d{};
      if (libusb_get_device_descriptor(list[i], &d) != 0) continue;
      if (d.idVendor == options.id.vid && d.idProduct == options.id.pid) {
        match = libusb_ref_device(list[i]);
        break;
      }
    }
    libusb_free_device_list(list, 1);
    if (match == nullptr) {
      return kx::unexpected(
          Error{ErrorCode::not_found, "no USB device " + to_string(options.id) + " on the bus"});
    }
    auto found = find_endpoints(match, options.interface_number);
    if (!found) {
      libusb_unref_device(match);
      return kx::unexpected(found.error());
    }
    eps = std::move(*found);
    // The layout follows from the descriptors alone: decide before opening.
    bool two_pairs = eps.in.size() >= 2 && eps.out.size() >= 2;
    switch (options.layout) {
      case UsbLayout::automatic:
        layout = two_pairs ? UsbLayout::split_endpoints : UsbLayout::single_pipe;
        break;
      case UsbLayout::split_endpoints:
        if (!two_pairs) {
          libusb_unref_device(match);
          return kx::unexpected(
              Error{ErrorCode::invalid_argument, "split layout needs two bulk endpoint pairs"});
        }
        layout = UsbLayout::split_endpoints;
        break;
      case UsbLayout::single_pipe:
        layout = UsbLayout::single_pipe;
        break;
    }
    location = std::to_string(libusb_get_bus_number(match)) + "-" +
               std::to_string(libusb_get_device_address(match));
    int rc = libusb_open(match, &handle);
    libusb_unref_device(match);
    if (rc != 0) {
      handle = nullptr;
      return kx::unexpected(usb_error("open " + to_string(options.id), rc));
    }
    // usblp and friends may hold the interface; libusb detaches them on
    // claim and reattaches on release. Not every platform supports it.
    libusb_set_auto_detach_kernel_driver(handle, 1);
    rc = libusb_claim_interface(handle, eps.interface_number);
    if (rc == LIBUSB_ERROR_OTHER || rc == LIBUSB_ERROR_NOT_SUPPORTED) {
      // The detach step itself failed (no driver to ask, or a usbfs that
      // does not implement the query): claim without it.
      libusb_set_auto_detach_kernel_driver(handle, 0);
      rc = libusb_claim_interface(handle, eps.interface_number);
    }
    if (rc != 0) {
      libusb_close(handle);
      handle = nullptr;
      return kx::unexpected(usb_error("claim interface", rc));
    }
    return {};
  }

  // Reopens lazily after an unplug: the first call after the device is
  // back succeeds without the driver having to notice.
  kx::expected<void, Error> ensure_open() {
    if (handle != nullptr) return {};
    auto r = open_device();
    if (!r) {
      // While the device is away (or half-way through re-enumerating after
      // a replug) every failure to reopen means "not back yet".
      const ErrorCode c = r.error().code;
      if (c != ErrorCode::access_denied && c != ErrorCode::invalid_argument) {
        return kx::unexpected(Error{ErrorCode::disconnected, r.error().detail});
      }
      return r;
    }
    return {};
  }

  // Maps a failed transfer to an Error and drops the handle on unplug.
  Error transfer_failed(const std::string& what, int rc) {
    Error e = usb_error(what, rc);
    if (rc == LIBUSB_ERROR_NO_DEVICE || rc == LIBUSB_ERROR_IO) {
      close();
      e.code = ErrorCode::disconnected;
    }
    return e;
  }

  kx::expected<void, Error> bulk_out(std::uint8_t ep, std::span<const std::uint8_t> bytes,
                                     unsigned timeout_ms) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      int sent = 0;
      int rc = libusb_bulk_transfer(handle, ep, const_cast<std::uint8_t*>(bytes.data() + done),
                                    static_cast<int>(bytes.size() - done), &sent, timeout_ms);
      if (rc != 0 && !(rc == LIBUSB_ERROR_TIMEOUT && sent > 0)) {
        return kx::unexpected(transfer_failed("bulk OUT", rc));
      }
      done += static_cast<std::size_t>(sent);
    }
    return {};
  }
};

UsbBulkStream::UsbBulkStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
UsbBulkStream::~UsbBulkStream() = default;

kx::expected<std::unique_ptr<UsbBulkStream>, Error> UsbBulkStream::open(UsbBulkOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  int rc = libusb_init(&impl->ctx);
  if (rc != 0) {
    impl->ctx = nullptr;
    return kx::unexpected(usb_error("libusb_init", rc));
  }
  auto r = impl->open_device();
  if (!r) return kx::unexpected(r.error());
  return std::unique_ptr<UsbBulkStream>(new UsbBulkStream(std::move(impl)));
}

kx::expected<void, Error> UsbBulkStream::write(std::span<const std::uint8_t> bytes,
                                               std::chrono::milliseconds timeout) {
  auto ok = impl_->ensure_open();
  if (!ok) return ok;
  const auto ms = static_cast<unsigned>(std::max<long long>(1, timeout.count()));
  if (impl_->layout == UsbLayout::split_endpoints &&
      bytes.size() > impl_->options.split_header_bytes) {
    auto head = bytes.first(impl_->options.split_header_bytes);
    auto body = bytes.subspan(impl_->options.split_header_bytes);
    auto r = impl_->bulk_out(impl_->eps.out[0], head, ms);
    if (!r) return r;
    return impl_->bulk_out(impl_->eps.out[1], body, ms);
  }
  return impl_->bulk_out(impl_->eps.out[0], bytes, ms);
}

kx::expected<std::size_t, Error> UsbBulkStream::read(std::span<std::uint8_t> buf,
                                                     std::chrono::milliseconds timeout) {
  Impl& s = *impl_;
  if (s.rx_begin == s.rx_end) {
    auto ok = s.ensure_open();
    if (!ok) return kx::unexpected(ok.error());
    const std::uint8_t ep =
        s.layout == UsbLayout::split_endpoints ? s.eps.in[s.next_in] : s.eps.in[0];
    int got = 0;
    int rc = libusb_bulk_transfer(s.handle, ep, s.rx.data(), static_cast<int>(s.rx.size()), &got,
                                  static_cast<unsigned>(std::max<long long>(1, timeout.count())));
    if (rc != 0 && !(rc == LIBUSB_ERROR_TIMEOUT && got > 0)) {
      return kx::unexpected(s.transfer_failed("bulk IN", rc));
    }
    if (got == 0) return kx::unexpected(Error{ErrorCode::timeout, "empty bulk IN transfer"});
    s.rx_begin = 0;
    s.rx_end = static_cast<std::size_t>(got);
    if (s.layout == UsbLayout::split_endpoints) s.next_in = 1 - s.next_in;
  }
  std::size_t n = std::min(buf.size(), s.rx_end - s.rx_begin);
  std::copy_n(s.rx.begin() + static_cast<std::ptrdiff_t>(s.rx_begin), n, buf.begin());
  s.rx_begin += n;
  return n;
}

void UsbBulkStream::discard_input() {
  impl_->rx_begin = impl_->rx_end = 0;
  // The next message starts on the header endpoint again.
  impl_->next_in = 0;
}

std::string UsbBulkStream::describe() const {
  return "usb:" + to_string(impl_->options.id) + "@" + impl_->location;
}

kx::expected<void, Error> UsbBulkStream::reopen() {
  return impl_->open_device();
}
bool UsbBulkStream::connected() const {
  return impl_->handle != nullptr;
}
UsbLayout UsbBulkStream::layout() const {
  return impl_->layout;
}

}  // namespace transport
