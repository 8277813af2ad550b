#include "tools/platform-sim/seed_data.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace platform_sim {
namespace {

using nlohmann::json;

struct Dept {
  const char* code;
  const char* zh;
  const char* en;
  const char* window_group;  // letter of the window group in the halls
  bool in_district_halls;
};

constexpr Dept kDepts[] = {
    {"GA", "公安局", "Public Security Bureau", "A", true},
    {"MZ", "民政局", "Civil Affairs Bureau", "B", true},
    {"RS", "人力资源和社会保障局", "Human Resources and Social Security Bureau", "C", true},
    {"SJ", "市场监督管理局", "Administration for Market Regulation", "D", true},
    {"GJJ", "住房公积金管理中心", "Housing Provident Fund Management Centre", "E", true},
    {"BDC", "不动产登记中心", "Real Estate Registration Centre", "F", false},
    {"ZJ", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau", "G", false},
};

const Dept& dept(const std::string& code) {
  for (const auto& d : kDepts)
    if (code == d.code) return d;
  return kDepts[0];
}

// Materials: "name_zh|name_en|R or O|original, copy or both|e-licence type or -", ';'-separated.
struct ItemSeed {
  const char* dept;
  const char* name_zh;
  const char* name_en;
  const char* category;  // 行政许可, 行政确认, 行政给付, 公共服务, 其他行政权力
  const char* condition;  // "zh|en"
  const char* materials;
  int legal_days;
  int promised_days;
  double fee_yuan;
  const char* fee_basis;
  const char* trips;  // zero, one
  bool online;
  bool appointment;
};

#define ID_CARD "居民身份证|Resident identity card|R|original|ID_CARD"
#define HUKOU "居民户口簿|Household register booklet|R|original|HUKOU"
#define BIZ "营业执照|Business licence|R|copy|BUSINESS_LICENCE"
#define PROP "不动产权证书|Real estate title certificate|R|original|PROPERTY_CERT"

const ItemSeed kItems[] = {
    {"GA", "户口迁移（市内迁移）", "Household registration transfer within the city", "行政确认",
     "在本市有合法稳定住所|Has a lawful, stable residence in the city",
     ID_CARD ";" HUKOU ";" PROP ";户口迁移申请表|Household transfer application form|R|original|-",
     20, 5, 0, "不收费", "one", true, true},
    {"GA", "居民身份证换领", "Resident ID card renewal", "行政确认",
     "身份证有效期届满或临近届满|ID card expired or about to expire",
     ID_CARD ";" HUKOU ";数码相片回执|Digital photo receipt|O|original|-", 60, 20, 20,
     "居民身份证工本费 20 元", "one", false, true},
    {"GA", "居民身份证补领", "Resident ID card replacement (lost)", "行政确认",
     "身份证遗失|ID card lost", HUKOU ";数码相片回执|Digital photo receipt|O|original|-", 60, 20,
     40, "补领工本费 40 元", "one", false, true},
    {"GA", "无犯罪记录证明开具", "Certificate of no criminal record", "公共服务",
     "本市户籍或居住证持有人|Registered resident or residence-permit holder",
     ID_CARD ";用途说明|Statement of purpose|R|original|-", 3, 1, 0, "不收费", "zero", true, false},
    {"GA", "普通护照签发", "Ordinary passport issuance", "行政许可",
     "中国公民因私出国|Chinese citizen travelling abroad privately",
     ID_CARD ";出入境证件申请表|Exit-entry document application form|R|original|-", 7, 7, 120,
     "护照工本费 120 元", "one", false, true},
    {"GA", "机动车驾驶证换证", "Driving licence renewal", "行政许可",
     "驾驶证有效期满前九十日内|Within 90 days before the licence expires",
     ID_CARD ";机动车驾驶证|Driving licence|R|original|DRIVING_LICENCE"
             ";身体条件证明|Medical fitness certificate|R|original|-",
     3, 1, 10, "驾驶证工本费 10 元", "one", true, true},
    {"MZ", "内地居民婚姻登记（结婚登记）", "Marriage registration", "行政确认",
     "双方自愿且达到法定婚龄|Both parties consent and are of legal age",
     ID_CARD ";" HUKOU ";近期半身免冠合影照片|Recent joint photo|R|original|-", 0, 0, 0,
     "免收婚姻登记证书工本费", "one", true, true},
    {"MZ", "内地居民离婚登记", "Divorce registration", "行政确认",
     "双方自愿离婚并对子女抚养、财产处理达成协议|Mutual consent with an agreement on children and "
     "property",
     ID_CARD ";" HUKOU ";结婚证|Marriage certificate|R|original|MARRIAGE"
             ";离婚协议书|Divorce agreement|R|original|-",
     30, 30, 0, "不收费", "more", false, true},
    {"MZ", "最低生活保障审核确认", "Minimum living allowance (dibao) approval", "行政给付",
     "家庭人均收入低于当地最低生活保障标准|Household income per person below the local dibao "
     "line",
     ID_CARD ";" HUKOU ";家庭收入申报表|Household income declaration|R|original|-"
             ";授权核对声明|Consent to verify income and assets|R|original|-",
     30, 20, 0, "不收费", "zero", true, false},
    {"MZ", "临时救助", "Temporary assistance", "行政给付",
     "因意外事件导致基本生活暂时困难|Temporary hardship from an unexpected event",
     ID_CARD ";困难情况说明|Statement of hardship|R|original|-", 15, 10, 0, "不收费", "zero", true,
     false},
    {"MZ", "高龄津贴申领", "Old-age allowance for people over 80", "行政给付",
     "年满 80 周岁的本市户籍老年人|City residents aged 80 or over",
     ID_CARD ";" HUKOU ";社会保障卡或银行卡|Social security or bank card|R|copy|SSC", 15, 5, 0,
     "不收费", "zero", true, false},
    {"RS", "社会保障卡申领", "Social security card application", "公共服务",
     "已参加社会保险|Enrolled in social insurance",
     ID_CARD ";近期免冠证件照|Recent ID photo|R|original|-", 20, 10, 0, "首次申领免费", "one", true,
     true},
    {"RS", "失业保险金申领", "Unemployment insurance benefit", "行政给付",
     "非本人意愿中断就业且已缴费满一年|Involuntarily unemployed after at least one year of "
     "contributions",
     ID_CARD ";解除劳动合同证明|Proof of contract termination|R|original|-"
             ";社会保障卡|Social security card|R|original|SSC",
     10, 5, 0, "不收费", "zero", true, false},
    {"RS", "城乡居民基本养老保险参保登记",
     "Enrolment in the basic pension for urban and rural "
     "residents",
     "公共服务",
     "年满 16 周岁不符合职工养老保险参保条件|Aged 16+ and not covered by the employee pension",
     ID_CARD ";" HUKOU, 5, 1, 0, "不收费", "zero", true, false},
    {"RS", "职工退休待遇核定", "Employee retirement benefit assessment", "行政确认",
     "达到法定退休年龄且累计缴费满 15 年|Reached retirement age with 15+ years of contributions",
     ID_CARD ";" HUKOU ";职工档案|Personnel file|R|original|-", 20, 15, 0, "不收费", "one", true,
     true},
    {"RS", "就业创业证申领", "Employment and entrepreneurship certificate", "公共服务",
     "法定劳动年龄内有就业创业需求|Of working age and seeking work or self-employment",
     ID_CARD ";近期免冠证件照|Recent ID photo|O|original|-", 5, 1, 0, "不收费", "zero", true,
     false},
    {"SJ", "个体工商户设立登记", "Registration of an individual business", "行政许可",
     "有经营能力的自然人|A natural person able to run a business",
     ID_CARD ";经营场所使用证明|Proof of premises use|R|copy|PROPERTY_CERT"
             ";个体工商户登记申请书|Registration application|R|original|-",
     15, 1, 0, "不收费", "zero", true, false},
    {"SJ", "有限责任公司设立登记", "Establishment of a limited liability company", "行政许可",
     "股东符合法定人数，有公司章程和名称|Lawful number of shareholders, articles and a name",
     ID_CARD ";公司章程|Articles of association|R|original|-"
             ";住所使用证明|Proof of registered address|R|copy|PROPERTY_CERT"
             ";公司登记（备案）申请书|Company registration application|R|original|-",
     15, 1, 0, "不收费", "zero", true, true},
    {"SJ", "食品经营许可", "Food business licence", "行政许可",
     "有与经营食品相适应的场所和设备|Premises and equipment suited to the food business",
     BIZ ";食品经营许可申请书|Food business licence application|R|original|-"
         ";经营场所平面图|Floor plan of the premises|R|original|-"
         ";食品安全管理制度|Food safety management rules|R|original|-",
     20, 10, 0, "不收费", "one", true, true},
    {"SJ", "企业变更登记", "Change of company registration", "行政许可",
     "已依法登记的企业|A registered enterprise",
     BIZ ";变更决议或决定|Resolution on the change|R|original|-"
         ";法定代表人身份证|Legal representative's ID card|R|copy|ID_CARD",
     15, 1, 0, "不收费", "zero", true, false},
    {"SJ", "企业简易注销登记", "Simplified deregistration of an enterprise", "行政许可",
     "未发生债权债务或已清偿完毕|No outstanding claims or debts",
     BIZ ";全体投资人承诺书|Pledge of all investors|R|original|-", 20, 3, 0, "不收费", "zero", true,
     false},
    {"GJJ", "住房公积金提取（购买自住住房）", "Provident fund withdrawal for a home purchase",
     "公共服务", "购买本市自住住房|Bought a home in the city to live in",
     ID_CARD ";" PROP ";购房发票|Home purchase invoice|R|original|-", 3, 1, 0, "不收费", "zero",
     true, false},
    {"GJJ", "住房公积金提取（租房）", "Provident fund withdrawal for rent", "公共服务",
     "本人及配偶在本市无自有住房且租房居住|No own home in the city and renting",
     ID_CARD ";婚姻状况证明|Proof of marital status|O|original|MARRIAGE", 3, 1, 0, "不收费", "zero",
     true, false},
    {"GJJ", "住房公积金个人住房贷款申请", "Provident fund home loan application", "公共服务",
     "连续足额缴存 6 个月以上|Contributed in full for 6+ consecutive months",
     ID_CARD ";" HUKOU ";购房合同|Home purchase contract|R|original|-"
             ";收入证明|Proof of income|R|original|-",
     15, 10, 0, "不收费", "one", true, true},
    {"GJJ", "住房公积金缴存证明开具", "Provident fund contribution certificate", "公共服务",
     "住房公积金缴存职工|Employees who contribute to the fund", ID_CARD, 1, 0, 0, "不收费", "zero",
     true, false},
    {"GJJ", "住房公积金个人账户设立", "Opening a provident fund account", "公共服务",
     "与单位建立劳动关系|Employed by a registered employer",
     ID_CARD ";单位缴存登记表|Employer contribution form|R|original|-", 3, 1, 0, "不收费", "zero",
     true, false},
    {"BDC", "房屋所有权转移登记（二手房）", "Transfer registration of a resale home", "行政确认",
     "买卖双方已签订存量房买卖合同并完税|Resale contract signed and taxes paid",
     ID_CARD ";" PROP ";存量房买卖合同|Resale contract|R|original|-"
             ";完税证明|Tax payment certificate|R|original|-",
     30, 5, 80, "住宅类不动产登记费每件 80 元", "one", true, true},
    {"BDC", "不动产抵押权首次登记", "First registration of a mortgage", "行政确认",
     "主债权合同及抵押合同已签订|Loan and mortgage contracts signed",
     ID_CARD ";" PROP ";抵押合同|Mortgage contract|R|original|-"
             ";主债权合同|Loan contract|R|original|-",
     30, 3, 80, "住宅类不动产登记费每件 80 元", "one", true, true},
    {"BDC", "不动产登记资料查询", "Real estate register inquiry", "公共服务",
     "权利人或利害关系人|Right holder or interested party", ID_CARD, 1, 0, 0, "不收费", "zero",
     false, false},
    {"BDC", "预购商品房预告登记", "Advance notice registration of an off-plan purchase", "行政确认",
     "已签订商品房预售合同|Off-plan sales contract signed",
     ID_CARD ";商品房预售合同|Off-plan sales contract|R|original|-", 30, 5, 0, "不收费", "one",
     true, true},
    {"BDC", "不动产权证书补证", "Replacement of a lost real estate title certificate", "行政确认",
     "证书遗失或灭失并已公告|Certificate lost and notice published",
     ID_CARD ";遗失声明|Notice of loss|R|original|-", 30, 10, 10, "证书工本费每本 10 元", "one",
     true, true},
    {"ZJ", "建筑工程施工许可证核发", "Construction works permit", "行政许可",
     "已取得建设工程规划许可证且施工图审查合格|Planning permit obtained and drawings approved",
     BIZ ";建设工程规划许可证|Construction planning permit|R|copy|-"
         ";施工合同|Construction contract|R|copy|-"
         ";建设资金落实承诺书|Funding commitment|R|original|-",
     7, 3, 0, "不收费", "zero", true, false},
    {"ZJ", "商品房预售许可", "Off-plan housing pre-sale permit", "行政许可",
     "已投入开发建设资金达到工程建设总投资的 25% 以上|25%+ of the investment already spent",
     BIZ ";国有土地使用权证书|State land use certificate|R|copy|PROPERTY_CERT"
         ";预售方案|Pre-sale plan|R|original|-",
     10, 5, 0, "不收费", "one", true, true},
    {"ZJ", "建设工程竣工验收备案", "Completion acceptance filing", "其他行政权力",
     "工程已竣工验收合格|Works passed completion acceptance",
     BIZ ";竣工验收报告|Completion acceptance report|R|original|-", 15, 5, 0, "不收费", "zero",
     true, false},
    {"ZJ", "建筑业企业资质核准（新申请）", "Construction enterprise qualification (new)",
     "行政许可", "有符合要求的净资产和技术负责人|Required net assets and chief engineer",
     BIZ ";资质申请表|Qualification application|R|original|-"
         ";技术负责人职称证书|Chief engineer's title certificate|R|copy|-",
     20, 10, 0, "不收费", "zero", true, false},
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

struct HallSeed {
  const char* code;
  const char* zh;
  const char* en;
  const char* address_zh;
  bool main;
};

constexpr HallSeed kHalls[] = {
    {"HALL-01", "市政务服务中心", "City Government Service Centre", "市民服务大道 1 号", true},
    {"HALL-02", "东城区政务服务中心", "Dongcheng District Government Service Centre",
     "东城区和平路 88 号", false},
    {"HALL-03", "西城区政务服务中心", "Xicheng District Government Service Centre",
     "西城区友谊路 16 号", false},
};

// Window codes of a department in a hall: main hall 4 windows per group
// (2 for the smaller ones), district halls 2.
std::vector<std::string> windows_of(const HallSeed& hall, const Dept& d) {
  std::vector<std::string> out;
  if (!hall.main && !d.in_district_halls) return out;
  const int n = hall.main ? 3 : 2;
  for (int i = 1; i <= n; ++i) out.push_back(std::string(d.window_group) + "0" + std::to_string(i));
  return out;
}

}  // namespace

char id_check_digit(const std::string& first17) {
  static constexpr int kW[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kW[i];
  return "10X98765432"[sum % 11];
}

json seed_catalogue() {
  json items = json::array();
  int n = 0;
  for (const auto& s : kItems) {
    ++n;
    const Dept& d = dept(s.dept);
    char code[48];
    std::snprintf(code, sizeof code, "650100-%s-%04d", s.dept, n);
    json materials = json::array();
    int m = 0;
    for (const auto& spec : split(s.materials, ';')) {
      auto f = split(spec, '|');
      if (f.size() != 5) continue;
      ++m;
      materials.push_back({{"material_code", std::string(code) + "-M" + std::to_string(m)},
                           {"name_zh", f[0]},
                           {"name_en", f[1]},
                           {"required", f[2] == "R"},
                           {"form", f[3]},
                           {"copies", 1},
                           {"elicence_type", f[4] == "-" ? json(nullptr) : json(f[4])}});
    }
    auto cond = split(s.condition, '|');
    json windows = json::array();
    for (const auto& h : kHalls)
      for (const auto& w : windows_of(h, d))
        windows.push_back({{"hall_code", h.code}, {"window_code", w}});
    items.push_back({
        {"item_code", code},
        {"name_zh", s.name_zh},
        {"name_en", s.name_en},
        {"department_code", d.code},
        {"department_zh", d.zh},
        {"department_en", d.en},
        {"category", s.category},
        {"conditions", json::array({{{"zh", cond[0]}, {"en", cond.size() > 1 ? cond[1] : ""}}})},
        {"materials", materials},
        {"legal_time_limit_days", s.legal_days},
        {"promised_time_limit_days", s.promised_days},
        {"fee",
         {{"charged", s.fee_yuan > 0}, {"amount_yuan", s.fee_yuan}, {"basis_zh", s.fee_basis}}},
        {"trips", s.trips},
        {"online_pre_acceptance", s.online},
        {"appointment", s.appointment},
        {"window_group", d.window_group},
        {"windows", windows},
    });
  }
  return {{"version", "2026.11.1"}, {"items", items}};
}

json seed_halls() {
  json halls = json::array();
  for (const auto& h : kHalls) {
    json windows = json::array();
    int floors = h.main ? 2 : 1;
    int slot = 0;
    for (const auto& d : kDepts) {
      auto codes = windows_of(h, d);
      for (const auto& w : codes) {
        // Main hall: groups A-C on floor 1, D-G on floor 2; windows in a row
        // along the north wall, 6 m apart.
        const int floor = (h.main && d.window_group[0] >= 'D') ? 2 : 1;
        const int col = slot++ % 10;
        windows.push_back({{"window_code", w},
                           {"window_group", d.window_group},
                           {"department_code", d.code},
                           {"floor", floor},
                           {"x_m", 4.0 + col * 6.0},
                           {"y_m", floor == 1 ? 2.0 : 3.0}});
      }
    }
    json maps = json::array();
    for (int f = 1; f <= floors; ++f)
      maps.push_back({{"floor", f},
                      {"width_m", 64.0},
                      {"depth_m", 36.0},
                      {"entrance", {{"x_m", 32.0}, {"y_m", 36.0}}}});
    halls.push_back({{"hall_code", h.code},
                     {"name_zh", h.zh},
                     {"name_en", h.en},
                     {"address_zh", h.address_zh},
                     {"main_hall", h.main},
                     {"opening_hours", "09:00-12:00,13:30-17:30"},
                     {"floor_maps", maps},
                     {"windows", windows}});
  }
  return {{"halls", halls}};
}

json seed_citizens() {
  struct C {
    const char* first17;
    const char* name;
    std::vector<std::pair<const char*, const char*>> licences;  // type, name
  };
  const C people[] = {
      {"65010219580312002",
       "张桂兰",
       {{"ID_CARD", "居民身份证"}, {"HUKOU", "居民户口簿"}, {"SSC", "社会保障卡"}}},
      {"65010419900715161",
       "李建国",
       {{"ID_CARD", "居民身份证"},
        {"MARRIAGE", "结婚证"},
        {"PROPERTY_CERT", "不动产权证书"},
        {"DRIVING_LICENCE", "机动车驾驶证"}}},
      {"65010619851120342",
       "阿依古丽·买买提",
       {{"ID_CARD", "居民身份证"}, {"HUKOU", "居民户口簿"}, {"BUSINESS_LICENCE", "营业执照"}}},
      {"65010320010101007", "王小明", {{"ID_CARD", "居民身份证"}}},
  };
  json out = json::array();
  int serial = 1000;
  for (const auto& p : people) {
    std::string id = std::string(p.first17) + id_check_digit(p.first17);
    json lic = json::array();
    for (const auto& [type, name] : p.licences) {
      lic.push_back({{"licence_id", "EL-" + std::to_string(++serial)},
                     {"licence_type", type},
                     {"name_zh", name},
                     {"issuer_zh", "市电子证照库"},
                     {"trust_level", "A"},
                     {"valid_until", "2036-12-31"}});
    }
    out.push_back({{"id_number", id}, {"name", p.name}, {"licences", lic}});
  }
  return out;
}

}  // namespace platform_sim
