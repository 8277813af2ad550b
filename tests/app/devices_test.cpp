// The kiosk's device services against the device simulators on ptys
// (kiosk-devsim, as `kiosk run --sim` starts them): the real idcard and
// printer drivers, the real receipt templates. Events are awaited on the
// app's own event queue (woken by the services), never by sleeping.
#include "drivers/transport/serial.hpp"
#include "kiosk/app/devices/card_reader_service.hpp"
#include "kiosk/app/devices/printer_service.hpp"
#include "kiosk/app/devices/scanner_service.hpp"
#include "kiosk/app/devices/sim_devices.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>

#include <stdlib.h>

namespace {

namespace dev = kiosk::app::devices;
const std::string kDevsim = KIOSK_BINARY_DIR "/bin/kiosk-devsim";
const std::string kReceipts = KIOSK_SOURCE_DIR "/config/defaults/receipts";

struct Events {
  kiosk::app::EventWaiter waiter;
  kiosk::app::AppEvents queue{waiter};
  std::vector<core::Event> seen;

  // Waits (up to 15 s) until an event satisfies `match`; returns it.
  std::optional<core::Event> until(const std::function<bool(const core::Event&)>& match) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      for (core::Event& e : queue.take()) {
        seen.push_back(e);
        if (match(e)) return e;
      }
      SDL_Event ignored;
      waiter.wait(ignored, 500);
    }
    return std::nullopt;
  }
};

core::PrintReceipt ticket() {
  return core::PrintReceipt{"ticket",
                            {{"hall", "市民中心"},
                             {"number", "A042"},
                             {"window_group", "A1-A8"},
                             {"ahead", "7"},
                             {"wait", "15"},
                             {"time", "2026-11-28 10:05"},
                             {"queue_url", "https://example.gov.cn/q/A042"}},
                            "",
                            {}};
}

bool is_device(const core::Event& e, core::Device d, core::DeviceState s) {
  const auto* c = std::get_if<core::DeviceChanged>(&e);
  return c != nullptr && c->device == d && c->state == s;
}

TEST(Devices, ACardOnTheSimulatedReaderReachesTheCoreAndItsRemovalToo) {
  auto sim = dev::SimDevices::start(kDevsim);
  ASSERT_TRUE(sim.has_value()) << sim.error();
  Events events;
  dev::CardReaderService reader(events.queue,
                                {(*sim)->reader_port(), std::chrono::milliseconds(300), nullptr});
  ASSERT_TRUE(events.until([](const core::Event& e) {
    return is_device(e, core::Device::reader, core::DeviceState::ok);
  }));

  ASSERT_TRUE((*sim)->present_card(1).has_value());
  auto read =
      events.until([](const core::Event& e) { return std::holds_alternative<core::CardRead>(e); });
  ASSERT_TRUE(read);
  const core::Citizen& c = std::get<core::CardRead>(*read).citizen;
  EXPECT_EQ(c.id_number, "650104195608124568");
  EXPECT_EQ(c.card_type, "resident");
  EXPECT_EQ(c.valid_until, "长期");
  // The appended address (30 03) is part of the citizen's address.
  EXPECT_NE(c.address.find("样例街7号"), std::string::npos);

  ASSERT_TRUE((*sim)->remove_card().has_value());
  EXPECT_TRUE(events.until(
      [](const core::Event& e) { return std::holds_alternative<core::CardRemoved>(e); }));
}

// A technician's test holds the ports: the reader service closes its port
// (opened exclusively) so the test can open it, and takes it again after.
TEST(Devices, TheReaderLetsItsPortGoWhileATechnicianTestHoldsIt) {
  auto sim = dev::SimDevices::start(kDevsim);
  ASSERT_TRUE(sim.has_value()) << sim.error();
  Events events;
  const auto share = std::make_shared<dev::PortShare>();
  dev::CardReaderService reader(events.queue,
                                {(*sim)->reader_port(), std::chrono::milliseconds(300), share});
  ASSERT_TRUE(events.until([](const core::Event& e) {
    return is_device(e, core::Device::reader, core::DeviceState::ok);
  }));
  // The service has the port: an exclusive open elsewhere fails.
  EXPECT_FALSE(transport::SerialPort::open((*sim)->reader_port()).has_value());
  {
    const auto hold = share->hold(std::chrono::seconds(10));
    auto port = transport::SerialPort::open((*sim)->reader_port());
    EXPECT_TRUE(port.has_value()) << port.error().detail;
  }
  // Released: the service reads cards again.
  ASSERT_TRUE((*sim)->present_card(1).has_value());
  EXPECT_TRUE(
      events.until([](const core::Event& e) { return std::holds_alternative<core::CardRead>(e); }));
}

TEST(Devices, AReceiptIsPrintedWithItsTemplateAndAnswered) {
  auto sim = dev::SimDevices::start(kDevsim);
  ASSERT_TRUE(sim.has_value()) << sim.error();
  Events events;
  dev::PrinterService printer(events.queue, {(*sim)->printer_port().string(), kReceipts, 58,
                                             std::chrono::milliseconds(2000), nullptr});
  ASSERT_TRUE(events.until([](const core::Event& e) {
    return is_device(e, core::Device::printer, core::DeviceState::ok);
  }));
  printer.print(ticket());
  auto done =
      events.until([](const core::Event& e) { return std::holds_alternative<core::PrintDone>(e); });
  ASSERT_TRUE(done);
  EXPECT_TRUE(std::get<core::PrintDone>(*done).ok) << std::get<core::PrintDone>(*done).text_id;
  // The simulator wrote the cut receipt as a PNG.
  int receipts = 0;
  for (const auto& f : std::filesystem::directory_iterator((*sim)->receipts())) {
    receipts += f.path().extension() == ".png";
  }
  EXPECT_EQ(receipts, 1);
}

TEST(Devices, NoPaperIsShownAndAnsweredNotSilent) {
  auto sim = dev::SimDevices::start(kDevsim, {"--fault", "paper-out", "--after-lines", "0"});
  ASSERT_TRUE(sim.has_value()) << sim.error();
  Events events;
  dev::PrinterService printer(events.queue, {(*sim)->printer_port().string(), kReceipts, 58,
                                             std::chrono::milliseconds(2000), nullptr});
  ASSERT_TRUE(events.until([](const core::Event& e) {
    return is_device(e, core::Device::printer, core::DeviceState::no_paper);
  }));
  printer.print(ticket());
  auto done =
      events.until([](const core::Event& e) { return std::holds_alternative<core::PrintDone>(e); });
  ASSERT_TRUE(done);
  EXPECT_FALSE(std::get<core::PrintDone>(*done).ok);
  EXPECT_EQ(std::get<core::PrintDone>(*done).text_id, "print.error.no_paper");
}

TEST(Devices, TheScannerIsFoundThroughSane) {
  // SANE's "test" backend only, as `kiosk run --sim` configures it.
  const auto state = std::filesystem::path(testing::TempDir()) / "kiosk-devices-sane";
  ::unsetenv("SANE_CONFIG_DIR");
  dev::use_simulated_scanner(state);
  Events events;
  dev::ScannerService scanner(events.queue, {});
  EXPECT_TRUE(events.until([](const core::Event& e) {
    return is_device(e, core::Device::scanner, core::DeviceState::ok);
  }));
}

}  // namespace
