// Byte-exact ESC/POS encoding, checked against the byte layouts in
// PRODUCT.md ("Receipt printer (ESC/POS)").
#include "drivers/printer/escpos.hpp"
#include "drivers/printer/gb18030.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using Bytes = std::vector<std::uint8_t>;
using printer::Align;
using printer::Encoder;
using printer::QrEcc;

TEST(PrinterEncoder, InitChineseModeStylesAlign) {
  Encoder e;
  e.init().chinese(true).chinese(false).bold(true).bold(false).size(2, 2).size(1, 3).align(
      Align::center);
  EXPECT_EQ(e.bytes(), (Bytes{0x1B, 0x40, 0x1C, 0x26, 0x1C, 0x2E, 0x1B, 0x45, 0x01, 0x1B, 0x45,
                              0x00, 0x1D, 0x21, 0x11, 0x1D, 0x21, 0x02, 0x1B, 0x61, 0x01}));
}

TEST(PrinterEncoder, FeedAndCut) {
  Encoder e;
  e.newline().feed(3).cut(false).cut(true).feed_and_cut(16);
  EXPECT_EQ(e.bytes(), (Bytes{0x0A, 0x1B, 0x64, 0x03, 0x1D, 0x56, 0x00, 0x1D, 0x56, 0x01, 0x1D,
                              0x56, 0x42, 0x10}));
}

TEST(PrinterEncoder, AsciiTextPassesThrough) {
  Encoder e;
  ASSERT_TRUE(e.line("A-42"));
  EXPECT_EQ(e.bytes(), (Bytes{'A', '-', '4', '2', 0x0A}));
}

TEST(PrinterEncoder, ChineseTextIsGbkAndTurnsChineseModeOn) {
  Encoder e;
  ASSERT_TRUE(e.text("政务"));
  // 政 = D5FE, 务 = CEF1 in GB2312/GBK.
  EXPECT_EQ(e.bytes(), (Bytes{0x1C, 0x26, 0xD5, 0xFE, 0xCE, 0xF1}));
  // Already in Chinese mode: no second FS &.
  ASSERT_TRUE(e.text("A"));
  EXPECT_EQ(e.bytes().back(), 'A');
  EXPECT_EQ(std::count(e.bytes().begin(), e.bytes().end(), 0x1C), 1);
}

TEST(PrinterEncoder, Gb18030RoundTripIncludingFourByteCodes) {
  // 𠀀 (U+20000) and € need GB18030's four-byte form; the rest is GBK.
  const std::string text = "政务服务自助终端：预受理回执 A-42 € 𠀀 乌鲁木齐";
  auto gb = printer::utf8_to_gb18030(text);
  ASSERT_TRUE(gb);
  auto back = printer::gb18030_to_utf8(gb->data(), gb->size());
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, text);
  // Character lengths walk the sequence exactly.
  std::size_t i = 0, chars = 0;
  while (i < gb->size()) {
    const std::size_t n = printer::gb18030_char_length(gb->data() + i, gb->size() - i);
    ASSERT_GT(n, 0u) << "at " << i;
    i += n;
    ++chars;
  }
  EXPECT_EQ(i, gb->size());
  EXPECT_EQ(chars, 28u);
}

TEST(PrinterEncoder, InvalidUtf8IsAnEncodingError) {
  Encoder e;
  auto r = e.text("\xff\xfe bad");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, printer::ErrorCode::encoding);
}

TEST(PrinterEncoder, NativeQrModel2SizeEccStorePrint) {
  Encoder e;
  ASSERT_TRUE(e.qr_native("HELLO", 6, QrEcc::Q));
  const Bytes expected{0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,  // model 2
                       0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,        // size 6
                       0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x32,        // ECC Q
                       0x1D, 0x28, 0x6B, 0x08, 0x00, 0x31, 0x50, 0x30, 'H',
                       'E',  'L',  'L',  'O',                            // store
                       0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30};  // print
  EXPECT_EQ(e.bytes(), expected);
}

TEST(PrinterEncoder, NativeQrStoreLengthUsesBothBytes) {
  Encoder e;
  const std::string data(300, 'x');
  ASSERT_TRUE(e.qr_native(data, 3, QrEcc::L));
  const auto& b = e.bytes();
  const Bytes store_head{0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30};  // 303 = 0x012F
  EXPECT_TRUE(std::search(b.begin(), b.end(), store_head.begin(), store_head.end()) != b.end());
}

