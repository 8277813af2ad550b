#include "drivers/idcard/error.hpp"

#include "drivers/idcard/status.hpp"

namespace idcard {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout:
      return "timeout";
    case ErrorCode::disconnected:
      return "disconnected";
    case ErrorCode::transport:
      return "transport";
    case ErrorCode::checksum:
      return "checksum";
    case ErrorCode::bad_length:
      return "bad_length";
    case ErrorCode::bad_command:
      return "bad_command";
    case ErrorCode::no_card:
      return "no_card";
    case ErrorCode::card_removed:
      return "card_removed";
    case ErrorCode::card_auth_failed:
      return "card_auth_failed";
    case ErrorCode::unknown_card_type:
      return "unknown_card_type";
    case ErrorCode::sam_self_test_failed:
      return "sam_self_test_failed";
    case ErrorCode::sam_not_authorised:
      return "sam_not_authorised";
    case ErrorCode::sam_fault:
      return "sam_fault";
    case ErrorCode::invalid_record:
      return "invalid_record";
  }
  return "unknown";
}

const char* message_zh(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout:
      return "身份证阅读器无响应，请稍后重试或联系工作人员。";
    case ErrorCode::disconnected:
      return "身份证阅读器未连接，请联系工作人员。";
    case ErrorCode::transport:
      return "与身份证阅读器通信失败，请联系工作人员。";
    case ErrorCode::checksum:
      return "读卡数据受到干扰，请重新放置身份证。";
    case ErrorCode::bad_length:
      return "读卡数据不完整，请重新放置身份证。";
    case ErrorCode::bad_command:
      return "身份证阅读器不支持该操作，请联系工作人员。";
    case ErrorCode::no_card:
      return "未检测到证件，请将身份证平放在感应区。";
    case ErrorCode::card_removed:
      return "读卡过程中证件被移开，请将证件放回感应区并保持不动，然后重试。";
    case ErrorCode::card_auth_failed:
      return "证件验证失败，证件可能已损坏，请到人工窗口办理。";
    case ErrorCode::unknown_card_type:
      return "无法识别的证件类型，请使用居民身份证或居住证。";
    case ErrorCode::sam_self_test_failed:
      return "身份证阅读器安全模块自检失败，请联系工作人员。";
    case ErrorCode::sam_not_authorised:
      return "身份证阅读器安全模块未授权，请联系工作人员。";
    case ErrorCode::sam_fault:
      return "身份证阅读器安全模块故障，请联系工作人员。";
    case ErrorCode::invalid_record:
      return "证件信息校验未通过，请到人工窗口办理。";
  }
  return "读卡失败。";
}

const char* message_en(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout:
      return "The ID card reader is not responding. Please try again later or ask staff for help.";
    case ErrorCode::disconnected:
      return "The ID card reader is not connected. Please ask staff for help.";
    case ErrorCode::transport:
      return "Cannot communicate with the ID card reader. Please ask staff for help.";
    case ErrorCode::checksum:
      return "The card data was disturbed. Please place your ID card on the reader again.";
    case ErrorCode::bad_length:
      return "The card data was incomplete. Please place your ID card on the reader again.";
    case ErrorCode::bad_command:
      return "The ID card reader does not support this operation. Please ask staff for help.";
    case ErrorCode::no_card:
      return "No card found. Please lay your ID card flat on the reader.";
    case ErrorCode::card_removed:
      return "The card was moved away during reading. Please put it back on the reader, hold it "
             "still and try again.";
    case ErrorCode::card_auth_failed:
      return "The card could not be verified and may be damaged. Please go to a service window.";
    case ErrorCode::unknown_card_type:
      return "This card type is not recognised. Please use a resident ID card or residence permit.";
    case ErrorCode::sam_self_test_failed:
      return "The ID card reader's security module failed its self-test. Please ask staff for "
             "help.";
    case ErrorCode::sam_not_authorised:
      return "The ID card reader's security module is not authorised. Please ask staff for help.";
    case ErrorCode::sam_fault:
      return "The ID card reader's security module reported a fault. Please ask staff for help.";
    case ErrorCode::invalid_record:
      return "The card data failed validation. Please go to a service window.";
  }
  return "Card read failed.";
}

bool is_reader_fault(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout:
    case ErrorCode::disconnected:
    case ErrorCode::transport:
    case ErrorCode::bad_command:
    case ErrorCode::sam_self_test_failed:
    case ErrorCode::sam_not_authorised:
    case ErrorCode::sam_fault:
      return true;
    default:
      return false;
  }
}

}  // namespace idcard

namespace idcard::sw3 {

const char* describe(std::uint8_t code) {
  switch (code) {
    case kOk:
      return "ok";
    case kCardFound:
      return "card found";
    case kChecksumError:
      return "checksum error";
    case kLengthError:
      return "length error";
    case kBadCommand:
      return "bad command";
    case kUnauthorised:
      return "unauthorised";
    case kUnknownError:
      return "unknown error";
    case kCardAuthFailed:
      return "card authentication failed";
    case kSamAuthFailed:
      return "SAM authentication failed";
    case kVerifyError:
      return "verification error";
    case kUnknownCardType:
      return "unknown card type";
    case kReadFailed:
      return "read failed";
    case kNoRandom:
      return "no random number";
    case kSamSelfTestFailed:
      return "SAM self-test failed";
    case kSamNotAuthorised:
      return "SAM not authorised";
    case kNoCard:
      return "no card";
    case kSelectFailed:
      return "select failed";
    case kNoContent:
      return "no content";
    default:
      return "unknown status";
  }
}

}  // namespace idcard::sw3
