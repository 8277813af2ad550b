// kiosk device scanner list
// kiosk device scanner scan --device test:0 [--source adf|flatbed] [--pages N] [--dpi D]
//                           --out DIR [--colour] [--material text|form|licence|id|photo]
//                           [--quality Q] [--out-dpi D] [--option NAME=VALUE]... [--pdf]
// kiosk device scanner scan --dir IMAGES --out DIR ...   (document camera stand-in)
//
// Writes the processed pages (page-001.jpg, ...) and report.json (checks and
// barcodes per page) into DIR, the only place scans ever reach the disk.
// Exit codes: 0 done (also when the feeder ran out), 1 the job failed on a
// device fault (pages scanned before it are kept), 2 the scanner could not
// be opened, 3 usage. Failures print the reason in Chinese and English.
#include "drivers/scanner/pdf_writer.hpp"
#include "drivers/scanner/scanner.hpp"
#include "kiosk/cli/registry.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct ScanOptions {
  std::string device;
  std::string dir;
  std::string source = "flatbed";
  int pages = 1;
  int dpi = 300;
  int out_dpi = 200;
  int quality = 0;
  bool colour = false;
  bool pdf = false;
  std::string material = "text";
  std::string out;
  std::vector<std::string> options;
};

void print_error(const scanner::Error& e) {
  std::cerr << scanner::prompt_zh(e.code) << "\n"
            << scanner::prompt_en(e.code) << "\n"
            << "(" << scanner::to_string(e.code) << ": " << e.detail << ")\n";
}

int list_cmd() {
  auto devices = scanner::list_devices();
  if (!devices) {
    print_error(devices.error());
    return 2;
  }
  if (devices->empty()) {
    print_error({scanner::ErrorCode::no_device, "SANE lists no device"});
    return 2;
  }
  for (const auto& d : *devices)
    std::cout << d.name << "\t" << d.vendor << "\t" << d.model << "\t" << d.type << "\n";
  return 0;
}

bool write_file(const std::filesystem::path& p, const std::vector<std::uint8_t>& bytes) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(f);
}

nlohmann::json page_json(const scanner::ProcessedPage& p, const std::string& file) {
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& c : p.codes) {
    nlohmann::json usccs = nlohmann::json::array();
    for (const auto& u : c.usccs) usccs.push_back({{"code", u.code}, {"valid", u.valid}});
    codes.push_back({{"format", c.format}, {"text", c.text}, {"usccs", usccs}});
  }
  return {
      {"file", file},
      {"verdict", scanner::to_string(p.verdict)},
      {"prompt_zh", scanner::verdict_zh(p.verdict)},
      {"prompt_en", scanner::verdict_en(p.verdict)},
      {"blank", p.checks.blank},
      {"ink_ratio", p.checks.ink_ratio},
      {"blur_score", p.checks.blur_score},
      {"blurred", p.checks.blurred},
      {"skew_degrees", p.checks.skew_degrees},
      {"deskewed", p.checks.deskewed},
      {"colour", p.checks.colour},
      {"width", p.width},
      {"height", p.height},
      {"dpi", p.dpi},
      {"bytes", p.jpeg.size()},
      {"codes", codes},
  };
}

