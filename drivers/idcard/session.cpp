#include "drivers/idcard/session.hpp"

#include <ctime>

namespace idcard {

std::string local_date_yyyymmdd() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

ReaderSession::ReaderSession(StreamFactory factory, SessionOptions options, Clock& clock)
    : factory_(std::move(factory)), options_(std::move(options)), clock_(clock) {
  if (!options_.today) options_.today = local_date_yyyymmdd;
}

std::optional<DeviceEvent> ReaderSession::lost(const Error& e) {
  reader_.reset();
  stream_.reset();
  faulty_ = false;
  awaiting_removal_ = false;
  if (announced_down_) return std::nullopt;
  announced_down_ = true;
  return ReaderDisconnected{device_, e};
}

std::optional<DeviceEvent> ReaderSession::fault(const Error& e) {
  if (e.code == ErrorCode::disconnected || e.code == ErrorCode::transport) return lost(e);
  if (faulty_) return std::nullopt;
  faulty_ = true;
  return ReaderFaulty{device_, e};
}

std::optional<DeviceEvent> ReaderSession::connect() {
  if (!reader_) {
    auto s = factory_();
    if (!s) {
      Error e{ErrorCode::disconnected, 0,
              std::string(transport::to_string(s.error().code)) + ": " + s.error().detail};
      return lost(e);
    }
    stream_ = std::move(*s);
    device_ = stream_->describe();
    reader_ = std::make_unique<Reader>(*stream_, options_.reader, clock_);
  }
  // A SAM that fails its status check gets one reset before we give up on it.
  auto st = reader_->sam_status();
  if (!st && st.error().code != ErrorCode::disconnected) {
    if (reader_->reset_sam()) st = reader_->sam_status();
  }
  if (!st) return fault(st.error());
  auto id = reader_->sam_id();
  if (!id) return fault(id.error());
  faulty_ = false;
  announced_down_ = false;
  return ReaderConnected{device_, *id};
}

std::optional<DeviceEvent> ReaderSession::poll_once() {
  if (!reader_ || faulty_) return connect();

  auto found = reader_->find_card();
  if (!found) return fault(found.error());
  if (!*found) {
    awaiting_removal_ = false;  // the previous card has left the field
    return std::nullopt;
  }
  if (awaiting_removal_) return std::nullopt;  // same card, still lying there

  auto sel = reader_->select_card();
  if (!sel) {
    // A card sliding in or out of the field: try again on the next poll.
    if (sel.error().code == ErrorCode::card_removed) return std::nullopt;
    return fault(sel.error());
  }

  auto card = reader_->read_card(DecodeOptions{options_.today()});
  if (!card) {
    const Error& e = card.error();
    if (e.code == ErrorCode::disconnected || e.code == ErrorCode::transport) return lost(e);
    if (e.code == ErrorCode::sam_self_test_failed || e.code == ErrorCode::sam_not_authorised) {
      return fault(e);
    }
    // The card itself could not be read: tell the person, and read it again
    // when it is put back (no awaiting_removal: a retry is wanted).
    return CardReadFailed{e};
  }
  awaiting_removal_ = true;
  return CardRead{std::move(*card)};
}

void ReaderSession::run(const std::atomic<bool>& stop,
                        const std::function<void(DeviceEvent)>& sink) {
  while (!stop.load()) {
    auto ev = poll_once();
    if (ev) sink(std::move(*ev));
    clock_.sleep_for(connected() ? options_.poll_interval : options_.reconnect_interval);
  }
}

}  // namespace idcard
