#include "drivers/printer/gb18030.hpp"

#include <iconv.h>

#include <cerrno>

namespace printer {
namespace {

// iconv descriptors are not thread-safe; one per thread and direction.
class Converter {
 public:
  Converter(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Converter() {
    if (ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // Returns false on an invalid or unconvertible sequence.
  bool run(const char* in, std::size_t in_len, std::string& out) {
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);  // reset shift state
    out.resize(in_len * 4 + 8);
    char* src = const_cast<char*>(in);  // iconv's signature is not const-correct
    std::size_t src_left = in_len;
    char* dst = out.data();
    std::size_t dst_left = out.size();
    if (iconv(cd_, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      return false;
    }
    out.resize(out.size() - dst_left);
    return true;
  }

 private:
  iconv_t cd_;
};

}  // namespace

kx::expected<std::vector<std::uint8_t>, Error> utf8_to_gb18030(std::string_view utf8) {
  thread_local Converter conv("GB18030", "UTF-8");
  if (!conv.ok()) return kx::unexpected(Error{ErrorCode::encoding, "iconv has no GB18030"});
  std::string out;
  if (!conv.run(utf8.data(), utf8.size(), out)) {
    return kx::unexpected(Error{ErrorCode::encoding, "invalid UTF-8 in receipt text"});
  }
  return std::vector<std::uint8_t>(out.begin(), out.end());
}

kx::expected<std::string, Error> gb18030_to_utf8(const std::uint8_t* data, std::size_t size) {
  thread_local Converter conv("UTF-8", "GB18030");
  if (!conv.ok()) return kx::unexpected(Error{ErrorCode::encoding, "iconv has no GB18030"});
  std::string out;
  if (!conv.run(reinterpret_cast<const char*>(data), size, out)) {
    return kx::unexpected(Error{ErrorCode::encoding, "invalid GB18030 sequence"});
  }
  return out;
}

std::size_t gb18030_char_length(const std::uint8_t* p, std::size_t n) {
  if (n == 0) return 0;
  if (p[0] < 0x80) return 1;
  if (p[0] == 0x80 || p[0] == 0xFF) return 0;
  if (n < 2) return 0;
  if (p[1] >= 0x30 && p[1] <= 0x39) {
    if (n < 4) return 0;
    if (p[2] < 0x81 || p[2] > 0xFE || p[3] < 0x30 || p[3] > 0x39) return 0;
    return 4;
  }
  if (p[1] < 0x40 || p[1] == 0x7F || p[1] == 0xFF) return 0;
  return 2;
}

}  // namespace printer
