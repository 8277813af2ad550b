// The image-directory source (document-camera stand-in) through a real
// ScanSession, and the PDF writer.
#include "drivers/scanner/codecs.hpp"
#include "drivers/scanner/image_dir_source.hpp"
#include "drivers/scanner/pdf_writer.hpp"
#include "drivers/scanner/scanner.hpp"
#include "tests/scanner/doc_gen.hpp"

#include <gtest/gtest.h>
#include <png.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include <unistd.h>

namespace {

using namespace scanner;
using namespace std::chrono_literals;

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("scanner_src_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void write(const std::filesystem::path& p, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(p, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
}

// PNG through libpng's simplified writer (cameras deliver PNG too).
std::vector<std::uint8_t> encode_png(const Image& img) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(img.width);
  png.height = static_cast<png_uint_32>(img.height);
  png.format = img.channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  png_image_write_to_memory(&png, nullptr, &size, 0, img.pixels.data(), 0, nullptr);
  std::vector<std::uint8_t> out(size);
  png_image_write_to_memory(&png, out.data(), &size, 0, img.pixels.data(), 0, nullptr);
  out.resize(size);
  return out;
}

struct Collected {
  std::vector<PageEvent> pages;
  std::optional<JobDoneEvent> done;
  std::optional<OpenedEvent> opened;
};

Collected collect(ScanSession& s) {
  Collected c;
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (!c.done && std::chrono::steady_clock::now() < deadline) {
    auto ev = s.wait(1s);
    if (!ev) continue;
    if (auto* o = std::get_if<OpenedEvent>(&*ev)) c.opened = *o;
    if (auto* p = std::get_if<PageEvent>(&*ev)) c.pages.push_back(std::move(*p));
    if (auto* d = std::get_if<JobDoneEvent>(&*ev)) c.done = *d;
  }
  return c;
}

TEST(ScannerImageDir, PagesComeInNameOrderAndEndLikeAFeeder) {
  TempDir dir;
  write(dir.path() / "b-licence.jpg",
        encode_jpeg(testdoc::licence_page(200, "91350100M000100Y43"), {90, 200}).value());
  write(dir.path() / "a-text.png", encode_png(testdoc::text_page(150)));
  write(dir.path() / "c-blank.jpg", encode_jpeg(testdoc::paper(150), {90, 150}).value());
  write(dir.path() / "notes.txt", {'x'});  // ignored
  ScanSession s({.kind = SourceKind::image_dir, .device = dir.path().string(), .settings = {}});
  PipelineConfig cfg;
  cfg.material = MaterialKind::licence;
  s.start({.pages = 10, .pipeline = cfg});
  Collected c = collect(s);
  ASSERT_TRUE(c.done);
  EXPECT_EQ(c.done->outcome, JobOutcome::feeder_empty);
  ASSERT_EQ(c.pages.size(), 3u);
  EXPECT_EQ(c.pages[0].result.verdict, Verdict::ok);  // the PNG text page
  EXPECT_FALSE(c.pages[0].result.checks.colour);      // gray source stays gray
  ASSERT_EQ(c.pages[1].result.codes.size(), 1u);      // the licence's QR
  EXPECT_TRUE(c.pages[1].result.codes[0].usccs.at(0).valid);
  EXPECT_TRUE(c.pages[1].result.checks.colour);
  EXPECT_EQ(c.pages[2].result.verdict, Verdict::blank);
}

TEST(ScannerImageDir, CorruptImageFailsTheJobWithBadImage) {
  TempDir dir;
  write(dir.path() / "a.jpg", {0xFF, 0xD8, 0xFF, 0xE0, 0x00});
  ScanSession s({.kind = SourceKind::image_dir, .device = dir.path().string(), .settings = {}});
  s.start({.pages = 1, .pipeline = {}});
  Collected c = collect(s);
  ASSERT_TRUE(c.done);
  EXPECT_EQ(c.done->outcome, JobOutcome::failed);
  EXPECT_EQ(c.done->error->code, ErrorCode::bad_image);
}

TEST(ScannerImageDir, MissingOrEmptyDirectory) {
  TempDir dir;
  auto empty = ImageDirSource::open(dir.path());
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::no_documents);
  auto missing = ImageDirSource::open(dir.path() / "nope");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::no_device);
}

TEST(ScannerImageDir, CancelCancelsQueuedJobsOnlyUpToThatPoint) {
  TempDir dir;
  write(dir.path() / "a.jpg", encode_jpeg(testdoc::paper(100), {90, 100}).value());
  // Hold the worker inside its first notification (right after opening) so
  // that start() and cancel() both happen before it looks at the queue.
  std::promise<void> gate;
  std::shared_future<void> opened_gate = gate.get_future().share();
  std::atomic<bool> first{true};
  ScanSession s({.kind = SourceKind::image_dir, .device = dir.path().string(), .settings = {}},
                [&] {
                  if (first.exchange(false)) opened_gate.wait();
                });
  const int cancelled_job = s.start({.pages = 1, .pipeline = {}});
  s.cancel();
  gate.set_value();
  Collected c = collect(s);
  ASSERT_TRUE(c.done);
  EXPECT_EQ(c.done->job, cancelled_job);
  EXPECT_EQ(c.done->outcome, JobOutcome::cancelled);
  EXPECT_TRUE(c.pages.empty());
  // A job queued after cancel() runs normally.
  const int next = s.start({.pages = 1, .pipeline = {}});
  Collected again = collect(s);
  ASSERT_TRUE(again.done);
  EXPECT_EQ(again.done->job, next);
  EXPECT_EQ(again.done->outcome, JobOutcome::completed);
  EXPECT_EQ(again.pages.size(), 1u);
}

TEST(ScannerPdf, EmbedsEveryJpegWithAValidXref) {
  const auto a = encode_jpeg(testdoc::text_page(100), {70, 100}).value();
  const auto b = encode_jpeg(testdoc::licence_page(100, "91350100M000100Y43"), {70, 100}).value();
  const PdfPage pages[] = {{a, 827, 1169, 100, false}, {b, 827, 1169, 100, true}};
  const auto pdf = make_pdf(pages);
  const std::string text(pdf.begin(), pdf.end());
  EXPECT_EQ(text.rfind("%PDF-1.4", 0), 0u);
  EXPECT_NE(text.find("/Count 2"), std::string::npos);
  EXPECT_NE(text.find("/MediaBox [0 0 595.44 841.68]"), std::string::npos);  // A4 at 100 dpi
  EXPECT_NE(text.find("/DeviceRGB"), std::string::npos);
  EXPECT_NE(text.find(std::string(a.begin(), a.begin() + 64)), std::string::npos);
  // startxref points at the xref table, and each entry at "N 0 obj".
  const auto sx = text.rfind("startxref\n");
  const std::size_t xref = std::stoul(text.substr(sx + 10));
  ASSERT_EQ(text.compare(xref, 4, "xref"), 0);
  std::size_t pos = text.find('\n', text.find('\n', xref) + 1) + 1;  // after "0 N" line
  pos = text.find('\n', pos) + 1;                                    // skip the free entry
  for (int id = 1; id <= 8; ++id) {
    const std::size_t off = std::stoul(text.substr(pos, 10));
    EXPECT_EQ(text.compare(off, std::to_string(id).size() + 6, std::to_string(id) + " 0 obj"), 0)
        << id;
    pos += 20;
  }
}

}  // namespace
