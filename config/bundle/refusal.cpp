#include "config/bundle/refusal.hpp"

namespace config::bundle {

namespace {
struct Text {
  const char* name;
  const char* zh;
  const char* en;
};

Text text(Reason r) {
  switch (r) {
    case Reason::metadata_missing:
      return {"metadata_missing", "配置包缺少元数据", "the bundle has no metadata"};
    case Reason::metadata_malformed:
      return {"metadata_malformed", "配置包元数据格式错误", "the bundle metadata is malformed"};
    case Reason::unsigned_metadata:
      return {"unsigned", "配置包未签名", "the bundle is not signed"};
    case Reason::bad_signature:
      return {"bad_signature", "配置包签名无效", "a bundle signature is invalid"};
    case Reason::below_threshold:
      return {"below_threshold", "配置包签名数量不足", "too few operators signed the bundle"};
    case Reason::expired:
      return {"expired", "配置包已过期", "the bundle has expired"};
    case Reason::root_expired:
      return {"root_expired", "信任根已过期", "the trusted root keys have expired"};
    case Reason::rollback:
      return {"rollback", "配置包版本低于当前版本",
              "the bundle is older than the installed config"};
    case Reason::root_rotation_invalid:
      return {"root_rotation_invalid", "根密钥轮换无效", "the root key rotation is not valid"};
    case Reason::target_missing:
      return {"target_missing", "配置包缺少文件", "a file of the bundle is missing"};
    case Reason::hash_mismatch:
      return {"hash_mismatch", "配置包文件校验失败",
              "a file of the bundle does not match its hash"};
    case Reason::oversized:
      return {"oversized", "配置包过大", "the bundle is too large"};
    case Reason::path_traversal:
      return {"path_traversal", "配置包含非法路径", "the bundle names a file outside itself"};
    case Reason::config_invalid:
      return {"config_invalid", "配置内容无效", "the config in the bundle is not valid"};
    case Reason::io_error:
      return {"io_error", "读写配置失败", "the kiosk could not read or write its config"};
  }
  return {"unknown", "未知错误", "unknown error"};
}
}  // namespace

const char* to_string(Reason r) {
  return text(r).name;
}
const char* describe_zh(Reason r) {
  return text(r).zh;
}
const char* describe_en(Reason r) {
  return text(r).en;
}

std::string Refusal::to_string() const {
  return std::string(bundle::to_string(reason)) + ": " + detail;
}

}  // namespace config::bundle