int scan_cmd(const ScanOptions& o) {
  if (o.device.empty() == o.dir.empty()) {
    std::cerr << "请指定 --device 或 --dir 之一。\nGive exactly one of --device or --dir.\n";
    return 3;
  }
  scanner::SourceSpec spec;
  spec.kind = o.dir.empty() ? scanner::SourceKind::sane : scanner::SourceKind::image_dir;
  spec.device = o.dir.empty() ? o.device : o.dir;
  spec.settings.feed = o.source == "adf" ? scanner::Feed::adf : scanner::Feed::flatbed;
  spec.settings.dpi = o.dpi;
  spec.settings.colour = o.colour;
  for (const std::string& kv : o.options) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "--option 的格式应为 名称=值。\n--option must be NAME=VALUE: " << kv << "\n";
      return 3;
    }
    spec.settings.extra.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
  }
  scanner::JobSpec job;
  job.pages = o.pages;
  job.pipeline.output_dpi = o.out_dpi;
  job.pipeline.jpeg_quality = o.quality;
  if (!scanner::parse_material(o.material, job.pipeline.material)) {
    std::cerr << "未知的材料类型。\nUnknown material: " << o.material << "\n";
    return 3;
  }
  std::error_code ec;
  const std::filesystem::path out(o.out);
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::cerr << "无法创建输出目录。\nCannot create the output directory: " << o.out << "\n";
    return 3;
  }

  scanner::ScanSession session(spec);
  const int id = session.start(job);
  nlohmann::json report = {{"device", spec.device}, {"source", o.source}, {"material", o.material}};
  nlohmann::json pages = nlohmann::json::array();
  std::vector<std::vector<std::uint8_t>> jpegs;
  std::vector<scanner::PdfPage> pdf_pages;
  std::optional<scanner::JobDoneEvent> done;
  bool open_failed = false;
  int last_percent = -1;
  while (!done) {
    auto ev = session.wait(std::chrono::seconds(1));
    if (!ev) continue;  // a slow device; the job ends with JobDoneEvent whatever happens
    if (auto* opened = std::get_if<scanner::OpenedEvent>(&*ev)) {
      report["opened"] = opened->description;
      report["scan_dpi"] = opened->dpi;
      open_failed = opened->error.has_value();
    } else if (auto* p = std::get_if<scanner::ProgressEvent>(&*ev)) {
      const int percent =
          p->bytes_expected ? static_cast<int>(p->bytes_done * 100 / p->bytes_expected) : -1;
      if (percent / 25 != last_percent / 25) {
        std::cerr << "第 " << p->page + 1 << " 页 / page " << p->page + 1 << ": " << percent
                  << "%\n";
        last_percent = percent;
      }
    } else if (auto* pe = std::get_if<scanner::PageEvent>(&*ev)) {
      char name[32];
      std::snprintf(name, sizeof name, "page-%03d.jpg", pe->page + 1);
      if (!write_file(out / name, pe->result.jpeg)) {
        std::cerr << "无法写入输出文件。\nCannot write " << (out / name).string() << "\n";
        return 3;
      }
      std::cerr << name << ": " << scanner::to_string(pe->result.verdict) << " — "
                << scanner::verdict_zh(pe->result.verdict) << " "
                << scanner::verdict_en(pe->result.verdict) << "\n";
      pages.push_back(page_json(pe->result, name));
      if (o.pdf) {
        jpegs.push_back(std::move(pe->result.jpeg));
        pdf_pages.push_back({jpegs.back(), pe->result.width, pe->result.height, pe->result.dpi,
                             pe->result.checks.colour});
      }
      last_percent = -1;
    } else if (auto* d = std::get_if<scanner::JobDoneEvent>(&*ev); d && d->job == id) {
      done = *d;
    }
  }
  report["pages"] = pages;
  report["outcome"] = scanner::to_string(done->outcome);
  if (done->error) {
    report["error"] = {{"code", scanner::to_string(done->error->code)},
                       {"prompt_zh", scanner::prompt_zh(done->error->code)},
                       {"prompt_en", scanner::prompt_en(done->error->code)},
                       {"detail", done->error->detail}};
  }
  if (o.pdf && !pdf_pages.empty()) {
    // Spans in pdf_pages point into `jpegs`, which no longer grows.
    if (!write_file(out / "scan.pdf", scanner::make_pdf(pdf_pages))) return 3;
    report["pdf"] = "scan.pdf";
  }
  std::ofstream(out / "report.json") << report.dump(2) << "\n";
  if (done->outcome == scanner::JobOutcome::completed ||
      done->outcome == scanner::JobOutcome::feeder_empty) {
    std::cerr << pages.size() << " 页已保存到 / pages saved to " << o.out << "\n";
    return 0;
  }
  print_error(*done->error);
  return open_failed ? 2 : 1;
}

void install_device_scanner(CLI::App& root, kiosk::cli::Context& ctx) {
  CLI::App& device = kiosk::cli::group(root, "device", "Test and operate the kiosk's devices");
  CLI::App* cmd = device.add_subcommand("scanner", "Document scanner (SANE) and document camera");
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", "List the scanners SANE can see");
  list->callback([&ctx] { ctx.exit_code = list_cmd(); });

  CLI::App* scan = cmd->add_subcommand("scan", "Scan pages, check them, write JPEGs + report.json");
  auto o = std::make_shared<ScanOptions>();
  scan->add_option("--device", o->device, "SANE device, e.g. test:0 (empty: the first found)");
  scan->add_option("--dir", o->dir, "Read pages from a directory of JPEG/PNG images instead");
  scan->add_option("--source", o->source, "flatbed or adf")
      ->check(CLI::IsMember({"flatbed", "adf"}))
      ->capture_default_str();
  scan->add_option("--pages", o->pages, "Pages to scan (a feeder may run out earlier)")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  scan->add_option("--dpi", o->dpi, "Scan resolution (snapped to what the device offers)")
      ->check(CLI::Range(50, 1200))
      ->capture_default_str();
  scan->add_option("--out-dpi", o->out_dpi, "Resolution of the written JPEGs")
      ->check(CLI::Range(50, 600))
      ->capture_default_str();
  scan->add_option("--quality", o->quality, "JPEG quality 1-100 (0: by material)")
      ->check(CLI::Range(0, 100));
  scan->add_option("--material", o->material, "text, form, licence, id or photo")
      ->capture_default_str();
  scan->add_flag("--colour,--color", o->colour, "Scan in colour");
  scan->add_flag("--pdf", o->pdf, "Also write all pages as scan.pdf");
  scan->add_option("--option", o->options, "Backend option NAME=VALUE (repeatable)");
  scan->add_option("--out", o->out, "Output directory")->required();
  scan->callback([o, &ctx] { ctx.exit_code = scan_cmd(*o); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(45, install_device_scanner);
