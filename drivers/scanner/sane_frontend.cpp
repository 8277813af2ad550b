#include "drivers/scanner/sane_frontend.hpp"

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <mutex>
#include <sstream>

namespace scanner {

namespace {

// sane_init/sane_exit are process-wide: count the users so listing devices
// while a scanner is open does not tear the backends down under it.
std::mutex g_runtime_mutex;
int g_runtime_users = 0;

kx::expected<void, Error> acquire_runtime() {
  std::lock_guard lock(g_runtime_mutex);
  if (g_runtime_users == 0) {
    SANE_Int version = 0;
    const SANE_Status st = sane_init(&version, nullptr);
    if (st != SANE_STATUS_GOOD)
      return kx::unexpected(
          Error{error_from_sane_status(st), std::string("sane_init: ") + sane_strstatus(st)});
  }
  ++g_runtime_users;
  return {};
}

void release_runtime() {
  std::lock_guard lock(g_runtime_mutex);
  if (--g_runtime_users == 0) sane_exit();
}

Error sane_error(const char* what, SANE_Status st) {
  return Error{error_from_sane_status(st), std::string(what) + ": " + sane_strstatus(st)};
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool parse_number(std::string_view text, double& out) {
  const char* b = text.data();
  const char* e = b + text.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc{} && p == e;
}

// Snaps a wanted value to what the descriptor allows.
double snap(const SANE_Option_Descriptor* d, double v) {
  const bool fixed = d->type == SANE_TYPE_FIXED;
  auto unword = [fixed](SANE_Word w) { return fixed ? SANE_UNFIX(w) : static_cast<double>(w); };
  if (d->constraint_type == SANE_CONSTRAINT_RANGE && d->constraint.range != nullptr) {
    const SANE_Range* r = d->constraint.range;
    const double lo = unword(r->min);
    const double hi = unword(r->max);
    v = std::clamp(v, lo, hi);
    const double q = unword(r->quant);
    if (q > 0) v = std::min(hi, lo + std::round((v - lo) / q) * q);
  } else if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST &&
             d->constraint.word_list != nullptr) {
    const SANE_Word* list = d->constraint.word_list;
    double best = v;
    double best_dist = -1;
    for (SANE_Word i = 1; i <= list[0]; ++i) {
      const double c = unword(list[i]);
      if (best_dist < 0 || std::abs(c - v) < best_dist) {
        best = c;
        best_dist = std::abs(c - v);
      }
    }
    v = best;
  }
  return v;
}

}  // namespace

ErrorCode error_from_sane_status(int status) {
  switch (static_cast<SANE_Status>(status)) {
    case SANE_STATUS_GOOD:
    case SANE_STATUS_EOF:
      return ErrorCode::internal;  // not errors; callers do not map these
    case SANE_STATUS_UNSUPPORTED:
      return ErrorCode::unsupported;
    case SANE_STATUS_CANCELLED:
      return ErrorCode::cancelled;
    case SANE_STATUS_DEVICE_BUSY:
      return ErrorCode::device_busy;
    case SANE_STATUS_INVAL:
      return ErrorCode::invalid_argument;
    case SANE_STATUS_JAMMED:
      return ErrorCode::jammed;
    case SANE_STATUS_NO_DOCS:
      return ErrorCode::no_documents;
    case SANE_STATUS_COVER_OPEN:
      return ErrorCode::cover_open;
    case SANE_STATUS_IO_ERROR:
      return ErrorCode::io_error;
    case SANE_STATUS_NO_MEM:
      return ErrorCode::out_of_memory;
    case SANE_STATUS_ACCESS_DENIED:
      return ErrorCode::access_denied;
  }
  return ErrorCode::internal;
}

std::string match_source(const std::vector<std::string>& choices, Feed feed) {
  // Prefer the plain (simplex) feeder over "ADF Duplex"/"ADF Back".
  int best_rank = 0;
  std::string best;
  for (const std::string& c : choices) {
    const std::string l = lower(c);
    int rank = 0;
    if (feed == Feed::adf) {
      const bool feeder = l.find("adf") != std::string::npos ||
                          l.find("feeder") != std::string::npos ||
                          l.find("automatic document") != std::string::npos;
      if (feeder)
        rank =
            (l.find("duplex") != std::string::npos || l.find("back") != std::string::npos) ? 1 : 2;
    } else {
      if (l.find("flatbed") != std::string::npos || l == "fb" || l == "normal" ||
          l.find("glass") != std::string::npos)
        rank = 2;
    }
    if (rank > best_rank) {
      best_rank = rank;
      best = c;
    }
  }
  return best;
}

kx::expected<std::vector<DeviceInfo>, Error> list_devices() {
  if (auto rt = acquire_runtime(); !rt) return kx::unexpected(rt.error());
  const SANE_Device** devices = nullptr;
  const SANE_Status st = sane_get_devices(&devices, SANE_TRUE);
  std::vector<DeviceInfo> out;
  if (st == SANE_STATUS_GOOD && devices != nullptr) {
    for (int i = 0; devices[i] != nullptr; ++i) {
      const SANE_Device* d = devices[i];
      out.push_back({d->name ? d->name : "", d->vendor ? d->vendor : "", d->model ? d->model : "",
                     d->type ? d->type : ""});
    }
  }
  release_runtime();
  if (st != SANE_STATUS_GOOD) return kx::unexpected(sane_error("sane_get_devices", st));
  return out;
}

kx::expected<std::unique_ptr<SaneScanner>, Error> SaneScanner::open(const std::string& device) {
  if (auto rt = acquire_runtime(); !rt) return kx::unexpected(rt.error());
  std::string name = device;
  if (name.empty()) {
    const SANE_Device** devices = nullptr;
    if (sane_get_devices(&devices, SANE_TRUE) == SANE_STATUS_GOOD && devices && devices[0])
      name = devices[0]->name;
    if (name.empty()) {
      release_runtime();
      return kx::unexpected(Error{ErrorCode::no_device, "no SANE device found"});
    }
  }
  SANE_Handle h = nullptr;
  const SANE_Status st = sane_open(name.c_str(), &h);
  if (st != SANE_STATUS_GOOD) {
    release_runtime();
    // The dll backend answers INVAL for a name no backend claims.
    Error e = sane_error("sane_open", st);
    if (st == SANE_STATUS_INVAL) e.code = ErrorCode::no_device;
    e.detail += " (" + name + ")";
    return kx::unexpected(e);
  }
  return std::unique_ptr<SaneScanner>(new SaneScanner(h, name));
}

SaneScanner::~SaneScanner() {
  if (batch_open_) sane_cancel(handle_);
  sane_close(handle_);
  release_runtime();
}

int SaneScanner::find_option(std::string_view name) const {
  const SANE_Option_Descriptor* d0 = sane_get_option_descriptor(handle_, 0);
  SANE_Int count = 0;
  if (d0 == nullptr ||
      sane_control_option(handle_, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
    return -1;
  for (SANE_Int i = 1; i < count; ++i) {
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, i);
    if (d && d->name && name == d->name) return i;
  }
  return -1;
}

std::vector<std::string> SaneScanner::option_choices(std::string_view name) const {
  std::vector<std::string> out;
  const int idx = find_option(name);
  if (idx < 0) return out;
  const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, idx);
  if (d->type == SANE_TYPE_STRING && d->constraint_type == SANE_CONSTRAINT_STRING_LIST)
    for (const SANE_String_Const* s = d->constraint.string_list; s && *s; ++s) out.emplace_back(*s);
  return out;
}

kx::expected<void, Error> SaneScanner::set_option(std::string_view name, std::string_view value) {
  const int idx = find_option(name);
  if (idx < 0)
    return kx::unexpected(
        Error{ErrorCode::unsupported, "option not offered: " + std::string(name)});
  const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, idx);
  if (!SANE_OPTION_IS_ACTIVE(d->cap) || !SANE_OPTION_IS_SETTABLE(d->cap))
    return kx::unexpected(Error{ErrorCode::unsupported, "option inactive: " + std::string(name)});
  SANE_Int info = 0;
  SANE_Status st = SANE_STATUS_INVAL;
  const auto bad = [&] {
    return kx::unexpected(
        Error{ErrorCode::invalid_argument, "bad value for option " + std::string(name)});
  };
  switch (d->type) {
    case SANE_TYPE_BOOL: {
      const std::string v = lower(value);
      SANE_Bool b;
      if (v == "yes" || v == "true" || v == "1" || v == "on")
        b = SANE_TRUE;
      else if (v == "no" || v == "false" || v == "0" || v == "off")
        b = SANE_FALSE;
      else
        return bad();
      st = sane_control_option(handle_, idx, SANE_ACTION_SET_VALUE, &b, &info);
      break;
    }
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED: {
      double v = 0;
      if (!parse_number(value, v)) return bad();
      v = snap(d, v);
      const SANE_Word w =
          d->type == SANE_TYPE_FIXED ? SANE_FIX(v) : static_cast<SANE_Word>(std::lround(v));
      // Array options (gamma tables...) get the value in every element.
      std::vector<SANE_Word> words(
          std::max<std::size_t>(1, static_cast<std::size_t>(d->size) / sizeof(SANE_Word)), w);
      st = sane_control_option(handle_, idx, SANE_ACTION_SET_VALUE, words.data(), &info);
      break;
    }
    case SANE_TYPE_STRING: {
      std::string chosen(value);
      if (d->constraint_type == SANE_CONSTRAINT_STRING_LIST) {
        chosen.clear();
        for (const SANE_String_Const* s = d->constraint.string_list; s && *s; ++s)
          if (lower(*s) == lower(value)) chosen = *s;
        if (chosen.empty()) return bad();
      }
      std::vector<char> buf(static_cast<std::size_t>(std::max<SANE_Int>(d->size, 1)), '\0');
      if (chosen.size() >= buf.size()) return bad();
      std::memcpy(buf.data(), chosen.data(), chosen.size());
      st = sane_control_option(handle_, idx, SANE_ACTION_SET_VALUE, buf.data(), &info);
      break;
    }
    case SANE_TYPE_BUTTON:
      st = sane_control_option(handle_, idx, SANE_ACTION_SET_VALUE, nullptr, &info);
      break;
    case SANE_TYPE_GROUP:
      return bad();
  }
  if (st != SANE_STATUS_GOOD) {
    Error e = sane_error("set option", st);
    e.detail += " (" + std::string(name) + ")";
    return kx::unexpected(e);
  }
  return {};
}

