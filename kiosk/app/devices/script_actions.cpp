#include "kiosk/app/devices/script_actions.hpp"

#include "drivers/scanner/barcodes.hpp"
#include "drivers/scanner/codecs.hpp"

#include <fstream>
#include <iterator>

namespace kiosk::app {
namespace {

// The newest receipt-NNNN.png in the simulated printer's folder. The
// printer simulator writes it at the cut, before it answers the status
// query that tells the app the receipt is out, so once the screen says
// "printed" the file is complete.
kx::expected<void, std::string> check_receipt_qr(const std::filesystem::path& folder,
                                                 const std::string& expected) {
  std::filesystem::path newest;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    // receipt-0001.png, not receipt-0001-partial.png (a cut short by paper-out)
    if (name.starts_with("receipt-") && name.ends_with(".png") && name.size() == 16 &&
        (newest.empty() || name > newest.filename().string())) {
      newest = entry.path();
    }
  }
  if (newest.empty()) return kx::unexpected("receipt-qr: no receipt in " + folder.string());
  std::ifstream in(newest, std::ios::binary);
  const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
  auto image = scanner::decode_png(bytes);
  if (!image) return kx::unexpected("receipt-qr: " + newest.string() + " is not a PNG");
  std::string seen;
  for (const scanner::Barcode& code : scanner::read_barcodes(*image)) {
    if (code.format != "QRCode") continue;
    if (code.text.find(expected) != std::string::npos) return {};
    seen += " '" + code.text + "'";
  }
  return kx::unexpected("receipt-qr: " + newest.filename().string() + " has no QR code holding '" +
                        expected + "'" + (seen.empty() ? " (no QR code found)" : "; found" + seen));
}

}  // namespace

kx::expected<void, std::string> script_device_action(const ScriptAction& action,
                                                     devices::Devices* devices, AppEvents& events) {
  if (action.verb == "show-qr") {
    // The scanner's decoder reports a code as this text; the SANE path is
    // the scanner driver's own (tests/scanner).
    events.post(core::QrScanned{action.arg});
    return {};
  }
  devices::SimDevices* sim = devices ? devices->sim(std::chrono::seconds(15)) : nullptr;
  if (sim == nullptr) {
    return kx::unexpected(action.verb + " needs the simulated devices (kiosk run --sim)");
  }
  if (action.verb == "present-card") return sim->present_card(std::stoi(action.arg));
  if (action.verb == "remove-card") return sim->remove_card();
  if (action.verb == "printer") return sim->printer_action(action.arg);
  if (action.verb == "receipt-qr") return check_receipt_qr(sim->receipts(), action.arg);
  return kx::unexpected("unknown device action " + action.verb);
}

}  // namespace kiosk::app
