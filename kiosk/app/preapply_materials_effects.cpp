#include "kiosk/app/preapply_materials_effects.hpp"

#include "drivers/scanner/scanner.hpp"
#include "kiosk/app/platform_effects.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <numeric>

namespace kiosk::app {
namespace {

// A page's mean shade on the thumbnail below which it is too dark to read.
constexpr int kTooDarkMean = 80;
// A scan that produces nothing for this long has stalled (the worker ends
// it as a fault rather than wait for ever).
constexpr std::chrono::seconds kScanStall{60};

// Page bytes are personal data: zeroed when the last holder lets go.
std::shared_ptr<const std::string> wiping_bytes(const std::vector<std::uint8_t>& bytes) {
  auto* s = new std::string(bytes.begin(), bytes.end());
  return std::shared_ptr<const std::string>(s, [](const std::string* p) {
    auto* data = const_cast<char*>(p->data());
    std::fill(data, data + p->size(), '\0');
    std::atomic_signal_fence(std::memory_order_seq_cst);  // keep the stores
    delete p;
  });
}

std::string now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

scanner::MaterialKind material_kind(const std::string& name) {
  scanner::MaterialKind kind = scanner::MaterialKind::text_document;
  if (!scanner::parse_material(name, kind)) kind = scanner::MaterialKind::text_document;
  return kind;
}

// The SANE test backend's options for what the simulated feeder holds.
void simulate_feeder(const SimFeeder& feeder, scanner::ScanSettings& settings, int& pages) {
  if (feeder.kind == "jam") {
    settings.extra.emplace_back("read-return-value", "SANE_STATUS_JAMMED");
  } else if (feeder.kind == "cover-open") {
    settings.extra.emplace_back("read-return-value", "SANE_STATUS_COVER_OPEN");
  } else if (feeder.pages <= 0) {
    settings.extra.emplace_back("read-return-value", "SANE_STATUS_NO_DOCS");
  } else {
    pages = std::min(pages, feeder.pages);
    // The backend's own default picture is solid black.
    settings.extra.emplace_back("test-picture", feeder.kind == "blank" ? "Solid white" : "Grid");
  }
}

}  // namespace

core::Thumbnail to_core_thumbnail(const scanner::Image& thumbnail, int max_side) {
  if (thumbnail.empty()) return {};
  const scanner::Image gray = scanner::to_gray(thumbnail);
  const double scale =
      std::min(1.0, static_cast<double>(max_side) / std::max(gray.width, gray.height));
  const int w = std::max(1, static_cast<int>(gray.width * scale));
  const int h = std::max(1, static_cast<int>(gray.height * scale));
  scanner::Image small = scanner::resize(gray, w, h);
  return core::Thumbnail{small.width, small.height, std::move(small.pixels)};
}

core::PageVerdict to_core_verdict(const scanner::ProcessedPage& page,
                                  const core::Thumbnail& thumbnail) {
  if (!thumbnail.gray.empty()) {
    const auto sum = std::accumulate(thumbnail.gray.begin(), thumbnail.gray.end(), 0ull);
    if (sum / thumbnail.gray.size() < kTooDarkMean) return core::PageVerdict::too_dark;
  }
  switch (page.verdict) {
    case scanner::Verdict::blank:
      return core::PageVerdict::blank;
    case scanner::Verdict::blurred:
      return core::PageVerdict::blurred;
    case scanner::Verdict::ok:
      break;
  }
  return page.checks.deskewed ? core::PageVerdict::straightened : core::PageVerdict::ok;
}

kx::expected<SimFeeder, std::string> parse_sim_feeder(const std::string& arg) {
  if (arg == "jam" || arg == "cover-open") return SimFeeder{0, arg};
  SimFeeder feeder;
  const auto space = arg.find(' ');
  const std::string count = arg.substr(0, space);
  if (count.empty() || count.size() > 3 ||
      !std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return kx::unexpected("insert-pages needs a number of pages, jam or cover-open: " + arg);
  }
  feeder.pages = std::stoi(count);
  if (space != std::string::npos) feeder.kind = arg.substr(space + 1);
  if (!feeder.kind.empty() && feeder.kind != "blank") {
    return kx::unexpected("insert-pages: unknown kind of sheet '" + feeder.kind + "'");
  }
  return feeder;
}

core::ScanFault to_core_fault(scanner::ErrorCode code) {
  using scanner::ErrorCode;
  switch (code) {
    case ErrorCode::jammed:
      return core::ScanFault::jammed;
    case ErrorCode::no_documents:
      return core::ScanFault::no_paper;
    case ErrorCode::cover_open:
      return core::ScanFault::cover_open;
    case ErrorCode::no_device:
    case ErrorCode::access_denied:
      return core::ScanFault::missing;
    default:
      return core::ScanFault::fault;
  }
}

MaterialsEffects::MaterialsEffects(AppEvents& events, Options options)
    : events_(events), options_(std::move(options)), thread_([this] { run(); }) {}

MaterialsEffects::~MaterialsEffects() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    if (scanning_ != nullptr) scanning_->cancel();
  }
  cv_.notify_all();
  thread_.join();
}

