// The kiosk's platform client against a real platform-sim over real TLS on
// 127.0.0.1: enrolment, mTLS, every endpoint, every injected fault class,
// and idempotent replay.
#include "tests/platform/sim_fixture.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <sstream>

namespace platform_test {
namespace {

using kp::ErrorCode;
using kp::FailureClass;

// Polls `pred` until it holds or the deadline passes (for the refuse window,
// whose end is the simulator's business, not ours).
template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline)
    if (pred()) return true;
  return false;
}

kp::PreApplicationRequest no_record_certificate(std::size_t page_bytes = 2000) {
  kp::PreApplicationRequest r;
  r.item_code = "650100-GA-0004";  // 无犯罪记录证明开具
  r.applicant = {id_number("65010419900715161"), "李建国", "13800138000"};
  r.form["purpose"] = "employment";
  r.materials.push_back({"650100-GA-0004-M1", "elicence", "EL-1005", {}});
  r.materials.push_back({"650100-GA-0004-M2", "scan", "", {{"image/jpeg", jpeg_page(page_bytes)}}});
  return r;
}

using PlatformSim = SimTest;

TEST_F(PlatformSim, EnrolledDevicePingsOverMutualTls) {
  auto p = client_->ping();
  ASSERT_TRUE(p.has_value()) << p.error().detail;
  EXPECT_EQ(p->terminal_id, device_.terminal_id);
  EXPECT_EQ(record_count("terminal"), 1);
}

TEST_F(PlatformSim, EnrolmentTokenIsSingleUse) {
  auto kc = kp::make_device_key_and_csr("second");
  ASSERT_TRUE(kc);
  kp::ClientConfig cfg = config();
  cfg.cert_file.clear();
  cfg.key_file.clear();
  auto anon = client(cfg);
  auto e =
      anon->enrol({sim_->enrolment_token(), kc->csr_pem, "HALL-01"}, kp::new_idempotency_key());
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().cls, FailureClass::permanent);
  EXPECT_EQ(e.error().problem_code, "enrolment_token_invalid");
}

TEST_F(PlatformSim, NoClientCertificateIsAnAuthenticationFailure) {
  kp::ClientConfig cfg = config();
  cfg.cert_file.clear();
  cfg.key_file.clear();
  auto p = client(cfg)->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().cls, FailureClass::authentication);
  EXPECT_EQ(p.error().code, ErrorCode::certificate_rejected);
  EXPECT_EQ(p.error().http_status, 401);
}

TEST_F(PlatformSim, CertificateOfAnotherCaIsRejected) {
  auto other = kp::SimProcess::start({sim_binary(), dir_ / "other", "", 7, 1});
  ASSERT_TRUE(other) << other.error();
  auto stranger = enrol_device(*other, dir_, other->enrolment_token());
  kp::ClientConfig cfg = config();
  cfg.cert_file = stranger.cert.string();
  cfg.key_file = stranger.key.string();
  auto p = client(cfg)->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().cls, FailureClass::authentication);
  EXPECT_EQ(p.error().problem_code, "client_certificate_rejected");
}

TEST_F(PlatformSim, RevokedTerminalIsAnAuthenticationFailure) {
  ASSERT_TRUE(client_->ping());  // known to the simulator before the revocation
  admin_post("/admin/terminals/" + device_.terminal_id + "/revocation", "{}");
  auto p = client_->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().cls, FailureClass::authentication);
  EXPECT_EQ(p.error().problem_code, "terminal_revoked");
}

TEST_F(PlatformSim, UntrustedServerIsRefusedBeforeAnyRequest) {
  auto other = kp::SimProcess::start({sim_binary(), dir_ / "other", "", 7, 1});
  ASSERT_TRUE(other) << other.error();
  kp::ClientConfig cfg = config();
  cfg.ca_file = other->ca_file().string();  // trusts the wrong CA
  auto p = client(cfg)->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().cls, FailureClass::authentication);
  EXPECT_EQ(p.error().code, ErrorCode::server_untrusted);
}

TEST_F(PlatformSim, WrongPinnedKeyIsRefused) {
  kp::ClientConfig cfg = config();
  cfg.pinned_public_key = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  auto p = client(cfg)->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().cls, FailureClass::authentication);
  EXPECT_EQ(p.error().code, ErrorCode::server_untrusted);
}

