#include "kiosk/app/sim_platform.hpp"

#include "kiosk/platform/client.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

namespace kiosk::app {

namespace kp = kiosk::platform;

kx::expected<std::unique_ptr<SimPlatform>, std::string> SimPlatform::start(
    const SimPlatformOptions& opt) {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::error_code ec;
  std::filesystem::path base = runtime && *runtime ? std::filesystem::path(runtime)
                                                   : std::filesystem::temp_directory_path(ec);
  std::string tmpl = (base / "kiosk-sim-platform-XXXXXX").string();
  if (!mkdtemp(tmpl.data()))
    return kx::unexpected("cannot create a state folder under " + base.string());
  std::unique_ptr<SimPlatform> sp(new SimPlatform);
  sp->folder_ = tmpl;

  auto proc =
      kp::SimProcess::start({opt.binary, sp->folder_ / "platform", opt.faults, opt.seed, 1});
  if (!proc) return kx::unexpected(proc.error());
  sp->process_ = std::make_unique<kp::SimProcess>(std::move(*proc));

  kp::ClientConfig cfg;
  cfg.base_url = sp->process_->url();
  cfg.ca_file = sp->process_->ca_file().string();
  auto anon = kp::PlatformClient::create(cfg);
  if (!anon) return kx::unexpected("platform client: " + anon.error().detail);
  auto kc = kp::make_device_key_and_csr("kiosk");
  if (!kc) return kx::unexpected(kc.error().detail);
  auto enrolled = (*anon)->enrol({sp->process_->enrolment_token(), kc->csr_pem, opt.hall_code},
                                 kp::new_idempotency_key());
  if (!enrolled) return kx::unexpected("enrolment failed: " + enrolled.error().detail);

  const auto device = sp->folder_ / "device";
  std::filesystem::create_directories(device, ec);
  cfg.cert_file = (device / "device.pem").string();
  cfg.key_file = (device / "device-key.pem").string();
  std::ofstream(cfg.cert_file, std::ios::trunc) << enrolled->certificate_pem;
  {
    std::ofstream key(cfg.key_file, std::ios::trunc);
    key << kc->key_pem;
  }
  chmod(cfg.key_file.c_str(), 0600);  // the device key is a secret
  sp->cfg_ = cfg;
  sp->terminal_id_ = enrolled->terminal_id;
  return sp;
}

SimPlatform::~SimPlatform() {
  process_.reset();  // stop the child before removing its state
  std::error_code ec;
  if (!folder_.empty()) std::filesystem::remove_all(folder_, ec);
}

}  // namespace kiosk::app
