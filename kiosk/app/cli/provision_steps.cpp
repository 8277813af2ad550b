#include "kiosk/app/cli/provision_steps.hpp"

#include "config/bundle/install.hpp"
#include "config/bundle/read_limited.hpp"
#include "kiosk/app/cli/selftest_checks.hpp"
#include "kiosk/platform/client.hpp"
#include "offline_cache/key_file.hpp"

#include <ctime>
#include <functional>

namespace kiosk::provision {
namespace {

using kiosk::app::ProvisionNote;
using kiosk::app::ProvisionRequest;
using StepResult = kx::expected<void, std::string>;

struct Run {
  const ProvisionRequest& a;
  const Files& f;
  const DeviceAddresses& devices;
  const kiosk::app::ProvisionObserver& observe;
  Progress p;
  void say(const std::string& step, std::string text) {
    observe(ProvisionNote{ProvisionNote::output, step, std::move(text)});
  }
};

StepResult enrol(Run& r) {
  const ProvisionRequest& a = r.a;
  FileKeyStore keys(r.f.device_key());
  auto csr = keys.new_key_csr(a.terminal.empty() ? "kiosk" : a.terminal);
  if (!csr) return kx::unexpected(csr.error());
  kiosk::platform::ClientConfig cfg;
  cfg.base_url = a.platform_url;
  cfg.ca_file = a.ca_file;
  auto client = kiosk::platform::PlatformClient::create(cfg);
  if (!client) return kx::unexpected("platform: " + client.error().detail);
  auto enrolled = (*client)->enrol({a.token, *csr, a.hall}, kiosk::platform::new_idempotency_key());
  if (!enrolled) {
    const auto& e = enrolled.error();
    if (e.problem_code == "enrolment_token_expired") {
      return kx::unexpected(
          "the enrolment token has expired; ask for a new one / 注册令牌已过期，请申请新的令牌");
    }
    if (e.problem_code == "enrolment_token_invalid") {
      return kx::unexpected(
          "the enrolment token is unknown, used or expired; ask for a new one / "
          "注册令牌无效、已使用或已过期，请申请新的令牌");
    }
    using kiosk::platform::ErrorCode;
    if (e.code == ErrorCode::network || e.code == ErrorCode::timeout ||
        e.code == ErrorCode::unavailable) {
      return kx::unexpected(
          "cannot reach the platform; check the network and try again / "
          "无法连接平台，请检查网络后重试 (" +
          e.detail + ")");
    }
    if (e.code == ErrorCode::server_untrusted) {
      return kx::unexpected(
          "the platform's certificate is not trusted (check the platform CA) / "
          "平台证书不受信任，请检查平台CA证书 (" +
          e.detail + ")");
    }
    if (e.code == ErrorCode::config) {
      return kx::unexpected(
          "the platform address or CA file cannot be used / 平台地址或CA证书文件无效 (" + e.detail +
          ")");
    }
    // The platform names the fields it refused (an unknown hall code, ...).
    std::string why = e.detail;
    for (const auto& f : e.fields) {
      why += "; " + f.field + ": " + f.reason + (f.reason_zh.empty() ? "" : " / " + f.reason_zh);
    }
    return kx::unexpected("enrolment failed / 注册失败: " + why);
  }
  if (!a.terminal.empty() && enrolled->terminal_id != a.terminal) {
    r.say("certificate", "note: the platform assigned terminal id " + enrolled->terminal_id);
  }
  if (auto w = write_secret(r.f.device_cert(), enrolled->certificate_pem, 0644); !w) return w;
  if (auto w = write_secret(r.f.platform_ca(), enrolled->ca_certificate_pem, 0644); !w) return w;
  r.p.terminal_id = enrolled->terminal_id;
  r.p.hall = enrolled->hall_code.empty() ? a.hall : enrolled->hall_code;
  r.p.platform_url = a.platform_url;
  return {};
}

StepResult outbox_key(Run& r) {
  auto key = offline_cache::create_key_file(r.f.outbox_key());
  if (!key && key.error().code != offline_cache::ErrorCode::key_exists) {
    return kx::unexpected(offline_cache::describe(key.error()));
  }
  return {};
}

StepResult pin_root(Run& r) {
  if (r.a.root_file.empty()) return {};
  auto text =
      config::bundle::read_limited(r.a.root_file, config::bundle::Limits{}.max_metadata_bytes);
  if (!text) return kx::unexpected(text.error().to_string());
  auto pinned = config::bundle::pin_root(r.f.config_store(), *text);
  if (!pinned) return kx::unexpected(pinned.error().to_string());
  return {};
}

StepResult selftest(Run& r) {
  const auto checks = run_selftest(r.f, r.p, r.devices);
  r.say("selftest", report_json(checks).dump(2));
  if (passed(checks)) return {};
  std::string failed;
  for (const auto& c : checks) {
    if (c.status == "failed") failed += (failed.empty() ? "" : "; ") + c.name + ": " + c.detail;
  }
  return kx::unexpected("the self-test failed / 自检未通过: " + failed);
}

// The slip in slip.txt (and told), and on the receipt printer when one is
// configured (the provision-slip template: terminal, hall, platform, time,
// and a QR of the terminal id for the technician's records).
StepResult slip(Run& r) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  const Progress& p = r.p;
  const std::string text =
      "==== 终端开通单 Provisioning slip ====\n"
      "终端 Terminal : " +
      p.terminal_id +
      "\n"
      "大厅 Hall     : " +
      p.hall +
      "\n"
      "平台 Platform : " +
      p.platform_url +
      "\n"
      "时间 Time     : " +
      when +
      "\n"
      "自检 Self-test: ok\n";
  r.say("slip", text);
  if (auto w = write_secret(r.f.slip(), text, 0644); !w) return w;
  if (!r.devices.printer) {
    r.say("slip", "slip not printed (no printer configured)");
    return {};
  }
  auto printed = print_template(r.devices, "provision-slip",
                                {{"terminal_id", p.terminal_id},
                                 {"hall", p.hall},
                                 {"platform", p.platform_url},
                                 {"time", when},
                                 {"selftest", "ok"}});
  if (!printed) return kx::unexpected("the slip did not print / 开通单未打印: " + printed.error());
  r.say("slip", "slip printed, " + *printed);
  return {};
}

}  // namespace

kiosk::app::ProvisionOutcome run_provisioning(const ProvisionRequest& request, const Files& files,
                                              const DeviceAddresses& devices,
                                              const kiosk::app::ProvisionObserver& observe) {
  Run r{request, files, devices, observe, load_progress(files)};
  struct Step {
    const char* name;
    StepResult (*run)(Run&);
  };
  static constexpr Step kSteps[] = {
      {"certificate", enrol}, {"outbox_key", outbox_key},
      {"root", pin_root},     {"selftest", selftest},
      {"slip", slip},
  };
  for (const Step& step : kSteps) {
    if (r.p.has(step.name)) {
      observe({ProvisionNote::skipped, step.name, {}});
      continue;
    }
    observe({ProvisionNote::started, step.name, {}});
    auto result = step.run(r);
    if (result) {
      r.p.done.push_back(step.name);
      if (auto saved = save_progress(files, r.p); !saved) {
        result = kx::unexpected("cannot record progress / 无法记录进度: " + saved.error());
        r.p.done.pop_back();
      }
    }
    if (!result) {
      observe({ProvisionNote::failed, step.name, result.error()});
      return {false, step.name, result.error(), {}};
    }
    observe({ProvisionNote::done, step.name, {}});
  }
  return {true, {}, {}, r.p.terminal_id};
}

}  // namespace kiosk::provision
