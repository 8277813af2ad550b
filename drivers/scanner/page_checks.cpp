#include "drivers/scanner/page_checks.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace scanner {

namespace {

// Integer factor that brings the page near `target_dpi` (unknown dpi: assume
// 300, the usual camera-to-A4 density).
int factor_for(const Image& img, int target_dpi) {
  const int dpi = img.dpi > 0 ? img.dpi : 300;
  return std::max(1, dpi / target_dpi);
}

std::array<unsigned, 256> histogram(const Image& gray) {
  std::array<unsigned, 256> h{};
  for (std::uint8_t v : gray.pixels) ++h[v];
  return h;
}

int paper_from_histogram(const std::array<unsigned, 256>& h, std::size_t total) {
  // The paper is the bright level under which 90% of the bright half sits;
  // robust to text (dark) and to a few specks. Falls back to the 95th
  // percentile for dark images.
  std::size_t acc = 0;
  int p95 = 255;
  for (int v = 0; v < 256; ++v) {
    acc += h[static_cast<std::size_t>(v)];
    if (acc * 100 >= total * 95) {
      p95 = v;
      break;
    }
  }
  // Median of the top half of pixels: most pixels of a document are paper.
  acc = 0;
  for (int v = 0; v < 256; ++v) {
    acc += h[static_cast<std::size_t>(v)];
    if (acc * 100 >= total * 60) return std::max(v, p95 - 40);
  }
  return p95;
}

int otsu(const std::array<unsigned, 256>& h, std::size_t total) {
  double sum = 0;
  for (int i = 0; i < 256; ++i) sum += static_cast<double>(i) * h[static_cast<std::size_t>(i)];
  double sum_b = 0;
  double w_b = 0;
  double best = -1;
  int threshold = 128;
  for (int t = 0; t < 256; ++t) {
    w_b += h[static_cast<std::size_t>(t)];
    if (w_b == 0) continue;
    const double w_f = static_cast<double>(total) - w_b;
    if (w_f <= 0) break;
    sum_b += static_cast<double>(t) * h[static_cast<std::size_t>(t)];
    const double m_b = sum_b / w_b;
    const double m_f = (sum - sum_b) / w_f;
    const double between = w_b * w_f * (m_b - m_f) * (m_b - m_f);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

// Ink is what is clearly darker than the paper, whatever the paper's shade.
int ink_threshold(int paper) {
  return std::max(paper - 70, paper * 2 / 3);
}

}  // namespace

int paper_level(const Image& gray) {
  return paper_from_histogram(histogram(gray), gray.pixels.size());
}

BlankResult detect_blank(const Image& gray, double max_ink_ratio) {
  BlankResult r;
  if (gray.empty()) {
    r.blank = true;
    return r;
  }
  const Image small = downscale_by(gray, factor_for(gray, 150));
  const int paper = paper_level(small);
  const int ink = ink_threshold(paper);
  const int bx = std::max(1, small.width / 100);
  const int by = std::max(1, small.height / 100);
  // Ink per tile of 32x32 (about 5 mm at 150 dpi): one line of text is far
  // below the page-wide ratio yet fills a row of tiles densely, while dust
  // and a punched hole stay within a tile or two.
  constexpr int kTile = 32;
  const int tiles_x = (small.width + kTile - 1) / kTile;
  const int tiles_y = (small.height + kTile - 1) / kTile;
  std::vector<unsigned> tile_ink(static_cast<std::size_t>(tiles_x) * tiles_y);
  std::size_t dark = 0;
  std::size_t total = 0;
  for (int y = by; y < small.height - by; ++y) {
    const std::uint8_t* row = small.row(y);
    unsigned* tiles = tile_ink.data() + static_cast<std::size_t>(y / kTile) * tiles_x;
    for (int x = bx; x < small.width - bx; ++x) {
      if (row[x] < ink) {
        ++dark;
        ++tiles[x / kTile];
      }
    }
    total += static_cast<std::size_t>(std::max(0, small.width - 2 * bx));
  }
  r.ink_ratio = total ? static_cast<double>(dark) / static_cast<double>(total) : 0.0;
  r.dense_tiles = static_cast<int>(std::count_if(tile_ink.begin(), tile_ink.end(), [](unsigned n) {
    return n * 100 >= kTile * kTile * 6;  // >= 6% ink
  }));
  r.blank = r.ink_ratio < max_ink_ratio && r.dense_tiles < 8;
  return r;
}

double blur_score(const Image& gray) {
  if (gray.width < 3 || gray.height < 3) return 0;
  const Image small = downscale_by(gray, factor_for(gray, 150));
  constexpr int kTile = 32;
  double sum_sq = 0;
  double sum = 0;
  std::size_t n = 0;
  for (int ty = 1; ty + kTile < small.height; ty += kTile) {
    for (int tx = 1; tx + kTile < small.width; tx += kTile) {
      int lo = 255;
      int hi = 0;
      for (int y = ty; y < ty + kTile; y += 2) {
        const std::uint8_t* row = small.row(y);
        for (int x = tx; x < tx + kTile; x += 2) {
          lo = std::min<int>(lo, row[x]);
          hi = std::max<int>(hi, row[x]);
        }
      }
      if (hi - lo < 64) continue;  // flat paper or flat picture: says nothing about focus
      for (int y = ty; y < ty + kTile; ++y) {
        const std::uint8_t* up = small.row(y - 1);
        const std::uint8_t* row = small.row(y);
        const std::uint8_t* down = small.row(y + 1);
        for (int x = tx; x < tx + kTile; ++x) {
          const int lap = 4 * row[x] - row[x - 1] - row[x + 1] - up[x] - down[x];
          sum += lap;
          sum_sq += static_cast<double>(lap) * lap;
          ++n;
        }
      }
    }
  }
  if (n == 0) return 0;
  const double mean = sum / static_cast<double>(n);
  return sum_sq / static_cast<double>(n) - mean * mean;
}

SkewResult estimate_skew(const Image& gray, double max_degrees) {
  SkewResult result;
  if (gray.empty()) return result;
  const Image small = downscale_by(gray, factor_for(gray, 75));
  const int paper = paper_level(small);
  const int ink = ink_threshold(paper);
  const int bx = small.width / 50;
  const int by = small.height / 50;
  std::vector<std::pair<float, float>> pts;
  for (int y = by; y < small.height - by; ++y) {
    const std::uint8_t* row = small.row(y);
    for (int x = bx; x < small.width - bx; ++x)
      if (row[x] < ink) pts.emplace_back(static_cast<float>(x), static_cast<float>(y));
  }
  if (pts.size() < 200) return result;
  // Keep the search cheap on heavy pages: a regular subsample is enough.
  if (pts.size() > 120000) {
    const std::size_t step = pts.size() / 60000;
    std::vector<std::pair<float, float>> thin;
    for (std::size_t i = 0; i < pts.size(); i += step) thin.push_back(pts[i]);
    pts.swap(thin);
  }
  const double diag = std::hypot(small.width, small.height);
  const int bins = static_cast<int>(2 * diag) + 4;
  std::vector<unsigned> profile(static_cast<std::size_t>(bins));
  // Along a text line turned anticlockwise by t: y + x*tan(t) is constant,
  // so project on (sin t, cos t) and measure how peaked the profile is.
  auto score = [&](double deg) {
    const double t = deg * std::numbers::pi / 180.0;
    const auto s = static_cast<float>(std::sin(t));
    const auto c = static_cast<float>(std::cos(t));
    std::fill(profile.begin(), profile.end(), 0u);
    const auto offset = static_cast<float>(diag + 2);
    for (const auto& [x, y] : pts) {
      const int b = static_cast<int>(x * s + y * c + offset);
      ++profile[static_cast<std::size_t>(b)];
    }
    double e = 0;
    for (unsigned v : profile) e += static_cast<double>(v) * v;
    return e;
  };
  double best_deg = 0;
  double best = -1;
  double total = 0;
  int count = 0;
  for (double d = -max_degrees; d <= max_degrees + 1e-9; d += 0.5) {
    const double e = score(d);
    total += e;
    ++count;
    if (e > best) {
      best = e;
      best_deg = d;
    }
  }
  const double mean = total / count;
  for (double d = best_deg - 0.45; d <= best_deg + 0.45 + 1e-9; d += 0.05) {
    const double e = score(d);
    if (e > best) {
      best = e;
      best_deg = d;
    }
  }
  result.degrees = std::round(best_deg * 100.0) / 100.0;
  // Text lines give a sharp peak; pictures and noise a flat curve.
  result.confident = best > 1.3 * mean;
  return result;
}

Rect find_document(const Image& gray, double min_fill) {
  const Rect whole{0, 0, gray.width, gray.height};
  if (gray.width < 8 || gray.height < 8) return whole;
  const int factor = factor_for(gray, 50);
  const Image small = downscale_by(gray, factor);
  const auto h = histogram(small);
  const int t = otsu(h, small.pixels.size());
  const int paper = paper_from_histogram(h, small.pixels.size());
  // Only a clearly darker surround is background; text on paper must not be.
  if (paper - t < 40) return whole;
  std::vector<unsigned> rows(static_cast<std::size_t>(small.height));
  std::vector<unsigned> cols(static_cast<std::size_t>(small.width));
  std::size_t bright = 0;
  for (int y = 0; y < small.height; ++y) {
    const std::uint8_t* row = small.row(y);
    for (int x = 0; x < small.width; ++x) {
      if (row[x] > t) {
        ++rows[static_cast<std::size_t>(y)];
        ++cols[static_cast<std::size_t>(x)];
        ++bright;
      }
    }
  }
  if (bright * 5 < small.pixels.size()) return whole;  // no sizeable paper area
  auto span = [min_fill](const std::vector<unsigned>& prof, int len) {
    int lo = 0;
    int hi = static_cast<int>(prof.size()) - 1;
    const auto need = static_cast<unsigned>(min_fill * len);
    while (lo < hi && prof[static_cast<std::size_t>(lo)] <= need) ++lo;
    while (hi > lo && prof[static_cast<std::size_t>(hi)] <= need) --hi;
    return std::pair{lo, hi};
  };
  const auto [y0, y1] = span(rows, small.width);
  const auto [x0, x1] = span(cols, small.height);
  // Edges that reach the border of the reduced image reach the real border
  // (the reduction drops the last width % factor pixels).
  const int right = x1 == small.width - 1 ? gray.width : std::min(gray.width, (x1 + 1) * factor);
  const int bottom =
      y1 == small.height - 1 ? gray.height : std::min(gray.height, (y1 + 1) * factor);
  Rect r{x0 * factor, y0 * factor, right - x0 * factor, bottom - y0 * factor};
  if (r.width * 4 < gray.width || r.height * 4 < gray.height) return whole;
  return r;
}

bool has_colour(const Image& rgb) {
  if (rgb.channels != 3) return false;
  const Image small = downscale_by(rgb, factor_for(rgb, 75));
  std::size_t coloured = 0;
  const std::size_t n = static_cast<std::size_t>(small.width) * small.height;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = small.pixels.data() + 3 * i;
    const int hi = std::max({p[0], p[1], p[2]});
    const int lo = std::min({p[0], p[1], p[2]});
    if (hi - lo > 60) ++coloured;
  }
  return coloured * 1000 > n * 3;  // more than 0.3%: a seal is about 1% of a licence
}

}  // namespace scanner
