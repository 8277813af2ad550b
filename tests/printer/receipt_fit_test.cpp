// Every receipt template, filled with the longest realistic values (long
// hall names, window groups, 18-character IDs, long bilingual item names),
// printed through the virtual printer at 58 mm and 80 mm: no line may run
// past the paper edge (the printer would wrap it wherever the edge falls),
// every character of every value must reach the paper, and Latin words
// must not be split across lines. PNGs land in <build>/printer-fit/ for a
// person to look at.
#include "drivers/printer/receipt_template.hpp"
#include "drivers/printer/text_layout.hpp"
#include "qr_decode.hpp"
#include "tools/devsim/printer/png_writer.hpp"
#include "virtual_paper.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using printer_test::glyphs;
using printer_test::print;
using printer_test::Printed;

const fs::path kTemplates = fs::path(KIOSK_SOURCE_DIR) / "config/defaults/receipts";

// The longest values the kiosk meets in practice, per field name.
const std::map<std::string, std::string>& long_fields() {
  static const std::map<std::string, std::string> f = {
      {"center_name", "乌鲁木齐市沙依巴克区政务服务中心（西山片区综合服务大厅）"},
      {"hall", "乌鲁木齐市政务服务中心高新区（新市区）分中心二楼东厅"},
      {"case_number", "YS650102202611270000042"},
      {"applicant", "阿卜杜热合曼·艾合麦提江"},
      {"id_number", "65010219900101123X"},
      {"item",
       "企业职工基本养老保险关系转移接续申请（跨省转入） Transfer of basic pension insurance "
       "between provinces"},
      {"next_step",
       "预审通过后请于5个工作日内携带全部原件到不动产登记B区12号窗口办理（最多跑一次） Bring "
       "all originals to window B-12 within 5 working days"},
      {"time", "2026-11-27 10:42:05"},
      {"terminal_id", "KIOSK-650102-0107"},
      {"platform", "https://zwfw.wlmq.gov.cn:8443/terminal-gateway/v1"},
      {"selftest", "ok (8 checks)"},
      {"window", "B区12号窗口（不动产登记综合受理） Window B-12"},
      {"confirmation_code", "AP7Q3K9M"},
      {"number", "VIP-A042"},
      {"window_group", "综合受理 A1-A8, 不动产登记 B1-B12 Comprehensive windows"},
      {"ahead", "137"},
      {"wait", "约 2 小时 15 分钟 / about 2 h 15 min"},
      {"destination", "B区12号窗口（不动产登记） Window B-12, Real estate registration"},
  };
  return f;
}

const std::map<std::string, std::vector<std::string>>& long_lists() {
  static const std::map<std::string, std::vector<std::string>> l = {
      {"materials",
       {"居民身份证（电子证照 A级） Resident identity card (e-licence, grade A)",
        "营业执照副本复印件加盖公章（扫描件 C级） Copy of the business licence with the company "
        "seal",
        "中华人民共和国不动产权证书 Real estate title certificate of the People's Republic of "
        "China"}},
      {"steps",
       {"向前直走20米到达中庭，在服务台左侧乘自动扶梯 Walk 20 m ahead to the atrium and take the "
        "escalator left of the help desk",
        "乘右侧电梯到2楼 Take the lift on the right to floor 2",
        "出电梯左转，沿蓝色地标线走到B区第12号窗口（不动产登记） Turn left and follow the blue "
        "floor line to window B-12"}},
  };
  return l;
}

bool is_space(char c) {
  return c == ' ';
}

std::string without_spaces(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), is_space), s.end());
  return s;
}

