// A QR code drawn on screen, for a citizen to photograph or scan with a
// phone (the route on a phone; a slip's code when there is no paper).
#include "ui/screens/flow_screens.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace ui {
namespace {

// The last code encoded: a screen draws the same one every frame.
struct QrCache {
  std::string text;
  ZXing::BitMatrix matrix;
  bool ok = false;
};

const QrCache& encoded(const std::string& text) {
  static thread_local QrCache cache;
  if (cache.text == text && (cache.ok || text.empty())) return cache;
  cache.text = text;
  cache.ok = false;
  if (text.empty()) return cache;
  try {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEncoding(ZXing::CharacterSet::UTF8).setEccLevel(3).setMargin(0);  // ECC M
    cache.matrix = writer.encode(text, 0, 0);
    cache.ok = true;
  } catch (const std::exception&) {
    // Too long for a QR code: nothing is drawn; the text beside it stays.
  }
  return cache;
}

}  // namespace

void draw_qr(ScreenContext& ctx, ImVec2 min, float side, const std::string& text) {
  const QrCache& qr = encoded(text);
  auto& d = ctx.canvas.draw();
  // White with a quiet zone of 4 modules, whatever the theme's background.
  d.AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32_WHITE);
  if (!qr.ok || qr.matrix.width() == 0) return;
  const int n = qr.matrix.width();
  const float module = side / static_cast<float>(n + 8);
  const float x0 = min.x + 4 * module, y0 = min.y + 4 * module;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      if (!qr.matrix.get(x, y)) continue;
      const ImVec2 a(x0 + static_cast<float>(x) * module, y0 + static_cast<float>(y) * module);
      d.AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
    }
  }
}

}  // namespace ui
