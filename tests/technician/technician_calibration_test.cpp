// Touch orientation maths: the eight symmetries compose and round-trip,
// and calibration recovers each of them from four (slightly off) touches.
#include "kiosk/core/flows/technician_calibration.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Orientation, RotationAndMirrorRoundTrip) {
  for (bool m : {false, true}) {
    for (int deg : {0, 90, 180, 270}) {
      const core::Orientation o = core::make_orientation(deg, m);
      EXPECT_EQ(core::rotation_deg(o), deg);
      EXPECT_EQ(core::mirrored(o), m);
    }
  }
}

TEST(Orientation, AQuarterTurnIsClockwiseOnAYDownScreen) {
  const core::Point top{0.5f, 0.f};
  const core::Point p = core::map_point(core::make_orientation(90, false), top);
  EXPECT_FLOAT_EQ(p.x, 1.f);  // the top edge goes to the right edge
  EXPECT_FLOAT_EQ(p.y, 0.5f);
}

TEST(Orientation, FourQuarterTurnsAndTwoMirrorsAreNothing) {
  const core::Orientation q = core::make_orientation(90, false);
  EXPECT_EQ(core::compose(q, core::compose(q, core::compose(q, q))), core::Orientation{});
  const core::Orientation m = core::make_orientation(0, true);
  EXPECT_EQ(core::compose(m, m), core::Orientation{});
}

TEST(Calibration, RecoversEveryOrientationFromTouchesWithinTolerance) {
  for (bool m : {false, true}) {
    for (int deg : {0, 90, 180, 270}) {
      const core::Orientation truth = core::make_orientation(deg, m);
      // The inverse of a symmetry is its transpose.
      const core::Orientation panel{truth.xx, truth.yx, truth.xy, truth.yy};
      std::vector<core::Point> touches;
      for (const core::Point& t : core::kCalibrationTargets) {
        core::Point p = core::map_point(panel, t);
        p.x += 0.03f;  // a finger is not a stylus
        p.y -= 0.02f;
        touches.push_back(p);
      }
      const auto found = core::calibrate(touches);
      ASSERT_TRUE(found) << deg << (m ? " mirrored" : "");
      EXPECT_EQ(*found, truth) << deg << (m ? " mirrored" : "");
    }
  }
}

TEST(Calibration, RefusesTooFewOrScatteredTouches) {
  EXPECT_FALSE(core::calibrate({{0.15f, 0.35f}}));
  std::vector<core::Point> wild(4, core::Point{0.5f, 0.5f});
  EXPECT_FALSE(core::calibrate(wild));
}

}  // namespace
