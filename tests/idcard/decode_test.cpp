// Decoding of the four card layouts. The resident and residence-permit
// blocks are built here at literal byte offsets (not through the library's
// layout table), so a wrong offset in the library cannot hide itself.
#include "drivers/idcard/decode.hpp"
#include "drivers/idcard/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using Bytes = std::vector<std::uint8_t>;

namespace {

struct Block {
  Bytes b = idcard::utf8_to_ucs2le("", 256);
  Block& at(std::size_t off, std::size_t len, const char* text) {
    auto f = idcard::utf8_to_ucs2le(text, len);
    std::copy(f.begin(), f.end(), b.begin() + static_cast<std::ptrdiff_t>(off));
    return *this;
  }
};

Block resident_block() {
  Block k;
  k.at(0, 30, "王堃")
      .at(30, 2, "1")
      .at(32, 4, "01")
      .at(36, 16, "19900307")
      .at(52, 70, "新疆乌鲁木齐市天山区喆园路1号赟楼")
      .at(122, 36, "650102199003071235")
      .at(158, 30, "乌鲁木齐市公安局天山分局")
      .at(188, 16, "20150101")
      .at(204, 16, "20350101");
  return k;
}

TEST(IdcardDecode, ResidentCardWithRareCharacters) {
  auto r = idcard::decode_text(resident_block().b, {.today = "20260101"});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->type, idcard::CardType::resident);
  EXPECT_EQ(r->name, "王堃");
  EXPECT_EQ(r->sex, "男");
  EXPECT_EQ(r->nation, "汉");
  EXPECT_EQ(r->birth, "19900307");
  EXPECT_EQ(r->address, "新疆乌鲁木齐市天山区喆园路1号赟楼");
  EXPECT_EQ(r->id_number, "650102199003071235");
  EXPECT_EQ(r->issuer, "乌鲁木齐市公安局天山分局");
  EXPECT_EQ(r->valid_from, "20150101");
  EXPECT_EQ(r->valid_to, "20350101");
  EXPECT_FALSE(r->long_term);
  EXPECT_FALSE(r->expired);
}

TEST(IdcardDecode, LongTermValidityIsNotExpired) {
  auto k = resident_block();
  k.at(204, 16, "长期").at(0, 30, "张䶮龑");
  auto r = idcard::decode_text(k.b, {.today = "20990101"});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_TRUE(r->long_term);
  EXPECT_FALSE(r->expired);
  EXPECT_EQ(r->valid_to, "长期");
  EXPECT_EQ(r->name, "张䶮龑");
}

TEST(IdcardDecode, ExpiredCardIsFlaggedNotRejected) {
  auto r = idcard::decode_text(resident_block().b, {.today = "20350102"});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->expired);
  auto same_day = idcard::decode_text(resident_block().b, {.today = "20350101"});
  EXPECT_FALSE(same_day->expired);
}

TEST(IdcardDecode, BadCheckDigitAndBadDatesAreRejected) {
  auto k = resident_block();
  k.at(122, 36, "650102199003071236");
  auto r = idcard::decode_text(k.b);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, idcard::ErrorCode::invalid_record);
  // The detail goes to logs: it must not carry the number itself.
  EXPECT_EQ(r.error().detail.find("650102"), std::string::npos);

  auto d = resident_block();
  d.at(204, 16, "20350231");
  EXPECT_EQ(idcard::decode_text(d.b).error().code, idcard::ErrorCode::invalid_record);
  auto n = resident_block();
  n.at(32, 4, "57");
  EXPECT_EQ(idcard::decode_text(n.b).error().code, idcard::ErrorCode::invalid_record);
  auto b = resident_block();
  b.at(36, 16, "19900308");  // disagrees with the ID number
  EXPECT_EQ(idcard::decode_text(b.b).error().code, idcard::ErrorCode::invalid_record);
}

TEST(IdcardDecode, HongKongMacaoTaiwanPermit) {
  Block k;
  k.at(0, 30, "陈喆")
      .at(30, 2, "2")
      .at(36, 16, "19950520")
      .at(52, 70, "广东省深圳市福田区样本路3号堃苑")
      .at(122, 36, "81000019950520321X")
      .at(158, 30, "深圳市公安局福田分局")
      .at(188, 16, "20200601")
      .at(204, 16, "20250601")
      .at(220, 18, "H12345678")
      .at(238, 4, "01")
      .at(248, 2, "J");
  auto r = idcard::decode_text(k.b, {.today = "20260101"});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->type, idcard::CardType::hk_mo_tw_permit);
  EXPECT_EQ(r->name, "陈喆");
  EXPECT_EQ(r->sex, "女");
  EXPECT_EQ(r->nation, "");
  EXPECT_EQ(r->id_number, "81000019950520321X");
  EXPECT_EQ(r->pass_number, "H12345678");
  EXPECT_EQ(r->issue_count, "01");
  EXPECT_TRUE(r->expired);
}