void MaterialsEffects::connect(std::optional<platform::ClientConfig> cfg) {
  {
    std::lock_guard lock(mutex_);
    platform_unusable_ = !cfg.has_value();
    cfg_ = std::move(cfg);
  }
  cv_.notify_all();
}

bool MaterialsEffects::take(const core::Effect& effect) {
  if (std::holds_alternative<core::WipeSession>(effect)) {
    std::lock_guard lock(mutex_);
    ++wipes_;
    if (scanning_ != nullptr) scanning_->cancel();
    queue_.clear();
    pages_.clear();  // bytes are zeroed as the last copies go
    return false;    // others wipe their part too
  }
  if (const auto* drop = std::get_if<core::DropPages>(&effect)) {
    std::lock_guard lock(mutex_);
    for (core::PageHandle h : drop->pages) pages_.erase(h);
    return true;
  }
  if (!std::holds_alternative<core::ScanPages>(effect) &&
      !std::holds_alternative<core::FetchElicences>(effect)) {
    return false;
  }
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(effect);
  }
  cv_.notify_all();
  return true;
}

std::shared_ptr<const std::string> MaterialsEffects::page_jpeg(core::PageHandle handle) const {
  std::lock_guard lock(mutex_);
  auto it = pages_.find(handle);
  return it == pages_.end() ? nullptr : it->second;
}

std::size_t MaterialsEffects::pages_held() const {
  std::lock_guard lock(mutex_);
  return pages_.size();
}

void MaterialsEffects::insert_pages(SimFeeder feeder) {
  std::lock_guard lock(mutex_);
  feeder_ = std::move(feeder);
}

void MaterialsEffects::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    const core::Effect effect = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    if (const auto* s = std::get_if<core::ScanPages>(&effect)) {
      scan(*s);
    } else if (const auto* f = std::get_if<core::FetchElicences>(&effect)) {
      fetch_elicences(*f);
    }
    lock.lock();
  }
}

