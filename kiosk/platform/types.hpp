#pragma once
// Typed requests and answers of the platform API (docs/platform-api.yaml).
// Field names follow the national government-service data conventions; the
// Chinese term is in the comment (see docs/platform-api.md for the mapping).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::platform {

// --- enrolment -------------------------------------------------------------
struct EnrolmentRequest {
  std::string enrolment_token;  // 注册令牌, one-time
  std::string csr_pem;          // PKCS#10 of the device key
  std::string hall_code;        // 大厅编码
};
struct Enrolment {
  std::string terminal_id;  // 终端编号
  std::string hall_code;
  std::string certificate_pem;
  std::string ca_certificate_pem;
};

struct Ping {
  std::string terminal_id;
  std::string server_time;
};

// --- catalogue (事项目录) ---------------------------------------------------
struct Material {  // 申请材料
  std::string material_code;
  std::string name_zh, name_en;
  bool required = true;                      // 必要性
  std::string form;                          // original | copy (材料形式)
  std::optional<std::string> elicence_type;  // 可用电子证照替代
};
struct ItemWindow {
  std::string hall_code, window_code;
};
struct ServiceItem {
  std::string item_code;  // 事项编码
  std::string name_zh, name_en;
  std::string department_code, department_zh, department_en;    // 实施主体
  std::string category;                                         // 事项类型
  std::vector<std::pair<std::string, std::string>> conditions;  // 受理条件 (zh, en)
  std::vector<Material> materials;
  int legal_time_limit_days = 0;     // 法定办结时限
  int promised_time_limit_days = 0;  // 承诺办结时限
  bool fee_charged = false;          // 是否收费
  double fee_amount_yuan = 0;
  std::string fee_basis_zh;
  std::string trips;  // 跑动次数: zero | one | more
  bool online_pre_acceptance = false;
  bool appointment = false;
  std::string window_group;
  std::vector<ItemWindow> windows;
};
struct Catalogue {
  std::string version;
  std::string etag;
  std::vector<ServiceItem> items;
};
// A conditional GET: either unchanged since `etag`, or a new catalogue.
struct CatalogueFetch {
  bool not_modified = false;
  Catalogue catalogue;  // empty when not_modified
  std::string body;     // the JSON as sent, for a cache on disk (empty when not_modified)
};

// --- halls and maps ---------------------------------------------------------
struct Window {
  std::string window_code, window_group, department_code;
  int floor = 1;
  double x_m = 0, y_m = 0;
};
struct FloorMap {
  int floor = 1;
  double width_m = 0, depth_m = 0;
  double entrance_x_m = 0, entrance_y_m = 0;
};
struct Hall {
  std::string hall_code, name_zh, name_en, address_zh, opening_hours;
  bool main_hall = false;
  std::vector<FloorMap> floor_maps;
  std::vector<Window> windows;
};
struct TerminalSelf {
  std::string terminal_id, hall_code;
  int floor = 1;
  double x_m = 0, y_m = 0;
};

// --- appointments and queue (预约、排队叫号) ----------------------------------
struct Person {
  std::string id_number;  // 证件号码 (resident ID)
  std::string name;       // 姓名
  std::string phone;      // 联系电话
};
struct Slot {
  std::string slot_id, date, start;
  int capacity = 0, available = 0;
};
struct AppointmentRequest {
  std::string slot_id;
  Person applicant;
};
struct Appointment {
  std::string appointment_id, confirmation_code, slot_id, item_code, hall_code, date, start, status;
};
struct TicketRequest {
  std::string item_code, hall_code;
  std::string priority = "normal";  // normal | elderly | disabled
};
struct Ticket {
  std::string ticket_number;  // 排队号
  std::string hall_code, item_code, window_group, priority, issued_at;
  std::vector<std::string> windows;
  int waiting_count = 0;
  int estimated_wait_minutes = 0;
  std::string appointment_id;  // set for check-ins
};

// --- pre-applications (网上预受理) -------------------------------------------
struct Page {
  std::string mime;  // image/jpeg | application/pdf
  std::shared_ptr<const std::string> bytes;
};
struct MaterialSubmission {
  std::string material_code;
  std::string source;      // scan | elicence
  std::string licence_id;  // for source == elicence (电子证照标识)
  std::vector<Page> pages;
};
struct PreApplicationRequest {
  std::string item_code;
  Person applicant;
  std::map<std::string, std::string> form;  // 表单字段
  std::string delivery_method = "pickup";   // 送达方式: pickup | post
  std::string delivery_address;
  std::vector<MaterialSubmission> materials;
};
struct Stage {
  std::string stage;  // received, pre_review_passed, returned_for_correction, accepted,
                      // in_approval, concluded, result_posted, result_collected
  std::string at;
  std::vector<std::pair<std::string, std::string>> reasons;  // (zh, en)
};
struct CaseStatus {
  std::string case_number;  // 办件编号
  std::string item_code, status;
  std::vector<Stage> stages;
};

// --- e-licences (电子证照) ----------------------------------------------------
struct Consent {
  std::string method;  // how it was captured, e.g. id_card_and_touch
  std::string captured_at;
  std::string purpose_item_code;
};
struct ELicence {
  std::string licence_id, licence_type, name_zh, issuer_zh, trust_level, valid_until;
};

// --- ratings (好差评) ---------------------------------------------------------
struct RatingRequest {
  int level = 5;  // 1 非常不满意 .. 5 非常满意
  int overall = 5, efficiency = 5, service = 5, attitude = 5;
  std::string comment;
  // Exactly one of these: a case, a ticket, or (rated before its case
  // number was known) the Idempotency-Key of this terminal's pre-application.
  std::string case_number;
  std::string ticket_number;
  std::string pre_application_key;
};
struct RatingResult {
  std::string rating_id;
  bool follow_up_required = false;
};

// --- heartbeats ---------------------------------------------------------------
// The "heartbeat flag": the last config bundle refusal, until an apply succeeds.
struct ConfigRefusal {
  std::string reason;           // snake_case, config::bundle::to_string(Reason)
  std::string refused_version;  // empty when unknown
  std::string detail;           // English, for the operator
  std::string at;               // RFC 3339 UTC time of the refusal
};
struct Heartbeat {
  std::string app_version, config_version;
  std::uint64_t outbox_depth = 0;
  std::string paper = "ok";                     // ok | low | out
  std::map<std::string, std::string> devices;   // name -> ok | fault | absent
  std::optional<ConfigRefusal> config_refusal;  // absent on the wire when none
};
struct HeartbeatAck {
  std::string received_at, latest_config_version;
};

}  // namespace kiosk::platform
