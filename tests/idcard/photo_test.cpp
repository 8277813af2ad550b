// The run-time vendor photo decoder seam, with a stand-in library built by
// this test (see fake_wlt_vendor.cpp); no real vendor library is available.
#include "drivers/idcard/photo.hpp"

#include <gtest/gtest.h>

#include <vector>

TEST(IdcardPhoto, VendorLibraryIsLoadedAndCalled) {
  auto dec = idcard::load_vendor_photo_decoder(KIOSK_FAKE_WLT_LIBRARY);
  ASSERT_TRUE(dec) << dec.error();
  std::vector<std::uint8_t> wlt(1024);
  for (std::size_t i = 0; i < wlt.size(); ++i) wlt[i] = static_cast<std::uint8_t>(i * 7);
  auto bmp = (*dec)->decode(wlt);
  ASSERT_TRUE(bmp) << bmp.error();
  ASSERT_EQ(bmp->size(), 38862u);
  EXPECT_EQ((*bmp)[0], 'B');
  EXPECT_EQ((*bmp)[1], 'M');
  EXPECT_EQ((*bmp)[54], wlt[54]);
  EXPECT_NE((*dec)->name().find("vendor:"), std::string::npos);

  wlt[0] = 0x7F;
  EXPECT_FALSE((*dec)->decode(wlt));
  EXPECT_FALSE((*dec)->decode(std::vector<std::uint8_t>(100)));
}

TEST(IdcardPhoto, MissingLibraryIsAnErrorNotACrash) {
  auto dec = idcard::load_vendor_photo_decoder("/nonexistent/libwlt.so");
  ASSERT_FALSE(dec);
  EXPECT_NE(dec.error().find("cannot load"), std::string::npos);
}
