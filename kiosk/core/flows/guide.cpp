// The guide flow's events. In the ticket flow the same list picks the item
// to queue for.
#include "kiosk/core/flows/reduce.hpp"
#include "kiosk/core/pinyin.hpp"

namespace core::flows {
namespace {

std::string days_text(int days) {
  return std::to_string(days);
}

// Yuan with two decimals; "0.00" for an item that is free.
std::string fee_text(const GuideItem& item) {
  const long fen = item.fee_charged ? static_cast<long>(item.fee_yuan * 100 + 0.5) : 0;
  const std::string cents = std::to_string(fen % 100);
  return std::to_string(fen / 100) + "." + (cents.size() < 2 ? "0" + cents : cents);
}

// The guide, as a receipt: what to bring, how long, how much, where.
PrintReceipt guide_receipt(const State& s, const GuideItem& item) {
  PrintReceipt r;
  r.template_id = "guide";
  r.fields = {{"hall", s.settings.hall_name_zh},
              {"item", item.name_zh},
              {"department", item.department_zh},
              {"legal_days", days_text(item.legal_days)},
              {"promised_days", days_text(item.promised_days)},
              {"fee", fee_text(item)},
              {"window", item.window_group},
              {"trips", item.trips}};
  for (std::size_t i = 0; i < item.materials.size(); ++i) {
    r.fields.emplace_back("material." + std::to_string(i + 1), item.materials[i].name_zh);
  }
  r.qr = s.settings.public_url + "/guide/" + item.code;
  r.fields.emplace_back("guide_url", r.qr);
  return r;
}

}  // namespace

void start_guide(State& s, Effects& fx) {
  s.guide = GuideState{};
  s.screen = Screen::guide_list;
  if (s.catalogue.load == LoadState::none || s.catalogue.load == LoadState::failed) {
    s.catalogue.load = LoadState::loading;
    fx.emplace_back(FetchCatalogue{});
  }
}

void apply(State& s, const GuideQuery& e, Effects&) {
  if (s.screen != Screen::guide_list) return;
  touch(s);
  s.guide.query = e.text;
  s.guide.page = 0;
}

void apply(State& s, const GuideFilterChosen& e, Effects&) {
  if (s.screen != Screen::guide_list) return;
  touch(s);
  s.guide.filter = e.filter;
  s.guide.page = 0;
}

void apply(State& s, const GuidePage& e, Effects&) {
  if (s.screen != Screen::guide_list) return;
  touch(s);
  s.guide.page = std::max(0, e.page);
}

void apply(State& s, const GuideOpen& e, Effects& fx) {
  if (s.screen != Screen::guide_list && s.screen != Screen::guide_item) return;
  if (find_item(s.catalogue, e.item_code) == nullptr) return;
  touch(s);
  s.guide.item_code = e.item_code;
  s.guide.item_page = 0;
  s.print = LoadState::none;
  if (s.flow == Flow::appointment) {
    start_booking(s, fx, e.item_code);
    return;
  }
  if (s.flow == Flow::ticket) {
    s.ticket = TicketState{};
    s.ticket.item_code = e.item_code;
    // Elderly mode suggests the priority queue; the citizen can change it.
    if (s.elderly) s.ticket.priority = "elderly";
    s.screen = Screen::ticket_item;
    return;
  }
  s.screen = Screen::guide_item;
}

void apply(State& s, const GuidePrint&, Effects& fx) {
  if (s.screen != Screen::guide_item || s.print == LoadState::loading) return;
  const GuideItem* item = find_item(s.catalogue, s.guide.item_code);
  if (item == nullptr) return;
  touch(s);
  s.print = LoadState::loading;
  s.print_error.clear();
  fx.emplace_back(guide_receipt(s, *item));
}

void apply(State& s, const CatalogueLoaded& e, Effects&) {
  s.catalogue.load = LoadState::ready;
  s.catalogue.version = e.version;
  s.catalogue.items = e.items;
  // Search by pinyin initials ("sfz" finds 身份证) needs them once per load.
  for (GuideItem& item : s.catalogue.items) {
    if (item.initials.empty()) item.initials = initials(item.name_zh);
  }
}

void apply(State& s, const CatalogueFailed&, Effects&) {
  // A catalogue already shown stays; only a first load can fail visibly.
  if (s.catalogue.items.empty()) s.catalogue.load = LoadState::failed;
}

}  // namespace core::flows