kx::expected<std::string, Error> SaneScanner::get_option(std::string_view name) const {
  const int idx = find_option(name);
  if (idx < 0)
    return kx::unexpected(
        Error{ErrorCode::unsupported, "option not offered: " + std::string(name)});
  const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, idx);
  if (!SANE_OPTION_IS_ACTIVE(d->cap))
    return kx::unexpected(Error{ErrorCode::unsupported, "option inactive: " + std::string(name)});
  std::vector<SANE_Word> buf(static_cast<std::size_t>(d->size) / sizeof(SANE_Word) + 2, 0);
  const SANE_Status st =
      sane_control_option(handle_, idx, SANE_ACTION_GET_VALUE, buf.data(), nullptr);
  if (st != SANE_STATUS_GOOD) return kx::unexpected(sane_error("get option", st));
  std::ostringstream os;
  switch (d->type) {
    case SANE_TYPE_BOOL:
      os << (buf[0] ? "yes" : "no");
      break;
    case SANE_TYPE_INT:
      os << buf[0];
      break;
    case SANE_TYPE_FIXED:
      os << SANE_UNFIX(buf[0]);
      break;
    case SANE_TYPE_STRING:
      os << reinterpret_cast<const char*>(buf.data());
      break;
    default:
      break;
  }
  return os.str();
}

