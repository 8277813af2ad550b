# Test fixture: the bundled config (config/defaults) with a technician PIN
# hash, for the technician UI script. The PIN is 246810; the hash was made
# with `echo 246810 | kiosk-admin pin-hash` semantics (PBKDF2-HMAC-SHA256,
# 10000 iterations, a fixed salt so the fixture is reproducible).
#   cmake -DSRC=<config/defaults> -DDST=<folder> -P make_config.cmake
file(REMOVE_RECURSE ${DST})
file(COPY ${SRC}/ DESTINATION ${DST})
file(READ ${SRC}/config.json cfg)
string(JSON cfg SET "${cfg}" technician "{\"pin_hash\": \"pbkdf2-sha256$10000$7465636868696e74657374636f6e6669$6b6adb6e86d404f634d3cf781661e2b113837f36e51c05e1be36d618669233a3\", \"max_attempts\": 3, \"lockout_s\": 60}")
string(JSON cfg SET "${cfg}" version "\"technician-test\"")
file(WRITE ${DST}/config.json "${cfg}")