TEST_F(PlatformSim, CatalogueHasTheSeededCityAndHonoursEtag) {
  auto c = client_->catalogue();
  ASSERT_TRUE(c) << c.error().detail;
  ASSERT_FALSE(c->not_modified);
  EXPECT_GE(c->catalogue.items.size(), 30u);
  std::set<std::string> depts;
  for (const auto& it : c->catalogue.items) {
    depts.insert(it.department_code);
    EXPECT_FALSE(it.name_zh.empty());
    EXPECT_FALSE(it.name_en.empty());
    EXPECT_FALSE(it.materials.empty()) << it.item_code;
    EXPECT_LE(it.promised_time_limit_days, it.legal_time_limit_days) << it.item_code;
  }
  EXPECT_EQ(depts, (std::set<std::string>{"BDC", "GA", "GJJ", "MZ", "RS", "SJ", "ZJ"}));
  ASSERT_FALSE(c->catalogue.etag.empty());
  auto again = client_->catalogue(c->catalogue.etag);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->not_modified);
  auto stale = client_->catalogue("\"stale\"");
  ASSERT_TRUE(stale);
  EXPECT_FALSE(stale->not_modified);
}

TEST_F(PlatformSim, CatalogueAnswersAWeakOrListedEtag) {
  auto c = client_->catalogue();
  ASSERT_TRUE(c);
  const std::string tag = c->catalogue.etag;
  for (const std::string& header : {"W/" + tag, "\"old\", " + tag, std::string("*")}) {
    auto again = client_->catalogue(header);
    ASSERT_TRUE(again) << header;
    EXPECT_TRUE(again->not_modified) << header;
  }
}

TEST_F(PlatformSim, OneItemByCodeMatchesTheCatalogue) {
  auto c = client_->catalogue();
  ASSERT_TRUE(c);
  for (const auto& want : c->catalogue.items) {
    auto got = client_->catalogue_item(want.item_code);
    ASSERT_TRUE(got) << want.item_code << ": " << got.error().detail;
    EXPECT_EQ(got->item_code, want.item_code);
    EXPECT_EQ(got->name_zh, want.name_zh);
    EXPECT_EQ(got->name_en, want.name_en);
    EXPECT_EQ(got->materials.size(), want.materials.size());
    EXPECT_EQ(got->promised_time_limit_days, want.promised_time_limit_days);
    EXPECT_EQ(got->windows.size(), want.windows.size());
  }
}

TEST_F(PlatformSim, UnknownItemCodeIsPermanentNotFound) {
  auto got = client_->catalogue_item("650100-XX-9999");
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().cls, FailureClass::permanent);
  EXPECT_EQ(got.error().http_status, 404);
  EXPECT_EQ(got.error().problem_code, "item_not_found");
  // A code with characters that need escaping reaches the simulator intact.
  auto odd = client_->catalogue_item("a/b c");
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().http_status, 404);
}

TEST_F(PlatformSim, HallsHaveWindowsOnFloorMapsAndTheKioskKnowsWhereItStands) {
  auto h = client_->halls();
  ASSERT_TRUE(h) << h.error().detail;
  ASSERT_EQ(h->size(), 3u);
  EXPECT_TRUE((*h)[0].main_hall);
  for (const auto& hall : *h) {
    EXPECT_FALSE(hall.windows.empty());
    EXPECT_FALSE(hall.floor_maps.empty());
  }
  auto self = client_->terminal_self();
  ASSERT_TRUE(self);
  EXPECT_EQ(self->hall_code, "HALL-01");
}

