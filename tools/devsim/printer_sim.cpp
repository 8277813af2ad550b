// kiosk-devsim printer: the virtual receipt printer.
//   kiosk-devsim printer render IN.bin OUT.png [--width 384|576]
//   kiosk-devsim printer [--fault MODE [--after-lines N]] --out-dir DIR [--link PATH]
// The second form serves a pty: its first stdout line is the pty path, then
// one line per event ("receipt DIR/receipt-0001.png", "paper-out", ...).
// stdin takes operator actions, one per line: refill, open-cover,
// close-cover, fix-cutter, online, offline, power-cycle, quit.
#include "kiosk/cli/registry.hpp"
#include "tools/devsim/printer/png_writer.hpp"
#include "tools/devsim/printer/virtual_printer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

using devsim::printer::GlyphSource;
using devsim::printer::VirtualPrinter;

struct SimOptions {
  std::string fault = "none";
  int after_lines = 0;
  int width = 384;
  std::string out_dir;
  std::string link;
  std::string font = GlyphSource::kDefaultFont;
  std::string in, out;
};

std::unique_ptr<GlyphSource> load_font(const SimOptions& o) {
  std::string err;
  auto g = GlyphSource::open(o.font, GlyphSource::kDefaultFace, err);
  if (!g) std::cerr << "printer: " << err << " (text drawn as boxes)\n";
  return g;
}

int render(const SimOptions& o) {
  std::ifstream in(o.in, std::ios::binary);
  if (!in) {
    std::cerr << "printer render: cannot read " << o.in << "\n";
    return 2;
  }
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  auto glyphs = load_font(o);
  devsim::printer::Interpreter interp(o.width, glyphs.get());
  // The whole stream on one strip of paper; cuts are marked by a dashed line.
  printer::Bitmap strip(o.width, 0);
  auto append = [&](const printer::Bitmap& p, bool cut) {
    strip.ink.insert(strip.ink.end(), p.ink.begin(), p.ink.end());
    strip.height += p.height;
    if (cut) {
      std::vector<std::uint8_t> mark(static_cast<std::size_t>(o.width) * 3, 0);
      for (int x = 0; x < o.width; ++x) mark[static_cast<std::size_t>(o.width + x)] = (x / 6) % 2;
      strip.ink.insert(strip.ink.end(), mark.begin(), mark.end());
      strip.height += 3;
    }
  };
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto s = interp.step(std::span<const std::uint8_t>(bytes).subspan(pos));
    if (s.consumed == 0) break;  // truncated final command
    pos += s.consumed;
    if (s.action == devsim::printer::Action::cut) append(interp.take_paper(), true);
  }
  append(interp.take_paper(), false);
  if (strip.height == 0) {
    std::cerr << "printer render: nothing printed\n";
    return 1;
  }
  const std::string err = devsim::printer::write_png(strip, o.out);
  if (!err.empty()) {
    std::cerr << "printer render: " << err << "\n";
    return 1;
  }
  return 0;
}

// A pty pair; the simulator keeps its own slave fd open so the master does
// not see EOF/EIO each time the kiosk closes and reopens the device.
struct Pty {
  int master = -1, slave = -1;
  std::string path;
};

bool open_pty(Pty& p) {
  p.master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (p.master < 0 || grantpt(p.master) != 0 || unlockpt(p.master) != 0) return false;
  const char* name = ptsname(p.master);
  if (!name) return false;
  p.path = name;
  p.slave = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (p.slave < 0) return false;
  termios t{};
  tcgetattr(p.slave, &t);
  cfmakeraw(&t);  // binary: no LF -> CR LF, no echo
  tcsetattr(p.slave, TCSANOW, &t);
  return true;
}

void close_pty(Pty& p) {
  if (p.slave >= 0) ::close(p.slave);
  if (p.master >= 0) ::close(p.master);
  p = Pty{};
}

void update_link(const SimOptions& o, const Pty& p) {
  if (o.link.empty()) return;
  const std::string tmp = o.link + ".tmp";
  ::unlink(tmp.c_str());
  if (::symlink(p.path.c_str(), tmp.c_str()) == 0) ::rename(tmp.c_str(), o.link.c_str());
}

