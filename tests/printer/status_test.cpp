// DLE EOT / ASB / GS r status parsing, including replies interleaved on
// one input pipe.
#include "drivers/printer/status.hpp"

#include <gtest/gtest.h>

namespace {

using printer::PrinterEvent;
using printer::Status;
using printer::StatusQuery;
using printer::StatusStream;

TEST(PrinterStatus, QueriesAreDleEot) {
  EXPECT_EQ(printer::realtime_query(StatusQuery::paper),
            (std::vector<std::uint8_t>{0x10, 0x04, 4}));
  EXPECT_EQ(printer::transmit_paper_status(), (std::vector<std::uint8_t>{0x1D, 0x72, 1}));
}

TEST(PrinterStatus, EachQueryReadsItsBits) {
  Status s;
  ASSERT_TRUE(apply_realtime_reply(StatusQuery::printer, 0x1A, s));  // bit3
  EXPECT_TRUE(s.offline);
  ASSERT_TRUE(apply_realtime_reply(StatusQuery::offline_cause, 0x16, s));  // bit2
  EXPECT_TRUE(s.cover_open);
  ASSERT_TRUE(apply_realtime_reply(StatusQuery::error_cause, 0x1A, s));  // bit3
  EXPECT_TRUE(s.cutter_error);
  ASSERT_TRUE(apply_realtime_reply(StatusQuery::error_cause, 0x32, s));  // bit5
  EXPECT_TRUE(s.unrecoverable_error);
  EXPECT_FALSE(s.cutter_error);
  ASSERT_TRUE(apply_realtime_reply(StatusQuery::paper, 0x1E, s));  // bits2-3
  EXPECT_TRUE(s.paper_near_end);
  EXPECT_FALSE(s.paper_out);
  ASSERT_TRUE(apply_realtime_reply(StatusQuery::paper, 0x72, s));  // bits5-6
  EXPECT_TRUE(s.paper_out);
  EXPECT_FALSE(s.paper_near_end);
  EXPECT_FALSE(s.ready());
}

TEST(PrinterStatus, AllClearIsReady) {
  Status s;
  for (auto q : {StatusQuery::printer, StatusQuery::offline_cause, StatusQuery::error_cause,
                 StatusQuery::paper}) {
    ASSERT_TRUE(apply_realtime_reply(q, 0x12, s));
  }
  EXPECT_TRUE(s.ready());
  EXPECT_TRUE(printer::events_of(s).empty());
}

TEST(PrinterStatus, FixedBitsAreChecked) {
  Status s;
  for (std::uint8_t b : {0x00, 0x10, 0x02, 0x13, 0x92, 0xFF}) {
    auto r = apply_realtime_reply(StatusQuery::paper, b, s);
    ASSERT_FALSE(r) << int(b);
    EXPECT_EQ(r.error().code, printer::ErrorCode::status_invalid);
  }
}

TEST(PrinterStatus, AsbBlock) {
  Status s;
  const std::uint8_t asb[4] = {0x10 | 0x08 | 0x20, 0x08, 0x0C, 0x00};
  ASSERT_TRUE(apply_asb(std::span<const std::uint8_t, 4>(asb, 4), s));
  EXPECT_TRUE(s.offline);
  EXPECT_TRUE(s.cover_open);
  EXPECT_TRUE(s.cutter_error);
  EXPECT_TRUE(s.paper_out);
  const std::uint8_t bad[4] = {0x10, 0x10, 0, 0};
  EXPECT_FALSE(apply_asb(std::span<const std::uint8_t, 4>(bad, 4), s));
}

TEST(PrinterStatus, EventsForEveryFaultWithMessagesInBothLanguages) {
  Status s;
  s.offline = true;
  EXPECT_EQ(printer::events_of(s), std::vector<PrinterEvent>{PrinterEvent::offline});
  s.cover_open = s.paper_out = s.cutter_error = s.paper_near_end = true;
  // Offline is implied by the causes and not repeated; near end is moot when out.
  EXPECT_EQ(printer::events_of(s),
            (std::vector<PrinterEvent>{PrinterEvent::cover_open, PrinterEvent::paper_out,
                                       PrinterEvent::cutter_error}));
  s = {};
  s.paper_near_end = true;
  EXPECT_EQ(printer::events_of(s), std::vector<PrinterEvent>{PrinterEvent::paper_near_end});
  EXPECT_TRUE(s.ready());
  for (auto e : {PrinterEvent::paper_near_end, PrinterEvent::paper_out, PrinterEvent::cover_open,
                 PrinterEvent::cutter_error, PrinterEvent::offline}) {
    const auto m = printer::message(e);
    EXPECT_GT(std::string(m.zh).size(), 0u);
    EXPECT_GT(std::string(m.en).size(), 0u);
    EXPECT_NE(std::string(m.zh), std::string(m.en));
  }
}

TEST(PrinterStatus, StreamSortsInterleavedReplies) {
  StatusStream st;
  st.expect(StatusQuery::printer);
  st.expect(StatusQuery::paper);
  st.expect_transmit();
  // XOFF, ASB (paper near end), DLE EOT 1 reply, GS r reply, XON, DLE EOT 4 reply.
  const std::uint8_t in[] = {0x13, 0x10, 0x00, 0x03, 0x00, 0x12, 0x00, 0x11, 0x72};
  st.feed(in);
  EXPECT_EQ(st.asb_received(), 1);
  EXPECT_EQ(st.realtime_answered(), 2);
  EXPECT_EQ(st.transmit_answered(), 1);
  EXPECT_EQ(st.realtime_pending(), 0u);
  EXPECT_EQ(st.ignored_bytes(), 0);
  EXPECT_TRUE(st.status().paper_out);
  EXPECT_FALSE(st.status().offline);
}

TEST(PrinterStatus, StreamAcceptsAsbSplitAcrossReads) {
  StatusStream st;
  const std::uint8_t a[] = {0x18, 0x00};
  const std::uint8_t b[] = {0x00, 0x00};
  st.feed(a);
  EXPECT_EQ(st.asb_received(), 0);
  st.feed(b);
  EXPECT_EQ(st.asb_received(), 1);
  EXPECT_TRUE(st.status().offline);
}

TEST(PrinterStatus, UnaskedRealtimeReplyIsIgnored) {
  StatusStream st;
  const std::uint8_t in[] = {0x1A};
  st.feed(in);
  EXPECT_EQ(st.ignored_bytes(), 1);
  EXPECT_FALSE(st.status().offline);
}

}  // namespace
