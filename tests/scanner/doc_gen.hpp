#pragma once
// Generated test documents: real text drawn with FreeType (Noto Sans CJK SC),
// real barcodes drawn by the ZXing writer, a business-licence-like layout,
// and the damage real pages suffer (rotation, blur, a dark surround).
#include "drivers/scanner/image.hpp"

#include <string>

namespace testdoc {

using scanner::Image;

// White A4 paper (slightly grey, with sensor noise) at `dpi`.
Image paper(int dpi, int channels = 1, unsigned seed = 1);

// Draws UTF-8 text with its baseline at (x, y); `px` is the em size.
void draw_text(Image& img, const std::string& utf8, int x, int y, int px,
               const unsigned char rgb[3] = nullptr);

// Draws a barcode (format "QRCode", "PDF417", "Code128") with its top-left
// at (x, y), `module` pixels per module/bar unit.
void draw_barcode(Image& img, const std::string& format, const std::string& text, int x, int y,
                  int module);

// A text page laid out like an official document (GB/T 9704: 16 pt body,
// 22 lines of 28 characters), Chinese with some English.
Image text_page(int dpi, int channels = 1);

// A worst case: 12 pt text over the full width, 28 long lines.
Image dense_text_page(int dpi);

// A business licence (营业执照) layout: frame, title, fields, a QR carrying
// `uscc` in a gsxt-style URL, and (colour only) a red round seal.
Image licence_page(int dpi, const std::string& uscc, int channels = 3);

// A pre-filled form with a QR holding `qr_text`.
Image form_page(int dpi, const std::string& qr_text);

// Gaussian blur with the given sigma in pixels.
Image blur(const Image& img, double sigma);

// Puts the page on a dark desk: a (w+2m) x (h+2m) canvas of `shade`.
Image on_desk(const Image& page, int margin, unsigned char shade = 40);

}  // namespace testdoc
