// Stands in for a vendor WLT library (none may ship with the kiosk): same
// C entry point as libwlt.so. It "decodes" by writing a BMP header and
// repeating the input, so the test can see its output came through.
#include <cstring>

extern "C" int unpack(char* wlt, char* bmp, int /*save_file*/) {
  if (wlt[0] == 0x7F) return -1;  // lets the test exercise a refusal
  std::memset(bmp, 0, 38862);
  bmp[0] = 'B';
  bmp[1] = 'M';
  for (int i = 54; i < 38862; ++i) bmp[i] = wlt[i % 1024];
  return 1;
}
