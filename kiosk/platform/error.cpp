#include "kiosk/platform/error.hpp"

namespace kiosk::platform {

Message message(ErrorCode code) {
  switch (code) {
    case ErrorCode::network:
      return {"暂时无法连接政务服务平台，稍后将自动重试。",
              "The service platform cannot be reached right now; the kiosk will retry."};
    case ErrorCode::timeout:
      return {"平台响应超时，稍后将自动重试。",
              "The platform took too long to answer; the kiosk will retry."};
    case ErrorCode::cancelled:
      return {"已取消。", "Cancelled."};
    case ErrorCode::server_error:
      return {"平台出现故障，稍后将自动重试。",
              "The platform had an internal problem; the kiosk will retry."};
    case ErrorCode::rate_limited:
      return {"平台繁忙，请稍候。", "The platform is busy; please wait a moment."};
    case ErrorCode::unavailable:
      return {"平台暂停服务（维护或繁忙），稍后将自动重试。",
              "The platform is unavailable (maintenance or overload); the kiosk will retry."};
    case ErrorCode::bad_response:
      return {"平台返回的数据无法识别，稍后将自动重试。",
              "The platform's answer could not be read; the kiosk will retry."};
    case ErrorCode::rejected:
      return {"平台未受理该请求。", "The platform did not accept this request."};
    case ErrorCode::not_found:
      return {"未找到相关记录。", "No such record was found."};
    case ErrorCode::conflict:
      return {"该操作与当前状态冲突（例如时段已约满）。",
              "This conflicts with the current state (for example, the slot is full)."};
    case ErrorCode::validation:
      return {"部分信息不符合要求，请按提示修改。",
              "Some information is not valid; please correct the marked fields."};
    case ErrorCode::idempotency_conflict:
      return {"重复提交的内容与首次不一致，请联系工作人员。",
              "A resubmission differs from the first one; please ask staff for help."};
    case ErrorCode::certificate_rejected:
      return {"本终端的设备证书未被平台接受，请联系技术人员。",
              "The platform rejected this kiosk's certificate; please call a technician."};
    case ErrorCode::server_untrusted:
      return {"无法验证平台身份，请联系技术人员。",
              "The platform's identity could not be verified; please call a technician."};
    case ErrorCode::config:
      return {"终端的平台连接配置有误，请联系技术人员。",
              "The kiosk's platform settings are wrong; please call a technician."};
  }
  return {"未知错误。", "Unknown error."};
}

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::network:
      return "network";
    case ErrorCode::timeout:
      return "timeout";
    case ErrorCode::cancelled:
      return "cancelled";
    case ErrorCode::server_error:
      return "server_error";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::bad_response:
      return "bad_response";
    case ErrorCode::rejected:
      return "rejected";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::validation:
      return "validation";
    case ErrorCode::idempotency_conflict:
      return "idempotency_conflict";
    case ErrorCode::certificate_rejected:
      return "certificate_rejected";
    case ErrorCode::server_untrusted:
      return "server_untrusted";
    case ErrorCode::config:
      return "config";
  }
  return "unknown";
}

const char* to_string(FailureClass cls) {
  switch (cls) {
    case FailureClass::retry_later:
      return "retry_later";
    case FailureClass::permanent:
      return "permanent";
    case FailureClass::authentication:
      return "authentication";
  }
  return "unknown";
}

}  // namespace kiosk::platform
