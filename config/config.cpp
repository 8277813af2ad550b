#include "config/config.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace config {
namespace {

using nlohmann::json;

struct Ctx {
  std::string file;
};

kx::unexpected<ConfigError> fail(const Ctx& c, std::string field, std::string reason) {
  return kx::unexpected(ConfigError{c.file, std::move(field), std::move(reason)});
}

// Parses without throwing; a syntax error names the byte offset.
kx::expected<json, ConfigError> parse_json(const Ctx& c, std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail(c, "/", "not valid JSON");
  if (!j.is_object()) return fail(c, "/", "must be a JSON object");
  return j;
}

kx::expected<std::string, ConfigError> get_string(const Ctx& c, const json& obj,
                                                  const std::string& ptr, const char* key,
                                                  bool required = true) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) return fail(c, ptr + "/" + key, "is required");
    return std::string{};
  }
  if (!it->is_string()) return fail(c, ptr + "/" + key, "must be a string");
  return it->get<std::string>();
}

kx::expected<int, ConfigError> get_int(const Ctx& c, const json& obj, const std::string& ptr,
                                       const char* key, int fallback, int lo, int hi) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (!it->is_number_integer()) return fail(c, ptr + "/" + key, "must be an integer");
  const auto v = it->get<std::int64_t>();
  if (v < lo || v > hi) {
    return fail(c, ptr + "/" + key,
                "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  return static_cast<int>(v);
}

kx::expected<Bilingual, ConfigError> get_bilingual(const Ctx& c, const json& obj,
                                                   const std::string& ptr) {
  if (!obj.is_object()) return fail(c, ptr, "must be an object with \"zh\" and \"en\"");
  auto zh = get_string(c, obj, ptr, "zh");
  if (!zh) return kx::unexpected(zh.error());
  auto en = get_string(c, obj, ptr, "en");
  if (!en) return kx::unexpected(en.error());
  if (zh->empty()) return fail(c, ptr + "/zh", "must not be empty");
  if (en->empty()) return fail(c, ptr + "/en", "must not be empty");
  return Bilingual{*zh, *en};
}

const json* find_object(const json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end()) ? &*it : nullptr;
}

kx::expected<bool, ConfigError> get_bool(const Ctx& c, const json& obj, const std::string& ptr,
                                         const char* key, bool fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (!it->is_boolean()) return fail(c, ptr + "/" + key, "must be true or false");
  return it->get<bool>();
}

// Reads an optional object member; fails if present but not an object.
kx::expected<const json*, ConfigError> optional_object(const Ctx& c, const json& j,
                                                       const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return nullptr;
  if (!it->is_object()) return fail(c, std::string("/") + key, "must be an object");
  return &*it;
}

kx::expected<void, ConfigError> parse_devices(const Ctx& c, const json& j, Devices& d) {
  auto obj = optional_object(c, j, "devices");
  if (!obj) return kx::unexpected(obj.error());
  if (*obj == nullptr) return {};
  const json& o = **obj;
  auto paper = get_int(c, o, "/devices", "printer_paper_mm", d.printer_paper_mm, 58, 80);
  if (!paper) return kx::unexpected(paper.error());
  if (*paper != 58 && *paper != 80) return fail(c, "/devices/printer_paper_mm", "must be 58 or 80");
  auto dpi = get_int(c, o, "/devices", "scanner_dpi", d.scanner_dpi, 150, 600);
  if (!dpi) return kx::unexpected(dpi.error());
  auto volume = get_int(c, o, "/devices", "volume_percent", d.volume_percent, 0, 100);
  if (!volume) return kx::unexpected(volume.error());
  auto bright = get_int(c, o, "/devices", "brightness_percent", d.brightness_percent, 10, 100);
  if (!bright) return kx::unexpected(bright.error());
  auto rot = get_int(c, o, "/devices", "touch_rotation_deg", d.touch_rotation_deg, 0, 270);
  if (!rot) return kx::unexpected(rot.error());
  if (*rot % 90 != 0) return fail(c, "/devices/touch_rotation_deg", "must be 0, 90, 180 or 270");
  // A device address is a device file (an absolute path: /dev/ttyUSB0, a
  // udev symlink, a pty) or usb:VID:PID (4 hex digits each).
  const auto address = [&](const char* key,
                           std::string fallback) -> kx::expected<std::string, ConfigError> {
    auto v = get_string(c, o, "/devices", key, false);
    if (!v) return kx::unexpected(v.error());
    if (o.find(key) == o.end()) return fallback;
    if (v->starts_with("/") && v->size() > 1) return *v;
    if (v->size() == 13 && v->starts_with("usb:") && (*v)[8] == ':' &&
        std::all_of(v->begin() + 4, v->end(), [](char ch) {
          return ch == ':' || std::isxdigit(static_cast<unsigned char>(ch));
        })) {
      return *v;
    }
    return fail(c, std::string("/devices/") + key, "must be an absolute path or usb:VID:PID");
  };
  auto reader = address("reader", d.reader);
  if (!reader) return kx::unexpected(reader.error());
  auto printer = address("printer", d.printer);
  if (!printer) return kx::unexpected(printer.error());
  auto scanner = get_string(c, o, "/devices", "scanner", false);
  if (!scanner) return kx::unexpected(scanner.error());
  d = Devices{*paper, *dpi, *volume, *bright, *rot, *reader, *printer, *scanner};
  return {};
}

