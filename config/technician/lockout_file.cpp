#include "config/technician/lockout_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace config::technician {
namespace {

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool sync_dir(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

LockoutState load_lockout(const std::filesystem::path& file, Time now,
                          const LockoutPolicy& policy) {
  std::ifstream in(file);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  // Two numbers, nothing else: "failures locked_until" (locked_until 0 = none).
  long long failures = -1, until = -1;
  std::string rest;
  text >> failures >> until;
  if (!text.fail() && !(text >> rest) && failures >= 0 && failures <= 1'000'000 && until >= 0) {
    LockoutState s;
    s.failures = static_cast<int>(failures);
    if (until > 0) s.locked_until = Time(std::chrono::seconds(until));
    return s;
  }
  LockoutState locked;
  locked.failures = policy.max_attempts;
  locked.locked_until = now + policy.lockout;
  return locked;
}

bool save_lockout(const std::filesystem::path& file, const LockoutState& state) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const long long until = state.locked_until ? state.locked_until->time_since_epoch().count() : 0;
  const std::string bytes = std::to_string(state.failures) + " " + std::to_string(until) + "\n";
  const std::filesystem::path tmp = file.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || std::rename(tmp.c_str(), file.c_str()) != 0) return false;
  return sync_dir(file.parent_path());
}

}  // namespace config::technician