void write_all(int fd, const std::vector<std::uint8_t>& b) {
  std::size_t done = 0;
  while (done < b.size()) {
    ssize_t n = ::write(fd, b.data() + done, b.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

int serve(const SimOptions& o) {
  auto faults = devsim::printer::parse_fault(o.fault, o.after_lines);
  if (!faults) {
    std::cerr << "printer: unknown --fault " << o.fault
              << " (none, near-end, paper-out, cover-open, cutter-error, offline)\n";
    return 2;
  }
  if (o.out_dir.empty()) {
    std::cerr << "printer: --out-dir is required\n";
    return 2;
  }
  auto glyphs = load_font(o);
  VirtualPrinter vp(o.width, glyphs.get(), *faults, o.out_dir);
  Pty pty;
  if (!open_pty(pty)) {
    std::cerr << "printer: cannot create a pty\n";
    return 1;
  }
  update_link(o, pty);
  std::cout << pty.path << std::endl;
  auto flush_events = [&] {
    for (const auto& e : vp.take_events()) std::cout << e << "\n";
    std::cout.flush();
  };
  std::string control;
  for (;;) {
    pollfd fds[2] = {{pty.master, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return 1;
    }
    if (fds[0].revents & POLLIN) {
      std::uint8_t buf[4096];
      ssize_t n = ::read(pty.master, buf, sizeof buf);
      if (n > 0) {
        write_all(pty.master,
                  vp.receive(std::span<const std::uint8_t>(buf, static_cast<std::size_t>(n))));
        flush_events();
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP)) {
      char buf[256];
      ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
      if (n <= 0) break;  // the controlling process went away
      control.append(buf, static_cast<std::size_t>(n));
      for (std::size_t nl; (nl = control.find('\n')) != std::string::npos;) {
        std::string word = control.substr(0, nl);
        control.erase(0, nl + 1);
        if (word == "quit") {
          close_pty(pty);
          return 0;
        }
        if (word == "power-cycle") {
          // The device disappears (the kiosk's fd hangs up) and comes back
          // as a new node; --link follows it like a udev symlink would.
          close_pty(pty);
          vp.power_cycle();
          if (!open_pty(pty)) return 1;
          update_link(o, pty);
          flush_events();
          std::cout << "pty " << pty.path << std::endl;
          continue;
        }
        if (auto a = devsim::printer::parse_operator_action(word)) {
          write_all(pty.master, vp.act(*a));
        } else if (!word.empty()) {
          std::cout << "error unknown action " << word << "\n";
        }
        flush_events();
      }
    }
  }
  close_pty(pty);
  return 0;
}

void install_printer(CLI::App& root, kiosk::cli::Context& ctx) {
  auto opts = std::make_shared<SimOptions>();
  auto* cmd =
      root.add_subcommand("printer", "Virtual ESC/POS receipt printer (pty or file render)");
  cmd->add_option("--fault", opts->fault,
                  "none, near-end, paper-out, cover-open, cutter-error, offline");
  cmd->add_option("--after-lines", opts->after_lines,
                  "paper-out: lines printed before the roll ends");
  cmd->add_option("--width", opts->width, "paper width in dots (384 = 58 mm, 576 = 80 mm)")
      ->check(CLI::IsMember({384, 576}));
  cmd->add_option("--out-dir", opts->out_dir, "where one PNG per cut receipt is written");
  cmd->add_option("--link", opts->link, "keep a symlink to the current pty here");
  cmd->add_option("--font", opts->font, "font file (face 2 is used)");
  auto* render_cmd = cmd->add_subcommand("render", "Render an ESC/POS byte file to a PNG");
  render_cmd->add_option("IN", opts->in, "ESC/POS bytes")->required();
  render_cmd->add_option("OUT", opts->out, "PNG to write")->required();
  render_cmd->add_option("--width", opts->width, "paper width in dots")
      ->check(CLI::IsMember({384, 576}));
  render_cmd->callback([opts, &ctx] { ctx.exit_code = render(*opts); });
  cmd->callback([opts, render_cmd, &ctx] {
    if (render_cmd->parsed()) return;
    ctx.exit_code = serve(*opts);
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(20, install_printer);
