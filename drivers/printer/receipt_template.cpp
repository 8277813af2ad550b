#include "drivers/printer/receipt_template.hpp"

#include "drivers/printer/text_layout.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace printer {
namespace {

using nlohmann::json;

kx::unexpected<Error> invalid(std::string detail) {
  return kx::unexpected(Error{ErrorCode::template_invalid, std::move(detail)});
}

Align parse_align(const json& j) {
  const std::string a = j.value("align", "left");
  if (a == "center") return Align::center;
  if (a == "right") return Align::right;
  return Align::left;
}

QrEcc parse_ecc(const std::string& s) {
  if (s == "L") return QrEcc::L;
  if (s == "Q") return QrEcc::Q;
  if (s == "H") return QrEcc::H;
  return QrEcc::M;
}

kx::expected<Block, Error> parse_block(const json& j, const std::filesystem::path& dir,
                                       std::size_t index) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) {
    return invalid("block " + std::to_string(index) + " has no type");
  }
  const std::string type = j["type"];
  Block b;
  b.align = parse_align(j);
  b.bold = j.value("bold", false);
  if (j.contains("size") && j["size"].is_array() && j["size"].size() == 2) {
    b.width_mul = std::clamp(j["size"][0].get<int>(), 1, 8);
    b.height_mul = std::clamp(j["size"][1].get<int>(), 1, 8);
  }
  if (type == "text") {
    b.kind = Block::Kind::text;
    b.text = j.value("text", "");
  } else if (type == "pair") {
    b.kind = Block::Kind::pair;
    b.text = j.value("label", "");
    b.value = j.value("value", "");
  } else if (type == "list") {
    b.kind = Block::Kind::list;
    b.value = j.value("items", "");
    b.numbered = j.value("numbered", false);
    if (b.value.empty()) return invalid("list block without items");
  } else if (type == "rule") {
    b.kind = Block::Kind::rule;
  } else if (type == "qr") {
    b.kind = Block::Kind::qr;
    b.text = j.value("data", "");
    b.number = j.value("module", 0);
    b.align = j.contains("align") ? parse_align(j) : Align::center;
    b.ecc = parse_ecc(j.value("ecc", "M"));
  } else if (type == "barcode") {
    b.kind = Block::Kind::barcode;
    b.text = j.value("data", "");
    b.number = j.value("height", 80);
    b.align = j.contains("align") ? parse_align(j) : Align::center;
  } else if (type == "image") {
    b.kind = Block::Kind::image;
    b.align = j.contains("align") ? parse_align(j) : Align::center;
    auto img = load_pgm_dithered(dir / j.value("path", ""), j.value("max_width", 384));
    if (!img) return kx::unexpected(img.error());
    b.image = std::move(*img);
  } else if (type == "feed") {
    b.kind = Block::Kind::feed;
    b.number = j.value("lines", 1);
  } else if (type == "cut") {
    b.kind = Block::Kind::cut;
    b.number = j.value("feed", 4);
  } else {
    return invalid("unknown block type '" + type + "'");
  }
  return b;
}

}  // namespace

int display_columns(std::string_view utf8) {
  return text_dots(utf8) / kHalfWidthDots;
}

std::string mask_id(std::string_view id) {
  if (id.size() <= 8) return std::string(id.size(), '*');
  return std::string(id.substr(0, 4)) + std::string(id.size() - 8, '*') +
         std::string(id.substr(id.size() - 4));
}

std::string mask_name(std::string_view name) {
  auto chars = utf8_chars(name);
  std::string out;
  bool word_start = true;
  for (std::string_view ch : chars) {
    if (ch == " ") {
      out += ' ';
      word_start = true;
      continue;
    }
    out += word_start ? std::string(ch) : std::string("*");
    word_start = false;
  }
  if (chars.size() == 1) out += "*";
  return out;
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') +
         std::string(phone.substr(phone.size() - 4));
}

