#pragma once
// Turns the reader's answers into a CardRecord, validating what it can.
#include "base/expected.hpp"
#include "drivers/idcard/card.hpp"
#include "drivers/idcard/error.hpp"

#include <cstdint>
#include <span>
#include <string>

namespace idcard {

struct DecodeOptions {
  std::string today;  // YYYYMMDD, for the expiry flag; empty: do not flag
};

// Decodes the 256-byte text block (any of the four layouts). Fails with
// invalid_record on a bad check digit or date, unknown_card_type on an
// unknown type mark.
kx::expected<CardRecord, Error> decode_text(std::span<const std::uint8_t> text,
                                            const DecodeOptions& options = {});

// Decodes the data of a 30 01 / 30 10 answer (after SW1..SW3): lengths,
// text, photo and, with `fingerprint`, the fingerprint block. Every length
// must add up exactly, so a truncated answer never yields half a record.
kx::expected<CardRecord, Error> decode_read_answer(std::span<const std::uint8_t> data,
                                                   bool fingerprint,
                                                   const DecodeOptions& options = {});

// The ethnic group for a GB 3304 code ("01" -> "汉"); empty if unknown.
std::string nation_name(std::string_view code);

// For the simulator and tests: the 256-byte text block of `card`.
std::vector<std::uint8_t> encode_text(const CardRecord& card);

}  // namespace idcard
