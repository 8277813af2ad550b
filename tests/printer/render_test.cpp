// Every receipt template goes through the encoder and the virtual printer;
// the QR (and Code128) on the drawn paper must decode, with ZXing in
// memory and with zbarimg on the PNG. PNGs are kept under
// <build>/printer-render/ for a person to look at.
#include "drivers/printer/receipt_template.hpp"
#include "qr_decode.hpp"
#include "tools/devsim/printer/png_writer.hpp"
#include "virtual_paper.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using printer_test::glyphs;

const fs::path kTemplates = fs::path(KIOSK_SOURCE_DIR) / "config/defaults/receipts";

// One receipt's bytes -> the papers separated by cuts.
std::vector<printer::Bitmap> print(const std::vector<std::uint8_t>& bytes, int width) {
  return printer_test::print(bytes, width).papers;
}

std::string expected_qr(const printer::ReceiptTemplate& t) {
  for (const auto& b : t.blocks) {
    if (b.kind == printer::Block::Kind::qr) return *printer::fill_placeholders(b.text, t.sample);
  }
  return {};
}

struct Case {
  std::string kind;
  int width;
  bool native_qr;
};

class PrinterRender : public ::testing::TestWithParam<Case> {};

TEST_P(PrinterRender, QrDecodesWithZxingAndZbar) {
  ASSERT_NE(glyphs(), nullptr) << "Noto Sans CJK missing (fonts-noto-cjk)";
  auto set = printer::TemplateSet::load(kTemplates);
  ASSERT_TRUE(set) << set.error().detail;
  const Case c = GetParam();
  const auto* t = set->find(c.kind);
  ASSERT_NE(t, nullptr);
  printer::ReceiptLayout layout;
  layout.width = c.width == 576 ? printer::PaperWidth::mm80 : printer::PaperWidth::mm58;
  layout.qr.native_supported = c.native_qr;
  auto bytes = printer::render_receipt(*t, t->sample, layout);
  ASSERT_TRUE(bytes) << bytes.error().detail;

  auto papers = print(*bytes, c.width);
  ASSERT_EQ(papers.size(), 1u) << "one receipt, one cut";
  const auto& paper = papers[0];
  EXPECT_EQ(paper.width, c.width);
  EXPECT_GT(paper.height, 300);

  const std::string want = expected_qr(*t);
  ASSERT_FALSE(want.empty());
  auto found = printer_test::zxing_decode(paper);
  EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                          [&](const auto& d) { return d.format == "QRCode" && d.text == want; }))
      << "ZXing did not find QR " << want;

  const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "printer-render";
  fs::create_directories(dir);
  const fs::path png = dir / (c.kind + "-" + std::to_string(c.width) +
                              (c.native_qr ? "-native" : "-raster") + ".png");
  ASSERT_EQ(devsim::printer::write_png(paper, png), "");
  auto zbar = printer_test::zbar_decode(png.string());
  EXPECT_TRUE(std::find(zbar.begin(), zbar.end(), "QR-Code:" + want) != zbar.end())
      << "zbarimg did not find QR " << want << " in " << png;

  if (c.kind == "appointment") {  // the confirmation code is also a Code128
    const std::string code = t->sample.fields.at("confirmation_code");
    EXPECT_TRUE(std::find(zbar.begin(), zbar.end(), "CODE-128:" + code) != zbar.end());
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [&](const auto& d) {
      return d.format == "Code128" && d.text == code;
    }));
  }
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const char* k : {"preapplication", "appointment", "ticket", "navigation", "test-page"}) {
    out.push_back({k, 384, true});
    out.push_back({k, 576, false});
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Templates, PrinterRender, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) {
                           std::string n = param_info.param.kind + "_" +
                                           std::to_string(param_info.param.width) +
                                           (param_info.param.native_qr ? "_native" : "_raster");
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(PrinterRenderText, ChineseTextIsDrawnNotBoxed) {
  ASSERT_NE(glyphs(), nullptr);
  printer::Encoder e;
  e.init();
  ASSERT_TRUE(e.line("政务服务"));
  e.cut();
  auto papers = print(e.bytes(), 384);
  ASSERT_EQ(papers.size(), 1u);
  // Four full-width cells drawn: ink only in the first 96 dots, and plenty of it.
  int ink = 0, beyond = 0;
  for (int y = 0; y < papers[0].height; ++y) {
    for (int x = 0; x < papers[0].width; ++x) {
      if (!papers[0].at(x, y)) continue;
      ++ink;
      if (x >= 96) ++beyond;
    }
  }
  EXPECT_GT(ink, 200);
  EXPECT_EQ(beyond, 0);
}

TEST(PrinterTemplates, MasksKeepOnlyTheEdges) {
  EXPECT_EQ(printer::mask_id("65010219900101123X"), "6501**********123X");
  EXPECT_EQ(printer::mask_name("张三丰"), "张**");
  EXPECT_EQ(printer::mask_name("李"), "李*");
  EXPECT_EQ(printer::mask_name("John Smith"), "J*** S****");
  EXPECT_EQ(printer::mask_phone("13812345678"), "138****5678");
}

TEST(PrinterTemplates, PlaceholdersAndErrors) {
  printer::ReceiptData d;
  d.fields["id"] = "65010219900101123X";
  d.fields["n"] = "A042";
  EXPECT_EQ(*printer::fill_placeholders("No. {{n}} / {{id|mask_id}}", d),
            "No. A042 / 6501**********123X");
  EXPECT_FALSE(printer::fill_placeholders("{{missing}}", d));
  EXPECT_FALSE(printer::fill_placeholders("{{n|shout}}", d));
  EXPECT_FALSE(printer::fill_placeholders("{{n", d));
  EXPECT_FALSE(printer::parse_template(R"({"kind":"x","blocks":[{"type":"poem"}]})"));
  EXPECT_FALSE(printer::parse_template("not json"));
}

TEST(PrinterTemplates, ShippedTemplatesPrintNoPersonalDataInClear) {
  auto set = printer::TemplateSet::load(kTemplates);
  ASSERT_TRUE(set);
  for (const auto& kind : set->kinds()) {
    const auto* t = set->find(kind);
    auto bytes = printer::render_receipt(*t, t->sample, {});
    ASSERT_TRUE(bytes) << kind << ": " << bytes.error().detail;
    const std::string s(bytes->begin(), bytes->end());
    for (const char* field : {"id_number", "phone"}) {
      auto it = t->sample.fields.find(field);
      if (it != t->sample.fields.end()) {
        EXPECT_EQ(s.find(it->second), std::string::npos) << kind << " prints " << field;
      }
    }
  }
}

}  // namespace