kx::expected<std::string, Error> fill_placeholders(std::string_view text, const ReceiptData& data) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return invalid("unclosed {{ in template");
    std::string_view spec = text.substr(open + 2, close - open - 2);
    std::string_view name = spec, filter;
    if (auto bar = spec.find('|'); bar != std::string_view::npos) {
      name = spec.substr(0, bar);
      filter = spec.substr(bar + 1);
    }
    auto it = data.fields.find(std::string(name));
    if (it == data.fields.end()) return invalid("no value for field '" + std::string(name) + "'");
    if (filter.empty()) {
      out += it->second;
    } else if (filter == "mask_id") {
      out += mask_id(it->second);
    } else if (filter == "mask_name") {
      out += mask_name(it->second);
    } else if (filter == "mask_phone") {
      out += mask_phone(it->second);
    } else {
      return invalid("unknown filter '" + std::string(filter) + "'");
    }
    pos = close + 2;
  }
  return out;
}

kx::expected<Bitmap, Error> load_pgm_dithered(const std::filesystem::path& path, int max_width) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid("cannot open image " + path.filename().string());
  std::string magic;
  int w = 0, h = 0, maxval = 0;
  in >> magic >> w >> h >> maxval;
  in.get();  // the single whitespace before the pixels
  if (magic != "P5" || w <= 0 || h <= 0 || maxval != 255 || w > 4096 || h > 4096) {
    return invalid("image is not an 8-bit binary PGM: " + path.filename().string());
  }
  std::vector<std::uint8_t> grey(static_cast<std::size_t>(w) * h);
  in.read(reinterpret_cast<char*>(grey.data()), static_cast<std::streamsize>(grey.size()));
  if (!in) return invalid("image truncated: " + path.filename().string());
  if (w > max_width) {
    // Nearest-neighbour shrink; logos are small, quality is fine.
    const int nw = max_width, nh = h * max_width / w;
    std::vector<std::uint8_t> scaled(static_cast<std::size_t>(nw) * nh);
    for (int y = 0; y < nh; ++y) {
      for (int x = 0; x < nw; ++x) {
        scaled[static_cast<std::size_t>(y) * nw + x] =
            grey[static_cast<std::size_t>(y * h / nh) * w + x * w / nw];
      }
    }
    grey = std::move(scaled);
    w = nw;
    h = nh;
  }
  return dither_floyd_steinberg(grey, w, h);
}

kx::expected<ReceiptTemplate, Error> parse_template(std::string_view text,
                                                    const std::filesystem::path& dir) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return invalid("template is not a JSON object");
  ReceiptTemplate t;
  t.kind = j.value("kind", "");
  if (t.kind.empty()) return invalid("template has no kind");
  if (j.contains("name") && j["name"].is_object()) {
    t.name_zh = j["name"].value("zh", "");
    t.name_en = j["name"].value("en", "");
  }
  if (!j.contains("blocks") || !j["blocks"].is_array()) return invalid("template has no blocks");
  try {
    for (std::size_t i = 0; i < j["blocks"].size(); ++i) {
      auto b = parse_block(j["blocks"][i], dir, i);
      if (!b) return kx::unexpected(b.error());
      t.blocks.push_back(std::move(*b));
    }
    if (j.contains("sample") && j["sample"].is_object()) {
      const json& s = j["sample"];
      if (s.contains("fields")) {
        for (auto& [k, v] : s["fields"].items()) t.sample.fields[k] = v.get<std::string>();
      }
      if (s.contains("lists")) {
        for (auto& [k, v] : s["lists"].items()) {
          t.sample.lists[k] = v.get<std::vector<std::string>>();
        }
      }
    }
  } catch (const json::exception& e) {  // wrong value types
    return invalid(std::string("template value of wrong type: ") + e.what());
  }
  return t;
}

