#pragma once
// Pre-application (ID-card services): item -> form -> materials -> delivery
// -> review -> submit -> receipt. Not built yet; the screen says so.
namespace core {

struct PreApplyState {
  bool operator==(const PreApplyState&) const = default;
};

}  // namespace core
