#include "drivers/scanner/image_dir_source.hpp"

#include "drivers/scanner/codecs.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>

namespace scanner {

namespace {

bool is_image_name(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png";
}

}  // namespace

kx::expected<std::unique_ptr<ImageDirSource>, Error> ImageDirSource::open(
    const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return kx::unexpected(Error{ErrorCode::no_device, "not a directory: " + dir.string()});
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec) && is_image_name(entry.path())) files.push_back(entry.path());
  if (ec) return kx::unexpected(Error{ErrorCode::access_denied, "cannot list " + dir.string()});
  if (files.empty())
    return kx::unexpected(Error{ErrorCode::no_documents, "no JPEG/PNG in " + dir.string()});
  std::sort(files.begin(), files.end());
  return std::unique_ptr<ImageDirSource>(new ImageDirSource(dir, std::move(files)));
}

kx::expected<Image, Error> ImageDirSource::next_page(const std::atomic<bool>& cancel,
                                                     const ReadProgress& progress) {
  if (cancel.load()) return kx::unexpected(Error{ErrorCode::cancelled, "cancelled"});
  if (next_ >= files_.size())
    return kx::unexpected(Error{ErrorCode::no_documents, "no more images"});
  const auto& path = files_[next_++];
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return kx::unexpected(Error{ErrorCode::io_error, "cannot read " + path.filename().string()});
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  if (progress) progress(bytes.size(), bytes.size());
  auto img = decode_image(bytes);
  std::fill(bytes.begin(), bytes.end(), std::uint8_t{0});
  if (!img) {
    img.error().detail += " (" + path.filename().string() + ")";
    return img;
  }
  if (img->dpi <= 0) {
    const int longest = std::max(img->width, img->height);
    img->dpi = std::max(1, static_cast<int>(std::lround(longest / 11.69)));
  }
  return img;
}

}  // namespace scanner