TEST_F(PlatformSim, BookCancelAndCheckIn) {
  auto slots = client_->slots("650100-GA-0002", "HALL-01", "2026-12-01");  // a Tuesday
  ASSERT_TRUE(slots) << slots.error().detail;
  ASSERT_FALSE(slots->empty());
  const kp::Person who{id_number("65010219580312002"), "张桂兰", "13912345678"};
  auto a = client_->book({(*slots)[0].slot_id, who}, kp::new_idempotency_key());
  ASSERT_TRUE(a) << a.error().detail;
  EXPECT_EQ(a->confirmation_code.size(), 6u);
  auto cancelled = client_->cancel_appointment(a->appointment_id, kp::new_idempotency_key());
  ASSERT_TRUE(cancelled);
  auto twice = client_->cancel_appointment(a->appointment_id, kp::new_idempotency_key());
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::conflict);
  auto b = client_->book({(*slots)[1].slot_id, who}, kp::new_idempotency_key());
  ASSERT_TRUE(b);
  auto t = client_->check_in(b->confirmation_code, "HALL-01", kp::new_idempotency_key());
  ASSERT_TRUE(t) << t.error().detail;
  EXPECT_EQ(t->appointment_id, b->appointment_id);
  auto weekend = client_->slots("650100-GA-0002", "HALL-01", "2026-11-28");
  ASSERT_TRUE(weekend);
  EXPECT_TRUE(weekend->empty());
}

TEST_F(PlatformSim, QueueTicketsCountWhoIsWaitingAndPrioritiseElderly) {
  kp::TicketRequest r{"650100-RS-0012", "HALL-01", "normal"};
  auto t1 = client_->take_ticket(r, kp::new_idempotency_key());
  auto t2 = client_->take_ticket(r, kp::new_idempotency_key());
  ASSERT_TRUE(t1 && t2);
  EXPECT_EQ(t1->waiting_count, 0);
  EXPECT_EQ(t2->waiting_count, 1);
  EXPECT_GT(t2->estimated_wait_minutes, 0);
  r.priority = "elderly";
  auto t3 = client_->take_ticket(r, kp::new_idempotency_key());
  ASSERT_TRUE(t3);
  EXPECT_EQ(t3->waiting_count, 0);
  EXPECT_NE(t3->ticket_number, t2->ticket_number);
}

TEST_F(PlatformSim, PreApplicationGetsACaseNumberAndStagesAdvance) {
  auto c = client_->submit_pre_application(no_record_certificate(), kp::new_idempotency_key());
  ASSERT_TRUE(c) << c.error().detail;
  EXPECT_EQ(c->status, "received");
  EXPECT_EQ(c->case_number.size(), 20u);
  admin_post(
      "/admin/pre-applications/" + c->case_number + "/stages",
      R"({"stage":"returned_for_correction","reasons":[{"zh":"照片不清晰","en":"Photo unreadable"}]})");
  auto s = client_->case_status(c->case_number);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, "returned_for_correction");
  ASSERT_EQ(s->stages.size(), 2u);
  ASSERT_EQ(s->stages[1].reasons.size(), 1u);
  EXPECT_EQ(s->stages[1].reasons[0].second, "Photo unreadable");
}

TEST_F(PlatformSim, CasesAreFoundByTheirHoldersIdNumber) {
  // The simulator's demo cases of the simulated reader's first card, newest first.
  auto demo = client_->cases_of_holder("650102199003071235");
  ASSERT_TRUE(demo) << demo.error().detail;
  ASSERT_EQ(demo->size(), 2u);
  EXPECT_EQ((*demo)[0].status, "returned_for_correction");
  EXPECT_EQ((*demo)[1].status, "concluded");
  // A new pre-application is found by its applicant.
  const auto req = no_record_certificate();
  auto before = client_->cases_of_holder(req.applicant.id_number);
  ASSERT_TRUE(before);
  auto c = client_->submit_pre_application(req, kp::new_idempotency_key());
  ASSERT_TRUE(c) << c.error().detail;
  auto after = client_->cases_of_holder(req.applicant.id_number);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->size(), before->size() + 1);
  EXPECT_TRUE(std::any_of(after->begin(), after->end(), [&](const kp::CaseStatus& x) {
    return x.case_number == c->case_number;
  }));
  // A number that is no ID number is refused; nobody's number finds nothing.
  auto bad = client_->cases_of_holder("650104199007151610");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::validation);
  auto none = client_->cases_of_holder("11010519491231002X");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(PlatformSim, InvalidPreApplicationIsPermanentWithFieldReasons) {
  auto r = no_record_certificate();
  r.applicant.id_number = "650104199007151610";  // wrong check digit
  r.materials.pop_back();                        // required scan missing
  auto c = client_->submit_pre_application(r, kp::new_idempotency_key());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().cls, FailureClass::permanent);
  EXPECT_EQ(c.error().code, ErrorCode::validation);
  ASSERT_FALSE(c.error().fields.empty());
  EXPECT_EQ(c.error().fields[0].field, "applicant.id_number");
  EXPECT_FALSE(c.error().fields[0].reason_zh.empty());
}

