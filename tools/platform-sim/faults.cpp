#include "tools/platform-sim/faults.hpp"

#include <charconv>
#include <sstream>

namespace platform_sim {
namespace {

bool to_int(const std::string& s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0;
}

bool to_prob(const std::string& s, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size() && out >= 0 && out <= 1;
  } catch (...) {
    return false;
  }
}

// "P" or "P@SECONDS"
bool prob_with_retry(const std::string& v, double& p, int& ra) {
  const auto at = v.find('@');
  if (at == std::string::npos) return to_prob(v, p);
  return to_prob(v.substr(0, at), p) && to_int(v.substr(at + 1), ra);
}

bool range(const std::string& v, int& a, int& b) {
  const auto dash = v.find('-');
  if (dash == std::string::npos) {
    if (!to_int(v, a)) return false;
    b = a;
    return true;
  }
  return to_int(v.substr(0, dash), a) && to_int(v.substr(dash + 1), b) && a <= b;
}

}  // namespace

std::optional<FaultSpec> parse_fault_spec(const std::string& text, std::string& error) {
  FaultSpec s;
  s.text = text;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ';')) {
    if (item.empty() || item == "none") continue;
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      error = "expected key=value, got '" + item + "'";
      return std::nullopt;
    }
    const std::string k = item.substr(0, eq), v = item.substr(eq + 1);
    bool ok = true;
    if (k == "latency") {
      ok = range(v, s.latency_min_ms, s.latency_max_ms);
    } else if (k == "5xx") {
      ok = to_prob(v, s.p5xx);
    } else if (k == "429") {
      ok = prob_with_retry(v, s.p429, s.retry_after_429);
    } else if (k == "503") {
      ok = prob_with_retry(v, s.p503, s.retry_after_503);
    } else if (k == "reset") {
      ok = to_prob(v, s.preset);
    } else if (k == "outage") {
      std::stringstream ws(v);
      std::string w;
      while (ok && std::getline(ws, w, ',')) {
        int a = 0, b = 0;
        ok = range(w, a, b);
        if (ok) s.outages.emplace_back(a, b);
      }
    } else if (k == "refuse") {
      ok = to_int(v, s.refuse_ms);
    } else if (k == "slow_upload") {
      int bps = 0;
      ok = to_int(v, bps) && bps > 0;
      s.slow_upload_bps = bps;
    } else if (k == "only") {
      s.only_prefix = v;
    } else {
      error = "unknown fault '" + k + "'";
      return std::nullopt;
    }
    if (!ok) {
      error = "bad value for '" + k + "': '" + v + "'";
      return std::nullopt;
    }
  }
  if (s.p5xx + s.p429 + s.p503 + s.preset > 1.0 + 1e-9) {
    error = "the probabilities add up to more than 1";
    return std::nullopt;
  }
  return s;
}

void Faults::set(FaultSpec spec) {
  std::lock_guard lock(m_);
  pending_refuse_ms_ = spec.refuse_ms;
  spec_ = std::move(spec);
  rng_.seed(seed_);
  set_at_ = std::chrono::steady_clock::now();
  refuse_cv_.notify_all();
}

FaultSpec Faults::spec() const {
  std::lock_guard lock(m_);
  return spec_;
}

int Faults::wait_refuse_ms() {
  std::unique_lock lock(m_);
  refuse_cv_.wait(lock, [this] { return pending_refuse_ms_ > 0; });
  return std::exchange(pending_refuse_ms_, 0);
}

FaultDecision Faults::decide(const std::string& path) {
  std::lock_guard lock(m_);
  FaultDecision d;
  if (!spec_.only_prefix.empty() && path.rfind(spec_.only_prefix, 0) != 0) return d;
  std::uniform_real_distribution<double> uni(0.0, 1.0);
  const double u = uni(rng_);
  if (spec_.latency_max_ms > 0) {
    std::uniform_int_distribution<int> lat(spec_.latency_min_ms, spec_.latency_max_ms);
    d.latency_ms = lat(rng_);
  }
  d.slow_upload_bps = spec_.slow_upload_bps;
  const auto since = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - set_at_)
                         .count();
  for (auto [a, b] : spec_.outages) {
    if (since >= a && since < b) {
      d.outage = true;
      d.status = 503;
      return d;
    }
  }
  double edge = spec_.p5xx;
  if (u < edge) {
    static constexpr int kCodes[] = {500, 502, 504};
    d.status = kCodes[static_cast<int>(u / spec_.p5xx * 3) % 3];
    return d;
  }
  if (u < (edge += spec_.p429)) {
    d.status = 429;
    d.retry_after = spec_.retry_after_429;
    return d;
  }
  if (u < (edge += spec_.p503)) {
    d.status = 503;
    d.retry_after = spec_.retry_after_503;
    return d;
  }
  if (u < (edge += spec_.preset)) d.reset = true;
  return d;
}

}  // namespace platform_sim
