#include "drivers/printer/errors.hpp"
#include "drivers/printer/status.hpp"

namespace printer {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::encoding:
      return "encoding";
    case ErrorCode::qr_too_long:
      return "qr_too_long";
    case ErrorCode::image_too_large:
      return "image_too_large";
    case ErrorCode::barcode_invalid:
      return "barcode_invalid";
    case ErrorCode::template_invalid:
      return "template_invalid";
    case ErrorCode::template_missing:
      return "template_missing";
    case ErrorCode::io:
      return "io";
    case ErrorCode::disconnected:
      return "disconnected";
    case ErrorCode::timeout:
      return "timeout";
    case ErrorCode::not_ready:
      return "not_ready";
    case ErrorCode::paper_out:
      return "paper_out";
    case ErrorCode::cover_open:
      return "cover_open";
    case ErrorCode::cutter_error:
      return "cutter_error";
    case ErrorCode::offline:
      return "offline";
    case ErrorCode::job_incomplete:
      return "job_incomplete";
    case ErrorCode::status_invalid:
      return "status_invalid";
  }
  return "unknown";
}

Message message(ErrorCode code) {
  switch (code) {
    case ErrorCode::encoding:
      return {"凭条文字无法编码，请联系工作人员",
              "The receipt text cannot be encoded; please call staff"};
    case ErrorCode::qr_too_long:
      return {"二维码内容过长", "The QR code content is too long"};
    case ErrorCode::image_too_large:
      return {"图片超出纸宽", "The image is wider than the paper"};
    case ErrorCode::barcode_invalid:
      return {"条码内容无效", "The barcode content is invalid"};
    case ErrorCode::template_invalid:
      return {"凭条模板有误，请联系工作人员", "The receipt template is faulty; please call staff"};
    case ErrorCode::template_missing:
      return {"找不到凭条模板，请联系工作人员",
              "The receipt template is missing; please call staff"};
    case ErrorCode::io:
      return {"打印机通信故障，请联系工作人员", "Printer communication failed; please call staff"};
    case ErrorCode::disconnected:
      return {"打印机已断开，正在重新连接", "The printer is disconnected; reconnecting"};
    case ErrorCode::timeout:
      return {"打印机无响应，请联系工作人员", "The printer does not respond; please call staff"};
    case ErrorCode::not_ready:
      return {"打印机暂时无法打印", "The printer cannot print right now"};
    case ErrorCode::paper_out:
      return {"打印纸已用完，请联系工作人员更换纸卷",
              "The printer is out of paper; please ask staff to replace the roll"};
    case ErrorCode::cover_open:
      return {"打印机上盖未关闭", "The printer cover is open"};
    case ErrorCode::cutter_error:
      return {"切纸刀故障，请沿虚线撕下凭条", "Cutter fault; please tear off the receipt"};
    case ErrorCode::offline:
      return {"打印机离线，请联系工作人员", "The printer is offline; please call staff"};
    case ErrorCode::job_incomplete:
      return {"凭条未完整打印，已保留待补打",
              "The receipt did not print completely; it is kept and will be reprinted"};
    case ErrorCode::status_invalid:
      return {"打印机状态无法识别", "The printer status could not be read"};
  }
  return {"未知错误", "Unknown error"};
}

const char* to_string(PrinterEvent event) {
  switch (event) {
    case PrinterEvent::paper_near_end:
      return "paper_near_end";
    case PrinterEvent::paper_out:
      return "paper_out";
    case PrinterEvent::cover_open:
      return "cover_open";
    case PrinterEvent::cutter_error:
      return "cutter_error";
    case PrinterEvent::offline:
      return "offline";
    case PrinterEvent::reprinting:
      return "reprinting";
    case PrinterEvent::recovered:
      return "recovered";
  }
  return "unknown";
}

Message message(PrinterEvent event) {
  switch (event) {
    case PrinterEvent::paper_near_end:
      return {"打印纸即将用完", "The paper roll is nearly used up"};
    case PrinterEvent::paper_out:
      return message(ErrorCode::paper_out);
    case PrinterEvent::cover_open:
      return message(ErrorCode::cover_open);
    case PrinterEvent::cutter_error:
      return message(ErrorCode::cutter_error);
    case PrinterEvent::offline:
      return message(ErrorCode::offline);
    case PrinterEvent::reprinting:
      return {"正在重新打印完整凭条", "Reprinting the whole receipt"};
    case PrinterEvent::recovered:
      return {"打印机已恢复", "The printer is ready again"};
  }
  return {"未知状态", "Unknown state"};
}

}  // namespace printer
