#include "drivers/scanner/pipeline.hpp"

#include "drivers/scanner/codecs.hpp"
#include "drivers/scanner/page_checks.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace scanner {

ColourMode colour_mode_for(MaterialKind kind) {
  switch (kind) {
    case MaterialKind::text_document:
    case MaterialKind::form:
      return ColourMode::gray;
    case MaterialKind::licence:
      return ColourMode::automatic;
    case MaterialKind::id_document:
    case MaterialKind::photo:
      return ColourMode::colour;
  }
  return ColourMode::gray;
}

int jpeg_quality_for(MaterialKind kind) {
  return kind == MaterialKind::text_document || kind == MaterialKind::form ? 60 : 75;
}

namespace {
constexpr std::pair<MaterialKind, const char*> kMaterials[] = {
    {MaterialKind::text_document, "text"}, {MaterialKind::form, "form"},
    {MaterialKind::licence, "licence"},    {MaterialKind::id_document, "id"},
    {MaterialKind::photo, "photo"},
};
}  // namespace

const char* to_string(MaterialKind kind) {
  for (const auto& [k, name] : kMaterials)
    if (k == kind) return name;
  return "text";
}

bool parse_material(const std::string& name, MaterialKind& out) {
  for (const auto& [k, n] : kMaterials) {
    if (name == n) {
      out = k;
      return true;
    }
  }
  return false;
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::ok:
      return "ok";
    case Verdict::blank:
      return "blank";
    case Verdict::blurred:
      return "blurred";
  }
  return "ok";
}

const char* verdict_zh(Verdict v) {
  switch (v) {
    case Verdict::ok:
      return "本页清晰可用。";
    case Verdict::blank:
      return "这一页是空白页，请检查材料是否放反。";
    case Verdict::blurred:
      return "这一页不清晰，请放平材料后重新扫描。";
  }
  return "";
}

const char* verdict_en(Verdict v) {
  switch (v) {
    case Verdict::ok:
      return "This page is clear.";
    case Verdict::blank:
      return "This page is blank. Is the document the wrong way round?";
    case Verdict::blurred:
      return "This page is not sharp. Please lay the document flat and scan it again.";
  }
  return "";
}

Image make_thumbnail(const Image& img, int max_side) {
  if (img.empty() || max_side <= 0) return Image{};
  const int longest = std::max(img.width, img.height);
  if (longest <= max_side) return img;
  const double s = static_cast<double>(max_side) / longest;
  return resize(img, std::max(1, static_cast<int>(img.width * s)),
                std::max(1, static_cast<int>(img.height * s)));
}

namespace {

// Stretches levels so the paper becomes pure white and ink keeps its
// contrast; the noise of the paper texture is what costs JPEG bytes.
void whiten(Image& img, int paper) {
  const int white = std::max(paper - 24, 96);
  std::uint8_t lut[256];
  for (int v = 0; v < 256; ++v) lut[v] = static_cast<std::uint8_t>(std::min(255, v * 255 / white));
  for (std::uint8_t& p : img.pixels) p = lut[p];
}

}  // namespace

namespace {

Rect scale_rect(Rect r, int factor, const Image& full) {
  if (factor == 1) return r;
  Rect out{r.x * factor, r.y * factor, r.width * factor, r.height * factor};
  out.width = std::min(out.width, full.width - out.x);
  out.height = std::min(out.height, full.height - out.y);
  return out;
}

}  // namespace

