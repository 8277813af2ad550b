#define ZX_USE_UTF8 1
#include "tests/scanner/doc_gen.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace testdoc {

namespace {

constexpr const char* kFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr int kFaceSC = 2;  // face index of Simplified Chinese in the collection

std::vector<char32_t> decode_utf8(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

struct Font {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  Font() {
    if (FT_Init_FreeType(&lib) != 0 || FT_New_Face(lib, kFont, kFaceSC, &face) != 0)
      throw std::runtime_error("cannot load Noto Sans CJK");
  }
  ~Font() {
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
  }
};

Font& font() {
  static Font f;
  return f;
}

void put(Image& img, int x, int y, const unsigned char rgb[3], unsigned alpha) {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height || alpha == 0) return;
  std::uint8_t* p = img.row(y) + static_cast<std::size_t>(x) * img.channels;
  for (int c = 0; c < img.channels; ++c) {
    const unsigned ink =
        img.channels == 1 ? (rgb[0] * 77u + rgb[1] * 150u + rgb[2] * 29u) >> 8 : rgb[c];
    p[c] = static_cast<std::uint8_t>((p[c] * (255 - alpha) + ink * alpha) / 255);
  }
}

void fill_rect(Image& img, int x, int y, int w, int h, const unsigned char rgb[3]) {
  for (int yy = y; yy < y + h; ++yy)
    for (int xx = x; xx < x + w; ++xx) put(img, xx, yy, rgb, 255);
}

constexpr unsigned char kBlack[3] = {20, 20, 20};
constexpr unsigned char kRed[3] = {210, 30, 30};

int mm(int dpi, double v) {
  return static_cast<int>(std::lround(v / 25.4 * dpi));
}

}  // namespace

Image paper(int dpi, int channels, unsigned seed) {
  Image img = Image::blank(mm(dpi, 210), mm(dpi, 297), channels, 0, dpi);
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 3.0);
  for (auto& p : img.pixels)
    p = static_cast<std::uint8_t>(std::clamp(243.0 + noise(rng), 0.0, 255.0));
  return img;
}

void draw_text(Image& img, const std::string& utf8, int x, int y, int px,
               const unsigned char rgb[3]) {
  if (rgb == nullptr) rgb = kBlack;
  FT_Face face = font().face;
  FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(px));
  int pen = x;
  for (char32_t cp : decode_utf8(utf8)) {
    if (FT_Load_Char(face, cp, FT_LOAD_RENDER) != 0) continue;
    const FT_GlyphSlot g = face->glyph;
    const FT_Bitmap& bm = g->bitmap;
    for (unsigned r = 0; r < bm.rows; ++r)
      for (unsigned c = 0; c < bm.width; ++c)
        put(img, pen + g->bitmap_left + static_cast<int>(c),
            y - g->bitmap_top + static_cast<int>(r), rgb,
            bm.buffer[r * static_cast<unsigned>(bm.pitch) + c]);
    pen += static_cast<int>(g->advance.x >> 6);
  }
}

void draw_barcode(Image& img, const std::string& format, const std::string& text, int x, int y,
                  int module) {
  const ZXing::BarcodeFormat f = ZXing::BarcodeFormatFromString(format);
  ZXing::MultiFormatWriter writer(f);
  writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(0);
  if (f == ZXing::BarcodeFormat::QRCode) writer.setEccLevel(2);
  const ZXing::BitMatrix m = writer.encode(text, 0, 0);  // natural size: one pixel per module
  const int sx = module;
  const int sy = f == ZXing::BarcodeFormat::Code128 ? module * 60 : module;
  const int h = f == ZXing::BarcodeFormat::Code128 ? 1 : m.height();
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < m.width(); ++c)
      if (m.get(c, r))
        fill_rect(img, x + c * sx, y + r * sy, sx, sy * (f == ZXing::BarcodeFormat::PDF417 ? 3 : 1),
                  kBlack);
}

Image text_page(int dpi, int channels) {
  // GB/T 9704 official-document layout: type area 156 x 225 mm (top margin
  // 37 mm, left 28 mm), title in 2号 (22 pt), body in 3号 (16 pt), 22 lines of
  // 28 characters.
  Image img = paper(dpi, channels);
  const int body = mm(dpi, 16 * 0.3528);
  const int left = mm(dpi, 28);
  const double pitch = 225.0 / 22;
  draw_text(img, "关于申请办理企业设立登记的情况说明", left + mm(dpi, 14), mm(dpi, 37 + 8),
            mm(dpi, 22 * 0.3528));
  const std::string lines[] = {
      "根据《市场主体登记管理条例》规定，现将本公司设立登记情况说明如下：",  // 28 characters
      "一、公司名称为某某市智慧政务科技有限公司，住所在政务大道一号。",
      "二、The applicant confirms the documents are complete.",
  };
  for (int line = 0; line < 20; ++line) {
    const std::string& text = lines[static_cast<std::size_t>(line % 3)];
    draw_text(img, text, left, mm(dpi, 37 + 8 + pitch * (line + 2)), body);
  }
  return img;
}

Image dense_text_page(int dpi) {
  // Much denser than an official document: 12 pt over the full width, 28
  // lines. Used to report the size of a worst-case page.
  Image img = paper(dpi, 1);
  const int px = mm(dpi, 4.2);
  int y = mm(dpi, 30);
  const std::string zh =
      "根据《市场主体登记管理条例》的规定，现将本公司设立登记的有关情况说明如下：";
  const std::string en =
      "The applicant confirms that the documents submitted are true and complete.";
  for (int line = 0; line < 28; ++line) {
    draw_text(img, line % 3 == 2 ? en : zh, mm(dpi, 25), y, px);
    y += px * 2;
  }
  return img;
}

