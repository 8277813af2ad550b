#include "drivers/scanner/errors.hpp"

namespace scanner {

namespace {

struct Texts {
  const char* id;
  const char* zh;
  const char* en;
};

Texts texts(ErrorCode code) {
  switch (code) {
    case ErrorCode::no_device:
      return {"no_device", "未找到扫描仪，请联系工作人员。",
              "No scanner was found. Please ask a member of staff for help."};
    case ErrorCode::device_busy:
      return {"device_busy", "扫描仪正忙，请稍候再试。",
              "The scanner is busy. Please wait a moment and try again."};
    case ErrorCode::access_denied:
      return {"access_denied", "无权使用扫描仪，请联系工作人员。",
              "The kiosk is not allowed to use the scanner. Please ask a member of staff."};
    case ErrorCode::jammed:
      return {"jammed", "卡纸了，请打开进纸器取出纸张后重新放入。",
              "Paper jam. Please open the feeder, remove the paper and insert it again."};
    case ErrorCode::cover_open:
      return {"cover_open", "扫描仪盖板未关好，请合上盖板。",
              "The scanner cover is open. Please close it."};
    case ErrorCode::no_documents:
      return {"no_documents", "没有检测到纸张，请将材料放入进纸器或扫描玻璃上。",
              "No paper detected. Please put your documents in the feeder or on the glass."};
    case ErrorCode::io_error:
      return {"io_error", "扫描仪通信故障，请联系工作人员。",
              "The scanner stopped responding. Please ask a member of staff for help."};
    case ErrorCode::out_of_memory:
      return {"out_of_memory", "设备内存不足，请减少页数后重试。",
              "The kiosk ran out of memory. Please scan fewer pages at a time."};
    case ErrorCode::cancelled:
      return {"cancelled", "扫描已取消。", "Scanning was cancelled."};
    case ErrorCode::unsupported:
      return {"unsupported", "扫描仪不支持此设置，请联系工作人员。",
              "The scanner does not support this setting. Please ask a member of staff."};
    case ErrorCode::invalid_argument:
      return {"invalid_argument", "扫描设置有误，请联系工作人员。",
              "The scan settings are invalid. Please ask a member of staff."};
    case ErrorCode::bad_image:
      return {"bad_image", "无法读取图像，请重新拍摄或扫描。",
              "The image could not be read. Please capture or scan it again."};
    case ErrorCode::internal:
      break;
  }
  return {"internal", "扫描出错，请重试或联系工作人员。",
          "Scanning failed. Please try again or ask a member of staff."};
}

}  // namespace

const char* to_string(ErrorCode code) {
  return texts(code).id;
}
const char* prompt_zh(ErrorCode code) {
  return texts(code).zh;
}
const char* prompt_en(ErrorCode code) {
  return texts(code).en;
}

}  // namespace scanner
