#include "offline_cache/error.hpp"

namespace offline_cache {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::io:
      return "io";
    case ErrorCode::disk_full:
      return "disk_full";
    case ErrorCode::quota_full:
      return "quota_full";
    case ErrorCode::corrupt:
      return "corrupt";
    case ErrorCode::wrong_key:
      return "wrong_key";
    case ErrorCode::key_missing:
      return "key_missing";
    case ErrorCode::key_insecure:
      return "key_insecure";
    case ErrorCode::key_invalid:
      return "key_invalid";
    case ErrorCode::key_exists:
      return "key_exists";
    case ErrorCode::decrypt_failed:
      return "decrypt_failed";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::busy:
      return "busy";
    case ErrorCode::internal:
      return "internal";
  }
  return "unknown";
}

const char* message_zh(ErrorCode code) {
  switch (code) {
    case ErrorCode::io:
      return "离线缓存无法读写存储";
    case ErrorCode::disk_full:
      return "存储空间已满，暂不能保存新的申请";
    case ErrorCode::quota_full:
      return "离线缓存已满，暂不能受理需要离线提交的业务";
    case ErrorCode::corrupt:
      return "离线缓存数据库已损坏，请联系工作人员";
    case ErrorCode::wrong_key:
      return "离线缓存密钥不匹配，请联系工作人员";
    case ErrorCode::key_missing:
      return "终端尚未配置离线缓存密钥，请联系工作人员";
    case ErrorCode::key_insecure:
      return "离线缓存密钥文件权限不安全";
    case ErrorCode::key_invalid:
      return "离线缓存密钥文件无效";
    case ErrorCode::key_exists:
      return "离线缓存密钥已存在，未覆盖";
    case ErrorCode::decrypt_failed:
      return "一条缓存记录校验失败";
    case ErrorCode::not_found:
      return "找不到该缓存记录";
    case ErrorCode::invalid_argument:
      return "参数错误";
    case ErrorCode::busy:
      return "离线缓存正被其他程序使用";
    case ErrorCode::internal:
      return "离线缓存内部错误";
  }
  return "未知错误";
}

const char* message_en(ErrorCode code) {
  switch (code) {
    case ErrorCode::io:
      return "The offline cache cannot read or write its storage";
    case ErrorCode::disk_full:
      return "Storage is full; new submissions cannot be saved";
    case ErrorCode::quota_full:
      return "The offline cache is full; submissions that need it are paused";
    case ErrorCode::corrupt:
      return "The offline cache database is damaged; please call staff";
    case ErrorCode::wrong_key:
      return "The offline cache key does not match; please call staff";
    case ErrorCode::key_missing:
      return "This kiosk has no offline cache key yet; please call staff";
    case ErrorCode::key_insecure:
      return "The offline cache key file has unsafe permissions";
    case ErrorCode::key_invalid:
      return "The offline cache key file is invalid";
    case ErrorCode::key_exists:
      return "An offline cache key already exists; not overwritten";
    case ErrorCode::decrypt_failed:
      return "A cached record failed its integrity check";
    case ErrorCode::not_found:
      return "No such cached record";
    case ErrorCode::invalid_argument:
      return "Invalid argument";
    case ErrorCode::busy:
      return "The offline cache is in use by another program";
    case ErrorCode::internal:
      return "Internal error in the offline cache";
  }
  return "Unknown error";
}

std::string describe(const Error& e) {
  std::string s = message_zh(e.code);
  s += " / ";
  s += message_en(e.code);
  if (!e.detail.empty()) {
    s += " (";
    s += e.detail;
    s += ")";
  }
  return s;
}

}  // namespace offline_cache
