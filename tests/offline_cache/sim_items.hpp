#pragma once
// Submissions the platform simulator accepts, for the outbox tests and
// benchmarks that deliver to it: a pre-application with a synthetic
// applicant (valid GB 11643 check digit) and one scanned page.
#include "kiosk/platform/types.hpp"

#include <memory>
#include <string>

namespace offline_cache::testing {

// A synthetic resident ID number with a valid GB 11643 check digit.
inline std::string id_number(const std::string& first17) {
  static constexpr int kW[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kW[i];
  return first17 + "10X98765432"[sum % 11];
}

inline constexpr const char* kTestPersonName = "李建国";

// 无犯罪记录证明开具 with an e-licence and a scanned page of `page_bytes`.
inline kiosk::platform::PreApplicationRequest pre_application(const std::string& purpose,
                                                              std::size_t page_bytes = 20000) {
  kiosk::platform::PreApplicationRequest r;
  r.item_code = "650100-GA-0004";
  r.applicant = {id_number("65010419900715161"), kTestPersonName, "13800138000"};
  r.form["purpose"] = purpose;
  r.materials.push_back({"650100-GA-0004-M1", "elicence", "EL-1005", {}});
  std::string page(page_bytes, '\x5a');
  page[0] = '\xff';  // a JPEG start-of-image marker: the platform checks it
  page[1] = '\xd8';
  page[2] = '\xff';
  r.materials.push_back({"650100-GA-0004-M2",
                         "scan",
                         "",
                         {{"image/jpeg", std::make_shared<const std::string>(std::move(page))}}});
  return r;
}

}  // namespace offline_cache::testing
