// The reader session against the simulated reader in-process (the same
// SamModel kiosk-devsim runs behind its pty), with a fake clock: retries
// and poll intervals are counted, never waited for.
#include "drivers/idcard/session.hpp"
#include "tools/devsim/idcard/cards_file.hpp"
#include "tools/devsim/idcard/model_stream.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace std::chrono_literals;

namespace {

struct FakeClock final : idcard::Clock {
  std::vector<std::chrono::milliseconds> sleeps;
  void sleep_for(std::chrono::milliseconds d) override { sleeps.push_back(d); }
};

std::vector<idcard::CardRecord> cards() {
  std::string err;
  auto c = idcard_sim::load_cards(KIOSK_SOURCE_DIR "/tools/devsim/idcard/cards.json", err);
  EXPECT_TRUE(c) << err;
  return c.value_or(std::vector<idcard::CardRecord>{});
}

struct Rig {
  idcard_sim::SamModel model;
  idcard_sim::ModelStream* stream = nullptr;  // owned by the session once opened
  FakeClock clock;
  bool fail_open = false;
  idcard::ReaderSession session;

  explicit Rig(idcard_sim::Fault fault, idcard::SessionOptions o = {})
      : model(cards(), fault),
        session(
            [this]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
              if (fail_open) {
                return kx::unexpected(transport::Error{transport::ErrorCode::not_found, "gone"});
              }
              auto s = std::make_unique<idcard_sim::ModelStream>(model);
              stream = s.get();
              return std::unique_ptr<transport::ByteStream>(std::move(s));
            },
            with_today(o), clock) {}

  static idcard::SessionOptions with_today(idcard::SessionOptions o) {
    o.today = [] { return std::string("20260101"); };
    return o;
  }

  template <class T>
  T expect(std::optional<idcard::DeviceEvent> ev) {
    EXPECT_TRUE(ev.has_value());
    if (!ev) return T{};
    EXPECT_TRUE(std::holds_alternative<T>(*ev)) << "event index " << ev->index();
    if (!std::holds_alternative<T>(*ev)) return T{};
    return std::get<T>(std::move(*ev));
  }
};

TEST(IdcardSession, ConnectsThenReadsOneCardExactlyOnce) {
  Rig rig(idcard_sim::Fault::none);
  auto c = rig.expect<idcard::ReaderConnected>(rig.session.poll_once());
  EXPECT_EQ(c.sam_id, "05.01-20231221-0000001234-0000005678");
  EXPECT_FALSE(rig.session.poll_once());  // empty field
  rig.model.present(0);
  auto read = rig.expect<idcard::CardRead>(rig.session.poll_once());
  EXPECT_EQ(read.card.name, "王堃");
  EXPECT_EQ(read.card.id_number, "650102199003071235");
  EXPECT_EQ(read.card.photo_wlt, idcard_sim::synthetic_photo(0));
  // The card stays on the reader: no second event, however often we poll.
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(rig.session.poll_once());
  // Taken off and put back: read again.
  rig.model.remove();
  EXPECT_FALSE(rig.session.poll_once());
  rig.model.present(0);
  rig.expect<idcard::CardRead>(rig.session.poll_once());
}

TEST(IdcardSession, ReaderThatReFindsTheSameCardStillGivesOneEvent) {
  // Some readers answer 0x9F again for a card that never left. The session
  // must wait for a "no card" before reading again.
  Rig rig(idcard_sim::Fault::none);
  rig.session.poll_once();
  rig.model.present(1);
  auto read = rig.expect<idcard::CardRead>(rig.session.poll_once());
  EXPECT_EQ(read.card.appended_address, "新疆维吾尔自治区乌鲁木齐市水磨沟区样例街7号");
  EXPECT_TRUE(read.card.long_term);
  rig.model.present(1);  // re-arms "found" in the model without a removal
  EXPECT_FALSE(rig.session.poll_once());
  EXPECT_TRUE(rig.session.awaiting_removal());
  rig.model.remove();
  EXPECT_FALSE(rig.session.poll_once());
  EXPECT_FALSE(rig.session.awaiting_removal());
}

TEST(IdcardSession, EveryLayoutFromTheCardsFileDecodes) {
  Rig rig(idcard_sim::Fault::none);
  rig.session.poll_once();
  const char* types[] = {"resident",
                         "resident",
                         "resident",
                         "hk_mo_tw_permit",
                         "foreign_permanent_2017",
                         "foreign_permanent_2023"};
  for (std::size_t i = 0; i < rig.model.card_count(); ++i) {
    rig.model.present(i);
    auto read = rig.expect<idcard::CardRead>(rig.session.poll_once());
    EXPECT_STREQ(idcard::to_string(read.card.type), types[i]) << i;
    rig.model.remove();
    rig.session.poll_once();
  }
}

