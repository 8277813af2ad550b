// Every refusal the issue lists, each from a bundle built by the test and
// broken in one way, each asserting its exact reason; then the TUF-style
// attacks (rollback, freeze, mix-and-match) and root rotation.
#include "bundle_fixture.hpp"

namespace bundle_test {
namespace {

class Verify : public ::testing::Test {
 protected:
  Keyring keys;
  TempDir tmp;
  fs::path dir = tmp.path() / "bundle";
  cb::Trust trust{make_root_meta(1, keys.root, 1, keys.targets, 2), 0};

  std::vector<cb::KeyPair> two() const { return {keys.targets[0], keys.targets[1]}; }

  cb::Reason refusal(const cb::Trust& t, cb::Time now = kNow) {
    auto r = cb::verify_bundle(dir, t, now);
    EXPECT_FALSE(r.has_value()) << "bundle was accepted";
    return r ? cb::Reason::io_error : r.error().reason;
  }
  cb::Reason refusal() { return refusal(trust); }

  // root/2.json carrying a new root of `version`, signed by the old root
  // and/or the new one; the bundle is signed by the new targets key.
  cb::Reason rotation_refusal(std::int64_t version, bool by_old, bool by_new) {
    Keyring next;
    std::vector<cb::KeyPair> signers;
    if (by_old) signers.push_back(keys.root[0]);
    if (by_new) signers.push_back(next.root[0]);
    const auto meta = make_root_meta(version, next.root, 1, next.targets, 1);
    make_bundle(dir, 3, {next.targets[0]});
    write(dir / "root/2.json", sign_with(cb::canonical_root(meta), signers));
    return refusal();
  }

