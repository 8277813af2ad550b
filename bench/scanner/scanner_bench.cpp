// Page pipeline speed on an A4 page at 300 dpi gray, against cjpeg alone on
// the same page in the same run (docs/performance.md, "scanner").
#include "drivers/scanner/barcodes.hpp"
#include "drivers/scanner/codecs.hpp"
#include "drivers/scanner/page_checks.hpp"
#include "drivers/scanner/pipeline.hpp"
#include "tests/scanner/doc_gen.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

using namespace scanner;

// A form at 300 dpi as a scanner delivers it: optics blur, 2 degrees of
// skew (so deskew really runs), a QR and a Code128 to find.
const Image& scanned_form() {
  static const Image img = [] {
    Image page = testdoc::form_page(300, R"({"form":"HJ-001","item":"户籍证明","ver":3})");
    testdoc::draw_text(page, "申请人承诺所填信息真实有效。The applicant confirms the above.", 300,
                       1500, 50);
    return rotate(testdoc::blur(page, 0.7), 2.0, 243);
  }();
  return img;
}

const Image& scanned_text(bool dense) {
  static const Image normal = testdoc::blur(testdoc::text_page(300), 0.7);
  static const Image heavy = testdoc::blur(testdoc::dense_text_page(300), 0.7);
  return dense ? heavy : normal;
}

void BM_PipelineA4Gray300(benchmark::State& state) {
  const Image& page = scanned_form();
  const PipelineConfig cfg;
  std::size_t bytes = 0;
  std::size_t codes = 0;
  for (auto _ : state) {
    ProcessedPage p = process_page(page, cfg);
    bytes = p.jpeg.size();
    codes = p.codes.size();
    benchmark::DoNotOptimize(p.jpeg.data());
  }
  state.counters["jpeg_KB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["codes"] = static_cast<double>(codes);
}
BENCHMARK(BM_PipelineA4Gray300)->Unit(benchmark::kMillisecond)->UseRealTime();

// cjpeg alone, on the same page as a PGM: process start-up included, as the
// issue's comparison ("cjpeg takes about 30 ms") is for the command.
void BM_CjpegA4Gray300(benchmark::State& state) {
  const Image& page = scanned_form();
  const std::string pgm = (std::filesystem::temp_directory_path() /
                           ("scanner_bench_" + std::to_string(::getpid()) + ".pgm"))
                              .string();
  {
    std::ofstream f(pgm, std::ios::binary);
    f << "P5\n" << page.width << " " << page.height << "\n255\n";
    f.write(reinterpret_cast<const char*>(page.pixels.data()),
            static_cast<std::streamsize>(page.pixels.size()));
  }
  const std::string cmd = "cjpeg -quality 75 -grayscale -outfile /dev/null " + pgm;
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) {
      state.SkipWithError("cjpeg failed (apt install libjpeg-turbo-progs)");
      break;
    }
  }
  std::filesystem::remove(pgm);
}
BENCHMARK(BM_CjpegA4Gray300)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same encode in-process (what cjpeg does minus start-up and file I/O).
void BM_LibjpegEncodeA4Gray300(benchmark::State& state) {
  const Image& page = scanned_form();
  for (auto _ : state) benchmark::DoNotOptimize(encode_jpeg(page, {75, 300}).value().data());
}
BENCHMARK(BM_LibjpegEncodeA4Gray300)->Unit(benchmark::kMillisecond);

// The stages one by one, to see where the time goes.
void BM_StageChecks(benchmark::State& state) {
  const Image& page = scanned_form();
  for (auto _ : state) {
    benchmark::DoNotOptimize(detect_blank(page));
    benchmark::DoNotOptimize(blur_score(page));
    benchmark::DoNotOptimize(estimate_skew(page));
  }
}
BENCHMARK(BM_StageChecks)->Unit(benchmark::kMillisecond);

void BM_StageDeskew(benchmark::State& state) {
  const Image& page = scanned_form();
  for (auto _ : state) benchmark::DoNotOptimize(rotate(page, -2.0, 255).pixels.data());
}
BENCHMARK(BM_StageDeskew)->Unit(benchmark::kMillisecond);

void BM_StageResizeTo200(benchmark::State& state) {
  const Image& page = scanned_form();
  for (auto _ : state) benchmark::DoNotOptimize(resize(page, 1654, 2339).pixels.data());
}
BENCHMARK(BM_StageResizeTo200)->Unit(benchmark::kMillisecond);

void BM_StageBarcodes200(benchmark::State& state) {
  const Image small = resize(scanned_form(), 1654, 2339);
  for (auto _ : state) benchmark::DoNotOptimize(read_barcodes(small).size());
}
BENCHMARK(BM_StageBarcodes200)->Unit(benchmark::kMillisecond);

// Size target: a text page at 200 dpi (arg 0: official-document layout,
// arg 1: dense 12 pt full-width page).
void BM_TextPageSize200(benchmark::State& state) {
  const Image& page = scanned_text(state.range(0) == 1);
  std::size_t bytes = 0;
  for (auto _ : state) bytes = process_page(page, PipelineConfig{}).jpeg.size();
  state.counters["jpeg_KB"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_TextPageSize200)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
