// Direct writing of an audit record's body, byte for byte what the file sink made of the DOM.
#include "audit/body_writer.h"

#include <boost/json/detail/format.hpp>
#include <cstring>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/json_scan.h"
#include "common/json_write.h"

namespace switchyard::audit {

using json_write::append_json_string;  // boost::json's escapes, byte for byte

char* AuditBodyWriter::grow(std::size_t n) {
  out_.resize(std::max(out_.size() * 2, len_ + n));
  char* at = out_.data() + len_;
  len_ += n;
  return at;
}

void AuditBodyWriter::separator() {
  if (levels_.empty()) {
    // Top level: every member starts with a comma; finish() turns the first one into '{'.
    last_top_ = len_;
    put(',');
    return;
  }
  Level& level = levels_.back();
  if (!level.first) put(',');
  level.first = false;
}

void AuditBodyWriter::key(std::string_view key) {
  separator();
  // Member names are this codebase's own identifiers (audit_records.cpp), never client text, so
  // they need no escaping: one copy instead of an escaper call per member. (The unit tests hold
  // every record to the DOM writer's bytes, which would show an escaped name.)
  char* dst = extend(key.size() + 3);
  dst[0] = '"';
  std::memcpy(dst + 1, key.data(), key.size());
  dst[key.size() + 1] = '"';
  dst[key.size() + 2] = ':';
}

void AuditBodyWriter::str(std::string_view k, std::string_view value) {
  if (levels_.empty() && k == "event") {
    event_ = value;  // the sink writes it in its own place
    event_at_ = len_;
    return;
  }
  key(k);
  if (json_scan::next_special(value, 0) == value.size()) {  // nothing to escape: one copy
    char* dst = extend(value.size() + 2);
    dst[0] = '"';
    std::memcpy(dst + 1, value.data(), value.size());
    dst[value.size() + 1] = '"';
    return;
  }
  std::string escaped;
  append_json_string(escaped, value);
  append(escaped);
}

void AuditBodyWriter::boolean(std::string_view k, bool value) {
  key(k);
  append(value ? std::string_view("true") : std::string_view("false"));
}

void AuditBodyWriter::num(std::string_view k, std::int64_t value) {
  key(k);
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  append(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void AuditBodyWriter::unum(std::string_view k, std::uint64_t value) {
  key(k);
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  append(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

std::size_t format_thousandths(char* out, double value) {
  // The record's durations are milliseconds rounded to the microsecond: value == k / 1000 for an
  // integer k. Then the shortest decimal that reads back as value (what ryu finds) is k's digits:
  // any shorter one is off by at least one unit in k's last nonzero digit, which for k < 10^15 is
  // wider than the double's whole rounding interval. Written in ryu's layout, "1.234E-1", it costs
  // a fifth of the general algorithm (three per outcome record).
  if (!(value > 0) || value >= 1e12) return 0;
  const double scaled = std::round(value * 1e3);
  const auto k = static_cast<std::uint64_t>(scaled);
  if (static_cast<double>(k) / 1e3 != value) return 0;
  char digits[24] = {};
  char* end = std::to_chars(digits, digits + sizeof digits, k).ptr;
  const int exponent = static_cast<int>(end - digits) - 1 - 3;
  while (end > digits + 1 && end[-1] == '0') --end;  // ryu writes no trailing zeros
  char* dst = out;
  *dst++ = digits[0];
  if (end - digits > 1) {
    *dst++ = '.';
    std::memcpy(dst, digits + 1, static_cast<std::size_t>(end - digits - 1));
    dst += end - digits - 1;
  }
  *dst++ = 'E';
  dst = std::to_chars(dst, dst + 8, exponent).ptr;
  return static_cast<std::size_t>(dst - out);
}

void AuditBodyWriter::real(std::string_view k, double value) {
  key(k);
  // boost::json's own double format (e.g. 1.5E0): the formatter its serializer calls, without
  // setting up a serializer per number (that was a third of an outcome record's cost).
  char buf[boost::json::detail::max_number_chars + 1];
  std::size_t n = format_thousandths(buf, value);
  if (n == 0) n = boost::json::detail::format_double(buf, value);
  append(std::string_view(buf, n));
}

void AuditBodyWriter::null(std::string_view k) {
  key(k);
  append("null");
}

void AuditBodyWriter::open(std::string_view k) {
  key(k);
  put('{');
  levels_.push_back({true, false});
}

void AuditBodyWriter::open_array(std::string_view k) {
  key(k);
  put('[');
  levels_.push_back({true, true});
}

void AuditBodyWriter::open_item() {
  separator();
  put('{');
  levels_.push_back({true, false});
}

void AuditBodyWriter::close() {
  put(levels_.back().array ? ']' : '}');
  levels_.pop_back();
}

std::string AuditBodyWriter::finish() {
  if (len_ == 0) return "{}";
  // The sink used to take "event" out of the object with boost::json::object::erase, which moves
  // the last member into the freed place; the log's layout keeps that order.
  if (event_at_ < last_top_) {
    // std::rotate, by copies: the last member to event_at_, the members from there after it
    // (std::rotate swaps byte by byte, which was 1 % of the proxy's CPU).
    const std::string last(out_.data() + last_top_, len_ - last_top_);
    std::memmove(out_.data() + event_at_ + last.size(), out_.data() + event_at_,
                 last_top_ - event_at_);
    std::memcpy(out_.data() + event_at_, last.data(), last.size());
  }
  out_[0] = '{';
  put('}');
  out_.resize(len_);  // a cut: nothing is filled
  return std::move(out_);
}

void AuditDomWriter::open(std::string_view key) {
  boost::json::value& v = top()[key];
  v.emplace_object();
  stack_.push_back(&v);
}

void AuditDomWriter::open_array(std::string_view key) {
  boost::json::value& v = top()[key];
  v.emplace_array();
  stack_.push_back(&v);
}

void AuditDomWriter::open_item() {
  auto& array = stack_.back()->as_array();
  array.emplace_back(boost::json::object());
  stack_.push_back(&array.back());
}

}  // namespace switchyard::audit
