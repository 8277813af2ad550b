#include "drivers/idcard/decode.hpp"

#include "drivers/idcard/layout.hpp"
#include "drivers/idcard/text.hpp"
#include "drivers/idcard/validate.hpp"

#include <algorithm>
#include <array>

namespace idcard {
namespace {

using layout::Field;

std::string field(std::span<const std::uint8_t> text, Field f) {
  return ucs2le_to_utf8(text.subspan(f.offset, f.size));
}

void put(std::vector<std::uint8_t>& text, Field f, std::string_view value) {
  auto bytes = utf8_to_ucs2le(value, f.size);
  std::copy(bytes.begin(), bytes.end(), text.begin() + static_cast<std::ptrdiff_t>(f.offset));
}

Error invalid(std::string detail) {
  return Error{ErrorCode::invalid_record, 0, std::move(detail)};
}

constexpr std::array<std::string_view, 56> kNations = {
    "汉",     "蒙古",   "回",       "藏",     "维吾尔",   "苗",   "彝",     "壮",
    "布依",   "朝鲜",   "满",       "侗",     "瑶",       "白",   "土家",   "哈尼",
    "哈萨克", "傣",     "黎",       "傈僳",   "佤",       "畲",   "高山",   "拉祜",
    "水",     "东乡",   "纳西",     "景颇",   "柯尔克孜", "土",   "达斡尔", "仫佬",
    "羌",     "布朗",   "撒拉",     "毛南",   "仡佬",     "锡伯", "阿昌",   "普米",
    "塔吉克", "怒",     "乌孜别克", "俄罗斯", "鄂温克",   "德昂", "保安",   "裕固",
    "京",     "塔塔尔", "独龙",     "鄂伦春", "赫哲",     "门巴", "珞巴",   "基诺"};

void fill_sex(CardRecord& r, const std::string& code) {
  r.sex_code = code.empty() ? '0' : code[0];
  r.sex = r.sex_code == '1' ? "男" : r.sex_code == '2' ? "女" : "未知";
}

// Common date checks; `today` empty means "do not judge expiry".
kx::expected<void, Error> check_dates(CardRecord& r, const DecodeOptions& o) {
  if (!valid_date(r.birth)) return kx::unexpected(invalid("birth date is not a valid date"));
  if (!valid_date(r.valid_from)) return kx::unexpected(invalid("valid-from is not a valid date"));
  r.long_term = r.valid_to == kLongTerm;
  if (!r.long_term) {
    if (!valid_date(r.valid_to))
      return kx::unexpected(invalid("valid-to is neither a date nor 长期"));
    if (r.valid_to < r.valid_from) return kx::unexpected(invalid("valid-to precedes valid-from"));
    r.expired = !o.today.empty() && r.valid_to < o.today;
  }
  if (r.valid_from < r.birth) return kx::unexpected(invalid("valid-from precedes birth"));
  return {};
}

}  // namespace

const char* to_string(CardType type) {
  switch (type) {
    case CardType::resident:
      return "resident";
    case CardType::hk_mo_tw_permit:
      return "hk_mo_tw_permit";
    case CardType::foreign_permanent_2017:
      return "foreign_permanent_2017";
    case CardType::foreign_permanent_2023:
      return "foreign_permanent_2023";
  }
  return "unknown";
}

void CardRecord::wipe() {
  for (std::string* s : {&name, &name_en, &sex, &nation_code, &nation, &birth, &address,
                         &appended_address, &id_number, &issuer, &valid_from, &valid_to,
                         &pass_number, &issue_count, &card_version, &previous_id_link}) {
    std::fill(s->begin(), s->end(), '\0');
    s->clear();
  }
  std::fill(photo_wlt.begin(), photo_wlt.end(), 0);
  photo_wlt.clear();
  std::fill(fingerprint.begin(), fingerprint.end(), 0);
  fingerprint.clear();
  sex_code = '0';
}

std::string nation_name(std::string_view code) {
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
    return {};
  int n = (code[0] - '0') * 10 + (code[1] - '0');
  if (n < 1 || n > 56) return {};
  return std::string(kNations[static_cast<std::size_t>(n - 1)]);
}

kx::expected<CardRecord, Error> decode_text(std::span<const std::uint8_t> text,
                                            const DecodeOptions& options) {
  if (text.size() < layout::kTextSize) {
    return kx::unexpected(Error{ErrorCode::bad_length, 0, "text block shorter than 256 bytes"});
  }
  text = text.first(layout::kTextSize);
  CardRecord r;
  const std::uint8_t mark = text[layout::kTypeMark.offset];
  const std::uint8_t mark_hi = text[layout::kTypeMark.offset + 1];
  if (mark_hi != 0) return kx::unexpected(Error{ErrorCode::unknown_card_type, 0, "bad type mark"});
  switch (mark) {
    case ' ':
    case 0:
      r.type = CardType::resident;
      break;
    case 'J':
      r.type = CardType::hk_mo_tw_permit;
      break;
    case 'I':
      r.type = CardType::foreign_permanent_2017;
      break;
    case 'Y':
      r.type = CardType::foreign_permanent_2023;
      break;
    default:
      return kx::unexpected(Error{ErrorCode::unknown_card_type, 0, "unknown type mark"});
  }

  if (r.type == CardType::resident || r.type == CardType::hk_mo_tw_permit) {
    namespace f = layout::resident;
    r.name = field(text, f::kName);
    fill_sex(r, field(text, f::kSex));
    r.birth = field(text, f::kBirth);
    r.address = field(text, f::kAddress);
    r.id_number = field(text, f::kId);
    r.issuer = field(text, f::kIssuer);
    r.valid_from = field(text, f::kValidFrom);
    r.valid_to = field(text, f::kValidTo);
    if (r.type == CardType::resident) {
      r.nation_code = field(text, f::kNation);
      r.nation = nation_name(r.nation_code);
      if (r.nation.empty()) return kx::unexpected(invalid("nation code outside 01-56"));
    } else {
      r.pass_number = field(text, layout::permit_j::kPassNumber);
      r.issue_count = field(text, layout::permit_j::kIssueCount);
    }
    if (!valid_citizen_id(r.id_number)) {
      return kx::unexpected(invalid("ID number check digit mismatch"));
    }
    // The birth date is part of the ID number (positions 7-14).
    if (r.id_number.compare(6, 8, r.birth) != 0) {
      return kx::unexpected(invalid("birth date disagrees with the ID number"));
    }
  } else if (r.type == CardType::foreign_permanent_2017) {
    namespace f = layout::foreign2017;
    r.name_en = field(text, f::kNameEn);
    fill_sex(r, field(text, f::kSex));
    r.id_number = field(text, f::kId);
    r.nation_code = field(text, f::kNationality);
    r.nation = r.nation_code;
    r.name = field(text, f::kName);
    r.valid_from = field(text, f::kValidFrom);
    r.valid_to = field(text, f::kValidTo);
    r.birth = field(text, f::kBirth);
    r.card_version = field(text, f::kVersion);
    r.issuer = field(text, f::kAuthority);
    if (!valid_foreign_permanent_2017_id(r.id_number)) {
      return kx::unexpected(invalid("permit number check digit mismatch"));
    }
  } else {
    namespace f = layout::foreign2023;
    r.name = field(text, f::kName);
    fill_sex(r, field(text, f::kSex));
    r.issue_count = field(text, f::kRenewals);
    r.birth = field(text, f::kBirth);
    r.name_en = field(text, f::kNameEn);
    const std::string spare = field(text, f::kNameEnSpare);
    if (!spare.empty()) r.name_en += spare;
    r.id_number = field(text, f::kId);
    r.valid_from = field(text, f::kValidFrom);
    r.valid_to = field(text, f::kValidTo);
    r.nation_code = field(text, f::kNationality);
    r.nation = r.nation_code;
    r.previous_id_link = field(text, f::kPreviousLink);
    if (!valid_citizen_id(r.id_number)) {
      return kx::unexpected(invalid("permit number check digit mismatch"));
    }
  }
  if (r.sex_code != '1' && r.sex_code != '2') return kx::unexpected(invalid("sex code not 1 or 2"));
  auto dates = check_dates(r, options);
  if (!dates) return kx::unexpected(dates.error());
  return r;
}

kx::expected<CardRecord, Error> decode_read_answer(std::span<const std::uint8_t> data,
                                                   bool fingerprint, const DecodeOptions& options) {
  const std::size_t header = fingerprint ? 6 : 4;
  auto be16 = [&data](std::size_t at) {
    return static_cast<std::size_t>((data[at] << 8) | data[at + 1]);
  };
  if (data.size() < header) {
    return kx::unexpected(Error{ErrorCode::bad_length, 0, "read answer shorter than its header"});
  }
  const std::size_t text_len = be16(0), photo_len = be16(2);
  const std::size_t fp_len = fingerprint ? be16(4) : 0;
  if (header + text_len + photo_len + fp_len != data.size() || text_len < layout::kTextSize) {
    return kx::unexpected(Error{ErrorCode::bad_length, 0,
                                "declared text/photo lengths " + std::to_string(text_len) + "/" +
                                    std::to_string(photo_len) + " do not match " +
                                    std::to_string(data.size()) + " data bytes"});
  }
  auto record = decode_text(data.subspan(header, text_len), options);
  if (!record) return record;
  auto photo = data.subspan(header + text_len, photo_len);
  record->photo_wlt.assign(photo.begin(), photo.end());
  if (fingerprint) {
    auto fp = data.subspan(header + text_len + photo_len, fp_len);
    record->fingerprint.assign(fp.begin(), fp.end());
  }
  return record;
}

std::vector<std::uint8_t> encode_text(const CardRecord& c) {
  std::vector<std::uint8_t> text(layout::kTextSize, 0);
  put(text, Field{0, layout::kTextSize}, "");  // all spaces
  const std::string sex(1, c.sex_code);
  switch (c.type) {
    case CardType::resident:
    case CardType::hk_mo_tw_permit: {
      namespace f = layout::resident;
      put(text, f::kName, c.name);
      put(text, f::kSex, sex);
      if (c.type == CardType::resident) put(text, f::kNation, c.nation_code);
      put(text, f::kBirth, c.birth);
      put(text, f::kAddress, c.address);
      put(text, f::kId, c.id_number);
      put(text, f::kIssuer, c.issuer);
      put(text, f::kValidFrom, c.valid_from);
      put(text, f::kValidTo, c.valid_to);
      if (c.type == CardType::hk_mo_tw_permit) {
        put(text, layout::permit_j::kPassNumber, c.pass_number);
        put(text, layout::permit_j::kIssueCount, c.issue_count);
        put(text, layout::kTypeMark, "J");
      }
      break;
    }
    case CardType::foreign_permanent_2017: {
      namespace f = layout::foreign2017;
      put(text, f::kNameEn, c.name_en);
      put(text, f::kSex, sex);
      put(text, f::kId, c.id_number);
      put(text, f::kNationality, c.nation_code);
      put(text, f::kName, c.name);
      put(text, f::kValidFrom, c.valid_from);
      put(text, f::kValidTo, c.valid_to);
      put(text, f::kBirth, c.birth);
      put(text, f::kVersion, c.card_version);
      put(text, f::kAuthority, c.issuer);
      put(text, layout::kTypeMark, "I");
      break;
    }
    case CardType::foreign_permanent_2023: {
      namespace f = layout::foreign2023;
      put(text, f::kName, c.name);
      put(text, f::kSex, sex);
      put(text, f::kRenewals, c.issue_count);
      put(text, f::kBirth, c.birth);
      const std::size_t first = f::kNameEn.size / 2;  // 35 characters
      put(text, f::kNameEn, c.name_en.substr(0, std::min(first, c.name_en.size())));
      if (c.name_en.size() > first) put(text, f::kNameEnSpare, c.name_en.substr(first));
      put(text, f::kId, c.id_number);
      put(text, f::kValidFrom, c.valid_from);
      put(text, f::kValidTo, c.valid_to);
      put(text, f::kNationality, c.nation_code);
      put(text, f::kPreviousLink, c.previous_id_link);
      put(text, layout::kTypeMark, "Y");
      break;
    }
  }
  return text;
}

}  // namespace idcard