TEST(IdcardDecode, ForeignPermanentResidence2017) {
  Block k;
  k.at(0, 120, "SAMPLE, JOHN TESTER")
      .at(120, 2, "1")
      .at(122, 30, "USA118502150014")
      .at(152, 6, "USA")
      .at(158, 30, "山姆")
      .at(188, 16, "20180301")
      .at(204, 16, "20280301")
      .at(220, 16, "19850215")
      .at(236, 4, "01")
      .at(240, 8, "1100")
      .at(248, 2, "I");
  auto r = idcard::decode_text(k.b, {.today = "20260101"});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->type, idcard::CardType::foreign_permanent_2017);
  EXPECT_EQ(r->name_en, "SAMPLE, JOHN TESTER");
  EXPECT_EQ(r->name, "山姆");
  EXPECT_EQ(r->nation, "USA");
  EXPECT_EQ(r->birth, "19850215");
  EXPECT_EQ(r->id_number, "USA118502150014");
  EXPECT_EQ(r->card_version, "01");
  EXPECT_EQ(r->issuer, "1100");
}

TEST(IdcardDecode, ForeignPermanentResidence2023WithLongEnglishName) {
  Block k;
  k.at(0, 30, "安娜·龑")
      .at(30, 2, "2")
      .at(32, 4, "00")
      .at(36, 16, "19850215")
      .at(52, 70, "TESTOVA, ANNA MARIA EKATERINA VERYL")  // first 35 characters
      .at(122, 36, "911643198502150012")
      .at(188, 16, "20231201")
      .at(204, 16, "20331201")
      .at(220, 22, "ONGNAME")
      .at(242, 6, "RUS")
      .at(248, 2, "Y");
  auto r = idcard::decode_text(k.b, {.today = "20260101"});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->type, idcard::CardType::foreign_permanent_2023);
  EXPECT_EQ(r->name, "安娜·龑");
  EXPECT_EQ(r->name_en, "TESTOVA, ANNA MARIA EKATERINA VERYLONGNAME");
  EXPECT_EQ(r->nation, "RUS");
  EXPECT_EQ(r->id_number, "911643198502150012");
  EXPECT_EQ(r->issue_count, "00");
}

TEST(IdcardDecode, EncoderAgreesWithDecoderForEveryLayout) {
  for (auto type : {idcard::CardType::resident, idcard::CardType::hk_mo_tw_permit}) {
    auto base = idcard::decode_text(resident_block().b);
    ASSERT_TRUE(base);
    base->type = type;
    auto again = idcard::decode_text(idcard::encode_text(*base));
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(again->type, type);
    EXPECT_EQ(again->address, base->address);
  }
}

TEST(IdcardDecode, UnknownTypeMarkIsReported) {
  auto k = resident_block();
  k.at(248, 2, "Q");
  EXPECT_EQ(idcard::decode_text(k.b).error().code, idcard::ErrorCode::unknown_card_type);
}

Bytes read_answer(std::size_t text_len, std::size_t photo_len, std::size_t actual_photo) {
  Bytes d = {static_cast<std::uint8_t>(text_len >> 8), static_cast<std::uint8_t>(text_len),
             static_cast<std::uint8_t>(photo_len >> 8), static_cast<std::uint8_t>(photo_len)};
  auto t = resident_block().b;
  d.insert(d.end(), t.begin(), t.end());
  d.insert(d.end(), actual_photo, 0x77);
  return d;
}

TEST(IdcardDecode, ReadAnswerKeepsThePhotoOpaque) {
  auto r = idcard::decode_read_answer(read_answer(256, 1024, 1024), false);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->photo_wlt, Bytes(1024, 0x77));
}

TEST(IdcardDecode, ReadAnswerWithWrongLengthsNeverGivesHalfARecord) {
  auto short_photo = idcard::decode_read_answer(read_answer(256, 1024, 1000), false);
  ASSERT_FALSE(short_photo);
  EXPECT_EQ(short_photo.error().code, idcard::ErrorCode::bad_length);
  auto long_photo = idcard::decode_read_answer(read_answer(256, 1024, 1030), false);
  EXPECT_EQ(long_photo.error().code, idcard::ErrorCode::bad_length);
  auto short_text = idcard::decode_read_answer(read_answer(200, 1024, 1080), false);
  EXPECT_EQ(short_text.error().code, idcard::ErrorCode::bad_length);
  auto fp_missing = idcard::decode_read_answer(read_answer(256, 1024, 1024), true);
  EXPECT_FALSE(fp_missing);
}

TEST(IdcardDecode, EveryErrorHasChineseAndEnglishText) {
  for (int c = 0; c <= static_cast<int>(idcard::ErrorCode::invalid_record); ++c) {
    auto code = static_cast<idcard::ErrorCode>(c);
    EXPECT_STRNE(idcard::to_string(code), "unknown");
    EXPECT_GT(std::string(idcard::message_zh(code)).size(), 6u);
    EXPECT_GT(std::string(idcard::message_en(code)).size(), 6u);
  }
}

}  // namespace
