// Fault runs: the real driver (printer::Printer) against the virtual
// printer (`kiosk-devsim printer`) over a pty, speaking ESC/POS both ways.
// The test acts as the person at the printer through the simulator's stdin
// and waits on real conditions: simulator event lines and driver events.
#include "drivers/printer/printer.hpp"
#include "drivers/printer/receipt_template.hpp"
#include "qr_decode.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using printer::Outcome;
using printer::PrinterEvent;

const std::string kSim = std::string(KIOSK_BINARY_DIR) + "/bin/kiosk-devsim";

// Collects driver events from the printing thread; lets the test wait for one.
class EventLog {
 public:
  void operator()(PrinterEvent e) {
    std::lock_guard lock(m_);
    events_.push_back(e);
    cv_.notify_all();
  }
  bool wait_for(PrinterEvent e, std::chrono::milliseconds timeout = 10s) {
    std::unique_lock lock(m_);
    return cv_.wait_for(lock, timeout, [&] {
      return std::find(events_.begin(), events_.end(), e) != events_.end();
    });
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<PrinterEvent> events_;
};

class PrinterFault : public ::testing::Test {
 protected:
  void start(std::vector<std::string> extra) {
    dir_ = fs::temp_directory_path() /
           ("printer-fault-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    link_ = dir_ / "lp0";
    std::vector<std::string> args{kSim,          "printer", "--out-dir",
                                  dir_.string(), "--link",  link_.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    sim_ = std::make_unique<printer_test::SimProcess>(args);
    ASSERT_TRUE(sim_->running());
    auto first = sim_->line();
    ASSERT_TRUE(first) << "simulator printed no pty path";
    ASSERT_EQ(first->rfind("/dev/pts/", 0), 0u) << *first;
    printer::PrinterOptions opt;
    opt.reply_timeout = 2s;  // generous: the CI machine is shared
    opt.poll_interval = 50ms;
    opt.job_timeout = 10s;
    opt.recovery_wait = 20s;
    printer_ = std::make_unique<printer::Printer>(printer::open_device(link_), opt,
                                                  [this](PrinterEvent e) { log_(e); });
  }
  void TearDown() override {
    printer_.reset();
    sim_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  static printer::PrintJob ticket() {
    auto set = printer::TemplateSet::load(fs::path(KIOSK_SOURCE_DIR) / "config/defaults/receipts");
    EXPECT_TRUE(set);
    const auto* t = set->find("ticket");
    auto bytes = printer::render_receipt(*t, t->sample, {});
    EXPECT_TRUE(bytes);
    return {"ticket-A042", *bytes};
  }
  static constexpr const char* kTicketQr = "https://zwfw.example.gov.cn/q/A042?h=B2";

  // Whole receipts (receipt-NNNN.png, no -partial / -uncut suffix) on disk.
  std::vector<fs::path> receipts() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      const std::string n = e.path().filename().string();
      if (n.rfind("receipt-", 0) == 0 && n.size() == std::string("receipt-0001.png").size()) {
        out.push_back(e.path());
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  void expect_ticket_qr(const fs::path& png) {
    auto zbar = printer_test::zbar_decode(png.string());
    EXPECT_TRUE(std::find(zbar.begin(), zbar.end(), std::string("QR-Code:") + kTicketQr) !=
                zbar.end())
        << png;
  }
  static bool has(const printer::PrintResult& r, PrinterEvent e) {
    return std::find(r.events.begin(), r.events.end(), e) != r.events.end();
  }

  fs::path dir_, link_;
  std::unique_ptr<printer_test::SimProcess> sim_;
  EventLog log_;
  std::unique_ptr<printer::Printer> printer_;
};

TEST_F(PrinterFault, ReadyPrinterAnswersStatusAndPrintsOnce) {
  start({});
  auto s = printer_->status();
  ASSERT_TRUE(s) << s.error().detail;
  EXPECT_TRUE(s->ready());
  auto r = printer_->print(ticket());
  EXPECT_EQ(r.outcome, Outcome::printed);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_FALSE(printer_->pending());
  ASSERT_TRUE(sim_->wait_for("receipt "));
  ASSERT_EQ(receipts().size(), 1u);
  expect_ticket_qr(receipts()[0]);
}

TEST_F(PrinterFault, PaperOutMidReceiptIsReprintedWholeExactlyOnceAfterRefill) {
  start({"--fault", "paper-out", "--after-lines", "8"});
  auto job = std::async(std::launch::async, [&] { return printer_->print(ticket()); });
  ASSERT_TRUE(sim_->wait_for("partial ")) << "receipt did not stop part-way";
  ASSERT_TRUE(log_.wait_for(PrinterEvent::paper_out)) << "driver did not report paper out";
  sim_->send("refill");
  auto r = job.get();
  EXPECT_EQ(r.outcome, Outcome::reprinted);
  EXPECT_EQ(r.attempts, 2);
  EXPECT_TRUE(has(r, PrinterEvent::paper_out));
  EXPECT_TRUE(has(r, PrinterEvent::reprinting));
  EXPECT_FALSE(r.error);
  EXPECT_FALSE(printer_->pending());
  ASSERT_TRUE(sim_->wait_for("receipt "));
  // Nothing else is in flight: one more status round trip, then count.
  ASSERT_TRUE(printer_->status());
  ASSERT_EQ(receipts().size(), 1u) << "the receipt must come out whole exactly once";
  expect_ticket_qr(receipts()[0]);
}

TEST_F(PrinterFault, CoverOpenKeepsTheJobUntilClosedThenPrintsOnce) {
  start({"--fault", "cover-open"});
  auto s = printer_->status();
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->cover_open);
  EXPECT_FALSE(s->ready());
  auto r = printer_->print(ticket());
  EXPECT_EQ(r.outcome, Outcome::kept_pending);
  EXPECT_EQ(r.attempts, 0);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, printer::ErrorCode::cover_open);
  EXPECT_TRUE(has(r, PrinterEvent::cover_open));
  ASSERT_TRUE(printer_->pending());

  sim_->send("close-cover");
  ASSERT_TRUE(sim_->wait_for("cover-closed"));
  auto again = printer_->retry_pending();
  EXPECT_EQ(again.outcome, Outcome::printed);
  EXPECT_EQ(again.attempts, 1);
  EXPECT_FALSE(printer_->pending());
  // Nothing left to print: a second retry cannot duplicate the receipt.
  auto none = printer_->retry_pending();
  EXPECT_EQ(none.attempts, 0);
  ASSERT_TRUE(sim_->wait_for("receipt "));
  ASSERT_TRUE(printer_->status());
  EXPECT_EQ(receipts().size(), 1u);
}

TEST_F(PrinterFault, PowerCycledPrinterIsReopened) {
  start({});
  ASSERT_EQ(printer_->print(ticket()).outcome, Outcome::printed);
  ASSERT_TRUE(sim_->wait_for("receipt "));
  sim_->send("power-cycle");
  ASSERT_TRUE(sim_->wait_for("pty /dev/pts/"));
  auto s = printer_->status();
  ASSERT_TRUE(s) << s.error().detail;
  EXPECT_TRUE(s->ready());
  EXPECT_EQ(printer_->print(ticket()).outcome, Outcome::printed);
  ASSERT_TRUE(sim_->wait_for("receipt "));
  EXPECT_EQ(receipts().size(), 2u);
}

TEST_F(PrinterFault, PowerCycleDuringAFailedJobThenReprintOnce) {
  start({"--fault", "paper-out", "--after-lines", "8"});
  auto job = std::async(std::launch::async, [&] { return printer_->print(ticket()); });
  ASSERT_TRUE(log_.wait_for(PrinterEvent::paper_out));
  sim_->send("power-cycle");
  ASSERT_TRUE(sim_->wait_for("pty /dev/pts/"));
  sim_->send("refill");
  auto r = job.get();
  EXPECT_EQ(r.outcome, Outcome::reprinted);
  EXPECT_EQ(r.attempts, 2);
  ASSERT_TRUE(sim_->wait_for("receipt "));
  ASSERT_TRUE(printer_->status());
  ASSERT_EQ(receipts().size(), 1u);
  expect_ticket_qr(receipts()[0]);
}

TEST_F(PrinterFault, PaperNearEndPrintsAndWarns) {
  start({"--fault", "near-end"});
  auto r = printer_->print(ticket());
  EXPECT_EQ(r.outcome, Outcome::printed);
  EXPECT_TRUE(has(r, PrinterEvent::paper_near_end));
  EXPECT_TRUE(r.final_status.paper_near_end);
}

TEST_F(PrinterFault, CutterErrorMeansTearOffNotReprint) {
  start({"--fault", "cutter-error"});
  auto r = printer_->print(ticket());
  EXPECT_EQ(r.outcome, Outcome::printed_not_cut);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_TRUE(has(r, PrinterEvent::cutter_error));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, printer::ErrorCode::cutter_error);
  EXPECT_FALSE(printer_->pending());
  ASSERT_TRUE(sim_->wait_for("cutter-error"));
}

TEST_F(PrinterFault, OfflinePrinterIsReportedAndJobKept) {
  start({"--fault", "offline"});
  auto s = printer_->status();
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->offline);
  auto r = printer_->print(ticket());
  EXPECT_EQ(r.outcome, Outcome::kept_pending);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, printer::ErrorCode::offline);
  EXPECT_TRUE(has(r, PrinterEvent::offline));
  EXPECT_TRUE(printer_->pending());
}

TEST_F(PrinterFault, MissingDeviceIsADisconnectedError) {
  printer::Printer p(printer::open_device("/nonexistent/lp9"));
  auto s = p.status();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, printer::ErrorCode::disconnected);
  auto r = p.print({"x", {0x1B, 0x40}});
  EXPECT_EQ(r.outcome, Outcome::kept_pending);
  EXPECT_TRUE(p.pending());
}

}  // namespace
