#pragma once
// From a raw page (scanner or camera) to what the platform receives: checked,
// straightened, cropped, gray or colour by material, JPEG at the configured
// dpi and quality, a thumbnail for the UI, and the barcodes on it.
#include "drivers/scanner/barcodes.hpp"
#include "drivers/scanner/image.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace scanner {

// The kind of material decides gray or colour.
enum class MaterialKind {
  text_document,  // letters, certificates of plain text: gray
  form,           // printed pre-filled forms: gray
  licence,        // business licence, certificates with seals: colour if a seal is seen
  id_document,    // ID card, passport copies: always colour
  photo,          // photos: always colour
};
enum class ColourMode { gray, colour, automatic };
ColourMode colour_mode_for(MaterialKind kind);
int jpeg_quality_for(MaterialKind kind);
const char* to_string(MaterialKind kind);
bool parse_material(const std::string& name, MaterialKind& out);

struct PipelineConfig {
  int output_dpi = 200;  // pages are resampled to this (never up)
  // 0 = by material: 60 for text and forms (keeps a 200 dpi text page under
  // the platform's 300 KB with the text still crisp), 75 for everything else.
  int jpeg_quality = 0;
  // About 8% smaller, but twice the encoding time; off to stay in budget.
  bool progressive_jpeg = false;
  MaterialKind material = MaterialKind::text_document;
  double blank_max_ink = 0.0015;  // share of ink pixels below which a page is blank
  double blur_min_score = 400;    // variance of Laplacian below this: blurred
  double max_skew_degrees = 15;   // search range of the skew estimate
  double min_deskew_degrees = 0.2;
  bool deskew = true;
  bool auto_crop = true;
  bool whiten_background = true;  // paper noise to pure white: smaller, cleaner JPEGs
  bool read_barcodes = true;
  int thumbnail_max = 240;  // longest side of the thumbnail, pixels
};

enum class Verdict { ok, blank, blurred };
const char* to_string(Verdict v);
const char* verdict_zh(Verdict v);  // prompt for the citizen
const char* verdict_en(Verdict v);

struct PageChecks {
  bool blank = false;
  double ink_ratio = 0;
  double blur_score = 0;
  bool blurred = false;
  double skew_degrees = 0;
  bool skew_confident = false;
  bool deskewed = false;
  Rect crop;  // in the raw page's pixels (before deskew) of the first crop
  bool colour = false;
};

struct ProcessedPage {
  Verdict verdict = Verdict::ok;
  PageChecks checks;
  std::vector<Barcode> codes;
  std::vector<std::uint8_t> jpeg;  // the processed page, JPEG
  int width = 0;                   // of the JPEG
  int height = 0;
  int dpi = 0;
  Image thumbnail;  // gray or RGB, longest side <= thumbnail_max
};

// Never fails: an unusable page comes back with its verdict; an encoder
// failure leaves `jpeg` empty (reported as internal by the caller).
ProcessedPage process_page(const Image& raw, const PipelineConfig& cfg);

// Shrinks so the longest side is <= max_side (keeps aspect).
Image make_thumbnail(const Image& img, int max_side);

}  // namespace scanner
