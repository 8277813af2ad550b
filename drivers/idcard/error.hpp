#pragma once
// What can go wrong with a card read, and what a person at the kiosk is told
// about it, in Chinese and English.
#include <cstdint>
#include <string>

namespace idcard {

enum class ErrorCode {
  timeout,               // the reader did not answer in time
  disconnected,          // the reader went away (unplugged, port closed)
  transport,             // other I/O failure on the port
  checksum,              // answers kept arriving corrupted
  bad_length,            // answer lengths do not add up
  bad_command,           // the SAM refused the command (0x21, firmware quirk)
  no_card,               // no card on the reader
  card_removed,          // card left the field during the read (or read failed, 0x41)
  card_auth_failed,      // 0x31/0x33: card not genuine or damaged
  unknown_card_type,     // 0x40
  sam_self_test_failed,  // 0x60
  sam_not_authorised,    // 0x66
  sam_fault,             // any other SAM status (0x23, 0x24, 0x32, 0x47, …)
  invalid_record,        // data read but fails validation (check digit, dates)
};

struct Error {
  ErrorCode code;
  std::uint8_t sw3 = 0;  // the SAM status, when one caused this
  std::string detail;    // for technicians' logs; never personal data
};

const char* to_string(ErrorCode code);
// Text for the person at the kiosk.
const char* message_zh(ErrorCode code);
const char* message_en(ErrorCode code);
// True for faults of the reader itself (not of the card or the person).
bool is_reader_fault(ErrorCode code);

}  // namespace idcard
