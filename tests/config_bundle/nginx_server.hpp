#pragma once
// Debian's nginx serving a folder over HTTPS on 127.0.0.1 with a
// self-signed certificate made by the openssl CLI: the "any static web
// server or CDN" a fleet polls. Runs in the foreground (master_process off)
// as a child of the test; stopped with SIGTERM in the destructor.
#include "tests/support/process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace bundle_test {

class NginxServer {
 public:
  NginxServer(const std::filesystem::path& work, const std::filesystem::path& root) {
    namespace fs = std::filesystem;
    fs::create_directories(work / "logs");
    cert_ = (work / "cert.pem").string();
    const auto key = (work / "key.pem").string();
    const auto made = test::run_process({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec",
                                         "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                                         key, "-out", cert_, "-days", "2", "-subj", "/CN=127.0.0.1",
                                         "-addext", "subjectAltName=IP:127.0.0.1"});
    if (made.exit_code != 0) {
      error_ = "openssl: " + made.err;
      return;
    }
    port_ = free_port();
    std::ofstream(work / "nginx.conf")
        << "daemon off;\nmaster_process off;\nerror_log stderr warn;\npid "
        << (work / "nginx.pid").string()
        << ";\nevents { worker_connections 512; }\nhttp {\n  access_log off;\n"
        << "  client_body_temp_path " << (work / "body").string() << ";\n"
        << "  proxy_temp_path " << (work / "proxy").string() << ";\n"
        << "  fastcgi_temp_path " << (work / "fcgi").string() << ";\n"
        << "  uwsgi_temp_path " << (work / "uwsgi").string() << ";\n"
        << "  scgi_temp_path " << (work / "scgi").string() << ";\n"
        << "  server {\n    listen 127.0.0.1:" << port_ << " ssl;\n"
        << "    ssl_certificate " << cert_ << ";\n    ssl_certificate_key " << key << ";\n"
        << "    root " << root.string() << ";\n    log_not_found off;\n  }\n}\n";
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string conf = (work / "nginx.conf").string();
      const std::string prefix = work.string() + "/";
      ::execl("/usr/sbin/nginx", "nginx", "-p", prefix.c_str(), "-e", "stderr", "-c", conf.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    if (!wait_listening())
      error_ = "nginx did not start listening on port " + std::to_string(port_);
  }
  ~NginxServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  NginxServer(const NginxServer&) = delete;
  NginxServer& operator=(const NginxServer&) = delete;

  const std::string& error() const { return error_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  const std::string& ca_file() const { return cert_; }

 private:
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
  }

  // Readiness probe: nginx prints nothing when it listens, so try to
  // connect until it accepts (or exits, or 10 s pass).
  bool wait_listening() const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) return false;
      const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(static_cast<std::uint16_t>(port_));
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
      ::close(fd);
      if (ok) return true;
      const timespec pause{0, 5'000'000};
      ::nanosleep(&pause, nullptr);
    }
    return false;
  }

  std::string cert_;
  std::string error_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace bundle_test
