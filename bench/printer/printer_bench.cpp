// Targets (issue 5): encoding a receipt <= 1 ms; the virtual printer
// renders a receipt <= 20 ms. Templates are parsed once (the kiosk loads
// them at start-up); the glyph cache is warm after the first receipt, as in
// a running simulator.
#include "drivers/printer/receipt_template.hpp"
#include "tools/devsim/printer/interpreter.hpp"
#include "tools/devsim/printer/png_writer.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;

const printer::TemplateSet& templates() {
  static printer::TemplateSet set =
      *printer::TemplateSet::load(fs::path(KIOSK_SOURCE_DIR) / "config/defaults/receipts");
  return set;
}

std::vector<std::uint8_t> encode(const std::string& kind, bool native_qr) {
  const auto* t = templates().find(kind);
  printer::ReceiptLayout layout;
  layout.qr.native_supported = native_qr;
  return *printer::render_receipt(*t, t->sample, layout);
}

devsim::printer::GlyphSource* glyphs() {
  static std::unique_ptr<devsim::printer::GlyphSource> g = [] {
    std::string err;
    return devsim::printer::GlyphSource::open(devsim::printer::GlyphSource::kDefaultFont,
                                              devsim::printer::GlyphSource::kDefaultFace, err);
  }();
  return g.get();
}

printer::Bitmap render(const std::vector<std::uint8_t>& bytes) {
  devsim::printer::Interpreter interp(384, glyphs());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto s = interp.step(std::span<const std::uint8_t>(bytes).subspan(pos));
    if (s.consumed == 0) break;
    pos += s.consumed;
  }
  return interp.take_paper();
}

void BM_EncodeReceipt(benchmark::State& state, const std::string& kind, bool native_qr) {
  const auto* t = templates().find(kind);
  printer::ReceiptLayout layout;
  layout.qr.native_supported = native_qr;
  for (auto _ : state) {
    auto bytes = printer::render_receipt(*t, t->sample, layout);
    benchmark::DoNotOptimize(bytes);
  }
}

void BM_RenderReceipt(benchmark::State& state, const std::string& kind, bool native_qr) {
  const auto bytes = encode(kind, native_qr);
  benchmark::DoNotOptimize(render(bytes));  // warm the glyph cache
  for (auto _ : state) {
    auto paper = render(bytes);
    benchmark::DoNotOptimize(paper);
  }
}

void BM_RenderReceiptToPng(benchmark::State& state, const std::string& kind) {
  const auto bytes = encode(kind, true);
  const fs::path png = fs::temp_directory_path() / "printer_bench.png";
  benchmark::DoNotOptimize(render(bytes));
  for (auto _ : state) {
    auto err = devsim::printer::write_png(render(bytes), png);
    benchmark::DoNotOptimize(err);
  }
  fs::remove(png);
}

}  // namespace

BENCHMARK_CAPTURE(BM_EncodeReceipt, preapplication_native_qr, "preapplication", true)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_EncodeReceipt, preapplication_raster_qr, "preapplication", false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_EncodeReceipt, ticket_native_qr, "ticket", true)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RenderReceipt, preapplication, "preapplication", true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderReceipt, ticket, "ticket", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderReceipt, navigation_raster_qr, "navigation", false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderReceiptToPng, preapplication, "preapplication")
    ->Unit(benchmark::kMillisecond);
