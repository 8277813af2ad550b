#pragma once
// Carries out the materials step's effects (core/flows/materials.hpp):
//  - ScanPages: a scan through SANE (drivers/scanner: ScanSession + the page
//    pipeline) on a worker thread; each page is posted as PageScanned with
//    its verdict and a small thumbnail as it arrives, then ScanFinished or
//    ScanFailed. The full page (JPEG) stays here, in memory only, under
//    the PageHandle the core keeps.
//  - DropPages: forgets pages the citizen deleted or replaced.
//  - FetchElicences: the holder's e-licences from the platform, after the
//    consent given on the screen (POST /v1/e-licences/queries).
//  - WipeSession: cancels a running scan and wipes every page it holds.
//
// For the submission (the pre-application flow): page_jpeg(handle) gives
// the JPEG of each page of a material, as the platform client's Page bytes.
//
// With --sim the scanner is SANE's `test` backend; insert_pages() models the
// citizen putting N sheets in its feeder (the `insert-pages` script command).
#include "base/expected.hpp"
#include "drivers/scanner/errors.hpp"
#include "drivers/scanner/pipeline.hpp"
#include "kiosk/app/app_events.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/platform/client.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace scanner {
class ScanSession;
}

namespace kiosk::app {

// What the simulated feeder holds (--sim only).
struct SimFeeder {
  int pages = 0;
  // "" (the test backend's grid: a page with content), "blank" (white
  // sheets), "jam" / "cover-open" (the next scan meets that fault).
  std::string kind;
};

class MaterialsEffects {
 public:
  struct Options {
    std::string device;  // SANE device name; "" = the first one found
    int dpi = 300;       // scan resolution (the pipeline outputs 200 dpi)
    bool sim = false;    // the feeder is modelled by insert_pages()
  };
  MaterialsEffects(AppEvents& events, Options options);
  ~MaterialsEffects();  // cancels a scan, wipes the pages
  MaterialsEffects(const MaterialsEffects&) = delete;
  MaterialsEffects& operator=(const MaterialsEffects&) = delete;

  // Any thread. The platform is reachable with this configuration (nullopt:
  // it cannot be used; e-licence queries then fail as offline).
  void connect(std::optional<platform::ClientConfig> cfg);
  // The run loop: true for the effects this takes. WipeSession is acted on
  // but not taken (others wipe too).
  bool take(const core::Effect& effect);

  // The JPEG of a page the core holds; null once dropped or wiped. The bytes
  // are zeroed when the last holder lets go.
  std::shared_ptr<const std::string> page_jpeg(core::PageHandle handle) const;
  // How many pages are held (for tests).
  std::size_t pages_held() const;

  // --sim: the citizen puts sheets into the feeder.
  void insert_pages(SimFeeder feeder);

 private:
  void run();
  void scan(const core::ScanPages& effect);
  void fetch_elicences(const core::FetchElicences& effect);

  AppEvents& events_;
  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<core::Effect> queue_;
  std::map<core::PageHandle, std::shared_ptr<const std::string>> pages_;
  core::PageHandle next_handle_ = 1;
  unsigned wipes_ = 0;  // pages of a scan started before a wipe are not kept
  scanner::ScanSession* scanning_ = nullptr;
  SimFeeder feeder_;
  std::optional<platform::ClientConfig> cfg_;
  bool platform_unusable_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: starts after everything above exists
};

// A page from the scanner pipeline as the core shows it: a gray thumbnail
// whose longest side is `max_side`, and the verdict: too dark (the mean
// shade of the thumbnail), else blank, blurred, straightened (deskewed), ok.
core::Thumbnail to_core_thumbnail(const scanner::Image& thumbnail, int max_side = 84);
core::PageVerdict to_core_verdict(const scanner::ProcessedPage& page,
                                  const core::Thumbnail& thumbnail);
// The argument of the script command `insert-pages`: "N", "N blank", "jam",
// "cover-open".
kx::expected<SimFeeder, std::string> parse_sim_feeder(const std::string& arg);

// A scanner fault as the citizen is told about it.
core::ScanFault to_core_fault(scanner::ErrorCode code);

}  // namespace kiosk::app