kx::expected<void, Error> SaneScanner::configure(const ScanSettings& s) {
  // Mode: backends spell it "Color", "Colour", "24bit Color", "Gray", "Grayscale"...
  const auto modes = option_choices(SANE_NAME_SCAN_MODE);
  if (!modes.empty()) {
    std::string pick;
    for (const std::string& m : modes) {
      const std::string l = lower(m);
      const bool is_colour =
          l.find("color") != std::string::npos || l.find("colour") != std::string::npos;
      const bool is_gray =
          l.find("gray") != std::string::npos || l.find("grey") != std::string::npos;
      if (pick.empty() && ((s.colour && is_colour) || (!s.colour && is_gray))) pick = m;
    }
    if (pick.empty())
      return kx::unexpected(
          Error{ErrorCode::unsupported, s.colour ? "no colour mode" : "no gray mode"});
    if (auto r = set_option(SANE_NAME_SCAN_MODE, pick); !r) return r;
  }
  if (find_option(SANE_NAME_BIT_DEPTH) >= 0) (void)set_option(SANE_NAME_BIT_DEPTH, "8");

  const auto sources = option_choices(SANE_NAME_SCAN_SOURCE);
  const std::string source = match_source(sources, s.feed);
  if (!source.empty()) {
    if (auto r = set_option(SANE_NAME_SCAN_SOURCE, source); !r) return r;
  } else if (s.feed == Feed::adf) {
    return kx::unexpected(Error{ErrorCode::unsupported, "this scanner has no document feeder"});
  }
  adf_ = s.feed == Feed::adf;

  if (auto r = set_option(SANE_NAME_SCAN_RESOLUTION, std::to_string(s.dpi)); !r) return r;
  if (auto got = get_option(SANE_NAME_SCAN_RESOLUTION)) {
    double v = 0;
    if (parse_number(*got, v)) dpi_ = static_cast<int>(std::lround(v));
  }
  if (dpi_ <= 0) dpi_ = s.dpi;

  // Page size: top-left at the origin, bottom-right at the page size (the
  // range snapping clamps it to the glass/feeder).
  const struct {
    const char* name;
    double mm;
  } geometry[] = {{SANE_NAME_SCAN_TL_X, 0.0},
                  {SANE_NAME_SCAN_TL_Y, 0.0},
                  {SANE_NAME_SCAN_BR_X, s.page_width_mm},
                  {SANE_NAME_SCAN_BR_Y, s.page_height_mm}};
  for (const auto& g : geometry) {
    const int idx = find_option(g.name);
    if (idx < 0) continue;
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, idx);
    const double v = d->unit == SANE_UNIT_PIXEL ? g.mm / 25.4 * dpi_ : g.mm;
    std::ostringstream os;
    os << v;
    if (auto r = set_option(g.name, os.str()); !r) return r;
  }
  for (const auto& [name, value] : s.extra)
    if (auto r = set_option(name, value); !r) return r;
  return {};
}

