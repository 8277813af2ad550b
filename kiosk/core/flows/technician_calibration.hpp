#pragma once
// Touch orientation: how touches from the panel map to the picture. A panel
// mounted rotated (0/90/180/270 degrees) or mirrored reports touches in its
// own frame; the mapping is one of the eight symmetries of the square,
// acting on coordinates normalised to the display (0..1, y down) around
// its centre. Recalibration shows four targets in turn, records where each
// touch arrived, and picks the symmetry that brings the touches onto the
// targets — pure, so it is tested without a panel.
#include <array>
#include <optional>
#include <vector>

namespace core {

struct Point {
  float x = 0, y = 0;  // normalised: 0..1 across the display, y down
  bool operator==(const Point&) const = default;
};

// (x, y) around the centre -> (xx*x + xy*y, yx*x + yy*y); entries are -1, 0, 1.
struct Orientation {
  int xx = 1, xy = 0, yx = 0, yy = 1;
  bool operator==(const Orientation&) const = default;
};

// Mirror (x -> 1-x) first, then rotate clockwise by `rotation_deg`
// (0, 90, 180 or 270; anything else counts as 0).
Orientation make_orientation(int rotation_deg, bool mirrored);
int rotation_deg(const Orientation& o);
bool mirrored(const Orientation& o);
// `outer` applied after `inner`.
Orientation compose(const Orientation& outer, const Orientation& inner);
Point map_point(const Orientation& o, Point p);

// The targets, in the order they are shown: top-left, top-right,
// bottom-right, bottom-left (kept clear of the header and bottom bar).
inline constexpr std::array<Point, 4> kCalibrationTargets = {
    {{0.15f, 0.35f}, {0.85f, 0.35f}, {0.85f, 0.78f}, {0.15f, 0.78f}}};
// How far (normalised) a touch may land from its target after mapping.
inline constexpr float kCalibrationTolerance = 0.12f;

// The mapping that takes the touches (as they arrived, one per target, in
// order) onto the targets; none if no symmetry fits within the tolerance
// (a mis-tap: try again).
std::optional<Orientation> calibrate(const std::vector<Point>& touches);

}  // namespace core
