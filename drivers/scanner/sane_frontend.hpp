#pragma once
// SANE front end: device discovery, typed option setting (respecting each
// option's type, range and word/string lists), flatbed or ADF, and a page
// read loop with progress and cancellation. SANE backends are not
// thread-safe: every call on one SaneScanner must come from one thread (the
// scan session runs it on its worker, never on the UI thread).
#include "base/expected.hpp"
#include "drivers/scanner/errors.hpp"
#include "drivers/scanner/page_source.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scanner {

struct DeviceInfo {
  std::string name;  // e.g. "test:0", "epson2:libusb:001:004"
  std::string vendor;
  std::string model;
  std::string type;
};

// Lists the devices SANE can see (local only, no network probing).
kx::expected<std::vector<DeviceInfo>, Error> list_devices();

// Maps a SANE_Status (as int, to keep sane.h out of this header) to our code.
ErrorCode error_from_sane_status(int status);

// Picks the entry of `choices` that means `feed` ("ADF", "Automatic Document
// Feeder", "ADF Front", "Flatbed", "FlatBed", "Normal"...); empty if none.
std::string match_source(const std::vector<std::string>& choices, Feed feed);

struct ScanSettings {
  Feed feed = Feed::flatbed;
  int dpi = 300;
  bool colour = false;
  double page_width_mm = 210;  // A4; clamped to what the device can do
  double page_height_mm = 297;
  // Backend-specific extras applied last, e.g. {"read-delay", "yes"}.
  std::vector<std::pair<std::string, std::string>> extra;
};

class SaneScanner final : public PageSource {
 public:
  // Opens `device` ("" = the first one listed).
  static kx::expected<std::unique_ptr<SaneScanner>, Error> open(const std::string& device);
  ~SaneScanner() override;
  SaneScanner(const SaneScanner&) = delete;
  SaneScanner& operator=(const SaneScanner&) = delete;

  // Applies mode, resolution, source, page size and the extras.
  kx::expected<void, Error> configure(const ScanSettings& settings);

  // Sets one option by name from text: "yes"/"no" for booleans, numbers for
  // int/fixed (snapped into range/quant or to the nearest list entry),
  // strings matched case-insensitively against the allowed list.
  kx::expected<void, Error> set_option(std::string_view name, std::string_view value);
  // The current value as text (fixed values with their decimals).
  kx::expected<std::string, Error> get_option(std::string_view name) const;
  // The allowed strings of a string-list option (e.g. "source").
  std::vector<std::string> option_choices(std::string_view name) const;

  int resolution_dpi() const { return dpi_; }

  kx::expected<Image, Error> next_page(const std::atomic<bool>& cancel,
                                       const ReadProgress& progress) override;
  std::string describe() const override { return "sane:" + name_; }

 private:
  SaneScanner(void* handle, std::string name) : handle_(handle), name_(std::move(name)) {}
  int find_option(std::string_view name) const;
  kx::expected<Image, Error> read_page(const std::atomic<bool>& cancel,
                                       const ReadProgress& progress);

  void* handle_;  // SANE_Handle
  std::string name_;
  int dpi_ = 0;
  bool adf_ = false;
  bool batch_open_ = false;  // sane_start succeeded and no sane_cancel since
};

}  // namespace scanner
