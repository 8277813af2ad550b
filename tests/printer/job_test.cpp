// Job-rule cases whose timing a pty cannot pin down: the operator acts at an
// exact point of the byte exchange. The driver talks to the real virtual
// printer model (tools/devsim/printer) in-process through a loopback
// ByteStream instead of a pty; that stream is the only stand-in here, and it
// exists so a hook can run between the kiosk's write and the printer's
// reaction.
#include "drivers/printer/device_stream.hpp"
#include "drivers/printer/printer.hpp"
#include "drivers/printer/receipt_template.hpp"
#include "tools/devsim/printer/virtual_printer.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

namespace {

using namespace std::chrono_literals;
using devsim::printer::OperatorAction;
using devsim::printer::VirtualPrinter;
using printer::Outcome;
using printer::PrinterEvent;

class Loopback final : public transport::ByteStream {
 public:
  explicit Loopback(VirtualPrinter& vp) : vp_(vp) {}
  // Runs before the printer sees each write that carries print data.
  std::function<void(VirtualPrinter&)> before_job_write;
  // Runs after the printer handled a write.
  std::function<void(VirtualPrinter&)> after_write;

  kx::expected<void, transport::Error> write(std::span<const std::uint8_t> b,
                                             std::chrono::milliseconds) override {
    if (b.size() > 64 && before_job_write) before_job_write(vp_);
    take(vp_.receive(b));
    if (after_write) after_write(vp_);
    return {};
  }
  kx::expected<std::size_t, transport::Error> read(std::span<std::uint8_t> buf,
                                                   std::chrono::milliseconds) override {
    if (replies_.empty()) {
      return kx::unexpected(transport::Error{transport::ErrorCode::timeout, "no reply"});
    }
    std::size_t n = 0;
    while (n < buf.size() && !replies_.empty()) {
      buf[n++] = replies_.front();
      replies_.pop_front();
    }
    return n;
  }
  void discard_input() override { replies_.clear(); }
  std::string describe() const override { return "loopback"; }
  void act(OperatorAction a) { take(vp_.act(a)); }

 private:
  void take(const std::vector<std::uint8_t>& r) {
    replies_.insert(replies_.end(), r.begin(), r.end());
  }
  VirtualPrinter& vp_;
  std::deque<std::uint8_t> replies_;
};

printer::PrintJob ticket() {
  auto set = printer::TemplateSet::load(std::filesystem::path(KIOSK_SOURCE_DIR) /
                                        "config/defaults/receipts");
  EXPECT_TRUE(set);
  const auto* t = set->find("ticket");
  return {"ticket", *printer::render_receipt(*t, t->sample, {})};
}

printer::PrinterOptions fast() {
  printer::PrinterOptions o;
  o.reply_timeout = 50ms;
  o.poll_interval = 1ms;
  o.job_timeout = 500ms;
  o.recovery_wait = 300ms;
  return o;
}

int whole_receipts(VirtualPrinter& vp) {
  int n = 0;
  for (const auto& e : vp.take_events()) n += e.rfind("receipt ", 0) == 0;
  return n;
}

TEST(PrinterJob, PaperReplacedBeforeTheKioskReactsIsResumedNotReprinted) {
  devsim::printer::Faults f;
  f.paper_out_after_lines = 8;
  VirtualPrinter vp(384, nullptr, f);
  Loopback* link = nullptr;
  printer::Printer p(
      [&]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
        auto s = std::make_unique<Loopback>(vp);
        link = s.get();
        // The roll runs out mid-receipt and is replaced at once: the printer
        // finishes the job on the new roll before the kiosk can clear it.
        s->after_write = [&](VirtualPrinter&) {
          if (vp.realtime_status(4) & 0x60) link->act(OperatorAction::refill_paper);
        };
        return std::unique_ptr<transport::ByteStream>(std::move(s));
      },
      fast());
  auto r = p.print(ticket());
  EXPECT_EQ(r.attempts, 1) << "the resumed receipt must not be printed again";
  EXPECT_TRUE(r.printed());
  EXPECT_FALSE(p.pending());
  EXPECT_EQ(whole_receipts(vp), 1);
  EXPECT_EQ(vp.receipts_cut(), 1);
}

TEST(PrinterJob, SecondAttemptFailingKeepsTheJobForALaterRetry) {
  devsim::printer::Faults f;
  f.paper_out_after_lines = 8;
  VirtualPrinter vp(384, nullptr, f);
  Loopback* link = nullptr;
  int job_writes = 0;
  printer::Printer p(
      [&]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
        auto s = std::make_unique<Loopback>(vp);
        link = s.get();
        // Someone opens the cover just as the reprint starts.
        s->before_job_write = [&](VirtualPrinter&) {
          if (++job_writes == 2) link->act(OperatorAction::open_cover);
        };
        return std::unique_ptr<transport::ByteStream>(std::move(s));
      },
      fast(),
      [&](PrinterEvent e) {
        if (e == PrinterEvent::paper_out) link->act(OperatorAction::refill_paper);
      });
  auto r = p.print(ticket());
  EXPECT_EQ(r.outcome, Outcome::kept_pending);
  EXPECT_EQ(r.attempts, 2);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, printer::ErrorCode::cover_open);
  ASSERT_TRUE(p.pending()) << "a receipt is never lost";
  EXPECT_EQ(vp.receipts_cut(), 0);

  link->act(OperatorAction::close_cover);
  auto again = p.retry_pending();
  EXPECT_EQ(again.outcome, Outcome::printed);
  EXPECT_EQ(again.attempts, 1);
  EXPECT_FALSE(p.pending());
  EXPECT_EQ(vp.receipts_cut(), 1) << "exactly one whole receipt in the end";
}

TEST(PrinterJob, DiscardedJobIsNotPrinted) {
  devsim::printer::Faults f;
  f.cover_open = true;
  VirtualPrinter vp(384, nullptr, f);
  Loopback* link = nullptr;
  printer::Printer p(
      [&]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
        auto s = std::make_unique<Loopback>(vp);
        link = s.get();
        return std::unique_ptr<transport::ByteStream>(std::move(s));
      },
      fast());
  EXPECT_EQ(p.print(ticket()).outcome, Outcome::kept_pending);
  p.discard_pending();
  link->act(OperatorAction::close_cover);
  EXPECT_EQ(p.retry_pending().attempts, 0);
  EXPECT_EQ(vp.receipts_cut(), 0);
}

TEST(PrinterJob, FileSinkKeepsTheExactBytesAndNeverAnswers) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("printer-sink-" + std::to_string(::getpid()) + ".bin");
  const auto job = ticket();
  {
    auto sink = printer::FileSink::open(path);
    ASSERT_TRUE(sink);
    ASSERT_TRUE((*sink)->write(job.bytes, 1s));
    std::uint8_t buf[4];
    auto r = (*sink)->read(buf, 0ms);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, transport::ErrorCode::timeout);
  }
  std::ifstream in(path, std::ios::binary);
  const std::vector<std::uint8_t> got((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(got, job.bytes);
  std::filesystem::remove(path);

  // A printer that never answers status is not printed to: the job is kept.
  printer::Printer p(
      [&]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
        auto s = printer::FileSink::open(path);
        if (!s) return kx::unexpected(s.error());
        return std::unique_ptr<transport::ByteStream>(std::move(*s));
      },
      fast());
  auto r = p.print(job);
  EXPECT_EQ(r.outcome, Outcome::kept_pending);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, printer::ErrorCode::timeout);
  EXPECT_TRUE(p.pending());
  std::filesystem::remove(path);
}

}  // namespace
