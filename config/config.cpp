#include "config/config.hpp"

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
  return {};
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
