#include "offline_cache/key_file.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

using namespace offline_cache;
using namespace offline_cache::testing;

TEST(OfflineCacheKeyFile, ProvisioningCreatesARootOnlyKeyThatLoadsBack) {
  TempDir dir;
  const auto path = dir.path() / "keys" / "outbox.key";
  auto created = create_key_file(path);
  ASSERT_TRUE(created) << describe(created.error());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0077, 0u) << "key folder must not be open to others";
  auto loaded = load_key_file(path);
  ASSERT_TRUE(loaded);
  EXPECT_TRUE(std::equal(loaded->bytes().begin(), loaded->bytes().end(), created->bytes().begin()));
}

TEST(OfflineCacheKeyFile, NeverOverwritesAnExistingKey) {
  TempDir dir;
  const auto path = dir / "outbox.key";
  auto first = create_key_file(path);
  ASSERT_TRUE(first);
  auto second = create_key_file(path);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::key_exists);
  auto loaded = load_key_file(path);
  ASSERT_TRUE(loaded);
  EXPECT_TRUE(std::equal(loaded->bytes().begin(), loaded->bytes().end(), first->bytes().begin()));
}

TEST(OfflineCacheKeyFile, RefusesMissingOpenOrMisSizedKeys) {
  TempDir dir;
  auto missing = load_key_file(dir / "none.key");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::key_missing);

  const auto path = dir / "outbox.key";
  ASSERT_TRUE(create_key_file(path));
  ::chmod(path.c_str(), 0644);
  auto open_to_all = load_key_file(path);
  ASSERT_FALSE(open_to_all);
  EXPECT_EQ(open_to_all.error().code, ErrorCode::key_insecure);

  const auto short_key = dir / "short.key";
  std::ofstream(short_key) << "too short";
  ::chmod(short_key.c_str(), 0600);
  auto bad = load_key_file(short_key);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::key_invalid);
  EXPECT_NE(describe(bad.error()).find("密钥"), std::string::npos) << "Chinese message";
  EXPECT_NE(describe(bad.error()).find("key"), std::string::npos) << "English message";
}