TEST(PrinterEncoder, QrChoosesRasterForNonAsciiLongOrNoNativeSupport) {
  printer::QrOptions opt;
  {
    Encoder e;
    ASSERT_TRUE(e.qr("https://a.example/1", opt, Align::center));
    EXPECT_EQ((Bytes{e.bytes().begin(), e.bytes().begin() + 6}),
              (Bytes{0x1B, 0x61, 0x01, 0x1D, 0x28, 0x6B}));  // ESC a 1, then GS ( k
  }
  for (const std::string& data : {std::string("排队号 A042"), std::string(200, 'y')}) {
    Encoder e;
    ASSERT_TRUE(e.qr(data, opt, Align::center));
    EXPECT_EQ((Bytes{e.bytes().begin(), e.bytes().begin() + 4}), (Bytes{0x1D, 0x76, 0x30, 0x00}));
  }
  opt.native_supported = false;
  Encoder e;
  ASSERT_TRUE(e.qr("ABC", opt, Align::left));
  EXPECT_EQ(e.bytes()[1], 0x76);
}

TEST(PrinterEncoder, RasterImageHeaderAndPackedRows) {
  printer::Bitmap img(10, 2);  // 10 dots -> 2 bytes per row
  img.set(0, 0);
  img.set(9, 0);
  img.set(1, 1);
  Encoder e;
  ASSERT_TRUE(e.raster(img));
  EXPECT_EQ(e.bytes(), (Bytes{0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00,  // xL xH yL yH
                              0x80, 0x40, 0x40, 0x00}));
}

TEST(PrinterEncoder, RasterCentreIsBakedIntoThePicture) {
  printer::Bitmap img(8, 1);
  img.set(0, 0);
  Encoder e(printer::PaperWidth::mm58);
  ASSERT_TRUE(e.raster(img, Align::center));
  // (384-8)/2 = 188 dots of white, then the dot: width 196 -> 25 bytes.
  ASSERT_EQ(e.bytes().size(), 8u + 25u);
  EXPECT_EQ(e.bytes()[4], 25);
  EXPECT_EQ(e.bytes()[8 + 188 / 8], 0x80 >> (188 % 8));
}

TEST(PrinterEncoder, TallRasterIsSplitIntoBands) {
  printer::Bitmap img(8, 300);
  Encoder e;
  ASSERT_TRUE(e.raster(img));
  ASSERT_EQ(e.bytes().size(), 8u + 256u + 8u + 44u);
  EXPECT_EQ(e.bytes()[6], 0x00);  // 256 rows = 00 01
  EXPECT_EQ(e.bytes()[7], 0x01);
  EXPECT_EQ(e.bytes()[8 + 256 + 6], 44);
}

TEST(PrinterEncoder, RasterWiderThanPaperIsRefused) {
  Encoder e(printer::PaperWidth::mm58);
  auto r = e.raster(printer::Bitmap(385, 1));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, printer::ErrorCode::image_too_large);
  Encoder wide(printer::PaperWidth::mm80);
  EXPECT_TRUE(wide.raster(printer::Bitmap(576, 1)));
}

TEST(PrinterEncoder, Code128WithHeightWidthAndHri) {
  Encoder e;
  ASSERT_TRUE(e.code128("AP7Q3K", 60, 2));
  EXPECT_EQ(e.bytes(), (Bytes{0x1D, 0x68, 60,  0x1D, 0x77, 2,   0x1D, 0x48, 2,   0x1D, 0x6B,
                              73,   8,    '{', 'B',  'A',  'P', '7',  'Q',  '3', 'K'}));
  Encoder bad;
  EXPECT_FALSE(bad.code128("排队"));
  EXPECT_FALSE(bad.code128(""));
}

TEST(PrinterEncoder, FloydSteinbergKeepsMeanTone) {
  // A 50% grey field dithers to about half the dots; black and white stay solid.
  std::vector<std::uint8_t> grey(64 * 64, 128);
  auto half = printer::dither_floyd_steinberg(grey, 64, 64);
  const auto black = std::count(half.ink.begin(), half.ink.end(), 1);
  EXPECT_NEAR(static_cast<double>(black) / (64 * 64), 0.5, 0.03);
  std::vector<std::uint8_t> dark(16 * 16, 0), light(16 * 16, 255);
  auto d = printer::dither_floyd_steinberg(dark, 16, 16);
  auto l = printer::dither_floyd_steinberg(light, 16, 16);
  EXPECT_EQ(std::count(d.ink.begin(), d.ink.end(), 1), 256);
  EXPECT_EQ(std::count(l.ink.begin(), l.ink.end(), 1), 0);
}

}  // namespace
