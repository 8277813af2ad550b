// libFuzzer target: the image decoders (files from a document camera's
// directory are untrusted input), then the page checks on whatever decodes.
#include "drivers/scanner/codecs.hpp"
#include "drivers/scanner/page_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto img = scanner::decode_image(std::span<const std::uint8_t>(data, size));
  if (!img || img->width * img->height > 4'000'000) return 0;
  const scanner::Image gray = scanner::to_gray(*img);
  (void)scanner::detect_blank(gray);
  (void)scanner::blur_score(gray);
  (void)scanner::find_document(gray);
  return 0;
}
