#pragma once
// Where pages come from: a SANE scanner or a directory of camera images.
// A source is used from one thread at a time (the scan session's worker).
#include "base/expected.hpp"
#include "drivers/scanner/errors.hpp"
#include "drivers/scanner/image.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace scanner {

enum class Feed { flatbed, adf };

// Bytes of the current page received so far, and the total when the device
// knows it (0 for hand scanners and cameras).
using ReadProgress = std::function<void(std::uint64_t done, std::uint64_t expected)>;

class PageSource {
 public:
  virtual ~PageSource() = default;

  // Acquires the next page. An empty feeder is ErrorCode::no_documents; a
  // raised `cancel` stops within one device read and returns cancelled.
  virtual kx::expected<Image, Error> next_page(const std::atomic<bool>& cancel,
                                               const ReadProgress& progress) = 0;

  // For logs and technicians: "sane:test:0", "dir:/media/camera".
  virtual std::string describe() const = 0;
};

}  // namespace scanner
