// The USB bulk path (libusb -> usbdevfs) under umockdev. umockdev emulates
// the device in sysfs/udev and replays usbdevfs URBs from an ioctl script;
// the scripts here are written by hand from what the simulated reader
// (SamModel) answers, so the whole stack - libusb enumeration, descriptor
// parsing, endpoint selection, claim, bulk SUBMIT/REAP - runs for real and
// only the wire is scripted. OUT URBs must match byte for byte, so a wrong
// frame from the driver fails the test. Runs with LD_PRELOAD of
// libumockdev-preload (set by CMake).
#include "drivers/idcard/session.hpp"
#include "drivers/transport/usb_bulk.hpp"
#include "drivers/transport/usb_hotplug.hpp"
#include "tests/idcard/subprocess.hpp"
#include "tools/devsim/idcard/cards_file.hpp"
#include "tools/devsim/idcard/sam_model.hpp"

#include <gtest/gtest.h>
#include <umockdev.h>

#include <unistd.h>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

namespace {

constexpr const char* kNode = "/dev/bus/usb/001/002";

std::string hex(std::span<const std::uint8_t> b) {
  std::string s;
  char buf[3];
  for (auto x : b) {
    std::snprintf(buf, sizeof buf, "%02X", x);
    s += buf;
  }
  return s;
}

// Device + configuration descriptors of a vendor-class reader 0400:C35A
// with bulk endpoints `eps` (one interface).
std::string device_description(const std::vector<std::uint8_t>& eps) {
  std::vector<std::uint8_t> d = {0x12, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x40, 0x00,
                                 0x04, 0x5A, 0xC3, 0x00, 0x01, 0x01, 0x02, 0x03, 0x01};
  const auto total = static_cast<std::uint8_t>(9 + 9 + 7 * eps.size());
  std::vector<std::uint8_t> cfg = {
      0x09, 0x02, total, 0x00, 0x01, 0x01, 0x00,
      0x80, 0x32, 0x09,  0x04, 0x00, 0x00, static_cast<std::uint8_t>(eps.size()),
      0xFF, 0x00, 0x00,  0x00};
  for (auto ep : eps) cfg.insert(cfg.end(), {0x07, 0x05, ep, 0x02, 0x40, 0x00, 0x00});
  d.insert(d.end(), cfg.begin(), cfg.end());
  std::ostringstream o;
  o << "P: /devices/pci0000:00/0000:00:14.0/usb1/1-2\n"
    << "N: bus/usb/001/002\n"
    << "E: BUSNUM=001\nE: DEVNAME=" << kNode << "\nE: DEVNUM=002\nE: DEVTYPE=usb_device\n"
    << "E: DRIVER=usb\nE: MAJOR=189\nE: MINOR=1\nE: PRODUCT=400/c35a/100\nE: SUBSYSTEM=usb\n"
    << "A: bConfigurationValue=1\\n\nA: bNumConfigurations=1\\n\nA: bNumInterfaces= 1\\n\n"
    << "A: busnum=1\\n\nA: devnum=2\\n\nA: idProduct=c35a\\n\nA: idVendor=0400\\n\n"
    << "A: speed=12\\n\n"
    << "H: descriptors=" << hex(d) << "\n";
  return o.str();
}

struct Script {
  std::ostringstream s;
  Script() { s << "@DEV " << kNode << " (usbdevfs)\n"; }
  void out(std::uint8_t ep, std::span<const std::uint8_t> b) {
    s << "USBDEVFS_REAPURBNDELAY 0 3 " << unsigned(ep) << " 0 0 " << b.size() << " " << b.size()
      << " 0 " << hex(b) << "\n";
  }
  void in(std::uint8_t ep, std::span<const std::uint8_t> b) {
    s << "USBDEVFS_REAPURBNDELAY 0 3 " << unsigned(ep) << " 0 0 4096 " << b.size() << " 0 "
      << hex(b) << "\n";
  }
};

// Scripts the exchanges of `commands` against the simulated reader.
std::string script_for(idcard_sim::SamModel& model, const std::vector<idcard::Command>& commands,
                       bool split) {
  Script sc;
  for (auto c : commands) {
    auto frame = idcard::encode_command(c.cmd, c.para);
    const std::uint8_t payload[] = {c.cmd, c.para};
    auto answer = model.handle(payload).bytes;
    if (split) {
      sc.out(0x02, std::span(frame).first(7));
      sc.out(0x04, std::span(frame).subspan(7));
      sc.in(0x81, std::span(answer).first(7));
      sc.in(0x83, std::span(answer).subspan(7));
    } else {
      sc.out(0x02, frame);
      sc.in(0x81, answer);
    }
  }
  return sc.s.str();
}

class UmockdevRig {
 public:
  UmockdevRig() : tb_(umockdev_testbed_new()) {}
  ~UmockdevRig() {
    if (!ioctl_path_.empty()) ::unlink(ioctl_path_.c_str());
    g_object_unref(tb_);
  }
  bool add(const std::string& description, const std::string& script) {
    GError* err = nullptr;
    if (!umockdev_testbed_add_from_string(tb_, description.c_str(), &err)) {
      ADD_FAILURE() << err->message;
      g_error_free(err);
      return false;
    }
    return load_script(script);
  }
  // Unplug: the kernel's "remove" uevent, then the device leaves sysfs.
  void remove() {
    uevent("remove");
    umockdev_testbed_remove_device(tb_, "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2");
  }
  void uevent(const char* action) {
    umockdev_testbed_uevent(tb_, "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2", action);
  }
  // Replaces the URB script of the device node (a replugged device).
  bool load_script(const std::string& script) {
    GError* err = nullptr;
    if (ioctl_path_.empty()) {
      char path[] = "/tmp/idcard-usb-XXXXXX";
      int fd = ::mkstemp(path);
      if (fd < 0) return false;
      ::close(fd);
      ioctl_path_ = path;
    }
    std::ofstream(ioctl_path_, std::ios::trunc) << script;
    if (!umockdev_testbed_load_ioctl(tb_, kNode, ioctl_path_.c_str(), &err)) {
      ADD_FAILURE() << err->message;
      g_error_free(err);
      return false;
    }
    return true;
  }

