#pragma once
// The scanner as the UI sees it: open a source (SANE scanner or image
// directory), start a job of N pages, receive per-page events with a
// thumbnail and a verdict, cancel. All device work and page processing run
// on the session's own worker thread; no call here blocks on the device.
//
//   scanner::ScanSession s({.kind = SourceKind::sane, .device = "test:0"},
//                          [] { wake_ui(); });      // runs on the worker
//   int job = s.start({.pages = 5});
//   ... each frame: for (auto& ev : s.poll()) render(ev);
//   ... "stop" button: s.cancel();
#include "drivers/scanner/errors.hpp"
#include "drivers/scanner/pipeline.hpp"
#include "drivers/scanner/sane_frontend.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace scanner {

enum class SourceKind { sane, image_dir };

struct SourceSpec {
  SourceKind kind = SourceKind::sane;
  std::string device;     // SANE device name ("" = first found) or the image directory
  ScanSettings settings;  // SANE only: feed, dpi, colour, page size, backend extras
};

struct JobSpec {
  int pages = 1;  // at most this many; a feeder may run out earlier (not an error)
  PipelineConfig pipeline;
};

// The source is open and configured (or failed: then `error` is set and
// every job ends failed with it).
struct OpenedEvent {
  std::string description;
  int dpi = 0;
  std::optional<Error> error;
};
struct ProgressEvent {
  int job = 0;
  int page = 0;  // 0-based
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_expected = 0;  // 0 when unknown
};
struct PageEvent {
  int job = 0;
  int page = 0;
  ProcessedPage result;  // verdict, checks, barcodes, JPEG, thumbnail
};
enum class JobOutcome { completed, feeder_empty, cancelled, failed };
const char* to_string(JobOutcome o);
struct JobDoneEvent {
  int job = 0;
  JobOutcome outcome = JobOutcome::completed;
  int pages = 0;               // pages delivered
  std::optional<Error> error;  // for failed (and cancelled: code cancelled)
};
using Event = std::variant<OpenedEvent, ProgressEvent, PageEvent, JobDoneEvent>;

class ScanSession {
 public:
  // Called on the worker thread after each event is queued. It must be quick
  // and must not call into the session (push an SDL event, notify a cv).
  using Notify = std::function<void()>;

  // Returns at once; the source is opened on the worker (OpenedEvent).
  explicit ScanSession(SourceSpec spec, Notify notify = {});
  ~ScanSession();  // cancels what runs, joins the worker, closes the device
  ScanSession(const ScanSession&) = delete;
  ScanSession& operator=(const ScanSession&) = delete;

  // Queues a job; returns its id. Jobs run one after another.
  int start(JobSpec job);
  // Cancels the running job within one device read, and every queued job.
  void cancel();
  // Events queued since the last call; never blocks.
  std::vector<Event> poll();
  // Blocks up to `timeout` for one event: for the CLI and tests, not the UI.
  std::optional<Event> wait(std::chrono::milliseconds timeout);

 private:
  void run();
  void emit(Event ev);
  void run_job(int id, const JobSpec& job);

  SourceSpec spec_;
  Notify notify_;
  std::unique_ptr<PageSource> source_;
  std::optional<Error> open_error_;

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable event_cv_;
  std::deque<std::pair<int, JobSpec>> jobs_;
  std::deque<Event> events_;
  int next_id_ = 1;
  int cancel_upto_ = 0;  // jobs with id <= this are cancelled
  bool stopping_ = false;
  std::atomic<bool> cancel_flag_{false};
  std::thread worker_;  // last: starts after everything above exists
};

}  // namespace scanner
