// The SANE front end against sane-backends' `test` backend (real SANE, real
// dll loader, real reader thread/pipe inside the backend). SANE_CONFIG_DIR
// points to tests/scanner/sane.d, set by CMake for every test here.
#include "drivers/scanner/page_checks.hpp"
#include "drivers/scanner/sane_frontend.hpp"
#include "drivers/scanner/scanner.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace scanner;
using namespace std::chrono_literals;

// Everything a job produced, collected until its JobDoneEvent (or a generous
// deadline that only a hang would reach).
struct JobLog {
  std::optional<OpenedEvent> opened;
  std::vector<ProgressEvent> progress;
  std::vector<PageEvent> pages;
  std::optional<JobDoneEvent> done;
};

JobLog run_job(ScanSession& s, int job) {
  JobLog log;
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (!log.done && std::chrono::steady_clock::now() < deadline) {
    auto ev = s.wait(1s);
    if (!ev) continue;
    if (auto* o = std::get_if<OpenedEvent>(&*ev)) log.opened = *o;
    if (auto* p = std::get_if<ProgressEvent>(&*ev); p && p->job == job) log.progress.push_back(*p);
    if (auto* p = std::get_if<PageEvent>(&*ev); p && p->job == job)
      log.pages.push_back(std::move(*p));
    if (auto* d = std::get_if<JobDoneEvent>(&*ev); d && d->job == job) log.done = *d;
  }
  return log;
}

SourceSpec test_device(Feed feed = Feed::flatbed, int dpi = 75) {
  SourceSpec spec;
  spec.kind = SourceKind::sane;
  spec.device = "test:0";
  spec.settings.feed = feed;
  spec.settings.dpi = dpi;
  return spec;
}

TEST(ScannerSane, ListsBothTestDevices) {
  auto devices = list_devices();
  ASSERT_TRUE(devices.has_value()) << devices.error().detail;
  std::vector<std::string> names;
  for (const auto& d : *devices) names.push_back(d.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "test:0"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "test:1"), names.end());
}

TEST(ScannerSane, UnknownDeviceIsNoDevice) {
  auto dev = SaneScanner::open("nosuch:0");
  ASSERT_FALSE(dev.has_value());
  EXPECT_EQ(dev.error().code, ErrorCode::no_device);
}

TEST(ScannerSane, FixedResolutionIsSetAndSnappedToRange) {
  auto dev = SaneScanner::open("test:1");
  ASSERT_TRUE(dev.has_value());
  ScanSettings s;
  s.dpi = 150;
  ASSERT_TRUE((*dev)->configure(s).has_value());
  EXPECT_EQ((*dev)->resolution_dpi(), 150);
  EXPECT_EQ((*dev)->get_option("resolution").value(), "150");
  s.dpi = 5000;  // above the backend's 1200 maximum
  ASSERT_TRUE((*dev)->configure(s).has_value());
  EXPECT_EQ((*dev)->resolution_dpi(), 1200);
  ASSERT_TRUE((*dev)->set_option("resolution", "299.6").has_value());  // quant 1
  EXPECT_EQ((*dev)->get_option("resolution").value(), "300");
}

TEST(ScannerSane, SourceNamesAreMatched) {
  auto dev = SaneScanner::open("test:0");
  ASSERT_TRUE(dev.has_value());
  const auto choices = (*dev)->option_choices("source");
  EXPECT_EQ(match_source(choices, Feed::adf), "Automatic Document Feeder");
  EXPECT_EQ(match_source(choices, Feed::flatbed), "Flatbed");
  EXPECT_EQ(match_source({"Flatbed", "ADF Front", "ADF Duplex"}, Feed::adf), "ADF Front");
  EXPECT_EQ(match_source({"FlatBed", "ADF"}, Feed::adf), "ADF");
  EXPECT_EQ(match_source({"Normal", "ADF"}, Feed::flatbed), "Normal");
  EXPECT_EQ(match_source({"Flatbed"}, Feed::adf), "");
}

TEST(ScannerSane, BadOptionValuesAreRefused) {
  auto dev = SaneScanner::open("test:0");
  ASSERT_TRUE(dev.has_value());
  EXPECT_EQ((*dev)->set_option("mode", "Sepia").error().code, ErrorCode::invalid_argument);
  EXPECT_EQ((*dev)->set_option("resolution", "lots").error().code, ErrorCode::invalid_argument);
  EXPECT_EQ((*dev)->set_option("no-such-option", "1").error().code, ErrorCode::unsupported);
  EXPECT_EQ((*dev)->set_option("read-delay-duration", "5000").error().code,
            ErrorCode::unsupported);  // inactive until read-delay is on
}

