#include "kiosk/platform/sim_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

extern char** environ;

namespace kiosk::platform {

std::filesystem::path default_sim_binary() {
  if (const char* env = std::getenv("KIOSK_PLATFORM_SIM"); env && *env) return env;
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return self.parent_path() / "platform-sim";
}

kx::expected<SimProcess, std::string> SimProcess::start(const SimOptions& opt) {
  std::error_code ec;
  std::filesystem::create_directories(opt.state_dir, ec);
  if (!std::filesystem::exists(opt.binary, ec))
    return kx::unexpected("platform-sim not found at " + opt.binary.string());
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0)
    return kx::unexpected(std::string("pipe: ") + std::strerror(errno));
  std::vector<std::string> args = {opt.binary.string(),
                                   "--listen",
                                   "127.0.0.1:" + std::to_string(opt.port),
                                   "--state",
                                   opt.state_dir.string(),
                                   "--seed",
                                   std::to_string(opt.seed),
                                   "--tokens",
                                   std::to_string(opt.tokens),
                                   "--threads",
                                   std::to_string(opt.threads)};
  if (!opt.faults.empty()) {
    args.push_back("--faults");
    args.push_back(opt.faults);
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    return kx::unexpected(std::string("cannot start platform-sim: ") + std::strerror(rc));
  }
  SimProcess p;
  p.pid_ = pid;
  p.state_dir_ = opt.state_dir;
  // Read stdout until the READY line, the child exits, or the deadline.
  std::string buf;
  const auto deadline = std::chrono::steady_clock::now() + opt.ready_timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      close(out[0]);
      return kx::unexpected(std::string("platform-sim did not become ready in time"));
    }
    pollfd pfd{out[0], POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[256];
    const ssize_t n = read(out[0], chunk, sizeof chunk);
    if (n <= 0) {
      close(out[0]);
      return kx::unexpected(std::string("platform-sim exited before it was ready"));
    }
    buf.append(chunk, static_cast<std::size_t>(n));
    const auto nl = buf.find('\n');
    if (nl == std::string::npos) continue;
    const std::string line = buf.substr(0, nl);
    if (line.rfind("READY ", 0) == 0) {
      p.url_ = line.substr(6);
      break;
    }
    buf.erase(0, nl + 1);
  }
  // Nothing else comes on stdout; closing our end is safe (the child ignores SIGPIPE).
  close(out[0]);
  return p;
}

SimProcess::SimProcess(SimProcess&& o) noexcept
    : pid_(o.pid_), url_(std::move(o.url_)), state_dir_(std::move(o.state_dir_)) {
  o.pid_ = -1;
}

SimProcess& SimProcess::operator=(SimProcess&& o) noexcept {
  if (this != &o) {
    stop();
    pid_ = o.pid_;
    url_ = std::move(o.url_);
    state_dir_ = std::move(o.state_dir_);
    o.pid_ = -1;
  }
  return *this;
}

SimProcess::~SimProcess() {
  stop();
}

void SimProcess::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

std::vector<std::string> SimProcess::enrolment_tokens() const {
  std::vector<std::string> out;
  std::ifstream in(state_dir_ / "enrolment-tokens");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::string SimProcess::enrolment_token() const {
  auto all = enrolment_tokens();
  return all.empty() ? std::string() : all.front();
}

}  // namespace kiosk::platform
