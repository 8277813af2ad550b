// Card checks: GB 11643 check digit, the four card types, expiry; masking.
#include "kiosk/core/citizen.hpp"
#include "kiosk/core/qr.hpp"

#include <gtest/gtest.h>

namespace {

const core::WallClock kToday{2026, 11, 28, 10, 0, 6};

core::Citizen card(std::string type, std::string number, std::string valid_until = "20300101") {
  return core::Citizen{"李四", std::move(number), std::move(type), "", std::move(valid_until)};
}

TEST(Citizen, CheckDigitFollowsGb11643) {
  EXPECT_TRUE(core::id_check_digit_ok("11010519491231002X"));
  EXPECT_TRUE(core::id_check_digit_ok("11010519491231002x"));  // lower-case X as typed
  EXPECT_TRUE(core::id_check_digit_ok("650102199001011239"));
  EXPECT_FALSE(core::id_check_digit_ok("650102199001011234"));  // wrong check digit
  EXPECT_FALSE(core::id_check_digit_ok("65010219900101123"));   // too short
  EXPECT_FALSE(core::id_check_digit_ok("6501021990010112A9"));  // a letter in the body
}

TEST(Citizen, AllFourCardTypesAreAccepted) {
  EXPECT_EQ(core::check_card(card("resident", "650102199001011239"), kToday),
            core::CardProblem::none);
  EXPECT_EQ(core::check_card(card("hk_macau_taiwan_residence", "810000199001011230"), kToday),
            core::CardProblem::none);
  EXPECT_EQ(core::check_card(card("foreign_permanent", "931156198501010016"), kToday),
            core::CardProblem::none);
  EXPECT_EQ(core::check_card(card("old_foreign_permanent", "USA110085010101"), kToday),
            core::CardProblem::none);
}

TEST(Citizen, AFailedCheckDigitOrShapeIsRefused) {
  EXPECT_EQ(core::check_card(card("resident", "650102199001011234"), kToday),
            core::CardProblem::bad_number);
  EXPECT_EQ(core::check_card(card("foreign_permanent", "931156198501010011"), kToday),
            core::CardProblem::bad_number);
  EXPECT_EQ(core::check_card(card("old_foreign_permanent", "us1110085010101"), kToday),
            core::CardProblem::bad_number);
  EXPECT_STREQ(core::text_id(core::CardProblem::bad_number), "identify.error.bad_number");
}

TEST(Citizen, ACardIsValidThroughItsLastDayAndLongTermNeverExpires) {
  EXPECT_EQ(core::check_card(card("resident", "650102199001011239", "20261128"), kToday),
            core::CardProblem::none);
  EXPECT_EQ(core::check_card(card("resident", "650102199001011239", "20261127"), kToday),
            core::CardProblem::expired);
  EXPECT_EQ(core::check_card(card("resident", "650102199001011239", "长期"), kToday),
            core::CardProblem::none);
  EXPECT_STREQ(core::text_id(core::CardProblem::expired), "identify.error.expired");
}

TEST(Citizen, MasksKeepOnlyWhatIdentifiesNobody) {
  EXPECT_EQ(core::mask_id("650102199001011239"), "6501**********1239");
  EXPECT_EQ(core::mask_id("123"), "***");
  EXPECT_EQ(core::mask_name("张三丰"), "张**");
  EXPECT_EQ(core::mask_name("李"), "李*");
}

TEST(Qr, ReadsTheKiosksOwnSlips) {
  using K = core::QrCode::Kind;
  EXPECT_EQ(core::parse_qr("https://zwfw.example.gov.cn/appt/AP7Q3K"),
            (core::QrCode{K::appointment, "AP7Q3K"}));
  EXPECT_EQ(core::parse_qr("https://zwfw.example.gov.cn/q/A042?h=B2"),
            (core::QrCode{K::ticket, "A042"}));
  EXPECT_EQ(core::parse_qr("https://zwfw.example.gov.cn/case/YS2026112700042"),
            (core::QrCode{K::case_number, "YS2026112700042"}));
  EXPECT_EQ(core::parse_qr(core::qr_url("https://x.gov.cn", K::ticket, "B7")).value, "B7");
}

TEST(Qr, RefusesAnythingElse) {
  EXPECT_EQ(core::parse_qr("").kind, core::QrCode::Kind::none);
  EXPECT_EQ(core::parse_qr("AP7Q3K").kind, core::QrCode::Kind::none);
  EXPECT_EQ(core::parse_qr("https://evil.example/appt/").kind, core::QrCode::Kind::none);
  EXPECT_EQ(core::parse_qr("https://x/appt/AB%20CD").kind, core::QrCode::Kind::none);
  EXPECT_EQ(core::parse_qr("https://x/case/" + std::string(41, 'A')).kind,
            core::QrCode::Kind::none);
  EXPECT_EQ(core::parse_qr("ftp://x/case/A1").kind, core::QrCode::Kind::none);
  EXPECT_EQ(core::parse_qr("https://x").kind, core::QrCode::Kind::none);
}

}  // namespace