ProcessedPage process_page(const Image& raw, const PipelineConfig& cfg) {
  ProcessedPage page;
  if (raw.empty()) {
    page.verdict = Verdict::blank;
    page.checks.blank = true;
    return page;
  }
  // Every check runs on one reduced gray copy at about 150 dpi; the full
  // page is touched only to reduce it, to resample it to the output dpi and
  // to rotate it there (the budget is 150 ms for an A4 page at 300 dpi).
  const int raw_dpi = raw.dpi > 0 ? raw.dpi : 300;
  const int factor = std::max(1, raw_dpi / 150);
  Image analysis =
      raw.channels == 1 ? downscale_by(raw, factor) : downscale_by(to_gray(raw), factor);
  analysis.dpi = raw_dpi / factor;

  // 1. Loose crop to the paper, so the dark surround counts neither as ink
  //    nor as text lines.
  const Rect whole{0, 0, raw.width, raw.height};
  Rect first = whole;
  if (cfg.auto_crop) {
    const Rect small = find_document(analysis, 0.1);
    if (small != Rect{0, 0, analysis.width, analysis.height}) {
      first = scale_rect(small, factor, raw);
      analysis = crop(analysis, small);
    }
  }
  page.checks.crop = first;
  const bool cropped = first != whole;

  // 2. Checks.
  const BlankResult blank = detect_blank(analysis, cfg.blank_max_ink);
  page.checks.blank = blank.blank;
  page.checks.ink_ratio = blank.ink_ratio;
  if (!blank.blank) {
    page.checks.blur_score = blur_score(analysis);
    page.checks.blurred = page.checks.blur_score < cfg.blur_min_score;
    const SkewResult skew = estimate_skew(analysis, cfg.max_skew_degrees);
    page.checks.skew_degrees = skew.degrees;
    page.checks.skew_confident = skew.confident;
  }
  page.verdict = blank.blank           ? Verdict::blank
                 : page.checks.blurred ? Verdict::blurred
                                       : Verdict::ok;
  const int paper = paper_level(analysis);

  // 3. Colour decision, then the output resolution (never upsampled).
  const ColourMode mode = colour_mode_for(cfg.material);
  bool colour = raw.channels == 3 && mode != ColourMode::gray;
  if (colour && mode == ColourMode::automatic) colour = has_colour(raw);
  page.checks.colour = colour;
  const bool turn = cfg.deskew && page.checks.skew_confident &&
                    std::abs(page.checks.skew_degrees) >= cfg.min_deskew_degrees;
  Image work;
  {
    const Image* src = &raw;
    Image gray_full;
    if (!colour && raw.channels == 3) {
      gray_full = to_gray(raw);
      src = &gray_full;
    }
    Image part;
    if (cropped) {
      part = crop(*src, first);
      src = &part;
    }
    const int out_dpi = cfg.output_dpi > 0 ? std::min(cfg.output_dpi, raw_dpi) : raw_dpi;
    const double s = static_cast<double>(out_dpi) / raw_dpi;
    const int out_w = std::max(1, static_cast<int>(std::lround(src->width * s)));
    const int out_h = std::max(1, static_cast<int>(std::lround(src->height * s)));
    if (turn) {
      // 4. Deskew and drop to the output dpi in one pass (fill with the
      //    paper shade), then trim the corners the rotation brought in.
      work = rotate_scaled(*src, -page.checks.skew_degrees, out_w, out_h,
                           static_cast<std::uint8_t>(paper));
      page.checks.deskewed = true;
    } else {
      work = resize(*src, out_w, out_h);
    }
    work.dpi = out_dpi;
    if (!gray_full.empty()) wipe(gray_full);
    if (!part.empty()) wipe(part);
  }
  if (turn && cfg.auto_crop && cropped) {
    const Rect tight = find_document(colour ? to_gray(work) : work, 0.5);
    work = crop(work, tight);
  }

  // 5. Level clean-up, barcodes, JPEG, thumbnail.
  if (cfg.whiten_background && !page.checks.blank) whiten(work, paper);
  if (cfg.read_barcodes && !page.checks.blank) page.codes = read_barcodes(work);
  const int quality = cfg.jpeg_quality > 0 ? cfg.jpeg_quality : jpeg_quality_for(cfg.material);
  if (auto jpeg = encode_jpeg(work, JpegOptions{quality, work.dpi, cfg.progressive_jpeg}))
    page.jpeg = std::move(*jpeg);
  page.width = work.width;
  page.height = work.height;
  page.dpi = work.dpi;
  page.thumbnail = make_thumbnail(work, cfg.thumbnail_max);
  wipe(work);
  return page;
}

}  // namespace scanner