void MaterialsEffects::scan(const core::ScanPages& effect) {
  scanner::SourceSpec spec;
  spec.kind = scanner::SourceKind::sane;
  spec.device = options_.device;
  spec.settings.feed = scanner::Feed::adf;
  spec.settings.dpi = options_.dpi;
  scanner::JobSpec job;
  job.pages = effect.max_pages;
  job.pipeline.material = material_kind(effect.kind);
  unsigned wipes_at_start = 0;
  {
    std::lock_guard lock(mutex_);
    wipes_at_start = wipes_;
    if (options_.sim) simulate_feeder(feeder_, spec.settings, job.pages);
  }
  scanner::ScanSession session(spec);
  {
    std::lock_guard lock(mutex_);
    if (wipes_ != wipes_at_start || stop_) return;  // the session ended meanwhile
    scanning_ = &session;
  }
  session.start(job);
  int delivered = 0;
  std::optional<core::Event> last;
  while (!last) {
    auto ev = session.wait(kScanStall);
    if (!ev) {
      spdlog::warn("scan: no answer from the scanner for {} s", kScanStall.count());
      session.cancel();
      last = core::ScanFailed{effect.request, core::ScanFault::fault};
      break;
    }
    if (auto* page = std::get_if<scanner::PageEvent>(&*ev)) {
      core::ScannedPage out;
      out.thumbnail = to_core_thumbnail(page->result.thumbnail);
      out.verdict = to_core_verdict(page->result, out.thumbnail);
      std::lock_guard lock(mutex_);
      if (wipes_ != wipes_at_start) continue;  // nobody to show it to
      out.handle = next_handle_++;
      pages_.emplace(out.handle, wiping_bytes(page->result.jpeg));
      scanner::wipe(page->result.thumbnail);
      std::fill(page->result.jpeg.begin(), page->result.jpeg.end(), 0);  // copied above
      ++delivered;
      events_.post(core::PageScanned{effect.request, std::move(out)});
    } else if (auto* done = std::get_if<scanner::JobDoneEvent>(&*ev)) {
      if (done->outcome == scanner::JobOutcome::completed ||
          done->outcome == scanner::JobOutcome::feeder_empty) {
        last = core::ScanFinished{effect.request};
      } else {
        const scanner::ErrorCode code =
            done->error ? done->error->code : scanner::ErrorCode::internal;
        // The code and the driver's detail carry no page content.
        spdlog::warn("scan: {} ({})", scanner::to_string(code),
                     done->error ? done->error->detail : std::string{});
        last = core::ScanFailed{effect.request, to_core_fault(code)};
      }
    }
  }
  std::lock_guard lock(mutex_);
  scanning_ = nullptr;
  if (options_.sim && feeder_.kind != "jam" && feeder_.kind != "cover-open") {
    feeder_.pages = std::max(0, feeder_.pages - delivered);
  }
  if (options_.sim && (feeder_.kind == "jam" || feeder_.kind == "cover-open")) {
    feeder_ = SimFeeder{};  // the citizen clears the fault and loads again
  }
  if (wipes_ == wipes_at_start) events_.post(std::move(*last));
}

void MaterialsEffects::fetch_elicences(const core::FetchElicences& effect) {
  std::optional<platform::ClientConfig> cfg;
  {
    std::unique_lock lock(mutex_);
    // The platform may still be coming up (with --sim, its simulator).
    cv_.wait_for(lock, std::chrono::seconds(20),
                 [this] { return stop_ || cfg_.has_value() || platform_unusable_; });
    cfg = cfg_;
  }
  if (!cfg) {
    events_.post(core::ElicencesFailed{effect.request, "platform.error.offline"});
    return;
  }
  auto client = platform::PlatformClient::create(*cfg);
  if (!client) {
    spdlog::error("platform client: {}", client.error().detail);
    events_.post(core::ElicencesFailed{effect.request, error_text_id(client.error())});
    return;
  }
  platform::Person holder{effect.id_number, effect.name, {}};
  platform::Consent consent{"id_card_and_touch", now_iso8601(), effect.item_code};
  auto got = (*client)->elicences(holder, consent, platform::new_idempotency_key());
  if (!got) {
    // The detail names the call and status, never the holder.
    spdlog::warn("e-licences: {}", got.error().detail);
    events_.post(core::ElicencesFailed{effect.request, error_text_id(got.error())});
    return;
  }
  core::ElicencesFound found{effect.request, {}};
  for (const platform::ELicence& l : *got) {
    found.licences.push_back({l.licence_id, l.licence_type, l.name_zh, l.issuer_zh, l.valid_until});
  }
  events_.post(std::move(found));
}

}  // namespace kiosk::app