TEST_F(PlatformSim, SameKeySameBodyReplaysAndCreatesNothingNew) {
  const auto key = kp::new_idempotency_key();
  const auto req = no_record_certificate();
  auto first = client_->submit_pre_application(req, key);
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_FALSE(client_->last_was_replay());
  auto second = client_->submit_pre_application(req, key);
  ASSERT_TRUE(second);
  EXPECT_TRUE(client_->last_was_replay());
  EXPECT_EQ(second->case_number, first->case_number);
  auto records = admin_get("/admin/records?kind=pre_application")["records"];
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["idempotency_key"], key);
  EXPECT_EQ(records[0]["id"], first->case_number);
}

TEST_F(PlatformSim, SameKeyDifferentBodyIs422) {
  const auto key = kp::new_idempotency_key();
  ASSERT_TRUE(client_->heartbeat({"0.1.0", "1", 0, "ok", {}, std::nullopt}, key));
  auto again = client_->heartbeat({"0.1.0", "1", 5, "ok", {}, std::nullopt}, key);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().http_status, 422);
  EXPECT_EQ(again.error().code, ErrorCode::idempotency_conflict);
  EXPECT_EQ(again.error().cls, FailureClass::permanent);
  EXPECT_EQ(record_count("heartbeat"), 1);
}

TEST_F(PlatformSim, RatingLinksOnlyToATicketOrCase) {
  auto t = client_->take_ticket({"650100-MZ-0007", "HALL-02", "normal"}, kp::new_idempotency_key());
  ASSERT_TRUE(t);
  kp::RatingRequest r;
  r.level = 2;
  r.attitude = 1;
  r.comment = "等待时间太长";
  r.ticket_number = t->ticket_number;
  auto ok = client_->rate(r, kp::new_idempotency_key());
  ASSERT_TRUE(ok) << ok.error().detail;
  EXPECT_TRUE(ok->follow_up_required);
  r.case_number = "650100";  // both links given
  auto bad = client_->rate(r, kp::new_idempotency_key());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "case_number");
  r.case_number.clear();
  r.level = 6;
  bad = client_->rate(r, kp::new_idempotency_key());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "level");
}

// A kiosk that took a pre-application offline rates it by its
// Idempotency-Key (it had no case number yet); the platform links the
// rating to the case, and refuses keys it does not know from this terminal.
TEST_F(PlatformSim, APreApplicationIsRatedByItsIdempotencyKey) {
  const auto key = kp::new_idempotency_key();
  auto c = client_->submit_pre_application(no_record_certificate(), key);
  ASSERT_TRUE(c) << c.error().detail;
  kp::RatingRequest r;
  r.level = 4;
  r.pre_application_key = key;
  auto ok = client_->rate(r, kp::new_idempotency_key());
  ASSERT_TRUE(ok) << ok.error().detail;
  EXPECT_FALSE(ok->follow_up_required);
  const auto records = admin_get("/admin/records?kind=rating")["records"];
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["data"]["case_number"], c->case_number);

  r.pre_application_key = kp::new_idempotency_key();  // never submitted
  auto unknown = client_->rate(r, kp::new_idempotency_key());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields.at(0).field, "pre_application_key");
  r.pre_application_key = key;
  r.case_number = c->case_number;  // two links
  auto both = client_->rate(r, kp::new_idempotency_key());
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().fields.at(0).field, "case_number");
}

TEST_F(PlatformSim, ELicencesNeedConsentAndMatchTheHolder) {
  const kp::Person holder{id_number("65010419900715161"), "李建国", ""};
  auto l =
      client_->elicences(holder, {"id_card_and_touch", "2026-11-27T10:00:00Z", "650100-BDC-0027"},
                         kp::new_idempotency_key());
  ASSERT_TRUE(l) << l.error().detail;
  EXPECT_EQ(l->size(), 4u);
  auto no_method = client_->elicences(holder, {"", "", ""}, kp::new_idempotency_key());
  ASSERT_FALSE(no_method);
  EXPECT_EQ(no_method.error().fields.at(0).field, "consent.method");
  auto stranger = client_->elicences({id_number("65010320010101999"), "无名", ""},
                                     {"id_card_and_touch", "", ""}, kp::new_idempotency_key());
  ASSERT_TRUE(stranger);
  EXPECT_TRUE(stranger->empty());
}