TEST(ScannerSane, FlatbedA4PageAtRequestedResolution) {
  ScanSession s(test_device(Feed::flatbed, 100));
  const int job = s.start({.pages = 1, .pipeline = {}});
  JobLog log = run_job(s, job);
  ASSERT_TRUE(log.opened && !log.opened->error);
  EXPECT_EQ(log.opened->dpi, 100);
  ASSERT_TRUE(log.done);
  EXPECT_EQ(log.done->outcome, JobOutcome::completed);
  ASSERT_EQ(log.pages.size(), 1u);
  // 210 x 297 mm at 100 dpi: 827 x 1169 pixels, kept at 100 dpi (never upsampled).
  EXPECT_NEAR(log.pages[0].result.width, 827, 2);
  EXPECT_NEAR(log.pages[0].result.height, 1169, 2);
  EXPECT_EQ(log.pages[0].result.dpi, 100);
  EXPECT_EQ(log.pages[0].result.verdict, Verdict::ok);  // the grid is not blank
  ASSERT_FALSE(log.progress.empty());
  EXPECT_EQ(log.progress.back().bytes_done, log.progress.back().bytes_expected);
}

TEST(ScannerSane, ColourModeGivesColourPages) {
  SourceSpec spec = test_device(Feed::flatbed, 50);
  spec.settings.colour = true;
  spec.settings.extra = {{"test-picture", "Color pattern"}};
  ScanSession s(spec);
  PipelineConfig cfg;
  cfg.material = MaterialKind::photo;
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = cfg}));
  ASSERT_TRUE(log.done);
  ASSERT_EQ(log.done->outcome, JobOutcome::completed);
  ASSERT_EQ(log.pages.size(), 1u);
  EXPECT_TRUE(log.pages[0].result.checks.colour);
  EXPECT_EQ(log.pages[0].result.thumbnail.channels, 3);
}

TEST(ScannerSane, ThreePassColourFramesAreMerged) {
  SourceSpec spec = test_device(Feed::flatbed, 50);
  spec.settings.colour = true;
  spec.settings.extra = {{"three-pass", "yes"}, {"test-picture", "Color pattern"}};
  ScanSession s(spec);
  PipelineConfig cfg;
  cfg.material = MaterialKind::photo;
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = cfg}));
  ASSERT_TRUE(log.done);
  ASSERT_EQ(log.done->outcome, JobOutcome::completed)
      << (log.done->error ? log.done->error->detail : "");
  ASSERT_EQ(log.pages.size(), 1u);
  // The three single-colour frames became one RGB page with real colour in it.
  const Image& t = log.pages[0].result.thumbnail;
  ASSERT_EQ(t.channels, 3);
  EXPECT_TRUE(has_colour(t));
}

TEST(ScannerSane, HandScannerWithUnknownHeight) {
  SourceSpec spec = test_device(Feed::flatbed, 50);
  spec.settings.extra = {{"hand-scanner", "yes"}};
  ScanSession s(spec);
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  ASSERT_EQ(log.done->outcome, JobOutcome::completed)
      << (log.done->error ? log.done->error->detail : "");
  ASSERT_EQ(log.pages.size(), 1u);
  EXPECT_GT(log.pages[0].result.height, 0);
  ASSERT_FALSE(log.progress.empty());
  EXPECT_EQ(log.progress.back().bytes_expected, 0u);  // the device did not know
}

TEST(ScannerSane, WhiteTestPictureIsBlank) {
  SourceSpec spec = test_device(Feed::flatbed, 75);
  spec.settings.extra = {{"test-picture", "Solid white"}};
  ScanSession s(spec);
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = {}}));
  ASSERT_EQ(log.pages.size(), 1u);
  EXPECT_EQ(log.pages[0].result.verdict, Verdict::blank);
}

