// The driver against `kiosk-devsim idcard` over a real pty, one test per
// fault mode. Only the retry/poll sleeps go through a fake clock; bytes
// travel through the kernel's tty layer exactly as with a USB-serial reader.
#include "drivers/idcard/mask.hpp"
#include "drivers/idcard/session.hpp"
#include "drivers/transport/serial.hpp"
#include "tests/idcard/subprocess.hpp"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

namespace {

const std::string kDevsim = KIOSK_BINARY_DIR "/bin/kiosk-devsim";

struct FakeClock final : idcard::Clock {
  int sleeps = 0;
  void sleep_for(std::chrono::milliseconds) override { ++sleeps; }
};

struct SimRig {
  idcard_test::Child sim;
  std::string pty;
  FakeClock clock;
  std::unique_ptr<idcard::ReaderSession> session;

  explicit SimRig(const std::string& fault)
      : sim({kDevsim, "idcard", "--fault", fault, "--present", "-1", "--delay-ms", "100"}) {
    auto first = sim.line();
    EXPECT_TRUE(first.has_value()) << "kiosk-devsim printed no pty path";
    pty = first.value_or("");
    idcard::SessionOptions o;
    o.today = [] { return std::string("20260101"); };
    session = std::make_unique<idcard::ReaderSession>(
        [this]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
          auto s = transport::SerialPort::open(pty);
          if (!s) return kx::unexpected(s.error());
          return std::unique_ptr<transport::ByteStream>(std::move(*s));
        },
        o, clock);
  }

  void control(const std::string& cmd, const std::string& ack) {
    sim.send(cmd);
    auto l = sim.line();
    ASSERT_TRUE(l.has_value());
    ASSERT_EQ(*l, ack);
  }

  // Polls until an event arrives, at most `polls` times.
  std::optional<idcard::DeviceEvent> next_event(int polls = 20) {
    for (int i = 0; i < polls; ++i) {
      auto ev = session->poll_once();
      if (ev) return ev;
    }
    return std::nullopt;
  }

  void connect() {
    auto ev = next_event(1);
    ASSERT_TRUE(ev.has_value());
    ASSERT_TRUE(std::holds_alternative<idcard::ReaderConnected>(*ev)) << ev->index();
  }
};

template <class T>
T as(const std::optional<idcard::DeviceEvent>& ev) {
  EXPECT_TRUE(ev.has_value());
  if (!ev || !std::holds_alternative<T>(*ev)) {
    ADD_FAILURE() << "unexpected event " << (ev ? static_cast<int>(ev->index()) : -1);
    return T{};
  }
  return std::get<T>(*ev);
}

TEST(IdcardSimPty, NormalReadGivesOneEventPerPresentation) {
  SimRig rig("none");
  rig.connect();
  EXPECT_FALSE(rig.next_event(3));
  rig.control("present 0", "ok present 0");
  auto read = as<idcard::CardRead>(rig.next_event());
  EXPECT_EQ(read.card.name, "王堃");
  EXPECT_EQ(read.card.address, "新疆维吾尔自治区乌鲁木齐市天山区测试路1号喆园小区3栋2单元501室");
  EXPECT_EQ(idcard::mask_id_number(read.card.id_number), "6501**********1235");
  EXPECT_EQ(read.card.photo_wlt.size(), 1024u);
  EXPECT_FALSE(rig.next_event(5));  // the card lies there: nothing more
  rig.control("remove", "ok remove");
  rig.control("present 5", "ok present 5");
  auto second = as<idcard::CardRead>(rig.next_event());
  EXPECT_EQ(second.card.type, idcard::CardType::foreign_permanent_2023);
  EXPECT_EQ(second.card.name, "安娜·龑");
}

TEST(IdcardSimPty, NoCard) {
  SimRig rig("no-card");
  rig.connect();
  rig.control("present 0", "ok present 0");
  EXPECT_FALSE(rig.next_event(5));
}

TEST(IdcardSimPty, CardRemovedDuringRead) {
  SimRig rig("removed-during-read");
  rig.connect();
  rig.control("present 2", "ok present 2");
  auto failed = as<idcard::CardReadFailed>(rig.next_event());
  EXPECT_EQ(failed.reason.code, idcard::ErrorCode::card_removed);
  EXPECT_NE(std::string(idcard::message_zh(failed.reason.code)).find("重试"), std::string::npos);
  rig.control("present 2", "ok present 2");
  auto read = as<idcard::CardRead>(rig.next_event());
  EXPECT_EQ(read.card.name, "张䶮");
  EXPECT_TRUE(read.card.expired);
}

TEST(IdcardSimPty, CorruptChecksumIsRetried) {
  SimRig rig("corrupt-checksum");
  rig.connect();
  rig.control("present 3", "ok present 3");
  auto read = as<idcard::CardRead>(rig.next_event());
  EXPECT_EQ(read.card.name, "陈喆");
  EXPECT_EQ(read.card.pass_number, "H12345678");
  EXPECT_GT(rig.session->stats()->checksum_errors, 0u);
  EXPECT_GT(rig.clock.sleeps, 0);
}

TEST(IdcardSimPty, GarbageBetweenFrames) {
  SimRig rig("garbage");
  rig.connect();
  rig.control("present 4", "ok present 4");
  auto read = as<idcard::CardRead>(rig.next_event());
  EXPECT_EQ(read.card.name_en, "SAMPLE, JOHN TESTER");
  EXPECT_GT(rig.session->stats()->garbage_bytes, 0u);
}

TEST(IdcardSimPty, SlowAnswersInSmallPieces) {
  SimRig rig("slow");
  rig.connect();
  rig.control("present 1", "ok present 1");
  auto read = as<idcard::CardRead>(rig.next_event());
  EXPECT_EQ(read.card.name, "买买提·赟");
  EXPECT_EQ(read.card.valid_to, "长期");
  EXPECT_EQ(rig.session->stats()->timeouts, 0u);
}

TEST(IdcardSimPty, SamSelfTestFailed) {
  SimRig rig("sam-60");
  auto f = as<idcard::ReaderFaulty>(rig.next_event(1));
  EXPECT_EQ(f.reason.code, idcard::ErrorCode::sam_self_test_failed);
  EXPECT_EQ(f.reason.sw3, 0x60);
}

TEST(IdcardSimPty, SamNotAuthorised) {
  SimRig rig("sam-66");
  auto f = as<idcard::ReaderFaulty>(rig.next_event(1));
  EXPECT_EQ(f.reason.code, idcard::ErrorCode::sam_not_authorised);
  EXPECT_EQ(f.reason.sw3, 0x66);
}

TEST(IdcardSimPty, WrongLengths) {
  SimRig rig("wrong-length");
  rig.connect();
  rig.control("present 0", "ok present 0");
  auto failed = as<idcard::CardReadFailed>(rig.next_event());
  EXPECT_EQ(failed.reason.code, idcard::ErrorCode::bad_length);
}

TEST(IdcardSimPty, SimulatorExitOnQuitIsSeenAsDisconnect) {
  SimRig rig("none");
  rig.connect();
  rig.sim.send("quit");
  std::string out, err;
  ASSERT_EQ(rig.sim.wait(out, err), 0);
  auto d = as<idcard::ReaderDisconnected>(rig.next_event(3));
  EXPECT_EQ(d.reason.code, idcard::ErrorCode::disconnected);
}

}  // namespace
