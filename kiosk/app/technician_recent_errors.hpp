#pragma once
// The last warnings and errors the kiosk logged, masked, for the technician
// status page ("last errors"): a spdlog sink that keeps a few lines.
#include <spdlog/sinks/base_sink.h>

#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::app {

class RecentErrors : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit RecentErrors(std::size_t keep = 5) : keep_(keep) {}
  std::vector<std::string> lines();  // oldest first

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override {}

 private:
  std::size_t keep_;
  std::deque<std::string> lines_;
};

}  // namespace kiosk::app
