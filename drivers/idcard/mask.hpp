#pragma once
// Masks an ID number for logs and screens: "650102199001011234" ->
// "6501**********1234". Keeps the first 4 and last 4 characters (ASCII);
// anything of 8 characters or fewer is masked whole. Reusable by any module.
#include <string>
#include <string_view>

namespace idcard {

std::string mask_id_number(std::string_view id);

}  // namespace idcard
