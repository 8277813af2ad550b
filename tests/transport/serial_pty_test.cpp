// The serial backend against a real pty pair: the kernel's tty layer is the
// thing under test, so no mock stands in for it.
#include "drivers/transport/serial.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

struct PtyPair {
  int master = -1;
  std::string slave_path;
  PtyPair() {
    master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    EXPECT_GE(master, 0);
    ::grantpt(master);
    ::unlockpt(master);
    slave_path = ::ptsname(master);
  }
  ~PtyPair() {
    if (master >= 0) ::close(master);
  }
};

TEST(TransportSerial, RoundTripsBytesOverPtyInRawMode) {
  PtyPair pty;
  auto port = transport::SerialPort::open(pty.slave_path);
  ASSERT_TRUE(port) << port.error().detail;

  // Bytes that cooked mode would mangle: CR, ^C, ^S, 0xFF.
  const std::vector<std::uint8_t> out = {0xAA, 0x0D, 0x03, 0x13, 0xFF, 0x0A};
  ASSERT_TRUE((*port)->write(out, 1s));
  std::array<std::uint8_t, 16> got{};
  std::size_t n = 0;
  while (n < out.size()) {
    ssize_t r = ::read(pty.master, got.data() + n, got.size() - n);
    ASSERT_GT(r, 0);
    n += static_cast<std::size_t>(r);
  }
  EXPECT_EQ(std::vector<std::uint8_t>(got.begin(), got.begin() + 6), out);

  const std::uint8_t in[] = {0x96, 0x69, 0x0D, 0x11};
  ASSERT_EQ(::write(pty.master, in, sizeof in), static_cast<ssize_t>(sizeof in));
  std::size_t total = 0;
  std::array<std::uint8_t, 16> buf{};
  while (total < sizeof in) {
    auto r = (*port)->read(std::span(buf).subspan(total), 1s);
    ASSERT_TRUE(r) << r.error().detail;
    total += *r;
  }
  EXPECT_EQ(buf[0], 0x96);
  EXPECT_EQ(buf[2], 0x0D);
  EXPECT_EQ(buf[3], 0x11);
}

TEST(TransportSerial, ReadWithNothingPendingTimesOut) {
  PtyPair pty;
  auto port = transport::SerialPort::open(pty.slave_path);
  ASSERT_TRUE(port);
  std::array<std::uint8_t, 4> buf{};
  auto r = (*port)->read(buf, 20ms);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, transport::ErrorCode::timeout);
}

TEST(TransportSerial, ClosedPeerIsReportedAsDisconnected) {
  PtyPair pty;
  auto port = transport::SerialPort::open(pty.slave_path);
  ASSERT_TRUE(port);
  ::close(pty.master);
  pty.master = -1;
  std::array<std::uint8_t, 4> buf{};
  auto r = (*port)->read(buf, 1s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, transport::ErrorCode::disconnected);
}

TEST(TransportSerial, DiscardInputDropsPendingBytes) {
  PtyPair pty;
  auto port = transport::SerialPort::open(pty.slave_path);
  ASSERT_TRUE(port);
  const std::uint8_t junk[] = {1, 2, 3};
  ASSERT_EQ(::write(pty.master, junk, 3), 3);
  // Wait until the bytes are really readable before discarding them.
  std::array<std::uint8_t, 1> one{};
  auto first = (*port)->read(one, 1s);
  ASSERT_TRUE(first);
  (*port)->discard_input();
  auto r = (*port)->read(one, 20ms);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, transport::ErrorCode::timeout);
}

TEST(TransportSerial, SecondOpenOfSamePortIsBusy) {
  PtyPair pty;
  auto first = transport::SerialPort::open(pty.slave_path);
  ASSERT_TRUE(first);
  auto second = transport::SerialPort::open(pty.slave_path);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, transport::ErrorCode::busy);
}

TEST(TransportSerial, MissingPortIsNotFoundAndBadBaudIsRejected) {
  auto r = transport::SerialPort::open("/dev/does-not-exist-kiosk");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, transport::ErrorCode::not_found);
  PtyPair pty;
  auto b = transport::SerialPort::open(pty.slave_path, {.baud = 12345});
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, transport::ErrorCode::invalid_argument);
}

TEST(TransportSerial, DescribeNamesThePath) {
  PtyPair pty;
  auto port = transport::SerialPort::open(pty.slave_path);
  ASSERT_TRUE(port);
  EXPECT_EQ((*port)->describe(), "serial:" + pty.slave_path);
}

}  // namespace
