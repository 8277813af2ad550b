#pragma once
// Carries out the session's platform effects (FetchCatalogue, TakeTicket,
// CheckIn, QueryProgress) with the platform client, on a worker thread of
// its own so the screen never waits for the network, and posts each answer
// back as a core event through AppEvents. It holds the service catalogue
// (with its ETag) as the app's cache: a second FetchCatalogue asks the
// platform only whether it changed. With a CatalogueCache, the catalogue
// also outlives the process: while the platform cannot be reached, the
// last one kept on disk answers.
//
// The client arrives when the platform is reachable (with --sim, once the
// simulator is up): effects queued before that wait for it; once the
// platform is known to be unusable they are answered with a failure.
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/catalogue_cache.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/platform/client.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk::app {

class PlatformEffects {
 public:
  PlatformEffects(AppEvents& events, std::string hall_code,
                  CatalogueCache cache = CatalogueCache({}));
  ~PlatformEffects();  // finishes the request in flight, drops the rest
  PlatformEffects(const PlatformEffects&) = delete;
  PlatformEffects& operator=(const PlatformEffects&) = delete;

  // Any thread. The platform is reachable with this configuration (or, with
  // nullopt, cannot be used at all).
  void connect(std::optional<platform::ClientConfig> cfg);
  // The run loop: true if this effect is a platform effect (now queued).
  bool take(const core::Effect& effect);

 private:
  void run();
  void carry_out(platform::PlatformClient& client, const core::Effect& effect);
  void fail_all(const core::Effect& effect);
  void answer_ticket(core::RequestId request, const platform::Result<platform::Ticket>& got);
  void load_kept_catalogue();  // once, on first need
  // Answers a FetchCatalogue with what is held (in memory, else on disk);
  // false when there is nothing.
  bool answer_from_cache();

  AppEvents& events_;
  std::string hall_code_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<core::Effect> queue_;
  std::optional<platform::ClientConfig> cfg_;
  bool unusable_ = false;
  bool stop_ = false;
  // Worker thread only.
  CatalogueCache cache_;
  bool cache_loaded_ = false;
  std::optional<platform::Catalogue> catalogue_;
  std::thread thread_;
};

// The text id of what to tell a citizen about a failed platform call.
std::string error_text_id(const platform::Error& error);
// The platform's answers, as the session core knows them.
core::GuideItem to_core(const platform::ServiceItem& item);
core::IssuedTicket to_core(const platform::Ticket& ticket);
core::CaseProgress to_core(const platform::CaseStatus& status);

}  // namespace kiosk::app
