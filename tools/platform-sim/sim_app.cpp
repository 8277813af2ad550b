#include "tools/platform-sim/sim_app.hpp"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>
#include <ctime>

namespace platform_sim {
namespace {
thread_local bool t_reset = false;
thread_local std::int64_t t_slow_bps = 0;
thread_local std::string t_last_body;  // what send() meant to send, even when reset
}  // namespace

void set_thread_fault(bool reset, std::int64_t slow_upload_bps) {
  t_reset = reset;
  t_slow_bps = slow_upload_bps;
}
std::int64_t thread_slow_upload_bps() {
  return t_slow_bps;
}

void send(httplib::Response& res, int status, const std::string& body, const std::string& type) {
  res.status = status;
  t_last_body = body;
  if (!t_reset) {
    res.set_content(body, type);
    return;
  }
  // Announce the whole length, send half, then drop the connection: the
  // client sees a truncated answer, like a proxy dying mid-response.
  t_reset = false;
  auto shared = std::make_shared<std::string>(body);
  res.set_header("Connection", "close");
  res.set_content_provider(shared->size(), type,
                           [shared](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                             const std::size_t half = shared->size() / 2;
                             if (offset < half) sink.write(shared->data() + offset, half - offset);
                             return false;
                           });
}

void send_static(httplib::Response& res, const std::string& body, const char* type) {
  if (t_reset) return send(res, 200, body, type);
  res.status = 200;
  res.set_content_provider(
      body.size(), type, [&body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(body.data() + offset, length);
      });
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  send(res, status, body.dump(), "application/json");
}

void send_problem(httplib::Response& res, int status, const std::string& code,
                  const std::string& title_en, const std::string& title_zh,
                  const std::vector<FieldReason>& errors) {
  nlohmann::json p = {{"type", "https://platform.example.gov.cn/problems/" + code},
                      {"title", title_en},
                      {"status", status},
                      {"code", code},
                      {"title_zh", title_zh}};
  if (!errors.empty()) {
    auto arr = nlohmann::json::array();
    for (const auto& e : errors) {
      std::string pointer = "#/";
      for (char c : e.field) pointer += c == '.' ? '/' : c;
      arr.push_back({{"field", e.field},
                     {"pointer", pointer},
                     {"reason", e.reason_en},
                     {"reason_zh", e.reason_zh}});
    }
    p["errors"] = arr;
  }
  send(res, status, p.dump(), "application/problem+json");
}

std::optional<std::string> authenticate(App& app, const httplib::Request& req,
                                        httplib::Response& res) {
  const SSL* ssl = req.ssl;
  X509* peer = ssl ? SSL_get1_peer_certificate(ssl) : nullptr;
  if (!peer) {
    send_problem(res, 401, "client_certificate_required", "A device certificate is required",
                 "需要终端设备证书");
    return std::nullopt;
  }
  const long verify = SSL_get_verify_result(ssl);
  char cn[128] = {0};
  X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof cn - 1);
  X509_free(peer);
  if (verify != X509_V_OK) {
    send_problem(res, 401, "client_certificate_rejected",
                 "The device certificate was not issued by the platform CA",
                 "终端设备证书不是平台签发的");
    return std::nullopt;
  }
  std::string id(cn);
  {
    std::shared_lock known(app.active_m);
    if (app.active_terminals.contains(id)) return id;
  }
  std::lock_guard lock(app.db_m);
  auto rows = app.db.query("SELECT revoked FROM terminals WHERE terminal_id=?", {id});
  if (rows.empty() || rows[0][0] != "0") {
    send_problem(res, 401, "terminal_revoked", "This terminal is revoked or unknown",
                 "该终端已被吊销或未登记");
    return std::nullopt;
  }
  std::unique_lock known(app.active_m);
  app.active_terminals.insert(id);
  return id;
}

std::string sha256_hex(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

std::string now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res) {
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    send_problem(res, 400, "malformed_json", "The request body is not a JSON object",
                 "请求内容不是有效的 JSON 对象");
    return std::nullopt;
  }
  return j;
}

void idempotent(App& app, const httplib::Request& req, httplib::Response& res,
                const std::string& terminal, const std::string& body_hash,
                const std::function<void()>& action) {
  const std::string key = req.get_header_value("Idempotency-Key");
  if (key.empty() || key.size() > 128) {
    send_problem(res, 400, "idempotency_key_required",
                 "State-changing calls need an Idempotency-Key header (1-128 characters)",
                 "变更类请求必须携带 Idempotency-Key 请求头（1-128 个字符）",
                 {{"Idempotency-Key", "missing or too long", "缺失或过长"}});
    return;
  }
  const std::string route = req.method + " " + req.path;
  std::lock_guard lock(app.db_m);
  auto rows = app.db.query(
      "SELECT route, body_hash, status, content_type, body FROM idempotency WHERE key=?", {key});
  if (!rows.empty()) {
    const auto& r = rows[0];
    if (r[0] != route || r[1] != body_hash) {
      send_problem(
          res, 422, "idempotency_key_reused",
          "This Idempotency-Key was used before with a different request",
          "该幂等键已用于另一个不同的请求",
          {{"Idempotency-Key", "reused with a different body", "同一幂等键对应了不同的请求内容"}});
      return;
    }
    res.set_header("Idempotent-Replayed", "true");
    send(res, std::stoi(r[2]), r[4], r[3]);
    return;
  }
  app.db.exec("BEGIN");
  action();
  // 5xx are not remembered: the client must be able to retry them.
  if (res.status < 500) {
    auto type = res.get_header_value("Content-Type");
    app.db.exec(
        "INSERT INTO idempotency(key, terminal_id, route, body_hash, status, content_type, body, "
        "created_at) VALUES(?,?,?,?,?,?,?,?)",
        {key, terminal, route, body_hash, std::int64_t{res.status}, type, t_last_body, now_iso()});
    app.db.exec("COMMIT");
  } else {
    app.db.exec("ROLLBACK");
  }
}

void add_record(App& app, const std::string& kind, const std::string& id,
                const httplib::Request& req, const std::string& terminal,
                const nlohmann::json& data) {
  app.db.exec(
      "INSERT INTO records(kind, record_id, idempotency_key, terminal_id, created_at, data) "
      "VALUES(?,?,?,?,?,?)",
      {kind, id, req.get_header_value("Idempotency-Key"), terminal, now_iso(), data.dump()});
}

}  // namespace platform_sim