// The client may log method, path, status and error code, nothing else.
// Calls that carry an ID number, a name and a phone (accepted, rejected
// with field reasons, and an e-licence query) run with every log level on;
// none of the three may appear in what was logged.
TEST_F(PlatformSim, PersonalDataNeverReachesTheLog) {
  std::ostringstream captured;
  auto logger = std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
  logger->set_level(spdlog::level::trace);
  const auto previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);

  const auto good = no_record_certificate();
  auto accepted = client_->submit_pre_application(good, kp::new_idempotency_key());
  auto bad = good;
  bad.applicant.phone = "1391234";  // too short: rejected with a field reason
  auto rejected = client_->submit_pre_application(bad, kp::new_idempotency_key());
  auto licences = client_->elicences(
      good.applicant, {"id_card_and_touch", "2026-11-27T10:00:00Z", ""}, kp::new_idempotency_key());
  spdlog::set_default_logger(previous);

  ASSERT_TRUE(accepted) << accepted.error().detail;
  ASSERT_FALSE(rejected);
  ASSERT_TRUE(licences) << licences.error().detail;
  const std::string log = captured.str();
  EXPECT_NE(log.find("/v1/pre-applications"), std::string::npos) << "nothing was logged:\n" << log;
  for (const std::string& personal :
       {good.applicant.id_number, good.applicant.name, good.applicant.phone, bad.applicant.phone})
    EXPECT_EQ(log.find(personal), std::string::npos) << personal << " in the log:\n" << log;
}

// --- fault classes ----------------------------------------------------------

TEST_F(PlatformSim, LatencyBeyondTheTotalTimeoutIsRetryLater) {
  set_faults("latency=400;only=/v1/ping");
  auto cfg = config();
  cfg.total_timeout = std::chrono::milliseconds(100);
  auto p = client(cfg)->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::timeout);
  EXPECT_EQ(p.error().cls, FailureClass::retry_later);
  EXPECT_TRUE(client_->ping()) << "a patient client still gets through";
}

TEST_F(PlatformSim, RefusedConnectionsAreRetryLaterAndRecover) {
  set_faults("refuse=1500");
  kp::Error seen;
  ASSERT_TRUE(eventually([&] {
    auto p = client_->ping();
    if (!p) seen = p.error();
    return !p && p.error().code == ErrorCode::network;
  })) << "the listener never closed";
  EXPECT_EQ(seen.cls, FailureClass::retry_later);
  EXPECT_TRUE(eventually([&] { return client_->ping().has_value(); })) << "never listened again";
}

TEST_F(PlatformSim, ResetMidResponseIsRetryLaterAndReplayRecoversTheAnswer) {
  set_faults("reset=1;only=/v1/queue/tickets");
  const auto key = kp::new_idempotency_key();
  kp::TicketRequest r{"650100-SJ-0017", "HALL-01", "normal"};
  auto t = client_->take_ticket(r, key);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::network);
  EXPECT_EQ(t.error().cls, FailureClass::retry_later);
  set_faults("");
  auto again = client_->take_ticket(r, key);  // the ticket was issued; the answer was lost
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_TRUE(client_->last_was_replay());
  EXPECT_EQ(record_count("ticket"), 1);
}

TEST_F(PlatformSim, ServerErrorsAreRetryLaterAndCreateNothing) {
  set_faults("5xx=1;only=/v1/heartbeats");
  const auto key = kp::new_idempotency_key();
  auto h = client_->heartbeat({"0.1.0", "1", 3, "low", {{"printer", "ok"}}, std::nullopt}, key);
  ASSERT_FALSE(h);
  EXPECT_EQ(h.error().cls, FailureClass::retry_later);
  EXPECT_EQ(h.error().code, ErrorCode::server_error);
  EXPECT_GE(h.error().http_status, 500);
  EXPECT_EQ(record_count("heartbeat"), 0);
  set_faults("");
  ASSERT_TRUE(client_->heartbeat({"0.1.0", "1", 3, "low", {{"printer", "ok"}}, std::nullopt}, key));
  EXPECT_FALSE(client_->last_was_replay());
  EXPECT_EQ(record_count("heartbeat"), 1);
}

