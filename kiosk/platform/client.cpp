#include "kiosk/platform/client.hpp"

#include "kiosk/platform/parse.hpp"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include <cstdio>

namespace kiosk::platform {
namespace {

Error bad_response(const std::string& why, int status) {
  Error e;
  e.cls = FailureClass::retry_later;
  e.code = ErrorCode::bad_response;
  e.http_status = status;
  e.detail = why;
  return e;
}

std::string escape(const std::string& s) {
  char* out = curl_easy_escape(nullptr, s.c_str(), static_cast<int>(s.size()));
  std::string r = out ? out : "";
  curl_free(out);
  return r;
}

template <class T>
Result<T> typed(const Result<HttpResponse>& r, wire::Parsed<T> (*parse)(std::string_view)) {
  if (!r) return kx::unexpected(r.error());
  if (r->content_type.rfind("application/json", 0) != 0)
    return kx::unexpected(bad_response("answer is not application/json", r->status));
  auto parsed = parse(r->body);
  if (!parsed) return kx::unexpected(bad_response(parsed.error(), r->status));
  return std::move(*parsed);
}

HttpRequest json_post(std::string path, std::string body, const std::string& key) {
  HttpRequest req;
  req.method = "POST";
  req.path = std::move(path);
  req.body = std::move(body);
  req.content_type = "application/json";
  req.headers.push_back("Idempotency-Key: " + key);
  return req;
}

HttpRequest get(std::string path) {
  HttpRequest req;
  req.path = std::move(path);
  return req;
}

}  // namespace

std::string new_idempotency_key() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    // RAND_bytes does not fail on Linux with a seeded kernel RNG; fall back
    // to something unique per process and call rather than abort.
    static std::atomic<unsigned> n{0};
    std::snprintf(reinterpret_cast<char*>(b), sizeof b, "%08x%07u", static_cast<unsigned>(getpid()),
                  n++);
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return out;
}

Result<std::unique_ptr<PlatformClient>> PlatformClient::create(ClientConfig cfg) {
  auto http = HttpSession::create(std::move(cfg));
  if (!http) return kx::unexpected(http.error());
  return std::unique_ptr<PlatformClient>(new PlatformClient(std::move(*http)));
}

Result<HttpResponse> PlatformClient::call(HttpRequest req, std::initializer_list<int> ok) {
  auto r = http_->perform(req);
  if (!r) {
    spdlog::debug("platform: {} {} failed: {} ({})", req.method, req.path,
                  to_string(r.error().code), to_string(r.error().cls));
    return kx::unexpected(r.error());
  }
  spdlog::debug("platform: {} {} -> {}", req.method, req.path, r->status);
  last_replayed_ = r->replayed;
  for (int s : ok)
    if (r->status == s) return r;
  return kx::unexpected(classify_status(*r));
}

Result<Enrolment> PlatformClient::enrol(const EnrolmentRequest& r, const std::string& key) {
  return typed(call(json_post("/v1/terminals/enrolment", wire::to_json(r), key), {200, 201}),
               &wire::parse_enrolment);
}

Result<Ping> PlatformClient::ping() {
  return typed(call(get("/v1/ping"), {200}), &wire::parse_ping);
}

Result<CatalogueFetch> PlatformClient::catalogue(const std::string& etag) {
  HttpRequest req = get("/v1/catalogue");
  if (!etag.empty()) req.headers.push_back("If-None-Match: " + etag);
  auto r = call(std::move(req), {200, 304});
  if (!r) return kx::unexpected(r.error());
  CatalogueFetch out;
  if (r->status == 304) {
    out.not_modified = true;
    out.catalogue.etag = etag;
    return out;
  }
  auto c = typed(r, &wire::parse_catalogue);
  if (!c) return kx::unexpected(c.error());
  out.catalogue = std::move(*c);
  out.catalogue.etag = r->etag;
  out.body = r->body;
  return out;
}

Result<std::vector<Hall>> PlatformClient::halls() {
  return typed(call(get("/v1/halls"), {200}), &wire::parse_halls);
}

Result<TerminalSelf> PlatformClient::terminal_self() {
  return typed(call(get("/v1/terminals/self"), {200}), &wire::parse_terminal_self);
}

Result<std::vector<Slot>> PlatformClient::slots(const std::string& item, const std::string& hall,
                                                const std::string& date) {
  return typed(call(get("/v1/appointments/slots?item_code=" + escape(item) +
                        "&hall_code=" + escape(hall) + "&date=" + escape(date)),
                    {200}),
               &wire::parse_slots);
}

Result<Appointment> PlatformClient::book(const AppointmentRequest& r, const std::string& key) {
  return typed(call(json_post("/v1/appointments", wire::to_json(r), key), {200, 201}),
               &wire::parse_appointment);
}