 private:
  UMockdevTestbed* tb_;
  std::string ioctl_path_;
};

bool under_umockdev() {
  const char* p = std::getenv("LD_PRELOAD");
  return p != nullptr && std::string(p).find("umockdev") != std::string::npos;
}

std::vector<idcard::CardRecord> cards() {
  std::string err;
  auto c = idcard_sim::load_cards(KIOSK_SOURCE_DIR "/tools/devsim/idcard/cards.json", err);
  return c.value_or(std::vector<idcard::CardRecord>{});
}

const std::vector<idcard::Command> kFullRead = {
    idcard::cmd::kSamStatus,  idcard::cmd::kReadSamId,     idcard::cmd::kFindCard,
    idcard::cmd::kSelectCard, idcard::cmd::kReadTextPhoto, idcard::cmd::kReadAppendedAddress};

void read_one_card(bool split, std::size_t card_index) {
  idcard_sim::SamModel model(cards(), idcard_sim::Fault::none);
  model.present(card_index);
  UmockdevRig rig;
  ASSERT_TRUE(rig.add(device_description(split ? std::vector<std::uint8_t>{0x81, 0x02, 0x83, 0x04}
                                               : std::vector<std::uint8_t>{0x81, 0x02}),
                      script_for(model, kFullRead, split)));

  auto stream = transport::UsbBulkStream::open({.id = {0x0400, 0xC35A}});
  ASSERT_TRUE(stream) << stream.error().detail;
  EXPECT_EQ((*stream)->layout(),
            split ? transport::UsbLayout::split_endpoints : transport::UsbLayout::single_pipe);
  EXPECT_EQ((*stream)->describe(), "usb:0400:c35a@1-2");

  idcard::SessionOptions o;
  o.today = [] { return std::string("20260101"); };
  std::unique_ptr<transport::ByteStream> owned = std::move(*stream);
  idcard::ReaderSession session(
      [&owned]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
        if (!owned)
          return kx::unexpected(transport::Error{transport::ErrorCode::not_found, "used"});
        return std::move(owned);
      },
      o);
  auto connected = session.poll_once();
  ASSERT_TRUE(connected && std::holds_alternative<idcard::ReaderConnected>(*connected));
  EXPECT_EQ(std::get<idcard::ReaderConnected>(*connected).device, "usb:0400:c35a@1-2");
  auto read = session.poll_once();
  ASSERT_TRUE(read && std::holds_alternative<idcard::CardRead>(*read));
  const auto& card = std::get<idcard::CardRead>(*read).card;
  EXPECT_EQ(card.id_number, cards()[card_index].id_number);
  EXPECT_EQ(card.name, cards()[card_index].name);
  EXPECT_EQ(card.photo_wlt, idcard_sim::synthetic_photo(card_index));
}

TEST(IdcardUsb, FullReadOverSinglePipe) {
  if (!under_umockdev()) GTEST_SKIP() << "needs LD_PRELOAD=libumockdev-preload.so.0";
  read_one_card(false, 0);
}

TEST(IdcardUsb, FullReadOverSplitEndpoints) {
  if (!under_umockdev()) GTEST_SKIP() << "needs LD_PRELOAD=libumockdev-preload.so.0";
  read_one_card(true, 5);
}

