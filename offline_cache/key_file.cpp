#include "offline_cache/key_file.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>

namespace offline_cache {
namespace fs = std::filesystem;
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

Error sys_error(ErrorCode code, const std::string& what) {
  return Error{code, what + ": " + std::strerror(errno)};
}

}  // namespace

kx::expected<Key, Error> create_key_file(const fs::path& path) {
  std::error_code ec;
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec)
      return kx::unexpected(Error{ErrorCode::io, "create " + dir.string() + ": " + ec.message()});
    fs::permissions(dir, fs::perms::owner_all, ec);
  }
  auto key = Key::generate();
  if (!key) return kx::unexpected(key.error());
  Fd fd{::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)};
  if (fd.get() < 0) {
    if (errno == EEXIST) return kx::unexpected(Error{ErrorCode::key_exists, path.string()});
    return kx::unexpected(sys_error(ErrorCode::io, "create " + path.string()));
  }
  // umask cannot widen 0600, but make sure nothing narrowed it oddly either.
  if (::fchmod(fd.get(), 0600) != 0) return kx::unexpected(sys_error(ErrorCode::io, "fchmod"));
  const auto bytes = key->bytes();
  if (::write(fd.get(), bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) ||
      ::fsync(fd.get()) != 0) {
    const Error e = sys_error(ErrorCode::io, "write " + path.string());
    ::unlink(path.c_str());
    return kx::unexpected(e);
  }
  Fd dfd{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dfd.get() >= 0) ::fsync(dfd.get());  // the new name survives power loss
  return key;
}

kx::expected<Key, Error> load_key_file(const fs::path& path) {
  Fd fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (fd.get() < 0) {
    if (errno == ENOENT) return kx::unexpected(Error{ErrorCode::key_missing, path.string()});
    return kx::unexpected(sys_error(ErrorCode::io, "open " + path.string()));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return kx::unexpected(sys_error(ErrorCode::io, "fstat"));
  if (!S_ISREG(st.st_mode)) {
    return kx::unexpected(Error{ErrorCode::key_invalid, path.string() + " is not a regular file"});
  }
  if ((st.st_mode & 077) != 0) {
    return kx::unexpected(Error{ErrorCode::key_insecure,
                                path.string() + " is accessible by group/others (want 0600)"});
  }
  if (st.st_uid != ::geteuid()) {
    return kx::unexpected(
        Error{ErrorCode::key_insecure, path.string() + " is owned by another user"});
  }
  if (st.st_size != static_cast<off_t>(kKeyBytes)) {
    return kx::unexpected(Error{ErrorCode::key_invalid, path.string() + " must hold 32 bytes"});
  }
  std::array<std::uint8_t, kKeyBytes> raw{};
  if (::read(fd.get(), raw.data(), raw.size()) != static_cast<ssize_t>(raw.size())) {
    return kx::unexpected(sys_error(ErrorCode::key_invalid, "read " + path.string()));
  }
  Key k{raw};
  OPENSSL_cleanse(raw.data(), raw.size());
  return k;
}

}  // namespace offline_cache
