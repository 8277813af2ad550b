#include "kiosk/app/preapply_effects.hpp"

#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/platform/client.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

namespace kiosk::app {

namespace kp = kiosk::platform;

kp::PreApplicationRequest pre_application_request(const core::SubmitPreApplication& submit,
                                                  const PageLookup& pages) {
  kp::PreApplicationRequest r;
  r.item_code = submit.item_code;
  r.applicant = {submit.id_number, submit.name, submit.phone};
  for (const auto& [field, value] : submit.form) r.form[field] = value;
  r.delivery_method = submit.delivery_method;
  r.delivery_address = submit.delivery_address;
  for (const core::SubmittedMaterial& m : submit.materials) {
    kp::MaterialSubmission out;
    out.material_code = m.code;
    out.source = m.source;
    out.licence_id = m.licence_id;
    for (const core::PageHandle handle : m.pages) {
      if (!pages) break;
      if (auto page = pages(handle)) out.pages.push_back(std::move(*page));
    }
    r.materials.push_back(std::move(out));
  }
  return r;
}

std::string local_reference(std::int64_t outbox_id) {
  char text[32];
  std::snprintf(text, sizeof text, "L-%06lld", static_cast<long long>(outbox_id));
  return text;
}

bool take_preapply_effect(OutboxService* outbox, AppEvents& events, const PageLookup& pages,
                          const core::Effect& effect) {
  const auto* submit = std::get_if<core::SubmitPreApplication>(&effect);
  if (submit == nullptr) return false;
  if (outbox == nullptr) {
    events.post(core::PreApplyQueueFailed{submit->request, "preapply.error.outbox_full"});
    return true;
  }
  const std::string key = kp::new_idempotency_key();
  auto id = outbox->enqueue(outbox_item(pre_application_request(*submit, pages), key));
  if (!id) {
    // describe() names the store's state, never the application's content.
    spdlog::warn("pre-application not queued: {}", offline_cache::describe(id.error()));
    events.post(core::PreApplyQueueFailed{submit->request, "preapply.error.outbox_full"});
    return true;
  }
  spdlog::info("pre-application for item {} queued as outbox item {}", submit->item_code, *id);
  events.post(core::PreApplyQueued{submit->request, key, local_reference(*id)});
  return true;
}

}  // namespace kiosk::app
