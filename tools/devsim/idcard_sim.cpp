// kiosk-devsim idcard: a GA 467 ID-card reader behind a pty.
// Prints the pty path on the first line of stdout, then answers commands as
// a reader would (see tools/devsim/idcard/sam_model.hpp). Cards are put on
// and taken off the reader with lines on stdin:
//   present N   put card N (0-based, from the cards file) on the reader
//   remove      take the card off
//   quit        exit
// Each control line is acknowledged on stdout ("ok present 2", "ok remove",
// "error …") once it has taken effect, so tests can wait for it.
#include "drivers/idcard/receiver.hpp"
#include "kiosk/cli/registry.hpp"
#include "tools/devsim/idcard/cards_file.hpp"
#include "tools/devsim/idcard/sam_model.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

namespace {

// The cards file beside this source (the build passes absolute source
// paths); installed copies pass --cards or set KIOSK_IDCARD_CARDS.
std::string default_cards_path() {
  if (const char* env = std::getenv("KIOSK_IDCARD_CARDS")) return env;
  std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/') + 1) + "idcard/cards.json";
}

struct Options {
  std::string cards = default_cards_path();
  std::string fault = "none";
  int present = 0;  // card on the reader at start; -1: none
  int delay_ms = 150;
};

bool write_all(int fd, const std::uint8_t* p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && (errno == EINTR || errno == EAGAIN)) {
      pollfd pf{fd, POLLOUT, 0};
      ::poll(&pf, 1, 100);
      continue;
    }
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

void send(int fd, const idcard_sim::Answer& a) {
  if (a.delay.count() > 0) std::this_thread::sleep_for(a.delay);
  if (a.piece == 0) {
    write_all(fd, a.bytes.data(), a.bytes.size());
    return;
  }
  for (std::size_t i = 0; i < a.bytes.size(); i += a.piece) {
    write_all(fd, a.bytes.data() + i, std::min(a.piece, a.bytes.size() - i));
    std::this_thread::sleep_for(a.piece_gap);
  }
}

// Returns false on "quit".
bool control(const std::string& line, idcard_sim::SamModel& model) {
  std::istringstream in(line);
  std::string word;
  in >> word;
  if (word == "quit") return false;
  if (word == "present") {
    std::size_t n = 0;
    if ((in >> n) && model.present(n)) {
      std::cout << "ok present " << n << std::endl;
    } else {
      std::cout << "error no card " << n << " (have " << model.card_count() << ")" << std::endl;
    }
  } else if (word == "remove") {
    model.remove();
    std::cout << "ok remove" << std::endl;
  } else if (!word.empty()) {
    std::cout << "error unknown command '" << word << "'" << std::endl;
  }
  return true;
}

int run(const Options& o) {
  auto fault = idcard_sim::parse_fault(o.fault);
  if (!fault) {
    std::cerr << "unknown fault mode '" << o.fault
              << "' (none, no-card, removed-during-read, corrupt-checksum, garbage, slow, "
                 "sam-60, sam-66, wrong-length)\n";
    return 2;
  }
  std::string err;
  auto cards = idcard_sim::load_cards(o.cards, err);
  if (!cards) {
    std::cerr << err << "\n";
    return 2;
  }
  idcard_sim::SamModel model(std::move(*cards), *fault);
  model.slow_delay = std::chrono::milliseconds(o.delay_ms);
  if (o.present >= 0) model.present(static_cast<std::size_t>(o.present));

  int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
    std::cerr << "cannot create a pty: " << std::strerror(errno) << "\n";
    return 1;
  }
  const std::string slave_path = ::ptsname(master);
  // Hold the slave open ourselves so the master never sees a hang-up
  // between two clients, and make it raw before any client opens it.
  int keep = ::open(slave_path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  termios tio{};
  if (keep >= 0 && ::tcgetattr(keep, &tio) == 0) {
    ::cfmakeraw(&tio);
    ::tcsetattr(keep, TCSANOW, &tio);
  }
  std::cout << slave_path << std::endl;

  idcard::FrameReceiver rx;
  std::uint8_t buf[512];
  bool stdin_open = true;
  for (;;) {
    pollfd fds[2] = {{master, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
    int r = ::poll(fds, stdin_open ? 2 : 1, -1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) break;
    if ((fds[0].revents & POLLIN) != 0) {
      ssize_t n = ::read(master, buf, sizeof buf);
      if (n > 0) {
        std::span<const std::uint8_t> chunk(buf, static_cast<std::size_t>(n));
        while (!chunk.empty()) {
          auto [status, used] = rx.feed(chunk);
          chunk = chunk.subspan(used);
          if (status == idcard::FrameReceiver::Status::frame) {
            send(master, model.handle(rx.payload()));
          } else if (status == idcard::FrameReceiver::Status::bad_checksum) {
            send(master, model.handle_corrupt_command());
          }
        }
      }
    }
    if (stdin_open && (fds[1].revents & (POLLIN | POLLHUP)) != 0) {
      std::string line;
      // Read one line byte by byte so poll() stays truthful about stdin.
      char c = 0;
      ssize_t n = 0;
      while ((n = ::read(STDIN_FILENO, &c, 1)) == 1 && c != '\n') line.push_back(c);
      if (n <= 0 && line.empty()) {
        stdin_open = false;  // no controller: keep serving the pty
        continue;
      }
      if (!control(line, model)) break;
    }
  }
  if (keep >= 0) ::close(keep);
  ::close(master);
  return 0;
}

void install_idcard_sim(CLI::App& root, kiosk::cli::Context& ctx) {
  auto* cmd = root.add_subcommand("idcard", "Simulated GA 467 ID-card reader on a pty");
  auto o = std::make_shared<Options>();
  cmd->add_option("--cards", o->cards, "Synthetic cards file (JSON)");
  cmd->add_option("--fault", o->fault,
                  "Fault mode: none, no-card, removed-during-read, corrupt-checksum, garbage, "
                  "slow, sam-60, sam-66, wrong-length");
  cmd->add_option("--present", o->present, "Card on the reader at start (-1: none)");
  cmd->add_option("--delay-ms", o->delay_ms, "Answer delay in the 'slow' fault mode");
  cmd->callback([o, &ctx] { ctx.exit_code = run(*o); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(10, install_idcard_sim);