Image licence_page(int dpi, const std::string& uscc, int channels) {
  Image img = paper(dpi, channels);
  const unsigned char frame[3] = {150, 110, 40};
  const int m = mm(dpi, 12);
  const int t = std::max(2, mm(dpi, 1.2));
  fill_rect(img, m, m, img.width - 2 * m, t, frame);
  fill_rect(img, m, img.height - m - t, img.width - 2 * m, t, frame);
  fill_rect(img, m, m, t, img.height - 2 * m, frame);
  fill_rect(img, img.width - m - t, m, t, img.height - 2 * m, frame);
  const int px = mm(dpi, 4.5);
  draw_text(img, "营 业 执 照", img.width / 2 - px * 5, mm(dpi, 55), px * 3);
  draw_text(img, "统一社会信用代码 " + uscc, mm(dpi, 25), mm(dpi, 38), px);
  draw_barcode(img, "QRCode", "http://www.gsxt.gov.cn/index.html?uniscid=" + uscc, mm(dpi, 160),
               mm(dpi, 20), std::max(2, mm(dpi, 0.6)));
  const char* fields[] = {"名        称  某某市智慧政务科技有限公司",
                          "类        型  有限责任公司",
                          "法定代表人  张某某",
                          "经 营 范 围  软件开发；信息技术咨询服务。",
                          "注 册 资 本  壹佰万元整",
                          "成 立 日 期  2020年05月18日",
                          "住        所  某某市某某区政务大道1号"};
  int y = mm(dpi, 95);
  for (const char* f : fields) {
    draw_text(img, f, mm(dpi, 30), y, px);
    y += px * 3;
  }
  draw_text(img, "登记机关", mm(dpi, 120), mm(dpi, 250), px);
  if (channels == 3) {
    // The registration authority's red seal: a ring with a star.
    const int cx = mm(dpi, 150), cy = mm(dpi, 245), r = mm(dpi, 20);
    for (int yy = cy - r; yy <= cy + r; ++yy)
      for (int xx = cx - r; xx <= cx + r; ++xx) {
        const double d = std::hypot(xx - cx, yy - cy);
        if (d <= r && d >= r - mm(dpi, 1.5)) put(img, xx, yy, kRed, 230);
        if (d <= r / 4.0) put(img, xx, yy, kRed, 230);
      }
    draw_text(img, "市场监督管理局", cx - px * 7 / 2, cy + r / 2, px, kRed);
  }
  return img;
}

Image form_page(int dpi, const std::string& qr_text) {
  Image img = paper(dpi, 1);
  const int px = mm(dpi, 4.2);
  draw_text(img, "居民个人事项预申请表（已预填）", mm(dpi, 40), mm(dpi, 30), px * 3 / 2);
  int y = mm(dpi, 60);
  for (const char* f :
       {"申请事项：户籍证明", "申请人：李某", "联系电话：138****0000", "办理方式：窗口领取"}) {
    draw_text(img, f, mm(dpi, 25), y, px);
    fill_rect(img, mm(dpi, 25), y + px / 2, mm(dpi, 160), std::max(1, dpi / 150), kBlack);
    y += px * 3;
  }
  draw_barcode(img, "QRCode", qr_text, mm(dpi, 150), mm(dpi, 230), std::max(2, mm(dpi, 0.5)));
  draw_barcode(img, "Code128", "F2026-000123", mm(dpi, 25), mm(dpi, 240),
               std::max(1, mm(dpi, 0.33)));
  return img;
}

Image blur(const Image& img, double sigma) {
  const int r = static_cast<int>(std::ceil(3 * sigma));
  std::vector<double> k(static_cast<std::size_t>(2 * r + 1));
  double sum = 0;
  for (int i = -r; i <= r; ++i)
    sum += k[static_cast<std::size_t>(i + r)] = std::exp(-i * i / (2 * sigma * sigma));
  for (double& v : k) v /= sum;
  const int ch = img.channels;
  Image tmp = img, out = img;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      for (int c = 0; c < ch; ++c) {
        double acc = 0;
        for (int i = -r; i <= r; ++i)
          acc += k[static_cast<std::size_t>(i + r)] *
                 img.row(y)[std::clamp(x + i, 0, img.width - 1) * ch + c];
        tmp.row(y)[x * ch + c] = static_cast<std::uint8_t>(acc + 0.5);
      }
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      for (int c = 0; c < ch; ++c) {
        double acc = 0;
        for (int i = -r; i <= r; ++i)
          acc += k[static_cast<std::size_t>(i + r)] *
                 tmp.row(std::clamp(y + i, 0, img.height - 1))[x * ch + c];
        out.row(y)[x * ch + c] = static_cast<std::uint8_t>(acc + 0.5);
      }
  return out;
}

Image on_desk(const Image& page, int margin, unsigned char shade) {
  Image out = Image::blank(page.width + 2 * margin, page.height + 2 * margin, page.channels, shade,
                           page.dpi);
  for (int y = 0; y < page.height; ++y)
    std::copy(page.row(y), page.row(y) + page.stride(),
              out.row(y + margin) + static_cast<std::size_t>(margin) * page.channels);
  return out;
}

}  // namespace testdoc