kx::expected<Image, Error> SaneScanner::next_page(const std::atomic<bool>& cancel,
                                                  const ReadProgress& progress) {
  auto page = read_page(cancel, progress);
  // A flatbed page is a batch of one; a feeder batch stays open until the
  // feeder runs empty or something fails.
  if ((!page || !adf_) && batch_open_) {
    sane_cancel(handle_);
    batch_open_ = false;
  }
  return page;
}

kx::expected<Image, Error> SaneScanner::read_page(const std::atomic<bool>& cancel,
                                                  const ReadProgress& progress) {
  if (cancel.load()) return kx::unexpected(Error{ErrorCode::cancelled, "cancelled before start"});
  Image img;
  std::array<SANE_Byte, 64 * 1024> buf;
  for (int frame = 0; frame < 3; ++frame) {
    SANE_Status st = sane_start(handle_);
    if (st != SANE_STATUS_GOOD) return kx::unexpected(sane_error("sane_start", st));
    batch_open_ = true;
    SANE_Parameters p{};
    st = sane_get_parameters(handle_, &p);
    if (st != SANE_STATUS_GOOD) return kx::unexpected(sane_error("sane_get_parameters", st));
    if ((p.depth != 1 && p.depth != 8 && p.depth != 16) || p.pixels_per_line <= 0 ||
        p.bytes_per_line <= 0 ||
        (p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB && p.format != SANE_FRAME_RED &&
         p.format != SANE_FRAME_GREEN && p.format != SANE_FRAME_BLUE))
      return kx::unexpected(Error{ErrorCode::unsupported, "frame format/depth not supported"});
    const std::uint64_t expected = p.lines > 0 ? static_cast<std::uint64_t>(p.lines) *
                                                     static_cast<std::uint64_t>(p.bytes_per_line)
                                               : 0;
    std::vector<std::uint8_t> data;
    if (expected) data.reserve(expected);
    for (;;) {
      if (cancel.load()) {
        std::fill(data.begin(), data.end(), std::uint8_t{0});
        return kx::unexpected(Error{ErrorCode::cancelled, "cancelled during the page"});
      }
      SANE_Int n = 0;
      st = sane_read(handle_, buf.data(), static_cast<SANE_Int>(buf.size()), &n);
      if (st == SANE_STATUS_EOF) break;
      if (st != SANE_STATUS_GOOD) {
        std::fill(data.begin(), data.end(), std::uint8_t{0});
        return kx::unexpected(sane_error("sane_read", st));
      }
      data.insert(data.end(), buf.data(), buf.data() + n);
      if (progress) progress(data.size(), expected);
    }
    // Unpack to 8-bit gray or RGB.
    const int lines = static_cast<int>(data.size() / static_cast<std::size_t>(p.bytes_per_line));
    const int w = p.pixels_per_line;
    const int in_ch = p.format == SANE_FRAME_RGB ? 3 : 1;
    if (lines <= 0)
      return kx::unexpected(Error{ErrorCode::io_error, "the scanner sent no image lines"});
    const bool single_channel_frame =
        p.format == SANE_FRAME_RED || p.format == SANE_FRAME_GREEN || p.format == SANE_FRAME_BLUE;
    if (frame == 0) img = Image::blank(w, lines, single_channel_frame ? 3 : in_ch, 0, dpi_);
    if (img.width != w || img.height > lines)
      return kx::unexpected(Error{ErrorCode::io_error, "frames of different sizes"});
    const int target_c = p.format == SANE_FRAME_GREEN ? 1 : p.format == SANE_FRAME_BLUE ? 2 : 0;
    for (int y = 0; y < img.height; ++y) {
      const std::uint8_t* src =
          data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(p.bytes_per_line);
      std::uint8_t* dst = img.row(y);
      for (int x = 0; x < w; ++x) {
        for (int c = 0; c < in_ch; ++c) {
          const int s = x * in_ch + c;
          std::uint8_t v;
          if (p.depth == 8)
            v = src[s];
          else if (p.depth == 16) {
            std::uint16_t w16;
            std::memcpy(&w16, src + 2 * s, 2);  // host byte order, per the SANE standard
            v = static_cast<std::uint8_t>(w16 >> 8);
          } else {
            // 1 bit: set means black for gray (and "on" for colour channels).
            const bool bit = (src[s / 8] >> (7 - s % 8)) & 1;
            v = in_ch == 1 && !single_channel_frame ? (bit ? 0 : 255) : (bit ? 255 : 0);
          }
          if (single_channel_frame)
            dst[x * 3 + target_c] = v;
          else
            dst[x * in_ch + c] = v;
        }
      }
    }
    std::fill(data.begin(), data.end(), std::uint8_t{0});
    if (p.last_frame) break;
  }
  return img;
}

}  // namespace scanner
