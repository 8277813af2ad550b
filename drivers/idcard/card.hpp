#pragma once
// A card as read: the driver's own typed record. Holds personal data: never
// log it; use mask_id_number() for the ID number when something must be shown.
#include <cstdint>
#include <string>
#include <vector>

namespace idcard {

enum class CardType {
  resident,                // ' '  居民身份证
  hk_mo_tw_permit,         // 'J'  港澳台居民居住证
  foreign_permanent_2017,  // 'I'  外国人永久居留身份证 (2017)
  foreign_permanent_2023,  // 'Y'  外国人永久居留身份证 (2023)
};

const char* to_string(CardType type);  // "resident", "hk_mo_tw_permit", ...

struct CardRecord {
  CardType type = CardType::resident;
  std::string name;              // Chinese name (may be empty on a foreign card)
  std::string name_en;           // foreign cards: English name (2023: incl. the spare field)
  char sex_code = '0';           // '1' male, '2' female
  std::string sex;               // "男" / "女"
  std::string nation_code;       // resident: "01".."56"; foreign: ISO 3166 alpha-3
  std::string nation;            // resident: ethnic group name; foreign: the code
  std::string birth;             // YYYYMMDD
  std::string address;           // resident / J only
  std::string appended_address;  // from the 30 03 command, if any
  std::string id_number;         // ID number / permit number
  std::string issuer;            // issuing authority (2017 foreign: authority code)
  std::string valid_from;        // YYYYMMDD
  std::string valid_to;          // YYYYMMDD or "长期"
  bool long_term = false;        // valid_to == 长期
  bool expired = false;          // valid_to before the read date
  // Layout-specific extras.
  std::string pass_number;                // J: HK/Macao/Taiwan travel permit number
  std::string issue_count;                // J: times issued; Y: times renewed
  std::string card_version;               // I: card version
  std::string previous_id_link;           // Y: link to a 2017 permit number
  std::vector<std::uint8_t> photo_wlt;    // opaque WLT, 1024 bytes
  std::vector<std::uint8_t> fingerprint;  // opaque, when read with 30 10

  // Wipes the personal data in place (session end).
  void wipe();
};

}  // namespace idcard