TEST(ScannerSane, FlatbedScansRequestedNumberOfPages) {
  ScanSession s(test_device(Feed::flatbed, 50));
  JobLog log = run_job(s, s.start({.pages = 3, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  EXPECT_EQ(log.done->outcome, JobOutcome::completed);
  EXPECT_EQ(log.pages.size(), 3u);
}

TEST(ScannerSane, AdfRunsEmptyAfterTenPages) {
  ScanSession s(test_device(Feed::adf, 50));
  JobLog log = run_job(s, s.start({.pages = 25, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  EXPECT_EQ(log.done->outcome, JobOutcome::feeder_empty);
  EXPECT_FALSE(log.done->error.has_value());
  EXPECT_EQ(log.done->pages, 10);
  ASSERT_EQ(log.pages.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(log.pages[static_cast<std::size_t>(i)].page, i);
}

TEST(ScannerSane, AdfStopsAtRequestedPages) {
  ScanSession s(test_device(Feed::adf, 50));
  JobLog log = run_job(s, s.start({.pages = 4, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  EXPECT_EQ(log.done->outcome, JobOutcome::completed);
  EXPECT_EQ(log.pages.size(), 4u);
}

struct FaultCase {
  const char* sane_status;
  ErrorCode expected;
};

class ScannerFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(ScannerFault, ReadFaultEndsJobWithPrompt) {
  SourceSpec spec = test_device(Feed::adf, 50);
  spec.settings.extra = {{"read-return-value", GetParam().sane_status}};
  ScanSession s(spec);
  JobLog log = run_job(s, s.start({.pages = 3, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  EXPECT_TRUE(log.pages.empty());
  ASSERT_TRUE(log.done->error.has_value());
  EXPECT_EQ(log.done->error->code, GetParam().expected) << log.done->error->detail;
  EXPECT_EQ(log.done->outcome, GetParam().expected == ErrorCode::cancelled ? JobOutcome::cancelled
                                                                           : JobOutcome::failed);
  EXPECT_STRNE(prompt_zh(log.done->error->code), prompt_zh(ErrorCode::internal));
  EXPECT_STRNE(prompt_en(log.done->error->code), prompt_en(ErrorCode::internal));
}

INSTANTIATE_TEST_SUITE_P(
    Scanner, ScannerFault,
    ::testing::Values(FaultCase{"SANE_STATUS_JAMMED", ErrorCode::jammed},
                      FaultCase{"SANE_STATUS_COVER_OPEN", ErrorCode::cover_open},
                      FaultCase{"SANE_STATUS_NO_DOCS", ErrorCode::no_documents},
                      FaultCase{"SANE_STATUS_DEVICE_BUSY", ErrorCode::device_busy},
                      FaultCase{"SANE_STATUS_IO_ERROR", ErrorCode::io_error},
                      FaultCase{"SANE_STATUS_ACCESS_DENIED", ErrorCode::access_denied},
                      FaultCase{"SANE_STATUS_NO_MEM", ErrorCode::out_of_memory},
                      FaultCase{"SANE_STATUS_UNSUPPORTED", ErrorCode::unsupported},
                      FaultCase{"SANE_STATUS_INVAL", ErrorCode::invalid_argument},
                      FaultCase{"SANE_STATUS_CANCELLED", ErrorCode::cancelled}),
    [](const auto& tc) { return std::string(to_string(tc.param.expected)); });

TEST(ScannerSane, EveryStatusHasItsOwnBilingualPrompt) {
  const ErrorCode codes[] = {ErrorCode::jammed,        ErrorCode::cover_open,
                             ErrorCode::no_documents,  ErrorCode::device_busy,
                             ErrorCode::io_error,      ErrorCode::access_denied,
                             ErrorCode::out_of_memory, ErrorCode::unsupported,
                             ErrorCode::no_device,     ErrorCode::cancelled};
  for (ErrorCode a : codes)
    for (ErrorCode b : codes)
      if (a != b) {
        EXPECT_STRNE(prompt_zh(a), prompt_zh(b));
        EXPECT_STRNE(prompt_en(a), prompt_en(b));
      }
}

TEST(ScannerSane, FaultAfterGoodPagesKeepsThePages) {
  // First page fine, then the feeder jams: the citizen keeps page 1.
  auto dev = SaneScanner::open("test:0");
  ASSERT_TRUE(dev.has_value());
  ScanSettings st;
  st.feed = Feed::adf;
  st.dpi = 50;
  ASSERT_TRUE((*dev)->configure(st).has_value());
  std::atomic<bool> cancel{false};
  ASSERT_TRUE((*dev)->next_page(cancel, {}).has_value());
  ASSERT_TRUE((*dev)->set_option("read-return-value", "SANE_STATUS_JAMMED").has_value());
  auto second = (*dev)->next_page(cancel, {});
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::jammed);
  // Cleared jam: scanning resumes on the same handle.
  ASSERT_TRUE((*dev)->set_option("read-return-value", "Default").has_value());
  EXPECT_TRUE((*dev)->next_page(cancel, {}).has_value());
}

TEST(ScannerSane, SlowReadsReportProgressAndComplete) {
  SourceSpec spec = test_device(Feed::flatbed, 50);
  spec.settings.extra = {{"read-limit", "yes"},
                         {"read-limit-size", "4096"},
                         {"read-delay", "yes"},
                         {"read-delay-duration", "2000"}};
  ScanSession s(spec);
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  EXPECT_EQ(log.done->outcome, JobOutcome::completed);
  ASSERT_EQ(log.pages.size(), 1u);
  // 413 x 584 gray bytes in reads of at most 4 KiB: dozens of progress steps.
  ASSERT_GT(log.progress.size(), 20u);
  for (std::size_t i = 1; i < log.progress.size(); ++i)
    EXPECT_GT(log.progress[i].bytes_done, log.progress[i - 1].bytes_done);
  EXPECT_EQ(log.progress.back().bytes_done, log.progress.back().bytes_expected);
}

TEST(ScannerSane, CancelInTheMiddleOfAPage) {
  SourceSpec spec = test_device(Feed::adf, 100);
  spec.settings.extra = {{"read-limit", "yes"},
                         {"read-limit-size", "2048"},
                         {"read-delay", "yes"},
                         {"read-delay-duration", "5000"}};
  ScanSession s(spec);
  const int job = s.start({.pages = 5, .pipeline = {}});
  // Wait for the page to be partly read, then cancel.
  std::uint64_t seen = 0, expected = 0;
  std::optional<JobDoneEvent> done;
  std::size_t pages = 0;
  bool cancelled = false;
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (!done && std::chrono::steady_clock::now() < deadline) {
    auto ev = s.wait(1s);
    if (!ev) continue;
    if (auto* p = std::get_if<ProgressEvent>(&*ev)) {
      seen = p->bytes_done;
      expected = p->bytes_expected;
      if (!cancelled && seen >= 10 * 2048) {
        s.cancel();
        cancelled = true;
      }
    }
    if (std::holds_alternative<PageEvent>(*ev)) ++pages;
    if (auto* d = std::get_if<JobDoneEvent>(&*ev); d && d->job == job) done = *d;
  }
  ASSERT_TRUE(cancelled);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->outcome, JobOutcome::cancelled);
  EXPECT_EQ(done->error->code, ErrorCode::cancelled);
  EXPECT_EQ(pages, 0u);
  EXPECT_LT(seen, expected);  // stopped inside the page, not after it
  // The session is usable again: a fresh job on the same device completes.
  JobLog again = run_job(s, s.start({.pages = 1, .pipeline = {}}));
  ASSERT_TRUE(again.done);
  EXPECT_EQ(again.done->outcome, JobOutcome::completed);
}

TEST(ScannerSane, NotifyRunsOffTheCallingThread) {
  std::atomic<int> calls{0};
  std::thread::id notify_thread;
  std::mutex mu;
  ScanSession s(test_device(Feed::flatbed, 50), [&] {
    std::lock_guard lock(mu);
    notify_thread = std::this_thread::get_id();
    ++calls;
  });
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = {}}));
  ASSERT_TRUE(log.done);
  EXPECT_GT(calls.load(), 0);
  std::lock_guard lock(mu);
  EXPECT_NE(notify_thread, std::this_thread::get_id());
}

TEST(ScannerSane, OpenFailureFailsEveryJob) {
  SourceSpec spec = test_device();
  spec.device = "nosuch:3";
  ScanSession s(spec);
  JobLog log = run_job(s, s.start({.pages = 1, .pipeline = {}}));
  ASSERT_TRUE(log.opened);
  ASSERT_TRUE(log.opened->error);
  EXPECT_EQ(log.opened->error->code, ErrorCode::no_device);
  ASSERT_TRUE(log.done);
  EXPECT_EQ(log.done->outcome, JobOutcome::failed);
}

}  // namespace
