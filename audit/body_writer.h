// Two ways to build an audit record from the same sequence of members: AuditDomWriter builds the
// boost::json::object the sink's append() takes; AuditBodyWriter writes the bytes the file sink
// would have produced from that object (its "event" member taken out, the rest serialized) without
// building it. The record layout lives once, in templates over either writer (audit_records.cpp);
// the unit tests drive both writers with the same members and require identical bytes.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::audit {

// Writes value as boost::json's formatter does when it is k / 1000 for an integer k (0 < value <
// 1e12); 0, writing nothing, otherwise. `out` holds at least 32 bytes.
std::size_t format_thousandths(char* out, double value);

class AuditBodyWriter {
 public:
  // The buffer is sized once and written through a length of its own: growing a std::string
  // member by member zero-filled each piece before it was copied in.
  AuditBodyWriter() { out_.resize(1024); }

  void str(std::string_view key, std::string_view value);
  void boolean(std::string_view key, bool value);
  void num(std::string_view key, std::int64_t value);
  void unum(std::string_view key, std::uint64_t value);
  void real(std::string_view key, double value);
  void null(std::string_view key);
  void open(std::string_view key);        // a nested object member
  void open_array(std::string_view key);  // a nested array member
  void open_item();                       // an object element of the open array
  void close();                           // ends the innermost open object or array

  // The top-level "event" member (kept apart, as the sink writes it itself) and the serialized
  // rest. Call once, after every open() and open_array() is closed.
  const std::string& event() const { return event_; }
  std::string finish();

 private:
  void key(std::string_view key);
  void separator();
  char* extend(std::size_t n) {  // n more bytes at the end, to be written
    if (len_ + n > out_.size()) return grow(n);
    char* at = out_.data() + len_;
    len_ += n;
    return at;
  }
  char* grow(std::size_t n);
  void put(char c) { *extend(1) = c; }
  void append(std::string_view s) { std::memcpy(extend(s.size()), s.data(), s.size()); }

  struct Level {
    bool first = true;
    bool array = false;
  };
  std::string out_;  // [0, len_) written
  std::size_t len_ = 0;
  std::string event_ = "unknown";
  std::vector<Level> levels_;
  std::size_t last_top_ = 0;  // where the last top-level member starts (its leading comma)
  std::size_t event_at_ = std::string::npos;  // where "event" stood among the members
};

class AuditDomWriter {
 public:
  AuditDomWriter() { stack_.push_back(&root_); }

  void str(std::string_view key, std::string_view value) { top()[key] = value; }
  void boolean(std::string_view key, bool value) { top()[key] = value; }
  void num(std::string_view key, std::int64_t value) { top()[key] = value; }
  void unum(std::string_view key, std::uint64_t value) { top()[key] = value; }
  void real(std::string_view key, double value) { top()[key] = value; }
  void null(std::string_view key) { top()[key] = nullptr; }
  void open(std::string_view key);
  void open_array(std::string_view key);
  void open_item();
  void close() { stack_.pop_back(); }

  boost::json::object finish() { return std::move(root_.as_object()); }

 private:
  boost::json::object& top() { return stack_.back()->as_object(); }

  boost::json::value root_ = boost::json::object();
  std::vector<boost::json::value*> stack_;
};

}  // namespace switchyard::audit
