#pragma once
// QR and Code128 drawn by ZXing-cpp 1.4, for printers without native QR,
// for data native QR refuses (long or non-ASCII), and for the virtual
// printer, which draws what a real printer would.
#include "base/expected.hpp"
#include "drivers/printer/bitmap.hpp"
#include "drivers/printer/errors.hpp"

#include <string_view>

namespace printer {

// ESC/POS error-correction levels, in the order of GS ( k fn 69 n=48..51.
enum class QrEcc { L = 0, M = 1, Q = 2, H = 3 };

// One dot per module, `quiet` modules of white border. UTF-8 data.
kx::expected<Bitmap, Error> qr_matrix(std::string_view utf8, QrEcc ecc, int quiet = 4);

// One dot per module, no quiet zone; each bar module becomes `module`
// dots wide and the code `height` dots tall.
kx::expected<Bitmap, Error> code128_bars(std::string_view ascii, int module, int height);

}  // namespace printer
