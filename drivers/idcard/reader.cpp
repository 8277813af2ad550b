#include "drivers/idcard/reader.hpp"

#include "drivers/idcard/status.hpp"
#include "drivers/idcard/text.hpp"

#include <cstdio>

namespace idcard {
namespace {

Error from_transport(const transport::Error& e) {
  switch (e.code) {
    case transport::ErrorCode::timeout:
      return Error{ErrorCode::timeout, 0, e.detail};
    case transport::ErrorCode::disconnected:
    case transport::ErrorCode::not_found:
      return Error{ErrorCode::disconnected, 0, e.detail};
    default:
      return Error{ErrorCode::transport, 0,
                   std::string(transport::to_string(e.code)) + ": " + e.detail};
  }
}

bool retryable(ErrorCode c) {
  return c == ErrorCode::timeout || c == ErrorCode::checksum || c == ErrorCode::bad_length;
}

}  // namespace

Error status_error(std::uint8_t sw3, const char* during) {
  ErrorCode code = ErrorCode::sam_fault;
  switch (sw3) {
    case sw3::kChecksumError:
      code = ErrorCode::checksum;
      break;
    case sw3::kLengthError:
      code = ErrorCode::bad_length;
      break;
    case sw3::kBadCommand:
      code = ErrorCode::bad_command;
      break;
    case sw3::kCardAuthFailed:
    case sw3::kVerifyError:
      code = ErrorCode::card_auth_failed;
      break;
    case sw3::kUnknownCardType:
      code = ErrorCode::unknown_card_type;
      break;
    case sw3::kReadFailed:
    case sw3::kNoCard:
    case sw3::kSelectFailed:
      code = ErrorCode::card_removed;
      break;
    case sw3::kSamSelfTestFailed:
      code = ErrorCode::sam_self_test_failed;
      break;
    case sw3::kSamNotAuthorised:
      code = ErrorCode::sam_not_authorised;
      break;
    default:
      break;
  }
  char detail[96];
  std::snprintf(detail, sizeof detail, "%s: SAM answered 0x%02X (%s)", during, sw3,
                sw3::describe(sw3));
  return Error{code, sw3, detail};
}

Reader::Reader(transport::ByteStream& stream, ReaderOptions options, Clock& clock)
    : stream_(stream), options_(options), clock_(clock) {}

kx::expected<Response, Error> Reader::exchange_once(Command c, std::chrono::milliseconds timeout) {
  stream_.discard_input();
  const std::uint8_t payload[2] = {c.cmd, c.para};
  std::array<std::uint8_t, 16> tx{};
  const std::size_t n = encode_frame_into(payload, tx);
  auto w = stream_.write(std::span(tx).first(n), options_.command_timeout);
  if (!w) return kx::unexpected(from_transport(w.error()));

  rx_.reset();
  const std::size_t garbage_before = rx_.skipped_bytes();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return kx::unexpected(Error{ErrorCode::timeout, 0, "no complete answer in time"});
    }
    auto r = stream_.read(io_, left);
    if (!r) return kx::unexpected(from_transport(r.error()));
    std::span<const std::uint8_t> chunk(io_.data(), *r);
    while (!chunk.empty()) {
      auto [status, used] = rx_.feed(chunk);
      chunk = chunk.subspan(used);
      switch (status) {
        case FrameReceiver::Status::need_more:
          break;
        case FrameReceiver::Status::frame: {
          stats_.garbage_bytes += rx_.skipped_bytes() - garbage_before;
          Response resp;
          if (!rx_.as_response(resp)) {
            ++stats_.length_errors;
            return kx::unexpected(Error{ErrorCode::bad_length, 0, "answer shorter than SW1..SW3"});
          }
          return resp;
        }
        case FrameReceiver::Status::bad_checksum:
          ++stats_.checksum_errors;
          return kx::unexpected(Error{ErrorCode::checksum, 0, "answer failed its checksum"});
        case FrameReceiver::Status::bad_length:
        case FrameReceiver::Status::oversized:
          // Garbage that looked like a preamble: keep hunting for the real one.
          ++stats_.length_errors;
          break;
      }
    }
  }
}