Result<Appointment> PlatformClient::cancel_appointment(const std::string& id,
                                                       const std::string& key) {
  auto r = call(json_post("/v1/appointments/" + escape(id) + "/cancellation", "{}", key), {200});
  if (!r) return kx::unexpected(r.error());
  Appointment a;
  a.appointment_id = id;
  a.status = "cancelled";
  return a;
}

Result<Ticket> PlatformClient::take_ticket(const TicketRequest& r, const std::string& key) {
  return typed(call(json_post("/v1/queue/tickets", wire::to_json(r), key), {200, 201}),
               &wire::parse_ticket);
}

Result<Ticket> PlatformClient::check_in(const std::string& code, const std::string& hall,
                                        const std::string& key) {
  return typed(call(json_post("/v1/appointments/check-in", wire::check_in_json(code, hall), key),
                    {200, 201}),
               &wire::parse_ticket);
}

Result<CaseStatus> PlatformClient::submit_pre_application(const PreApplicationRequest& r,
                                                          const std::string& key,
                                                          const Upload& up) {
  HttpRequest req;
  req.method = "POST";
  req.path = "/v1/pre-applications";
  req.headers.push_back("Idempotency-Key: " + key);
  req.upload = true;
  req.progress = up.progress;
  req.cancel = up.cancel;
  req.parts.push_back({"application", "", "application/json",
                       std::make_shared<const std::string>(wire::application_json(r))});
  int n = 0;
  for (const auto& m : r.materials)
    for (const auto& p : m.pages) {
      ++n;
      const bool pdf = p.mime == "application/pdf";
      req.parts.push_back({"page-" + std::to_string(n),
                           "page-" + std::to_string(n) + (pdf ? ".pdf" : ".jpg"), p.mime, p.bytes});
    }
  return typed(call(std::move(req), {200, 201}), &wire::parse_case_status);
}

Result<ServiceItem> PlatformClient::catalogue_item(const std::string& item_code) {
  return typed(call(get("/v1/catalogue/items/" + escape(item_code)), {200}),
               &wire::parse_service_item);
}

Result<CaseStatus> PlatformClient::case_status(const std::string& case_number) {
  return typed(call(get("/v1/pre-applications/" + escape(case_number)), {200}),
               &wire::parse_case_status);
}

Result<std::vector<CaseStatus>> PlatformClient::cases_of_holder(const std::string& id_number) {
  // A query changes nothing: a fresh key, so a retry simply asks again.
  return typed(
      call(json_post("/v1/cases/queries", wire::case_query_json(id_number), new_idempotency_key()),
           {200}),
      &wire::parse_case_list);
}

Result<std::vector<ELicence>> PlatformClient::elicences(const Person& holder,
                                                        const Consent& consent,
                                                        const std::string& key) {
  return typed(
      call(json_post("/v1/e-licences/queries", wire::elicence_query_json(holder, consent), key),
           {200}),
      &wire::parse_elicences);
}

Result<RatingResult> PlatformClient::rate(const RatingRequest& r, const std::string& key) {
  return typed(call(json_post("/v1/ratings", wire::to_json(r), key), {200, 201}),
               &wire::parse_rating_result);
}

Result<HeartbeatAck> PlatformClient::heartbeat(const Heartbeat& h, const std::string& key) {
  return typed(call(json_post("/v1/heartbeats", wire::to_json(h), key), {200, 202}),
               &wire::parse_heartbeat_ack);
}

Result<KeyAndCsr> make_device_key_and_csr(const std::string& cn) {
  auto fail = [](const char* what) {
    Error e;
    e.cls = FailureClass::permanent;
    e.code = ErrorCode::config;
    e.detail = what;
    return kx::unexpected(e);
  };
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (!key) return fail("cannot generate an EC P-256 key");
  X509_REQ* req = X509_REQ_new();
  X509_REQ_set_version(req, 0);
  X509_NAME* name = X509_REQ_get_subject_name(req);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_REQ_set_pubkey(req, key);
  KeyAndCsr out;
  bool ok = X509_REQ_sign(req, key, EVP_sha256()) > 0;
  if (ok) {
    BIO* kb = BIO_new(BIO_s_mem());
    BIO* cb = BIO_new(BIO_s_mem());
    ok = PEM_write_bio_PrivateKey(kb, key, nullptr, nullptr, 0, nullptr, nullptr) == 1 &&
         PEM_write_bio_X509_REQ(cb, req) == 1;
    char* d = nullptr;
    long n = BIO_get_mem_data(kb, &d);
    out.key_pem.assign(d, static_cast<std::size_t>(n));
    n = BIO_get_mem_data(cb, &d);
    out.csr_pem.assign(d, static_cast<std::size_t>(n));
    BIO_free(kb);
    BIO_free(cb);
  }
  X509_REQ_free(req);
  EVP_PKEY_free(key);
  if (!ok) return fail("cannot sign the CSR");
  return out;
}

}  // namespace kiosk::platform
