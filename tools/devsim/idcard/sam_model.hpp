#pragma once
// The simulated reader's behaviour, independent of how bytes travel: given a
// command frame it decides the answer (bytes, pacing) from the cards in the
// field and the fault mode. kiosk-devsim idcard runs it behind a pty; tests
// and benchmarks run it in-process behind a ByteStream. Header-only.
#include "drivers/idcard/card.hpp"
#include "drivers/idcard/decode.hpp"
#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/status.hpp"
#include "drivers/idcard/text.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace idcard_sim {

enum class Fault {
  none,
  no_card,              // the field stays empty
  removed_during_read,  // the first read of a presented card loses it (SW 0x41)
  corrupt_checksum,     // every other answer has a corrupted byte (CHK unchanged)
  garbage,              // junk (incl. false preambles) before every answer
  slow,                 // answers late and in small pieces
  sam_60,               // SAM self-test failed
  sam_66,               // SAM not authorised
  wrong_length,         // read answers declare more data than they carry
};

inline std::optional<Fault> parse_fault(const std::string& s) {
  if (s == "none") return Fault::none;
  if (s == "no-card") return Fault::no_card;
  if (s == "removed-during-read") return Fault::removed_during_read;
  if (s == "corrupt-checksum") return Fault::corrupt_checksum;
  if (s == "garbage") return Fault::garbage;
  if (s == "slow") return Fault::slow;
  if (s == "sam-60") return Fault::sam_60;
  if (s == "sam-66") return Fault::sam_66;
  if (s == "wrong-length") return Fault::wrong_length;
  return std::nullopt;
}

// What to send back: bytes, an initial delay and a piece size for pacing.
struct Answer {
  std::vector<std::uint8_t> bytes;
  std::chrono::milliseconds delay{0};
  std::size_t piece = 0;  // 0: all at once
  std::chrono::milliseconds piece_gap{0};
};

class SamModel {
 public:
  SamModel(std::vector<idcard::CardRecord> cards, Fault fault)
      : cards_(std::move(cards)), fault_(fault) {}

  // Puts card `index` on the reader (replacing any card there).
  bool present(std::size_t index) {
    if (index >= cards_.size()) return false;
    present_ = index;
    read_done_ = false;
    return true;
  }
  void remove() {
    present_.reset();
    read_done_ = false;
  }
  std::optional<std::size_t> present_card() const { return present_; }
  std::size_t card_count() const { return cards_.size(); }
  std::chrono::milliseconds slow_delay{150};

  // Answer to a command frame payload (CMD PARA DATA…).
  Answer handle(std::span<const std::uint8_t> payload) {
    Answer a;
    a.bytes = respond(payload);
    decorate(a);
    return a;
  }
  // Answer to a frame that failed its checksum on the way in.
  Answer handle_corrupt_command() {
    Answer a;
    a.bytes = idcard::encode_response(idcard::sw3::kChecksumError);
    return a;
  }

