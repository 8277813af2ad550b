#include "drivers/idcard/photo.hpp"

#include <dlfcn.h>

#include <algorithm>

namespace idcard {
namespace {

constexpr std::size_t kWltSize = 1024;
constexpr std::size_t kBmpSize = 38862;  // 54-byte header + 126 rows of 308 bytes

class VendorDecoder final : public PhotoDecoder {
 public:
  using UnpackFn = int (*)(char*, char*, int);
  VendorDecoder(void* handle, UnpackFn fn, std::string path)
      : handle_(handle), unpack_(fn), path_(std::move(path)) {}
  ~VendorDecoder() override { ::dlclose(handle_); }
  VendorDecoder(const VendorDecoder&) = delete;
  VendorDecoder& operator=(const VendorDecoder&) = delete;

  kx::expected<std::vector<std::uint8_t>, std::string> decode(
      std::span<const std::uint8_t> wlt) override {
    if (wlt.size() != kWltSize) return kx::unexpected(std::string("WLT photo is not 1024 bytes"));
    std::vector<char> in(wlt.begin(), wlt.end());
    std::vector<char> out(kBmpSize + 1024, 0);  // slack: some builds write past the end
    if (unpack_(in.data(), out.data(), 0) != 1) {
      return kx::unexpected(std::string("vendor WLT decoder refused the photo"));
    }
    std::vector<std::uint8_t> bmp(kBmpSize);
    std::transform(out.begin(), out.begin() + kBmpSize, bmp.begin(),
                   [](char c) { return static_cast<std::uint8_t>(c); });
    return bmp;
  }
  std::string name() const override { return "vendor:" + path_; }

 private:
  void* handle_;
  UnpackFn unpack_;
  std::string path_;
};

}  // namespace

kx::expected<std::unique_ptr<PhotoDecoder>, std::string> load_vendor_photo_decoder(
    const std::string& library_path) {
  void* h = ::dlopen(library_path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (h == nullptr) {
    const char* e = ::dlerror();
    return kx::unexpected(std::string("cannot load ") + library_path + ": " + (e ? e : "?"));
  }
  void* sym = ::dlsym(h, "unpack");
  if (sym == nullptr) {
    ::dlclose(h);
    return kx::unexpected(library_path + " has no 'unpack' entry point");
  }
  auto fn = reinterpret_cast<VendorDecoder::UnpackFn>(sym);
  return std::unique_ptr<PhotoDecoder>(new VendorDecoder(h, fn, library_path));
}

}  // namespace idcard
