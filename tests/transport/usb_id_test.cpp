#include "drivers/transport/usb_bulk.hpp"

#include <gtest/gtest.h>

TEST(TransportUsbId, ParsesHexVidPid) {
  auto id = transport::parse_usb_id("0400:C35A");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->vid, 0x0400);
  EXPECT_EQ(id->pid, 0xC35A);
  EXPECT_EQ(transport::to_string(*id), "0400:c35a");
}

TEST(TransportUsbId, RejectsMalformedIds) {
  for (const char* bad : {"", "0400", "0400:", ":c35a", "0400:c35a0", "04g0:c35a", "0400-c35a"}) {
    auto id = transport::parse_usb_id(bad);
    ASSERT_FALSE(id) << bad;
    EXPECT_EQ(id.error().code, transport::ErrorCode::invalid_argument);
  }
}

TEST(TransportUsbId, OpeningAnAbsentDeviceFailsCleanly) {
  // FFFF:FFFE is reserved and never on a real bus.
  auto s = transport::UsbBulkStream::open({.id = {0xFFFF, 0xFFFE}});
  ASSERT_FALSE(s);
  EXPECT_TRUE(s.error().code == transport::ErrorCode::not_found ||
              s.error().code == transport::ErrorCode::io)
      << s.error().detail;
}

TEST(TransportErrors, EveryCodeHasAName) {
  using transport::ErrorCode;
  for (auto c : {ErrorCode::timeout, ErrorCode::disconnected, ErrorCode::io, ErrorCode::not_found,
                 ErrorCode::access_denied, ErrorCode::busy, ErrorCode::invalid_argument}) {
    EXPECT_STRNE(transport::to_string(c), "unknown");
  }
}