 private:
  std::vector<std::uint8_t> respond(std::span<const std::uint8_t> p) {
    namespace sw = idcard::sw3;
    using idcard::encode_response;
    if (p.size() < 2) return encode_response(sw::kLengthError);
    const std::uint8_t cmd = p[0], para = p[1];
    const std::optional<std::uint8_t> sam_fault =
        fault_ == Fault::sam_60   ? std::optional<std::uint8_t>(sw::kSamSelfTestFailed)
        : fault_ == Fault::sam_66 ? std::optional<std::uint8_t>(sw::kSamNotAuthorised)
                                  : std::nullopt;
    if (cmd == 0x10 && para == 0xFF) return encode_response(sw::kOk);
    if (cmd == 0x11 && para == 0xFF) return encode_response(sam_fault.value_or(sw::kOk));
    if (cmd == 0x12 && para == 0xFF) {
      if (sam_fault) return encode_response(*sam_fault);
      // 05.01-20231221-0000001234-0000005678 in the SAM's little-endian layout.
      const std::uint8_t id[16] = {0x05, 0,    0x01, 0, 0x35, 0xB4, 0x34, 0x01,
                                   0xD2, 0x04, 0,    0, 0x2E, 0x16, 0,    0};
      return encode_response(sw::kOk, id);
    }
    if (sam_fault) return encode_response(*sam_fault);
    const bool card_here = present_.has_value() && fault_ != Fault::no_card;
    if (cmd == 0x20 && para == 0x01) {
      // A card already read is not found again until it has left the field.
      return encode_response(card_here && !read_done_ ? sw::kCardFound : sw::kNoCard);
    }
    if (cmd == 0x20 && para == 0x02) {
      if (!card_here || read_done_) return encode_response(sw::kSelectFailed);
      const std::uint8_t serial[8] = {0, 0, 0, 0, 0, 0, 0, 0};
      return encode_response(sw::kOk, serial);
    }
    if (cmd == 0x30 && (para == 0x01 || para == 0x10)) {
      if (!card_here) return encode_response(sw::kReadFailed);
      if (fault_ == Fault::removed_during_read && !removal_done_) {
        removal_done_ = true;
        remove();
        return encode_response(sw::kReadFailed);
      }
      return read_answer(cards_[*present_], para == 0x10);
    }
    if (cmd == 0x30 && (para == 0x03 || para == 0x02)) {
      if (!card_here) return encode_response(sw::kReadFailed);
      const auto& c = cards_[*present_];
      if (c.appended_address.empty()) return encode_response(sw::kNoContent);
      auto text = idcard::utf8_to_ucs2le(c.appended_address, 70);
      return encode_response(sw::kOk, text);
    }
    return encode_response(sw::kBadCommand);
  }

  std::vector<std::uint8_t> read_answer(const idcard::CardRecord& c, bool fingerprint) {
    auto text = idcard::encode_text(c);
    std::vector<std::uint8_t> data;
    auto be16 = [&data](std::size_t v) {
      data.push_back(static_cast<std::uint8_t>(v >> 8));
      data.push_back(static_cast<std::uint8_t>(v & 0xFF));
    };
    be16(text.size());
    be16(c.photo_wlt.size());
    if (fingerprint) be16(1024);
    data.insert(data.end(), text.begin(), text.end());
    data.insert(data.end(), c.photo_wlt.begin(), c.photo_wlt.end());
    if (fingerprint) data.insert(data.end(), 1024, 0x5A);
    if (fault_ == Fault::wrong_length) {
      data.resize(data.size() - 24);  // lengths still claim the full blocks
    } else {
      read_done_ = true;
    }
    return idcard::encode_response(idcard::sw3::kOk, data);
  }

  void decorate(Answer& a) {
    ++answers_;
    switch (fault_) {
      case Fault::corrupt_checksum:
        if (answers_ % 2 == 1) {
          // Flip a byte in the middle of the payload, keep the old CHK.
          const std::size_t payload_len = a.bytes.size() - idcard::kHeaderSize - 1;
          a.bytes[idcard::kHeaderSize + payload_len / 2] ^= 0x5A;
        }
        break;
      case Fault::garbage: {
        // Cycle through junk that tests the receiver's resynchronisation:
        // noise, a false preamble prefix, and a false preamble with a huge LEN.
        static const std::vector<std::vector<std::uint8_t>> junk = {
            {0x00, 0x13, 0xFF},
            {0xAA, 0xAA, 0x96},
            {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF},
            {0xAA, 0xAA, 0xAA, 0xAA, 0x55},
        };
        const auto& j = junk[answers_ % junk.size()];
        a.bytes.insert(a.bytes.begin(), j.begin(), j.end());
        break;
      }
      case Fault::slow:
        a.delay = slow_delay;
        a.piece = 7;
        a.piece_gap = std::chrono::milliseconds(1);
        break;
      default:
        break;
    }
  }

  std::vector<idcard::CardRecord> cards_;
  Fault fault_;
  std::optional<std::size_t> present_;
  bool read_done_ = false;
  bool removal_done_ = false;
  unsigned answers_ = 0;
};

}  // namespace idcard_sim
