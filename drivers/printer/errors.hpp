#pragma once
// Every fault a person can meet at the printer, with the words the kiosk
// shows for it in Chinese and English.
#include <string>

namespace printer {

enum class ErrorCode {
  encoding,          // text cannot be converted to GB18030
  qr_too_long,       // data does not fit a QR code
  image_too_large,   // wider than the paper or too tall for one command
  barcode_invalid,   // Code128 data outside printable ASCII
  template_invalid,  // receipt template file is malformed
  template_missing,  // no template of that kind
  io,                // device read/write failed
  disconnected,      // device went away (unplugged, power cycle)
  timeout,           // no answer from the printer
  not_ready,         // the printer reports it cannot print now
  paper_out,
  cover_open,
  cutter_error,
  offline,
  job_incomplete,  // the receipt did not come out completely
  status_invalid,  // status byte fails its fixed-bit check
};

struct Message {
  const char* zh;
  const char* en;
};

struct Error {
  ErrorCode code;
  std::string detail;  // for logs and technicians; never personal data
};

const char* to_string(ErrorCode code);
Message message(ErrorCode code);

}  // namespace printer