  cb::TargetsMeta current_meta() { return cb::parse_targets(read(dir / "metadata.json"))->meta; }
};

TEST_F(Verify, AcceptsAWellSignedBundleAndReturnsTheExactBytes) {
  make_bundle(dir, 3, two(), kNextYear, {{"receipts/ticket.json", R"({"lines": []})"}});
  auto ok = cb::verify_bundle(dir, trust, kNow);
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(ok->targets.version, 3);
  EXPECT_EQ(ok->config.hall.id, "hall-1");
  ASSERT_EQ(ok->files.size(), 3u);
  EXPECT_EQ(ok->files[1].name, "receipts/ticket.json");
  EXPECT_EQ(ok->files[1].bytes, R"({"lines": []})");
}

TEST_F(Verify, ExtraSignaturesBeyondTheThresholdAreFine) {
  make_bundle(dir, 3, keys.targets);
  EXPECT_TRUE(cb::verify_bundle(dir, trust, kNow));
}

TEST_F(Verify, RefusesAMissingMetadataFile) {
  make_bundle(dir, 3, two());
  fs::remove(dir / "metadata.json");
  EXPECT_EQ(refusal(), cb::Reason::metadata_missing);
}

TEST_F(Verify, RefusesMalformedMetadata) {
  make_bundle(dir, 3, two());
  write(dir / "metadata.json", "{\"signed\": 5, \"signatures\": []}");
  EXPECT_EQ(refusal(), cb::Reason::metadata_malformed);
  write(dir / "metadata.json", "not json");
  EXPECT_EQ(refusal(), cb::Reason::metadata_malformed);
}

TEST_F(Verify, RefusesAnUnsignedBundle) {
  make_bundle(dir, 3, {});
  EXPECT_EQ(refusal(), cb::Reason::unsigned_metadata);
}

TEST_F(Verify, RefusesABadSignature) {
  make_bundle(dir, 3, two());
  // Sign version 3, then claim version 4: the signatures no longer verify.
  auto text = read(dir / "metadata.json");
  text.replace(text.find("\"version\": 3"), 12, "\"version\": 4");
  write(dir / "metadata.json", text);
  EXPECT_EQ(refusal(), cb::Reason::bad_signature);
}

TEST_F(Verify, RefusesBelowThreshold) {
  make_bundle(dir, 3, {keys.targets[0]});
  EXPECT_EQ(refusal(), cb::Reason::below_threshold);
}

TEST_F(Verify, OneKeySigningTwiceCountsOnce) {
  make_bundle(dir, 3, {keys.targets[0], keys.targets[0]});
  EXPECT_EQ(refusal(), cb::Reason::below_threshold);
}

TEST_F(Verify, SignaturesByRootOrUnknownKeysDoNotCountForTargets) {
  make_bundle(dir, 3, {keys.targets[0], keys.root[0], new_key()});
  EXPECT_EQ(refusal(), cb::Reason::below_threshold);
}

TEST_F(Verify, RefusesAnExpiredBundle) {
  make_bundle(dir, 3, two(), at("2026-11-28T01:59:59Z"));
  EXPECT_EQ(refusal(), cb::Reason::expired);
}

TEST_F(Verify, RefusesWhenTheTrustedRootExpired) {
  make_bundle(dir, 3, two());
  trust.root.expires = at("2026-01-01T00:00:00Z");
  EXPECT_EQ(refusal(), cb::Reason::root_expired);
}

TEST_F(Verify, RollbackAttackIsRefused) {
  make_bundle(dir, 4, two());
  trust.installed_version = 5;
  EXPECT_EQ(refusal(), cb::Reason::rollback);
  trust.installed_version = 4;  // re-verifying the installed version is fine
  EXPECT_TRUE(cb::verify_bundle(dir, trust, kNow));
}

TEST_F(Verify, FreezeAttackStaleMetadataReplayedAfterExpiryIsRefused) {
  // Version 5 was valid and installed; an attacker keeps serving it after
  // it expired so the kiosk never learns of newer config.
  make_bundle(dir, 5, two(), at("2026-12-01T00:00:00Z"));
  trust.installed_version = 5;
  EXPECT_TRUE(cb::verify_bundle(dir, trust, kNow));
  EXPECT_EQ(refusal(trust, at("2026-12-02T00:00:00Z")), cb::Reason::expired);
}

TEST_F(Verify, MixAndMatchAttackIsRefused) {
  // config.json from another signed bundle, same length, other content.
  make_bundle(dir, 3, two());
  auto text = read(dir / "config.json");
  text.replace(text.find("ops-7"), 5, "ops-8");
  write(dir / "config.json", text);
  EXPECT_EQ(refusal(), cb::Reason::hash_mismatch);
}

TEST_F(Verify, ATruncatedTargetIsAHashMismatch) {
  make_bundle(dir, 3, two());
  write(dir / "texts.json", "{}");
  EXPECT_EQ(refusal(), cb::Reason::hash_mismatch);
}

TEST_F(Verify, ATargetLongerThanSignedIsOversized) {
  make_bundle(dir, 3, two());
  write(dir / "texts.json", read(dir / "texts.json") + std::string(1000, ' '));
  EXPECT_EQ(refusal(), cb::Reason::oversized);
}

TEST_F(Verify, RefusesOversizedTargetsAndMetadata) {
  // kiosk-admin would not sign this; a hostile signer might.
  make_bundle(dir, 3, two());
  const std::string big(2 * 1024 * 1024, 'x');
  write(dir / "big.bin", big);
  auto meta = current_meta();
  meta.targets["big.bin"] = {big.size(), cb::sha256_hex(big)};
  resign(dir, meta, two());
  EXPECT_EQ(refusal(), cb::Reason::oversized);
  EXPECT_FALSE(cb::describe_targets(dir, 3, kNextYear));
  make_bundle(dir, 3, two());
  write(dir / "metadata.json", std::string(70 * 1024, ' '));
  EXPECT_EQ(refusal(), cb::Reason::oversized);
}

TEST_F(Verify, RefusesTooManyBytesInTotal) {
  make_bundle(dir, 3, two());
  cb::Limits small;
  small.max_total_bytes = 100;
  auto r = cb::verify_bundle(dir, trust, kNow, small);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, cb::Reason::oversized);
}

TEST_F(Verify, RefusesPathTraversalInTargetNames) {
  for (const char* name : {"../etc/passwd", "/etc/passwd", "a/../../x", "./config.json", "a//b",
                           "root/2.json", "metadata.json", "a\\b"}) {
    make_bundle(dir, 3, two());
    auto meta = current_meta();
    meta.targets[name] = {5, cb::sha256_hex("hello")};
    resign(dir, meta, two());
    EXPECT_EQ(refusal(), cb::Reason::path_traversal) << name;
  }
}

TEST_F(Verify, RefusesASymlinkedTarget) {
  make_bundle(dir, 3, two());
  write(tmp.path() / "outside.json", read(dir / "texts.json"));
  fs::remove(dir / "texts.json");
  fs::create_symlink(tmp.path() / "outside.json", dir / "texts.json");
  EXPECT_EQ(refusal(), cb::Reason::path_traversal);
}

TEST_F(Verify, RefusesAListedFileThatIsMissing) {
  make_bundle(dir, 3, two(), kNextYear, {{"receipts/ticket.json", "{}"}});
  fs::remove(dir / "receipts/ticket.json");
  EXPECT_EQ(refusal(), cb::Reason::target_missing);
}

TEST_F(Verify, SignedButInvalidConfigIsRefusedWithFileFieldAndReason) {
  make_bundle(dir, 3, two());
  write(dir / "config.json", R"({"hall": {"id": "h"}})");
  auto meta = cb::describe_targets(dir, 3, kNextYear);
  resign(dir, *meta, two());
  auto r = cb::verify_bundle(dir, trust, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, cb::Reason::config_invalid);
  EXPECT_EQ(r.error().detail, "config.json: /hall/name: is required");
}

// --- root rotation ---------------------------------------------------------

TEST_F(Verify, RootRotationSignedByOldAndNewRootIsAccepted) {
  Keyring next;
  const auto v2 = make_root_meta(2, next.root, 1, next.targets, 1);
  make_bundle(dir, 3, {next.targets[0]});
  write(dir / "root/2.json", sign_with(cb::canonical_root(v2), {keys.root[0], next.root[0]}));
  auto ok = cb::verify_bundle(dir, trust, kNow);
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(ok->root.version, 2);
  ASSERT_EQ(ok->root_chain.size(), 1u);
}

TEST_F(Verify, RootRotationChainOfTwoIsAccepted) {
  Keyring k2, k3;
  const auto v2 = make_root_meta(2, k2.root, 1, k2.targets, 1);
  const auto v3 = make_root_meta(3, k3.root, 1, k3.targets, 1);
  make_bundle(dir, 3, {k3.targets[0]});
  write(dir / "root/2.json", sign_with(cb::canonical_root(v2), {keys.root[0], k2.root[0]}));
  write(dir / "root/3.json", sign_with(cb::canonical_root(v3), {k2.root[0], k3.root[0]}));
  auto ok = cb::verify_bundle(dir, trust, kNow);
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(ok->root.version, 3);
}

TEST_F(Verify, RootRotationNotSignedByTheOldRootIsRefused) {
  EXPECT_EQ(rotation_refusal(2, false, true), cb::Reason::root_rotation_invalid);
}

TEST_F(Verify, RootRotationNotSignedByTheNewRootIsRefused) {
  EXPECT_EQ(rotation_refusal(2, true, false), cb::Reason::root_rotation_invalid);
}

TEST_F(Verify, RootRotationThatSkipsAVersionIsRefused) {
  EXPECT_EQ(rotation_refusal(3, true, true), cb::Reason::root_rotation_invalid);
}

TEST_F(Verify, AfterRotationTheOldTargetsKeysNoLongerCount) {
  Keyring next;
  const auto v2 = make_root_meta(2, next.root, 1, next.targets, 1);
  make_bundle(dir, 3, two());  // signed by the retired keys
  write(dir / "root/2.json", sign_with(cb::canonical_root(v2), {keys.root[0], next.root[0]}));
  EXPECT_EQ(refusal(), cb::Reason::below_threshold);
}

// --- the parts -----------------------------------------------------------

TEST(BundleTime, ParsesOnlyStrictUtcTimestamps) {
  EXPECT_EQ(cb::format_time(at("2027-02-28T23:59:58Z")), "2027-02-28T23:59:58Z");
  EXPECT_FALSE(cb::parse_time("2027-02-30T00:00:00Z"));
  EXPECT_FALSE(cb::parse_time("2027-02-28 00:00:00Z"));
  EXPECT_FALSE(cb::parse_time("2027-02-28T00:00:00+08:00"));
  EXPECT_FALSE(cb::parse_time("2027-02-28T24:00:00Z"));
}

TEST(BundleCrypto, SignaturesVerifyOnlyForTheirMessageAndKey) {
  const auto a = new_key(), b = new_key();
  const auto sig = *cb::sign_hex(a.private_pem, "hello");
  EXPECT_TRUE(cb::verify_hex(a.public_hex, "hello", sig));
  EXPECT_FALSE(cb::verify_hex(a.public_hex, "hellO", sig));
  EXPECT_FALSE(cb::verify_hex(b.public_hex, "hello", sig));
  EXPECT_FALSE(cb::verify_hex(a.public_hex, "hello", sig.substr(2)));
  EXPECT_FALSE(cb::verify_hex("zz", "hello", sig));
  EXPECT_EQ(cb::key_id(a.public_hex).size(), 64u);
}

TEST(BundleRefusal, EveryReasonHasANameAndBilingualText) {
  for (int r = 0; r <= static_cast<int>(cb::Reason::io_error); ++r) {
    const auto reason = static_cast<cb::Reason>(r);
    EXPECT_STRNE(cb::to_string(reason), "unknown");
    EXPECT_STRNE(cb::describe_zh(reason), "");
    EXPECT_STRNE(cb::describe_en(reason), "");
  }
}

}  // namespace
}  // namespace bundle_test
