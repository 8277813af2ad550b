// Technician PIN: salted hash round trip, and the lockout rule on an
// injected clock (5 wrong PINs lock entry for 5 minutes; a lock is not
// extended or counted by attempts made while locked).
#include "config/technician/pin.hpp"

#include <gtest/gtest.h>

namespace {

namespace tp = config::technician;
using namespace std::chrono_literals;
const tp::Time t0{std::chrono::seconds{1'800'000'000}};

TEST(TechnicianPin, HashRoundTripAndRefusals) {
  const auto h = tp::hash_pin("482916", 2000);
  ASSERT_TRUE(h) << h.error();
  EXPECT_TRUE(tp::is_pin_hash(*h));
  EXPECT_TRUE(tp::pin_matches("482916", *h));
  EXPECT_FALSE(tp::pin_matches("482917", *h));
  EXPECT_NE(*h, *tp::hash_pin("482916", 2000)) << "salts must differ";
  EXPECT_EQ(*tp::hash_pin("482916", 2000, "00112233"), *tp::hash_pin("482916", 2000, "00112233"));
  EXPECT_FALSE(tp::hash_pin("123"));
  EXPECT_FALSE(tp::is_pin_hash("482916"));
  EXPECT_FALSE(tp::is_pin_hash("pbkdf2-sha256$10$00$00"));
  EXPECT_FALSE(tp::pin_matches("482916", "pbkdf2-sha256$2000$zz$00"));
}

TEST(TechnicianPin, LocksOutAfterRepeatedWrongPinsAndUnlocksWithTime) {
  tp::LockoutState s;
  for (int i = 1; i <= 4; ++i) {
    const auto d = tp::attempt(s, false, t0 + std::chrono::seconds(i));
    EXPECT_EQ(d.entry, tp::Entry::wrong_pin);
    EXPECT_EQ(d.attempts_left, 5 - i);
    s = d.next;
  }
  auto d = tp::attempt(s, false, t0 + 10s);
  EXPECT_EQ(d.entry, tp::Entry::locked);
  EXPECT_EQ(d.retry_in, 300s);
  s = d.next;
  // Even the right PIN is refused while locked, and the lock is not extended.
  d = tp::attempt(s, true, t0 + 309s);
  EXPECT_EQ(d.entry, tp::Entry::locked);
  EXPECT_EQ(d.retry_in, 1s);
  d = tp::attempt(d.next, true, t0 + 310s);
  EXPECT_EQ(d.entry, tp::Entry::granted);
  EXPECT_EQ(d.next.failures, 0);
}

TEST(TechnicianPin, ASuccessResetsTheCount) {
  auto d = tp::attempt({}, false, t0);
  d = tp::attempt(d.next, false, t0 + 1s);
  d = tp::attempt(d.next, true, t0 + 2s);
  EXPECT_EQ(d.entry, tp::Entry::granted);
  d = tp::attempt(d.next, false, t0 + 3s);
  EXPECT_EQ(d.attempts_left, 4);
}

}  // namespace
