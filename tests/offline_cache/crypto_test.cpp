#include "offline_cache/crypto.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>

using namespace offline_cache;
using namespace offline_cache::testing;

TEST(OfflineCacheCrypto, SealOpenRoundTrip) {
  const Key k = test_key();
  const auto plain = bytes("张三 650102199003071234");
  auto sealed = seal(k, "item=1", plain);
  ASSERT_TRUE(sealed) << describe(sealed.error());
  EXPECT_EQ(sealed->size(), plain.size() + kSealOverhead);
  auto opened = open_sealed(k, "item=1", *sealed);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, bytes("张三 650102199003071234"));
}

TEST(OfflineCacheCrypto, EachSealUsesAFreshNonce) {
  const Key k = test_key();
  auto a = seal(k, "item=1", bytes("same"));
  auto b = seal(k, "item=1", bytes("same"));
  ASSERT_TRUE(a && b);
  EXPECT_NE(std::vector<std::uint8_t>(a->begin(), a->begin() + kNonceBytes),
            std::vector<std::uint8_t>(b->begin(), b->begin() + kNonceBytes));
  EXPECT_NE(*a, *b);
}

TEST(OfflineCacheCrypto, AssociatedDataBindsTheItem) {
  const Key k = test_key();
  auto sealed = seal(k, "item=1", bytes("payload"));
  ASSERT_TRUE(sealed);
  auto moved = open_sealed(k, "item=2", *sealed);
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().code, ErrorCode::decrypt_failed);
}

TEST(OfflineCacheCrypto, WrongKeyAndTamperingFail) {
  auto sealed = seal(test_key(1), "a", bytes("payload"));
  ASSERT_TRUE(sealed);
  EXPECT_FALSE(open_sealed(test_key(2), "a", *sealed));
  for (std::size_t i : {std::size_t{0}, kNonceBytes, sealed->size() - 1}) {
    auto copy = *sealed;
    copy[i] ^= 0x01;
    EXPECT_FALSE(open_sealed(test_key(1), "a", copy)) << "flipped byte " << i;
  }
  EXPECT_FALSE(open_sealed(test_key(1), "a", std::vector<std::uint8_t>(5)));
}

TEST(OfflineCacheCrypto, EmptyPlaintextRoundTrips) {
  auto sealed = seal(test_key(), "x", {});
  ASSERT_TRUE(sealed);
  auto opened = open_sealed(test_key(), "x", *sealed);
  ASSERT_TRUE(opened);
  EXPECT_TRUE(opened->empty());
}