TEST_F(PlatformSim, TooManyRequestsCarriesRetryAfter) {
  set_faults("429=1@7");
  auto c = client_->catalogue();
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::rate_limited);
  EXPECT_EQ(c.error().cls, FailureClass::retry_later);
  ASSERT_TRUE(c.error().retry_after.has_value());
  EXPECT_EQ(*c.error().retry_after, std::chrono::seconds(7));
}

TEST_F(PlatformSim, OverloadedCarriesRetryAfter) {
  set_faults("503=1@3");
  auto c = client_->halls();
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::unavailable);
  EXPECT_EQ(c.error().retry_after, std::chrono::seconds(3));
}

TEST_F(PlatformSim, OutageWindowAnswers503UntilItEnds) {
  set_faults("outage=0-600000");
  auto p = client_->ping();
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::unavailable);
  EXPECT_EQ(p.error().problem_code, "outage");
  EXPECT_FALSE(p.error().retry_after.has_value());
  set_faults("outage=0-0");  // window over
  EXPECT_TRUE(client_->ping());
}

TEST_F(PlatformSim, FaultsAreDeterministicForASeed) {
  auto pattern = [&] {
    set_faults("5xx=0.5;only=/v1/ping");  // restarts the seeded sequence
    std::string s;
    for (int i = 0; i < 16; ++i) s += client_->ping() ? '.' : 'x';
    return s;
  };
  const auto a = pattern();
  EXPECT_EQ(a, pattern());
  EXPECT_NE(a.find('x'), std::string::npos);
  EXPECT_NE(a.find('.'), std::string::npos);
}

TEST_F(PlatformSim, SlowUploadReportsProgressAndCanBeCancelled) {
  set_faults("slow_upload=131072");  // 128 KiB/s: a 1 MB upload needs 8 s
  std::atomic<bool> cancel{false};
  std::uint64_t last = 0, total = 0;
  int calls = 0;
  kp::Upload up;
  up.cancel = &cancel;
  up.progress = [&](std::uint64_t sent, std::uint64_t all) {
    EXPECT_GE(sent, last);
    last = sent;
    total = all;
    ++calls;
    if (sent > 0) cancel = true;  // the citizen pressed "cancel"
  };
  auto c = client_->submit_pre_application(no_record_certificate(1 << 20),
                                           kp::new_idempotency_key(), up);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::cancelled);
  EXPECT_EQ(c.error().cls, FailureClass::retry_later);
  EXPECT_GT(calls, 0);
  EXPECT_GT(total, 1u << 20);
  EXPECT_EQ(record_count("pre_application"), 0);
}

TEST_F(PlatformSim, SlowUploadBeyondTheUploadTimeoutIsRetryLater) {
  set_faults("slow_upload=131072");
  auto cfg = config();
  cfg.upload_timeout = std::chrono::milliseconds(800);
  auto c = client(cfg)->submit_pre_application(no_record_certificate(1 << 20),
                                               kp::new_idempotency_key());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::timeout);
  EXPECT_EQ(c.error().cls, FailureClass::retry_later);
}

TEST_F(PlatformSim, AdminRecordsListEveryRecordByKind) {
  ASSERT_TRUE(client_->heartbeat({"0.1.0", "1", 0, "ok", {}, std::nullopt}, "hb-key-1"));
  ASSERT_TRUE(client_->take_ticket({"650100-GA-0001", "HALL-01", "normal"}, "ticket-key-1"));
  auto all = admin_get("/admin/records");
  EXPECT_EQ(all["counts"]["heartbeat"], 1);
  EXPECT_EQ(all["counts"]["ticket"], 1);
  EXPECT_EQ(all["counts"]["terminal"], 1);
  bool found = false;
  for (const auto& r : all["records"]) found = found || r["idempotency_key"] == "ticket-key-1";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace platform_test