kx::expected<Response, Error> Reader::transact(Command c, std::chrono::milliseconds timeout) {
  Error last{ErrorCode::timeout, 0, "no attempt made"};
  for (int attempt = 0; attempt < options_.attempts; ++attempt) {
    if (attempt > 0) {
      ++stats_.retries;
      clock_.sleep_for(options_.retry_delay);
    }
    auto r = exchange_once(c, timeout);
    if (r) {
      // The SAM saw our command corrupted: sending it again is the cure.
      if (r->sw3 == sw3::kChecksumError || r->sw3 == sw3::kLengthError) {
        last = status_error(r->sw3, "command");
        continue;
      }
      return r;
    }
    last = r.error();
    if (last.code == ErrorCode::timeout) ++stats_.timeouts;
    if (!retryable(last.code)) break;
  }
  return kx::unexpected(last);
}

kx::expected<void, Error> Reader::reset_sam() {
  auto r = transact(cmd::kResetSam, options_.command_timeout);
  if (!r) return kx::unexpected(r.error());
  if (r->sw3 != sw3::kOk) return kx::unexpected(status_error(r->sw3, "reset SAM"));
  return {};
}

kx::expected<void, Error> Reader::sam_status() {
  auto r = transact(cmd::kSamStatus, options_.command_timeout);
  if (!r) return kx::unexpected(r.error());
  if (r->sw3 != sw3::kOk) return kx::unexpected(status_error(r->sw3, "SAM status"));
  return {};
}

kx::expected<std::string, Error> Reader::sam_id() {
  auto r = transact(cmd::kReadSamId, options_.command_timeout);
  if (!r) return kx::unexpected(r.error());
  if (r->sw3 != sw3::kOk) return kx::unexpected(status_error(r->sw3, "read SAM id"));
  const auto& d = r->data;
  if (d.size() < 16)
    return kx::unexpected(Error{ErrorCode::bad_length, 0, "SAM id shorter than 16 bytes"});
  auto le16 = [&d](std::size_t i) { return static_cast<unsigned>(d[i] | (d[i + 1] << 8)); };
  auto le32 = [&d](std::size_t i) {
    return static_cast<unsigned long>(d[i]) | (static_cast<unsigned long>(d[i + 1]) << 8) |
           (static_cast<unsigned long>(d[i + 2]) << 16) |
           (static_cast<unsigned long>(d[i + 3]) << 24);
  };
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02u.%02u-%08lu-%010lu-%010lu", le16(0), le16(2), le32(4),
                le32(8), le32(12));
  return std::string(buf);
}

kx::expected<bool, Error> Reader::find_card() {
  auto r = transact(cmd::kFindCard, options_.command_timeout);
  if (!r) return kx::unexpected(r.error());
  if (r->sw3 == sw3::kCardFound) return true;
  if (r->sw3 == sw3::kNoCard) return false;
  return kx::unexpected(status_error(r->sw3, "find card"));
}

kx::expected<void, Error> Reader::select_card() {
  auto r = transact(cmd::kSelectCard, options_.command_timeout);
  if (!r) return kx::unexpected(r.error());
  if (r->sw3 != sw3::kOk) return kx::unexpected(status_error(r->sw3, "select card"));
  return {};
}

kx::expected<CardRecord, Error> Reader::read_card(const DecodeOptions& decode) {
  const Command read_cmd =
      options_.fingerprint ? cmd::kReadTextPhotoFingerprint : cmd::kReadTextPhoto;
  auto r = transact(read_cmd, options_.read_timeout);
  if (!r) return kx::unexpected(r.error());
  if (r->sw3 != sw3::kOk) return kx::unexpected(status_error(r->sw3, "read card"));
  auto record = decode_read_answer(r->data, options_.fingerprint, decode);
  if (!record) {
    if (record.error().code == ErrorCode::bad_length) ++stats_.length_errors;
    return record;
  }

  // The appended address (a move recorded after issue). 0x91: there is none.
  // Firmwares differ on the PARA byte: 03 is the standard, 02 the fallback.
  for (Command c : {cmd::kReadAppendedAddress, cmd::kReadAppendedAddressAlt}) {
    auto a = transact(c, options_.command_timeout);
    if (!a) {
      record->wipe();
      return kx::unexpected(a.error());
    }
    if (a->sw3 == sw3::kOk) {
      record->appended_address = ucs2le_to_utf8(a->data);
      break;
    }
    if (a->sw3 == sw3::kNoContent) break;
    if (a->sw3 == sw3::kBadCommand) continue;
    record->wipe();
    return kx::unexpected(status_error(a->sw3, "read appended address"));
  }
  return record;
}

}  // namespace idcard
