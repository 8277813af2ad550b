// Touch orientation maths (technician_calibration.hpp).
#include "kiosk/core/flows/technician_calibration.hpp"

#include <algorithm>
#include <cmath>

namespace core {
namespace {

// Clockwise by 90 degrees on a y-down screen: (x, y) -> (-y, x).
constexpr Orientation kQuarterTurn{0, -1, 1, 0};
constexpr Orientation kMirror{-1, 0, 0, 1};

}  // namespace

Orientation compose(const Orientation& a, const Orientation& b) {
  return Orientation{a.xx * b.xx + a.xy * b.yx, a.xx * b.xy + a.xy * b.yy,
                     a.yx * b.xx + a.yy * b.yx, a.yx * b.xy + a.yy * b.yy};
}

Orientation make_orientation(int rotation_deg, bool mirrored) {
  Orientation o = mirrored ? kMirror : Orientation{};
  const int quarters =
      (rotation_deg == 90 || rotation_deg == 180 || rotation_deg == 270) ? rotation_deg / 90 : 0;
  for (int i = 0; i < quarters; ++i) o = compose(kQuarterTurn, o);
  return o;
}

// A rotation has determinant +1, a mirrored one -1.
bool mirrored(const Orientation& o) {
  return o.xx * o.yy - o.xy * o.yx < 0;
}

int rotation_deg(const Orientation& o) {
  const bool m = mirrored(o);
  for (int deg : {0, 90, 180, 270}) {
    if (make_orientation(deg, m) == o) return deg;
  }
  return 0;
}

Point map_point(const Orientation& o, Point p) {
  const float x = p.x - 0.5f, y = p.y - 0.5f;
  return Point{0.5f + static_cast<float>(o.xx) * x + static_cast<float>(o.xy) * y,
               0.5f + static_cast<float>(o.yx) * x + static_cast<float>(o.yy) * y};
}

std::optional<Orientation> calibrate(const std::vector<Point>& touches) {
  if (touches.size() != kCalibrationTargets.size()) return std::nullopt;
  std::optional<Orientation> best;
  float best_worst = kCalibrationTolerance;
  for (bool m : {false, true}) {
    for (int deg : {0, 90, 180, 270}) {
      const Orientation o = make_orientation(deg, m);
      float worst = 0;
      for (std::size_t i = 0; i < touches.size(); ++i) {
        const Point p = map_point(o, touches[i]);
        worst = std::max(
            worst, std::hypot(p.x - kCalibrationTargets[i].x, p.y - kCalibrationTargets[i].y));
      }
      if (worst <= best_worst) {
        best_worst = worst;
        best = o;
      }
    }
  }
  return best;
}

}  // namespace core