kx::expected<void, ConfigError> parse_elderly(const Ctx& c, const json& j, ElderlyDefaults& e) {
  auto obj = optional_object(c, j, "elderly");
  if (!obj) return kx::unexpected(obj.error());
  if (*obj == nullptr) return {};
  const json& o = **obj;
  auto on = get_bool(c, o, "/elderly", "on_by_default", e.on_by_default);
  if (!on) return kx::unexpected(on.error());
  auto scale = get_int(c, o, "/elderly", "text_scale_percent", e.text_scale_percent, 100, 200);
  if (!scale) return kx::unexpected(scale.error());
  auto speech = get_bool(c, o, "/elderly", "speech", e.speech);
  if (!speech) return kx::unexpected(speech.error());
  auto extra = get_int(c, o, "/elderly", "extra_time_s", e.extra_time_s, 0, 600);
  if (!extra) return kx::unexpected(extra.error());
  e = ElderlyDefaults{*on, *scale, *speech, *extra};
  return {};
}

// "HH:MM" (00:00–24:00) as minutes after midnight, or -1.
int parse_clock(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  for (int i : {0, 1, 3, 4}) {
    if (t[i] < '0' || t[i] > '9') return -1;
  }
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

kx::expected<MaintenanceWindow, ConfigError> parse_window(const Ctx& c, const json& w,
                                                          const std::string& ptr) {
  if (!w.is_object()) return fail(c, ptr, "must be an object");
  MaintenanceWindow out;
  auto days = w.find("weekdays");
  if (days == w.end() || !days->is_array() || days->empty()) {
    return fail(c, ptr + "/weekdays", "must be a non-empty array of 1 (Monday) to 7 (Sunday)");
  }
  for (const auto& d : *days) {
    if (!d.is_number_integer() || d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 7) {
      return fail(c, ptr + "/weekdays", "must hold 1 (Monday) to 7 (Sunday)");
    }
    out.weekdays.push_back(d.get<int>());
  }
  for (const auto& [key, field] :
       {std::pair{"start", &out.start_minute}, std::pair{"end", &out.end_minute}}) {
    auto text = get_string(c, w, ptr, key);
    if (!text) return kx::unexpected(text.error());
    *field = parse_clock(*text);
    if (*field < 0) return fail(c, ptr + "/" + key, "must be a time \"HH:MM\"");
  }
  if (out.start_minute == out.end_minute) return fail(c, ptr + "/end", "must differ from start");
  return out;
}

kx::expected<void, ConfigError> parse_maintenance(const Ctx& c, const json& j,
                                                  std::vector<MaintenanceWindow>& out) {
  auto it = j.find("maintenance_windows");
  if (it == j.end()) return {};
  if (!it->is_array()) return fail(c, "/maintenance_windows", "must be an array");
  for (std::size_t i = 0; i < it->size(); ++i) {
    auto w = parse_window(c, (*it)[i], "/maintenance_windows/" + std::to_string(i));
    if (!w) return kx::unexpected(w.error());
    out.push_back(*w);
  }
  return {};
}

kx::expected<void, ConfigError> parse_catalogue(const Ctx& c, const json& j,
                                                std::map<std::string, CatalogueOverride>& out) {
  auto obj = optional_object(c, j, "catalogue");
  if (!obj) return kx::unexpected(obj.error());
  if (*obj == nullptr) return {};
  for (const auto& [code, o] : (*obj)->items()) {
    const std::string ptr = "/catalogue/" + code;
    if (!o.is_object()) return fail(c, ptr, "must be an object");
    CatalogueOverride item;
    auto hidden = get_bool(c, o, ptr, "hidden", false);
    if (!hidden) return kx::unexpected(hidden.error());
    item.hidden = *hidden;
    auto order = get_int(c, o, ptr, "order", 0, 0, 10000);
    if (!order) return kx::unexpected(order.error());
    item.order = *order;
    if (const json* name = find_object(o, "name")) {
      auto n = get_bilingual(c, *name, ptr + "/name");
      if (!n) return kx::unexpected(n.error());
      item.name = *n;
    }
    out.emplace(code, item);
  }
  return {};
}

kx::expected<void, ConfigError> parse_technician(const Ctx& c, const json& j, Technician& t) {
  auto obj = optional_object(c, j, "technician");
  if (!obj) return kx::unexpected(obj.error());
  if (*obj == nullptr) return {};
  const json& o = **obj;
  auto hash = get_string(c, o, "/technician", "pin_hash", false);
  if (!hash) return kx::unexpected(hash.error());
  // Only hashes: a PIN in clear would be readable by anyone holding the bundle.
  if (!hash->empty() && !hash->starts_with("pbkdf2-sha256$")) {
    return fail(c, "/technician/pin_hash", "must be a PIN hash from kiosk-admin, never the PIN");
  }
  auto attempts = get_int(c, o, "/technician", "max_attempts", t.max_attempts, 3, 10);
  if (!attempts) return kx::unexpected(attempts.error());
  auto lockout = get_int(c, o, "/technician", "lockout_s", t.lockout_s, 60, 3600);
  if (!lockout) return kx::unexpected(lockout.error());
  t = Technician{*hash, *attempts, *lockout};
  return {};
}

// A file in the config folder: a plain relative name, never out of it.
bool inside_config_folder(const std::string& name) {
  if (name.empty() || name.starts_with("/")) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string_view part(name.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

kx::expected<void, ConfigError> parse_provisioning(const Ctx& c, const json& j, Provisioning& p) {
  auto obj = optional_object(c, j, "provisioning");
  if (!obj) return kx::unexpected(obj.error());
  if (*obj == nullptr) return {};
  const json& o = **obj;
  auto url = get_string(c, o, "/provisioning", "platform_url");
  if (!url) return kx::unexpected(url.error());
  // Enrolment sends the one-time token: never in clear.
  if (!url->starts_with("https://") || url->size() <= 8) {
    return fail(c, "/provisioning/platform_url", "must be an https:// URL");
  }
  auto ca = get_string(c, o, "/provisioning", "ca_file");
  if (!ca) return kx::unexpected(ca.error());
  if (!inside_config_folder(*ca)) {
    return fail(c, "/provisioning/ca_file", "must name a file inside the config folder");
  }
  auto root = get_string(c, o, "/provisioning", "root_file", false);
  if (!root) return kx::unexpected(root.error());
  if (!root->empty() && !inside_config_folder(*root)) {
    return fail(c, "/provisioning/root_file", "must name a file inside the config folder");
  }
  p = Provisioning{*url, *ca, *root};
  return {};
}

kx::expected<void, ConfigError> parse_main(const json& j, KioskConfig& out) {
  const Ctx c{"config.json"};
  auto schema = get_int(c, j, "", "schema", 1, 1, 1);
  if (!schema) return kx::unexpected(schema.error());
  out.schema = *schema;
  auto version = get_string(c, j, "", "version", false);
  if (!version) return kx::unexpected(version.error());
  out.version = *version;

  const json* hall = find_object(j, "hall");
  if (hall == nullptr) return fail(c, "/hall", "is required");
  if (!hall->is_object()) return fail(c, "/hall", "must be an object");
  auto id = get_string(c, *hall, "/hall", "id");
  if (!id) return kx::unexpected(id.error());
  const json* name = find_object(*hall, "name");
  if (name == nullptr) return fail(c, "/hall/name", "is required");
  auto hall_name = get_bilingual(c, *name, "/hall/name");
  if (!hall_name) return kx::unexpected(hall_name.error());
  out.hall = Hall{*id, *hall_name};

  auto terminal = get_string(c, j, "", "terminal_id", false);
  if (!terminal) return kx::unexpected(terminal.error());
  out.terminal_id = *terminal;

  if (const json* d = find_object(j, "display")) {
    if (!d->is_object()) return fail(c, "/display", "must be an object");
    auto w = get_int(c, *d, "/display", "width", out.display.width, 320, 7680);
    if (!w) return kx::unexpected(w.error());
    auto h = get_int(c, *d, "/display", "height", out.display.height, 320, 7680);
    if (!h) return kx::unexpected(h.error());
    out.display = Display{*w, *h};
  }
  if (const json* t = find_object(j, "timeouts")) {
    if (!t->is_object()) return fail(c, "/timeouts", "must be an object");
    auto inactivity =
        get_int(c, *t, "/timeouts", "inactivity_s", out.timeouts.inactivity_s, 30, 3600);
    if (!inactivity) return kx::unexpected(inactivity.error());
    auto warning = get_int(c, *t, "/timeouts", "warning_s", out.timeouts.warning_s, 20, 600);
    if (!warning) return kx::unexpected(warning.error());
    if (*warning >= *inactivity) {
      return fail(c, "/timeouts/warning_s", "must be shorter than inactivity_s");
    }
    out.timeouts = Timeouts{*inactivity, *warning};
  }
  if (auto r = parse_devices(c, j, out.devices); !r) return r;
  if (auto r = parse_elderly(c, j, out.elderly); !r) return r;
  if (auto r = parse_maintenance(c, j, out.maintenance_windows); !r) return r;
  if (auto r = parse_technician(c, j, out.technician); !r) return r;
  if (auto r = parse_provisioning(c, j, out.provisioning); !r) return r;
  return parse_catalogue(c, j, out.catalogue);
}

kx::expected<void, ConfigError> parse_texts(const json& j, KioskConfig& out) {
  const Ctx c{"texts.json"};
  for (const auto& [key, value] : j.items()) {
    auto text = get_bilingual(c, value, "/" + key);
    if (!text) return kx::unexpected(text.error());
    out.texts.emplace(key, *text);
  }
  return {};
}

kx::expected<std::string, ConfigError> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return kx::unexpected(
        ConfigError{path.filename().string(), "/", "cannot be read (" + path.string() + ")"});
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

kx::expected<KioskConfig, ConfigError> parse(std::string_view config_json,
                                             std::string_view texts_json) {
  KioskConfig out;
  auto main = parse_json(Ctx{"config.json"}, config_json);
  if (!main) return kx::unexpected(main.error());
  if (auto r = parse_main(*main, out); !r) return kx::unexpected(r.error());
  auto texts = parse_json(Ctx{"texts.json"}, texts_json);
  if (!texts) return kx::unexpected(texts.error());
  if (auto r = parse_texts(*texts, out); !r) return kx::unexpected(r.error());
  return out;
}

kx::expected<KioskConfig, ConfigError> load(const std::filesystem::path& dir) {
  auto main = read_file(dir / "config.json");
  if (!main) return kx::unexpected(main.error());
  auto texts = read_file(dir / "texts.json");
  if (!texts) return kx::unexpected(texts.error());
  return parse(*main, *texts);
}

}  // namespace config
