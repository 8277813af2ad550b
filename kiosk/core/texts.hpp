#pragma once
// Every string a screen shows comes from config, by id, in Chinese and
// English. Screens hold no literals.
#include <map>
#include <string>
#include <string_view>

namespace core {

enum class Lang { zh, en };

struct Text {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

class Texts {
 public:
  Texts() = default;
  explicit Texts(std::map<std::string, Text, std::less<>> by_id) : by_id_(std::move(by_id)) {}

  // A missing id shows the id itself, so a gap in config is visible on
  // screen and in screenshots rather than a silent blank.
  const Text& get(std::string_view id) const;
  bool has(std::string_view id) const { return by_id_.find(id) != by_id_.end(); }
  const std::map<std::string, Text, std::less<>>& all() const { return by_id_; }

 private:
  std::map<std::string, Text, std::less<>> by_id_;
  mutable std::map<std::string, Text, std::less<>> missing_;
};

}  // namespace core
