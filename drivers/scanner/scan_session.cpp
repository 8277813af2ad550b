#include "drivers/scanner/image_dir_source.hpp"
#include "drivers/scanner/scanner.hpp"

namespace scanner {

const char* to_string(JobOutcome o) {
  switch (o) {
    case JobOutcome::completed:
      return "completed";
    case JobOutcome::feeder_empty:
      return "feeder_empty";
    case JobOutcome::cancelled:
      return "cancelled";
    case JobOutcome::failed:
      return "failed";
  }
  return "failed";
}

ScanSession::ScanSession(SourceSpec spec, Notify notify)
    : spec_(std::move(spec)), notify_(std::move(notify)), worker_([this] { run(); }) {}

ScanSession::~ScanSession() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    cancel_upto_ = next_id_ - 1;
    cancel_flag_ = true;
  }
  work_cv_.notify_all();
  worker_.join();
}

int ScanSession::start(JobSpec job) {
  int id = 0;
  {
    std::lock_guard lock(mu_);
    id = next_id_++;
    jobs_.emplace_back(id, std::move(job));
  }
  work_cv_.notify_all();
  return id;
}

void ScanSession::cancel() {
  std::lock_guard lock(mu_);
  cancel_upto_ = next_id_ - 1;
  cancel_flag_ = true;
}

std::vector<Event> ScanSession::poll() {
  std::lock_guard lock(mu_);
  std::vector<Event> out(std::make_move_iterator(events_.begin()),
                         std::make_move_iterator(events_.end()));
  events_.clear();
  return out;
}

std::optional<Event> ScanSession::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  if (!event_cv_.wait_for(lock, timeout, [this] { return !events_.empty(); })) return std::nullopt;
  Event ev = std::move(events_.front());
  events_.pop_front();
  return ev;
}

void ScanSession::emit(Event ev) {
  {
    std::lock_guard lock(mu_);
    events_.push_back(std::move(ev));
  }
  event_cv_.notify_all();
  if (notify_) notify_();
}

void ScanSession::run() {
  // Open on this thread: SANE handles stay on the thread that made them.
  OpenedEvent opened;
  if (spec_.kind == SourceKind::sane) {
    auto dev = SaneScanner::open(spec_.device);
    if (dev) {
      if (auto cfg = (*dev)->configure(spec_.settings); !cfg) {
        open_error_ = cfg.error();
      } else {
        opened.dpi = (*dev)->resolution_dpi();
        source_ = std::move(*dev);
      }
    } else {
      open_error_ = dev.error();
    }
  } else {
    auto dir = ImageDirSource::open(spec_.device);
    if (dir)
      source_ = std::move(*dir);
    else
      open_error_ = dir.error();
  }
  opened.description = source_ ? source_->describe() : spec_.device;
  opened.error = open_error_;
  emit(std::move(opened));

  for (;;) {
    std::pair<int, JobSpec> job;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) break;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      cancel_flag_ = job.first <= cancel_upto_;
    }
    run_job(job.first, job.second);
  }
  source_.reset();  // closes the device on the thread that opened it
}

void ScanSession::run_job(int id, const JobSpec& job) {
  JobDoneEvent done;
  done.job = id;
  if (open_error_) {
    done.outcome = JobOutcome::failed;
    done.error = open_error_;
    emit(std::move(done));
    return;
  }
  for (int page = 0; page < job.pages; ++page) {
    const ReadProgress progress = [&](std::uint64_t got, std::uint64_t expected) {
      emit(ProgressEvent{id, page, got, expected});
    };
    auto raw = source_->next_page(cancel_flag_, progress);
    if (!raw) {
      const Error& e = raw.error();
      if (e.code == ErrorCode::cancelled) {
        done.outcome = JobOutcome::cancelled;
      } else if (e.code == ErrorCode::no_documents && page > 0) {
        done.outcome = JobOutcome::feeder_empty;  // the feeder ran out: a normal end
      } else {
        done.outcome = JobOutcome::failed;
      }
      if (done.outcome != JobOutcome::feeder_empty) done.error = e;
      emit(std::move(done));
      return;
    }
    PageEvent ev{id, page, process_page(*raw, job.pipeline)};
    wipe(*raw);
    if (ev.result.jpeg.empty()) {
      done.outcome = JobOutcome::failed;
      done.error = Error{ErrorCode::internal, "JPEG encoding failed"};
      emit(std::move(done));
      return;
    }
    emit(std::move(ev));
    ++done.pages;
  }
  done.outcome = JobOutcome::completed;
  emit(std::move(done));
}

}  // namespace scanner
