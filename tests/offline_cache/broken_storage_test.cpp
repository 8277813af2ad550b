// Broken storage: a full disk, a damaged database file, the wrong key. Each
// must give a clear error (Chinese and English) and lose nothing that was
// accepted before.
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>
#include <sys/mount.h>

#include <fstream>
#include <iterator>

using namespace offline_cache;
using namespace offline_cache::testing;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A 1 MiB tmpfs when we may mount (root in CI); otherwise SQLite's page
// limit plays the full disk. Either way SQLite sees SQLITE_FULL.
struct SmallDisk {
  TempDir dir;
  bool mounted = false;
  SmallDisk() { mounted = ::mount("tmpfs", dir.path().c_str(), "tmpfs", 0, "size=1m") == 0; }
  ~SmallDisk() {
    if (mounted) ::umount2(dir.path().c_str(), MNT_DETACH);
  }
};

std::vector<std::int64_t> fill_until_refused(Store& store, Error& refusal) {
  std::vector<std::int64_t> accepted;
  for (int i = 0; i < 1000; ++i) {
    NewItem n = item("pre_application", std::string(30'000, static_cast<char>('a' + i % 26)),
                     "fill-" + std::to_string(i));
    auto r = store.enqueue(n);
    if (!r) {
      refusal = r.error();
      return accepted;
    }
    accepted.push_back(*r);
  }
  ADD_FAILURE() << "the disk never filled up";
  return accepted;
}

}  // namespace

TEST(OfflineCacheBrokenStorage, FullDiskRefusesClearlyAndKeepsWhatWasAccepted) {
  SmallDisk disk;
  FakeClock clock;
  StoreOptions opt;
  opt.disk_reserve_bytes = 256 << 10;  // > the WAL bound below
  opt.wal_autocheckpoint_pages = 32;
  if (!disk.mounted) opt.max_page_count = 256;  // 1 MiB of 4 KiB pages
  const auto db = disk.dir / "outbox.db";
  std::vector<std::int64_t> accepted;
  Error refusal{ErrorCode::internal, ""};
  {
    auto store = Store::open(db, test_key(), opt, clock);
    ASSERT_TRUE(store) << describe(store.error());
    accepted = fill_until_refused(**store, refusal);
    EXPECT_EQ(refusal.code, ErrorCode::disk_full) << describe(refusal);
    EXPECT_NE(describe(refusal).find("存储空间已满"), std::string::npos);
    EXPECT_NE(describe(refusal).find("Storage is full"), std::string::npos);
    ASSERT_GT(accepted.size(), 5u);
    for (auto id : accepted) EXPECT_TRUE((*store)->read_content(id)) << "item " << id;
  }
  // After a restart every accepted item is still there, whole, and can be
  // delivered; delivering frees the space for new submissions.
  auto store = Store::open(db, test_key(), opt, clock);
  ASSERT_TRUE(store) << describe(store.error());
  auto problems = (*store)->check_consistency(true);
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty());
  auto stats = (*store)->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->pending, static_cast<std::int64_t>(accepted.size()));
  RecordingSender sender;
  ScriptedRng rng;
  DeliveryWorker worker{**store, sender, rng};
  auto sent = worker.run_due();
  ASSERT_TRUE(sent) << describe(sent.error());
  EXPECT_EQ(sender.sent.size(), accepted.size());
  EXPECT_EQ((*store)->stats()->depth(), 0);
  // The worker compacts when it goes idle; that returns the freed pages.
  ASSERT_TRUE((*store)->compact());
  auto again = (*store)->enqueue(item("pre_application", std::string(30'000, 'z')));
  EXPECT_TRUE(again) << describe(again.error());
}

TEST(OfflineCacheBrokenStorage, DamagedDatabaseIsReportedAndLeftUntouched) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "outbox.db";
  {
    auto store = Store::open(db, test_key(), {}, clock);
    ASSERT_TRUE(store);
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE((*store)->enqueue(item("pre_application", std::string(3000, 'q'))));
    }
  }  // closing checkpoints the WAL into the main file
  std::string bytes = read_file(db);
  ASSERT_GT(bytes.size(), 8 * 4096u);
  // Scribble over the b-tree pages of the tables (page 1 holds the header
  // and schema; pages 2.. hold the tables and their indexes).
  for (std::size_t off = 4096; off < 4 * 4096; ++off) bytes[off] = static_cast<char>(off * 31);
  std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;

  auto store = Store::open(db, test_key(), {}, clock);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::corrupt) << describe(store.error());
  EXPECT_NE(describe(store.error()).find("已损坏"), std::string::npos);
  EXPECT_NE(describe(store.error()).find("damaged"), std::string::npos);
  EXPECT_EQ(read_file(db), bytes) << "a failed open must not modify the evidence";

  std::ofstream(db, std::ios::binary | std::ios::trunc) << "this is not a database at all";
  auto garbage = Store::open(db, test_key(), {}, clock);
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, ErrorCode::corrupt) << describe(garbage.error());
}

TEST(OfflineCacheBrokenStorage, WrongKeyIsRefusedAndTheRightKeyStillOpensEverything) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "outbox.db";
  std::vector<std::int64_t> ids;
  {
    auto store = Store::open(db, test_key(1), {}, clock);
    ASSERT_TRUE(store);
    for (int i = 0; i < 5; ++i) {
      ids.push_back(*(*store)->enqueue(item("pre_application", "form " + std::to_string(i))));
    }
  }
  auto wrong = Store::open(db, test_key(2), {}, clock);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::wrong_key);
  EXPECT_NE(describe(wrong.error()).find("密钥不匹配"), std::string::npos);
  EXPECT_NE(describe(wrong.error()).find("key does not match"), std::string::npos);

  auto right = Store::open(db, test_key(1), {}, clock);
  ASSERT_TRUE(right) << describe(right.error());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto c = (*right)->read_content(ids[i]);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->payload, bytes("form " + std::to_string(i)));
  }
}