TEST(IdcardSession, CardRemovedDuringReadGivesRetryPromptThenReadsOnReturn) {
  Rig rig(idcard_sim::Fault::removed_during_read);
  rig.session.poll_once();
  rig.model.present(0);
  auto failed = rig.expect<idcard::CardReadFailed>(rig.session.poll_once());
  EXPECT_EQ(failed.reason.code, idcard::ErrorCode::card_removed);
  EXPECT_EQ(failed.reason.sw3, 0x41);
  EXPECT_FALSE(rig.session.poll_once());
  rig.model.present(0);
  rig.expect<idcard::CardRead>(rig.session.poll_once());
}

TEST(IdcardSession, CorruptedAnswersAreRetriedWithBackoffFromTheClock) {
  idcard::SessionOptions o;
  o.reader.retry_delay = 7ms;
  Rig rig(idcard_sim::Fault::corrupt_checksum, o);
  rig.expect<idcard::ReaderConnected>(rig.session.poll_once());
  rig.model.present(3);
  auto read = rig.expect<idcard::CardRead>(rig.session.poll_once());
  EXPECT_EQ(read.card.name, "陈喆");
  EXPECT_EQ(read.card.photo_wlt, idcard_sim::synthetic_photo(3));
  EXPECT_GE(rig.session.stats()->checksum_errors, 3u);
  EXPECT_EQ(rig.session.stats()->retries, rig.session.stats()->checksum_errors);
  ASSERT_FALSE(rig.clock.sleeps.empty());
  for (auto d : rig.clock.sleeps) EXPECT_EQ(d, 7ms);
}

TEST(IdcardSession, GarbageBetweenFramesIsSkipped) {
  Rig rig(idcard_sim::Fault::garbage);
  rig.expect<idcard::ReaderConnected>(rig.session.poll_once());
  rig.model.present(5);
  auto read = rig.expect<idcard::CardRead>(rig.session.poll_once());
  EXPECT_EQ(read.card.name_en, "TESTOVA, ANNA MARIA EKATERINA VERYLONGNAME");
  EXPECT_GT(rig.session.stats()->garbage_bytes, 0u);
  EXPECT_EQ(rig.session.stats()->retries, 0u);
}

TEST(IdcardSession, SamFaultsMakeTheReaderFaultyWithTheirOwnReason) {
  for (auto [fault, code] :
       {std::pair{idcard_sim::Fault::sam_60, idcard::ErrorCode::sam_self_test_failed},
        std::pair{idcard_sim::Fault::sam_66, idcard::ErrorCode::sam_not_authorised}}) {
    Rig rig(fault);
    auto f = rig.expect<idcard::ReaderFaulty>(rig.session.poll_once());
    EXPECT_EQ(f.reason.code, code);
    EXPECT_FALSE(rig.session.connected());
    EXPECT_FALSE(rig.session.poll_once());  // reported once, not on every poll
  }
}

TEST(IdcardSession, WrongLengthsFailTheReadWithoutARecord) {
  Rig rig(idcard_sim::Fault::wrong_length);
  rig.session.poll_once();
  rig.model.present(0);
  auto failed = rig.expect<idcard::CardReadFailed>(rig.session.poll_once());
  EXPECT_EQ(failed.reason.code, idcard::ErrorCode::bad_length);
}

TEST(IdcardSession, NoCardMeansNoEvents) {
  Rig rig(idcard_sim::Fault::no_card);
  rig.session.poll_once();
  rig.model.present(0);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(rig.session.poll_once());
}

TEST(IdcardSession, UnplugReportsDisconnectedOnceAndReconnects) {
  Rig rig(idcard_sim::Fault::none);
  rig.expect<idcard::ReaderConnected>(rig.session.poll_once());
  rig.stream->unplugged = true;
  rig.fail_open = true;
  auto d = rig.expect<idcard::ReaderDisconnected>(rig.session.poll_once());
  EXPECT_EQ(d.reason.code, idcard::ErrorCode::disconnected);
  EXPECT_FALSE(rig.session.poll_once());
  EXPECT_FALSE(rig.session.poll_once());
  rig.fail_open = false;
  rig.expect<idcard::ReaderConnected>(rig.session.poll_once());
}

TEST(IdcardSession, RunLoopSleepsThroughTheClock) {
  idcard::SessionOptions o;
  o.poll_interval = 123ms;
  Rig rig(idcard_sim::Fault::none, o);
  rig.model.present(0);
  std::atomic<bool> stop{false};
  std::vector<idcard::DeviceEvent> events;
  rig.session.run(stop, [&](idcard::DeviceEvent e) {
    events.push_back(std::move(e));
    if (events.size() == 2) stop = true;
  });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<idcard::ReaderConnected>(events[0]));
  EXPECT_TRUE(std::holds_alternative<idcard::CardRead>(events[1]));
  EXPECT_EQ(rig.clock.sleeps, (std::vector{123ms, 123ms}));
}

TEST(IdcardSession, FingerprintReadsUseThe3010Command) {
  idcard::SessionOptions o;
  o.reader.fingerprint = true;
  Rig rig(idcard_sim::Fault::none, o);
  rig.session.poll_once();
  rig.model.present(0);
  auto read = rig.expect<idcard::CardRead>(rig.session.poll_once());
  EXPECT_EQ(read.card.fingerprint.size(), 1024u);
}

}  // namespace
