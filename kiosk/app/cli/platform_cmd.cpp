// `kiosk platform ping` and `kiosk platform catalog`: for technicians and
// tests. The platform is named by flags (or KIOSK_PLATFORM_* variables), or
// `--sim` starts and enrols against a local platform-sim.
#include "kiosk/app/sim_platform.hpp"
#include "kiosk/cli/registry.hpp"
#include "kiosk/platform/client.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace {

namespace kp = kiosk::platform;

struct PlatformFlags {
  std::string url, ca, cert, key, pin;
  bool sim = false;
  bool json = false;
};

void add_connection_flags(CLI::App* cmd, PlatformFlags& f) {
  cmd->add_option("--platform", f.url, "Platform base URL (https://…)")
      ->envname("KIOSK_PLATFORM_URL");
  cmd->add_option("--ca", f.ca, "CA bundle the platform must verify against")
      ->envname("KIOSK_PLATFORM_CA");
  cmd->add_option("--cert", f.cert, "Device certificate (PEM)")->envname("KIOSK_PLATFORM_CERT");
  cmd->add_option("--key", f.key, "Device private key (PEM)")->envname("KIOSK_PLATFORM_KEY");
  cmd->add_option("--pin", f.pin, "Pinned public key, curl syntax sha256//BASE64");
  cmd->add_flag("--sim", f.sim, "Start a local platform-sim, enrol against it, and use it");
}

// Exit codes: 0 ok, 2 retry later, 3 permanent, 4 authentication / settings.
int report(const kp::Error& e) {
  const auto m = kp::message(e.code);
  std::cerr << m.zh << "\n"
            << m.en << "\n"
            << "[" << kp::to_string(e.cls) << "/" << kp::to_string(e.code) << "] " << e.detail
            << "\n";
  for (const auto& f : e.fields)
    std::cerr << "  " << f.field << ": " << f.reason_zh << " / " << f.reason << "\n";
  switch (e.cls) {
    case kp::FailureClass::retry_later:
      return 2;
    case kp::FailureClass::permanent:
      return 3;
    case kp::FailureClass::authentication:
      return 4;
  }
  return 1;
}

// Holds the simulator (if any) alive as long as the client.
struct Connected {
  std::unique_ptr<kiosk::app::SimPlatform> sim;
  std::unique_ptr<kp::PlatformClient> client;
};

kx::expected<Connected, int> connect(const PlatformFlags& f) {
  Connected c;
  kp::ClientConfig cfg;
  if (f.sim) {
    auto sim = kiosk::app::SimPlatform::start();
    if (!sim) {
      std::cerr << "无法启动平台模拟器 / cannot start the platform simulator: " << sim.error()
                << "\n";
      return kx::unexpected(4);
    }
    c.sim = std::move(*sim);
    cfg = c.sim->client_config();
  } else {
    if (f.url.empty() || f.ca.empty()) {
      std::cerr << "请指定 --platform 和 --ca，或使用 --sim\n"
                   "Give --platform and --ca (and --cert/--key), or use --sim\n";
      return kx::unexpected(4);
    }
    cfg.base_url = f.url;
    cfg.ca_file = f.ca;
    cfg.cert_file = f.cert;
    cfg.key_file = f.key;
  }
  cfg.pinned_public_key = f.pin;
  auto client = kp::PlatformClient::create(cfg);
  if (!client) return kx::unexpected(report(client.error()));
  c.client = std::move(*client);
  return c;
}

void install_platform(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& group =
      kiosk::cli::group(root, "platform", "政务服务平台连接 · Government-service platform");
  static PlatformFlags ping_flags, catalog_flags;

  auto* ping =
      group.add_subcommand("ping", "Check the connection, TLS and this kiosk's certificate");
  add_connection_flags(ping, ping_flags);
  ping->callback([&ctx] {
    auto c = connect(ping_flags);
    if (!c) return void(ctx.exit_code = c.error());
    auto p = c->client->ping();
    if (!p) return void(ctx.exit_code = report(p.error()));
    std::cout << "平台连接正常 / platform OK: terminal " << p->terminal_id << ", server time "
              << p->server_time << "\n";
    ctx.exit_code = 0;
  });

  auto* catalog =
      group.add_subcommand("catalog", "List the service items (事项目录) of the platform");
  add_connection_flags(catalog, catalog_flags);
  catalog->add_flag("--count", catalog_flags.json, "Print only the number of items and the ETag");
  catalog->callback([&ctx] {
    auto c = connect(catalog_flags);
    if (!c) return void(ctx.exit_code = c.error());
    auto cat = c->client->catalogue();
    if (!cat) return void(ctx.exit_code = report(cat.error()));
    const auto& items = cat->catalogue.items;
    if (catalog_flags.json) {
      std::cout << items.size() << " " << cat->catalogue.etag << "\n";
    } else {
      std::cout << "事项目录 / catalogue " << cat->catalogue.version << " (" << items.size()
                << ")\n";
      for (const auto& it : items)
        std::cout << it.item_code << "  " << it.name_zh << " · " << it.name_en << "  ["
                  << it.department_zh << "] " << it.promised_time_limit_days << "/"
                  << it.legal_time_limit_days << " d\n";
    }
    ctx.exit_code = 0;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(60, install_platform);