// Maximal runs of printable ASCII without spaces: Latin words, codes, IDs.
std::vector<std::string> latin_words(const std::string& s) {
  std::vector<std::string> words(1);
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x80 && c != ' ') {
      words.back() += c;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// What each text-bearing block puts on paper, placeholders filled.
std::vector<std::string> printed_texts(const printer::ReceiptTemplate& t,
                                       const printer::ReceiptData& data) {
  std::vector<std::string> out;
  for (const auto& b : t.blocks) {
    using K = printer::Block::Kind;
    if (b.kind == K::text || b.kind == K::pair)
      out.push_back(*printer::fill_placeholders(b.text, data));
    if (b.kind == K::pair) out.push_back(*printer::fill_placeholders(b.value, data));
    if (b.kind == K::list) {
      for (const auto& item : data.lists.at(b.value)) out.push_back(item);
    }
  }
  return out;
}

struct Case {
  std::string kind;
  int width;
};

class ReceiptFit : public ::testing::TestWithParam<Case> {};

TEST_P(ReceiptFit, LongValuesStayInsideThePaperAndArePrintedWhole) {
  ASSERT_NE(glyphs(), nullptr) << "Noto Sans CJK missing (fonts-noto-cjk)";
  auto set = printer::TemplateSet::load(kTemplates);
  ASSERT_TRUE(set) << set.error().detail;
  const Case c = GetParam();
  const auto* t = set->find(c.kind);
  ASSERT_NE(t, nullptr);

  printer::ReceiptData data = t->sample;
  for (auto& [name, value] : data.fields) {
    if (name.ends_with("_url")) continue;  // only inside the QR code
    auto it = long_fields().find(name);
    ASSERT_NE(it, long_fields().end()) << "no long test value for field '" << name << "'";
    value = it->second;
  }
  for (auto& [name, items] : data.lists) {
    auto it = long_lists().find(name);
    ASSERT_NE(it, long_lists().end()) << "no long test value for list '" << name << "'";
    items = it->second;
  }

  printer::ReceiptLayout layout;
  layout.width = c.width == 576 ? printer::PaperWidth::mm80 : printer::PaperWidth::mm58;
  auto bytes = printer::render_receipt(*t, data, layout);
  ASSERT_TRUE(bytes) << bytes.error().detail;
  const Printed p = print(*bytes, c.width);
  ASSERT_EQ(p.papers.size(), 1u);

  EXPECT_EQ(p.edge_wraps, 0) << "a line ran past the paper edge";
  std::string all;
  for (const auto& l : p.lines) {
    EXPECT_LE(printer::text_dots(l), c.width) << l;
    all += l;
  }
  const std::string flat = without_spaces(all);
  for (const std::string& text : printed_texts(*t, data)) {
    EXPECT_NE(flat.find(without_spaces(text)), std::string::npos) << "not printed whole: " << text;
    for (const std::string& word : latin_words(text)) {
      if (printer::text_dots(word) > c.width) continue;  // must be split
      EXPECT_TRUE(std::any_of(p.lines.begin(), p.lines.end(),
                              [&](const std::string& l) { return l.find(word) != l.npos; }))
          << "word split across lines: " << word;
    }
  }

  const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "printer-fit";
  fs::create_directories(dir);
  const fs::path png = dir / (c.kind + "-" + std::to_string(c.width) + ".png");
  ASSERT_EQ(devsim::printer::write_png(p.papers[0], png), "");
  const auto zbar = printer_test::zbar_decode(png.string());
  EXPECT_TRUE(std::any_of(zbar.begin(), zbar.end(),
                          [](const std::string& s) { return s.starts_with("QR-Code:"); }))
      << "no QR code decoded in " << png;
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const char* k :
       {"preapplication", "appointment", "ticket", "navigation", "test-page", "provision-slip"}) {
    out.push_back({k, 384});
    out.push_back({k, 576});
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Templates, ReceiptFit, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) {
                           std::string n =
                               param_info.param.kind + "_" + std::to_string(param_info.param.width);
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// The demo's receipt: a pair that fits stays on one line, value whole.
TEST(ReceiptFit, MaskedIdPairStaysOnOneLineAt58mm) {
  ASSERT_NE(glyphs(), nullptr);
  auto set = printer::TemplateSet::load(kTemplates);
  ASSERT_TRUE(set);
  const auto* t = set->find("preapplication");
  ASSERT_NE(t, nullptr);
  auto bytes = printer::render_receipt(*t, t->sample, {});
  ASSERT_TRUE(bytes);
  const Printed p = print(*bytes, 384);
  EXPECT_EQ(p.edge_wraps, 0);
  EXPECT_TRUE(std::any_of(p.lines.begin(), p.lines.end(), [](const std::string& l) {
    return l.starts_with("证件号 ID") && l.ends_with("6501**********1234");
  }));
}

}  // namespace
