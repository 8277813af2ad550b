#include "kiosk/app/font_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace kiosk::app {

kx::expected<FontFile, std::string> FontFile::map(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return kx::unexpected("cannot open font " + path.string() + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
    ::close(fd);
    return kx::unexpected("cannot read font " + path.string());
  }
  void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED)
    return kx::unexpected("cannot map font " + path.string() + ": " + std::strerror(errno));
  return FontFile(static_cast<const unsigned char*>(p), static_cast<std::size_t>(st.st_size));
}

FontFile::FontFile(FontFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

FontFile& FontFile::operator=(FontFile&& other) noexcept {
  if (this != &other) {
    this->~FontFile();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

FontFile::~FontFile() {
  if (data_ != nullptr) ::munmap(const_cast<unsigned char*>(data_), size_);  // NOLINT
}

}  // namespace kiosk::app
