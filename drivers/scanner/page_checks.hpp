#pragma once
// Page quality checks on a gray image. Each works at a reduced resolution
// chosen from the page dpi so thresholds mean the same at 150 or 600 dpi.
#include "drivers/scanner/image.hpp"

namespace scanner {

// Gray level of the paper (the brightest well-populated histogram peak).
int paper_level(const Image& gray);

struct BlankResult {
  bool blank = false;
  double ink_ratio = 0;  // share of ink pixels inside the 1% border
  int dense_tiles = 0;   // 5 mm tiles with >= 6% ink (a word covers several)
};
// Blank when fewer than `max_ink_ratio` of the pixels inside a 1% border are
// ink (clearly darker than the paper) and fewer than 8 small tiles are
// densely inked (so a single line of text or a signature is content, dust
// and a punched hole are not). Measured at about 150 dpi.
BlankResult detect_blank(const Image& gray, double max_ink_ratio = 0.0015);

// Variance of the Laplacian over the tiles that hold content (a page that
// is mostly white would otherwise look blurred), at about 150 dpi. Sharp
// printed text scores in the thousands; a page out of focus in the tens.
double blur_score(const Image& gray);

struct SkewResult {
  double degrees = 0;      // text lines turned anticlockwise on screen by this much
  bool confident = false;  // false for pages without clear text lines
};
// Projection-profile search over +/- max_degrees at about 75 dpi.
SkewResult estimate_skew(const Image& gray, double max_degrees = 15.0);

// The document's bounding box when it lies on a darker background (document
// camera, black ADF backing); the whole image when the border is already
// paper. `min_fill` is the share of paper a row/column needs to be kept:
// low keeps the corners of a skewed page, high trims rotated-in corners.
Rect find_document(const Image& gray, double min_fill = 0.1);

// True when a noticeable share of pixels is saturated colour (a red seal, a
// colour photo), so the page should not be reduced to gray.
bool has_colour(const Image& rgb);

}  // namespace scanner
