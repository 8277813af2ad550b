#pragma once
// Runs one self-test check on a thread of its own and gives up on it after
// `limit`: a device that hangs in its driver fails the check instead of the
// self-test. The thread is left to finish (or not) on its own; it owns
// everything it uses.
#include "kiosk/app/cli/selftest_checks.hpp"

#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <thread>

namespace kiosk::provision {

inline Check within(const std::string& name, std::chrono::seconds limit,
                    std::function<Check()> check) {
  auto task = std::make_shared<std::packaged_task<Check()>>(std::move(check));
  auto result = task->get_future();
  std::thread([task] { (*task)(); }).detach();
  if (result.wait_for(limit) != std::future_status::ready) {
    return {name, "failed", "no answer within " + std::to_string(limit.count()) + " s"};
  }
  try {
    return result.get();
  } catch (const std::exception& e) {
    return {name, "failed", std::string("internal error: ") + e.what()};
  }
}

}  // namespace kiosk::provision
