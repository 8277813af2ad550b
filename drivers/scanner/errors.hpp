#pragma once
// Faults a citizen or technician can meet while scanning, each with a
// prompt in Chinese and English. SANE statuses map onto these codes.
#include <string>

namespace scanner {

enum class ErrorCode {
  no_device,         // no scanner found / the configured one is absent
  device_busy,       // another program or a previous job holds it
  access_denied,     // permissions (udev rule or group missing)
  jammed,            // paper jam in the feeder
  cover_open,        // lid or feeder cover is open
  no_documents,      // the feeder is empty / nothing on the glass
  io_error,          // USB / link failure
  out_of_memory,     // the backend or we ran out of memory
  cancelled,         // the citizen or the app stopped the job
  unsupported,       // a setting or a frame format the device cannot do
  invalid_argument,  // bad option name/value, bad config
  bad_image,         // an image file that cannot be decoded
  internal,          // anything else (a SANE status we do not know)
};

struct Error {
  ErrorCode code;
  std::string detail;  // for logs and technicians; never image content or personal data
};

const char* to_string(ErrorCode code);  // stable identifier, e.g. "jammed"
const char* prompt_zh(ErrorCode code);  // what the citizen reads, Chinese
const char* prompt_en(ErrorCode code);  // the same in English

}  // namespace scanner