kx::expected<TemplateSet, Error> TemplateSet::load(const std::filesystem::path& dir) {
  TemplateSet set;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) {
    return kx::unexpected(Error{ErrorCode::template_missing, "cannot read " + dir.string()});
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    auto t = parse_template(ss.str(), dir);
    if (!t) {
      return kx::unexpected(Error{t.error().code, f.filename().string() + ": " + t.error().detail});
    }
    set.templates_.push_back(std::move(*t));
  }
  return set;
}

const ReceiptTemplate* TemplateSet::find(std::string_view kind) const {
  for (const auto& t : templates_) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

std::vector<std::string> TemplateSet::kinds() const {
  std::vector<std::string> out;
  for (const auto& t : templates_) out.push_back(t.kind);
  return out;
}

kx::expected<std::vector<std::uint8_t>, Error> render_receipt(const ReceiptTemplate& t,
                                                              const ReceiptData& data,
                                                              const ReceiptLayout& layout) {
  Encoder enc(layout.width);
  enc.init().chinese(true).default_line_spacing();
  const int paper = dots(layout.width);
  auto fail = [](const Error& e) { return kx::unexpected(e); };
  for (const Block& b : t.blocks) {
    switch (b.kind) {
      case Block::Kind::text: {
        auto s = fill_placeholders(b.text, data);
        if (!s) return fail(s.error());
        enc.align(b.align).bold(b.bold).size(b.width_mul, b.height_mul);
        for (const auto& l : wrap_text(*s, paper, b.width_mul)) {
          if (auto r = enc.line(l); !r) return fail(r.error());
        }
        enc.size(1, 1).bold(false);
        break;
      }
      case Block::Kind::pair: {
        auto label = fill_placeholders(b.text, data);
        if (!label) return fail(label.error());
        auto value = fill_placeholders(b.value, data);
        if (!value) return fail(value.error());
        enc.align(Align::left).bold(b.bold);
        for (const auto& l : layout_pair(*label, *value, paper)) {
          if (auto r = enc.line(l); !r) return fail(r.error());
        }
        enc.bold(false);
        break;
      }
      case Block::Kind::list: {
        auto it = data.lists.find(b.value);
        if (it == data.lists.end())
          return fail(Error{ErrorCode::template_invalid, "no list " + b.value});
        enc.align(Align::left);
        int n = 0;
        for (const auto& item : it->second) {
          auto s = fill_placeholders(item, data);
          if (!s) return fail(s.error());
          const std::string prefix = b.numbered ? std::to_string(++n) + ". " : "- ";
          auto lines = wrap_text(*s, paper - text_dots(prefix));
          for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string lead = i == 0 ? prefix : std::string(prefix.size(), ' ');
            if (auto r = enc.line(lead + lines[i]); !r) return fail(r.error());
          }
        }
        break;
      }
      case Block::Kind::rule:
        enc.align(Align::left);
        (void)enc.line(std::string(static_cast<std::size_t>(paper / kHalfWidthDots), '-'));
        break;
      case Block::Kind::qr: {
        auto s = fill_placeholders(b.text, data);
        if (!s) return fail(s.error());
        QrOptions q = layout.qr;
        if (b.number > 0) q.module = b.number;
        q.ecc = b.ecc;
        if (auto r = enc.qr(*s, q, b.align); !r) return fail(r.error());
        enc.newline();
        break;
      }
      case Block::Kind::barcode: {
        auto s = fill_placeholders(b.text, data);
        if (!s) return fail(s.error());
        enc.align(b.align);
        if (auto r = enc.code128(*s, b.number); !r) return fail(r.error());
        enc.newline();
        break;
      }
      case Block::Kind::image:
        if (auto r = enc.raster(b.image, b.align); !r) return fail(r.error());
        break;
      case Block::Kind::feed:
        enc.feed(b.number);
        break;
      case Block::Kind::cut:
        enc.align(Align::left).feed(b.number).cut(false);
        break;
    }
  }
  return enc.take();
}

}  // namespace printer
