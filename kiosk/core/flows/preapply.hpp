#pragma once
// Pre-application (ID-card services): item -> form -> materials -> delivery
// -> review -> submit -> receipt. Not built yet; the screen says so.
#include "kiosk/core/flows/materials.hpp"

namespace core {

struct PreApplyState {
  MaterialsState materials;  // step 3 (flows/materials.hpp)
  bool operator==(const PreApplyState&) const = default;
};

}  // namespace core
