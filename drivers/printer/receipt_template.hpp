#pragma once
// Receipt templates are data (config/defaults/receipts/*.json), not code:
// operators change wording and layout by pushing config. A template is a
// list of blocks (text, label/value pairs, lists, rules, QR, Code128,
// images, feed, cut) with {{field}} placeholders filled from ReceiptData.
// Placeholders may name a mask ({{id_number|mask_id}}) so personal data
// reaches paper only masked. docs/printer.md describes the format.
#include "base/expected.hpp"
#include "drivers/printer/escpos.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace printer {

struct ReceiptData {
  std::map<std::string, std::string> fields;
  std::map<std::string, std::vector<std::string>> lists;
};

struct ReceiptLayout {
  PaperWidth width = PaperWidth::mm58;
  QrOptions qr;
};

struct Block {
  enum class Kind { text, pair, list, rule, qr, barcode, image, feed, cut };
  Kind kind = Kind::text;
  std::string text;   // text, pair label, qr/barcode data (with placeholders)
  std::string value;  // pair value; list: the list's name
  Align align = Align::left;
  bool bold = false;
  int width_mul = 1, height_mul = 1;
  int number = 0;  // feed lines, qr module (0 = layout default), barcode height
  bool numbered = false;
  QrEcc ecc = QrEcc::M;  // qr blocks
  Bitmap image;          // image blocks: already dithered
};

struct ReceiptTemplate {
  std::string kind;
  std::string name_zh, name_en;
  std::vector<Block> blocks;
  ReceiptData sample;  // masked example data: print-sample, test page, tests
};

// Parses one template; `dir` resolves image paths.
kx::expected<ReceiptTemplate, Error> parse_template(std::string_view json,
                                                    const std::filesystem::path& dir = {});

class TemplateSet {
 public:
  // Loads every *.json in `dir`.
  static kx::expected<TemplateSet, Error> load(const std::filesystem::path& dir);
  const ReceiptTemplate* find(std::string_view kind) const;
  std::vector<std::string> kinds() const;
  void add(ReceiptTemplate t) { templates_.push_back(std::move(t)); }

 private:
  std::vector<ReceiptTemplate> templates_;
};

// The exact bytes for one receipt: init, Chinese mode, blocks, cut.
kx::expected<std::vector<std::uint8_t>, Error> render_receipt(const ReceiptTemplate& t,
                                                              const ReceiptData& data,
                                                              const ReceiptLayout& layout);

// Fills {{name}} / {{name|mask}} from data.fields. Unknown names are errors,
// so a template typo cannot print an empty line unnoticed.
kx::expected<std::string, Error> fill_placeholders(std::string_view text, const ReceiptData& data);

// Masks for personal data. UTF-8 aware.
std::string mask_id(std::string_view id);        // 6501**********123X
std::string mask_name(std::string_view name);    // 张*  /  J*** S****
std::string mask_phone(std::string_view phone);  // 138****5678

// Printed width in half-width columns (ASCII 1, everything else 2).
int display_columns(std::string_view utf8);

// Reads a binary PGM (P5, 8-bit) and dithers it to the given max width.
kx::expected<Bitmap, Error> load_pgm_dithered(const std::filesystem::path& path, int max_width);

}  // namespace printer
