// Privacy scan: after a session (enqueue with scans, deliveries, a retry, a
// dead letter) nothing personal may be readable in the outbox folder: not
// in the database, not in its WAL, not in any temporary file.
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

using namespace offline_cache;
using namespace offline_cache::testing;

namespace {

constexpr std::string_view kName = "欧阳娜娜";
constexpr std::string_view kIdNumber = "11010519491231002X";

std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

// Every needle in every file of the folder; returns "file: needle" hits.
std::vector<std::string> scan(const std::filesystem::path& dir,
                              const std::vector<std::string>& needles) {
  std::vector<std::string> hits;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string data(std::istreambuf_iterator<char>(in), {});
    for (const auto& n : needles) {
      if (data.find(n) != std::string::npos) {
        hits.push_back(entry.path().filename().string() + ": " + n);
      }
    }
  }
  return hits;
}

}  // namespace

TEST(OfflineCachePrivacy, NoNameOrIdNumberOnDiskDuringOrAfterASession) {
  TempDir dir;
  FakeClock clock;
  ScriptedRng rng;
  RecordingSender sender;
  const std::string form = std::string(R"({"applicant":{"name":")") + std::string(kName) +
                           R"(","id_number":")" + std::string(kIdNumber) + R"("}})";
  const std::vector<std::string> needles = {std::string(kName), std::string(kIdNumber),
                                            utf16le(kIdNumber), "110105194912"};
  auto store = Store::open(dir / "outbox.db", test_key(), {}, clock);
  ASSERT_TRUE(store);
  {
    DeliveryWorker worker{**store, sender, rng};
    for (int i = 0; i < 4; ++i) {
      NewItem n = item("pre_application", form);
      n.attachments.push_back({"scan-1.jpg", bytes("JPEG " + form)});
      n.attachments.push_back({"scan-2.jpg", std::vector<std::uint8_t>(200'000, 0x42)});
      ASSERT_TRUE((*store)->enqueue(n));
    }
    sender.script = {SendResult::ok(), SendResult::again("503"),
                     SendResult::reject(std::string("422 id ") + std::string(kIdNumber) +
                                        " does not match " + std::string(kName)),
                     SendResult::offline("reset")};
    ASSERT_TRUE(worker.run_due());
    ASSERT_TRUE(worker.run_due());
    // Mid-session: the database and the WAL are both live now.
    EXPECT_TRUE(std::filesystem::exists(dir / "outbox.db-wal"));
    auto hits = scan(dir.path(), needles);
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
    clock.advance(std::chrono::hours{1});
    ASSERT_TRUE(worker.run_due());
  }
  store->reset();  // closing checkpoints the WAL into the database file
  auto hits = scan(dir.path(), needles);
  EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  ASSERT_GE(sender.sent.size(), 4u);
  EXPECT_NE(
      std::string(sender.sent[0].content.payload.begin(), sender.sent[0].content.payload.end())
          .find(kName),
      std::string::npos)
      << "the scan would pass vacuously if the payload never held the name";
}
