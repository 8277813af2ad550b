#pragma once
// Where each field sits in the 256-byte text block, per card type (byte
// offset, byte length; UCS-2LE). The card type is the character at byte 248.
// Resident cards: GA 467. The other three follow the readers' vendor SDK
// documentation of the residence permit and the 2017/2023 foreign
// permanent residence cards.
#include <cstddef>

namespace idcard::layout {

struct Field {
  std::size_t offset;
  std::size_t size;
};

inline constexpr std::size_t kTextSize = 256;
inline constexpr Field kTypeMark{248, 2};

namespace resident {  // also the base of 'J'
inline constexpr Field kName{0, 30}, kSex{30, 2}, kNation{32, 4}, kBirth{36, 16}, kAddress{52, 70},
    kId{122, 36}, kIssuer{158, 30}, kValidFrom{188, 16}, kValidTo{204, 16};
}
namespace permit_j {
inline constexpr Field kPassNumber{220, 18}, kIssueCount{238, 4};
}
namespace foreign2017 {
inline constexpr Field kNameEn{0, 120}, kSex{120, 2}, kId{122, 30}, kNationality{152, 6},
    kName{158, 30}, kValidFrom{188, 16}, kValidTo{204, 16}, kBirth{220, 16}, kVersion{236, 4},
    kAuthority{240, 8};
}
namespace foreign2023 {
inline constexpr Field kName{0, 30}, kSex{30, 2}, kRenewals{32, 4}, kBirth{36, 16}, kNameEn{52, 70},
    kId{122, 36}, kValidFrom{188, 16}, kValidTo{204, 16}, kNameEnSpare{220, 22},
    kNationality{242, 6}, kPreviousLink{250, 6};
}

}  // namespace idcard::layout
