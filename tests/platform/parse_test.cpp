// Wire parsers on hand-written answers: the good shape, and the ways an
// answer can be wrong.
#include "kiosk/platform/parse.hpp"
#include "kiosk/platform/http.hpp"

#include <gtest/gtest.h>

namespace kp = kiosk::platform;
namespace wire = kiosk::platform::wire;

TEST(PlatformParse, TicketRoundTrip) {
  auto t = wire::parse_ticket(
      R"({"ticket_number":"A007","hall_code":"HALL-01","item_code":"x","window_group":"A",)"
      R"("windows":["A01","A02"],"priority":"normal","waiting_count":6,"estimated_wait_minutes":24})");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->ticket_number, "A007");
  EXPECT_EQ(t->windows.size(), 2u);
  EXPECT_EQ(t->waiting_count, 6);
}

TEST(PlatformParse, RejectsNegativeWaitingCount) {
  auto t = wire::parse_ticket(
      R"({"ticket_number":"A007","hall_code":"H","item_code":"x","window_group":"A",)"
      R"("priority":"normal","waiting_count":-1,"estimated_wait_minutes":0})");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().find("waiting_count"), std::string::npos);
}

TEST(PlatformParse, RejectsMissingFieldAndNamesIt) {
  auto p = wire::parse_ping(R"({"status":"ok"})");
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), "ping.terminal_id is missing");
}

TEST(PlatformParse, RejectsTrailingGarbageAndDeepNesting) {
  EXPECT_FALSE(wire::parse_ping(R"({"status":"ok","terminal_id":"t","server_time":"x"} trailing)"));
  EXPECT_FALSE(wire::parse_ping(std::string(100000, '[')));
}

TEST(PlatformParse, CaseStatusNeedsAtLeastOneStage) {
  EXPECT_FALSE(wire::parse_case_status(
      R"({"case_number":"1","item_code":"x","status":"received","stages":[]})"));
}

TEST(PlatformParse, CaseList) {
  auto list = wire::parse_case_list(
      R"({"cases":[{"case_number":"1","item_code":"x","status":"received",)"
      R"("stages":[{"stage":"received","at":"2025-01-06T10:02:00+08:00"}]}]})");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].stages[0].stage, "received");
  auto empty = wire::parse_case_list(R"({"cases":[]})");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(wire::parse_case_list(R"({"cases":[{"case_number":"1"}]})"));
  EXPECT_FALSE(wire::parse_case_list(R"({"items":[]})"));
}

TEST(PlatformParse, ProblemWithFieldReasons) {
  kp::Error e;
  ASSERT_TRUE(wire::parse_problem(
      R"({"type":"t","title":"bad","status":422,"code":"validation_failed",)"
      R"("errors":[{"field":"applicant.phone","reason":"not a phone","reason_zh":"不是手机号"}, 7]})",
      e));
  EXPECT_EQ(e.problem_code, "validation_failed");
  ASSERT_EQ(e.fields.size(), 1u);  // the junk entry is skipped
  EXPECT_EQ(e.fields[0].field, "applicant.phone");
}

TEST(PlatformParse, ClassifiesStatuses) {
  kp::HttpResponse r;
  r.status = 401;
  EXPECT_EQ(kp::classify_status(r).cls, kp::FailureClass::authentication);
  r.status = 404;
  EXPECT_EQ(kp::classify_status(r).cls, kp::FailureClass::permanent);
  r.status = 502;
  EXPECT_EQ(kp::classify_status(r).cls, kp::FailureClass::retry_later);
  r.status = 429;
  r.retry_after = std::chrono::seconds(9);
  auto e = kp::classify_status(r);
  EXPECT_EQ(e.code, kp::ErrorCode::rate_limited);
  EXPECT_EQ(e.retry_after, std::chrono::seconds(9));
}

TEST(PlatformParse, EveryErrorCodeHasBothLanguages) {
  for (int c = 0; c <= static_cast<int>(kp::ErrorCode::config); ++c) {
    auto m = kp::message(static_cast<kp::ErrorCode>(c));
    EXPECT_GT(std::string(m.zh).size(), 3u);
    EXPECT_GT(std::string(m.en).size(), 3u);
  }
}

TEST(PlatformParse, ServiceItemNeedsItsFieldsAndAKnownTripsValue) {
  const std::string good =
      R"({"item_code":"650100-GA-0004","name_zh":"无犯罪记录证明开具","name_en":"Certificate",)"
      R"("department_code":"GA","department_zh":"公安局","category":"证明","conditions":[],)"
      R"("materials":[{"material_code":"M1","name_zh":"身份证","required":true,"form":"original"}],)"
      R"("legal_time_limit_days":5,"promised_time_limit_days":1,)"
      R"("fee":{"charged":false,"amount_yuan":0},"trips":"zero","online_pre_acceptance":true,)"
      R"("appointment":false,"windows":[{"hall_code":"HALL-01","window_code":"A01"}]})";
  auto it = wire::parse_service_item(good);
  ASSERT_TRUE(it) << it.error();
  EXPECT_EQ(it->item_code, "650100-GA-0004");
  ASSERT_EQ(it->materials.size(), 1u);
  EXPECT_EQ(it->windows.size(), 1u);

  std::string bad_trips = good;
  bad_trips.replace(bad_trips.find("\"zero\""), 6, "\"many\"");
  auto b = wire::parse_service_item(bad_trips);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error(), "item.trips is not zero, one or more");
  EXPECT_FALSE(wire::parse_service_item(R"({"item_code":"x"})"));
}
