#include "drivers/transport/transport.hpp"

namespace transport {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout:
      return "timeout";
    case ErrorCode::disconnected:
      return "disconnected";
    case ErrorCode::io:
      return "io";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::access_denied:
      return "access_denied";
    case ErrorCode::busy:
      return "busy";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
  }
  return "unknown";
}

}  // namespace transport
