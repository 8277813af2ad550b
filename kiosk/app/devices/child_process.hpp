#pragma once
// A helper process with pipes on its stdin and stdout, for the device
// simulators `kiosk run --sim` starts (kiosk-devsim serves each device on a
// pty and takes operator actions on stdin). Stopped and reaped on
// destruction.
#include "base/expected.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace kiosk::app::devices {

class ChildProcess {
 public:
  static kx::expected<ChildProcess, std::string> spawn(const std::vector<std::string>& argv);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  // The next line of its stdout (without the newline), or an error on
  // timeout or end of output.
  kx::expected<std::string, std::string> read_line(std::chrono::milliseconds timeout);
  bool write_line(const std::string& line);
  int pid() const { return pid_; }

 private:
  ChildProcess() = default;
  void stop();
  int pid_ = -1;
  int in_ = -1;   // its stdin
  int out_ = -1;  // its stdout
  std::string buffer_;
};

}  // namespace kiosk::app::devices
