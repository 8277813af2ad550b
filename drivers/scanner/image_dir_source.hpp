#pragma once
// Pages from a directory of JPEG/PNG files, in file-name order. Stands in for
// a document camera (高拍仪), whose SDK delivers such images, and is how tests
// feed realistic documents. Files are read into memory, never copied.
#include "drivers/scanner/page_source.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace scanner {

class ImageDirSource final : public PageSource {
 public:
  // Fails with no_device when `dir` is missing, no_documents when it holds
  // no images.
  static kx::expected<std::unique_ptr<ImageDirSource>, Error> open(
      const std::filesystem::path& dir);

  // Images without a dpi (PNG, cameras) get one from their size as if the
  // picture were an A4 page: long side / 11.69 in.
  kx::expected<Image, Error> next_page(const std::atomic<bool>& cancel,
                                       const ReadProgress& progress) override;
  std::string describe() const override { return "dir:" + dir_.string(); }
  std::size_t remaining() const { return files_.size() - next_; }

 private:
  ImageDirSource(std::filesystem::path dir, std::vector<std::filesystem::path> files)
      : dir_(std::move(dir)), files_(std::move(files)) {}
  std::filesystem::path dir_;
  std::vector<std::filesystem::path> files_;
  std::size_t next_ = 0;
};

}  // namespace scanner