TEST(IdcardUsb, ForcedSplitLayoutNeedsTwoEndpointPairs) {
  if (!under_umockdev()) GTEST_SKIP() << "needs LD_PRELOAD=libumockdev-preload.so.0";
  UmockdevRig rig;
  ASSERT_TRUE(rig.add(device_description({0x81, 0x02}), Script().s.str()));
  auto s = transport::UsbBulkStream::open(
      {.id = {0x0400, 0xC35A}, .layout = transport::UsbLayout::split_endpoints});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, transport::ErrorCode::invalid_argument);
}

TEST(IdcardUsb, UnpluggedDeviceIsDisconnectedAndComesBackOnReplug) {
  if (!under_umockdev()) GTEST_SKIP() << "needs LD_PRELOAD=libumockdev-preload.so.0";
  // umockdev keeps an open device node working after the device is removed
  // from the testbed (and libusb's device list does not see the removal),
  // so the unplug is scripted the way the kernel reports it: the next URB
  // completes with -ENODEV. The replug is a fresh script for the node; the
  // stream must reopen (enumerate, open, claim) by itself.
  idcard_sim::SamModel model(cards(), idcard_sim::Fault::none);
  const auto desc = device_description({0x81, 0x02});
  std::string script = script_for(model, {idcard::cmd::kSamStatus}, false);
  const auto status_cmd = idcard::encode_command(0x11, 0xFF);
  script += "USBDEVFS_REAPURBNDELAY 0 3 2 -19 0 10 0 0 " + hex(status_cmd) + "\n";
  UmockdevRig rig;
  ASSERT_TRUE(rig.add(desc, script));
  auto s = transport::UsbBulkStream::open({.id = {0x0400, 0xC35A}});
  ASSERT_TRUE(s) << s.error().detail;
  idcard::Reader reader(**s);
  ASSERT_TRUE(reader.sam_status());

  auto gone = reader.sam_status();
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, idcard::ErrorCode::disconnected) << gone.error().detail;
  EXPECT_FALSE((*s)->connected());

  // Now really gone from the bus: reopening finds nothing.
  rig.remove();
  auto absent = reader.sam_status();
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, idcard::ErrorCode::disconnected) << absent.error().detail;

  // Plugged back in.
  ASSERT_TRUE(rig.add(desc, script_for(model, {idcard::cmd::kSamStatus}, false)));
  rig.uevent("add");
  auto back = reader.sam_status();  // the stream reopens by itself
  EXPECT_TRUE(back) << back.error().detail;
  EXPECT_TRUE((*s)->connected());
}

TEST(IdcardUsb, CliReadsOverUsb) {
  if (!under_umockdev()) GTEST_SKIP() << "needs LD_PRELOAD=libumockdev-preload.so.0";
  // The child inherits the test bed (UMOCKDEV_DIR and the preload).
  idcard_sim::SamModel model(cards(), idcard_sim::Fault::none);
  model.present(4);
  UmockdevRig rig;
  ASSERT_TRUE(rig.add(device_description({0x81, 0x02}), script_for(model, kFullRead, false)));
  idcard_test::Child cli({KIOSK_BINARY_DIR "/bin/kiosk", "device", "idcard", "read", "--usb",
                          "0400:C35A", "--timeout", "10"});
  std::string out, err;
  auto code = cli.wait(out, err);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(*code, 0) << err;
  EXPECT_NE(out.find("\"id_number\":\"USA1*******0014\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"card_type\":\"foreign_permanent_2017\""), std::string::npos) << out;
}

TEST(IdcardUsb, HotplugWatcherSeesArrivalAndRemoval) {
  if (!under_umockdev()) GTEST_SKIP() << "needs LD_PRELOAD=libumockdev-preload.so.0";
  UmockdevRig rig;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<transport::UsbPresence> seen;
  auto watcher = transport::UsbHotplugWatcher::start(
      {{0x0400, 0xC35A}},
      [&](transport::UsbPresence p, transport::UsbId id) {
        EXPECT_EQ(id, (transport::UsbId{0x0400, 0xC35A}));
        std::lock_guard lock(mu);
        seen.push_back(p);
        cv.notify_all();
      },
      std::chrono::milliseconds(50));
  ASSERT_TRUE(watcher) << watcher.error().detail;
  ASSERT_TRUE(rig.add(device_description({0x81, 0x02}), Script().s.str()));
  rig.uevent("add");
  std::unique_lock lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return !seen.empty(); }))
      << "no arrival reported (libusb hotplug: " << (*watcher)->uses_libusb_hotplug() << ")";
  EXPECT_EQ(seen.front(), transport::UsbPresence::arrived);
  std::cout << "[ INFO ] via " << ((*watcher)->uses_libusb_hotplug() ? "libusb hotplug" : "polling")
            << std::endl;
  lock.unlock();
  rig.uevent("remove");
  lock.lock();
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return seen.size() >= 2; }))
      << "no removal reported";
  EXPECT_EQ(seen.back(), transport::UsbPresence::left);
}

}  // namespace
