// The direct record writer must produce, byte for byte, what the file sink made of the DOM form
// (the record format must not change): the same members through audit::AuditDomWriter, with the
// sink's old treatment (reserved members erased, the rest serialized), against
// audit::AuditBodyWriter. And the file sink writes the same line for either form of a record.
#include <gtest/gtest.h>

#include <limits>

#include "audit/body_writer.h"
#include "audit/chain.h"
#include "common/json_write.h"
#include "tests/unit/audit/test_support.h"

// After boost/json.hpp (body_writer.h), which this detail header needs.
#include <boost/json/detail/format.hpp>

namespace switchyard::audit {
namespace {

using namespace switchyard::testing;
namespace json = boost::json;

// What FileAuditSink::enqueue does with a DOM record (the reference form).
std::string old_sink_body(json::object record) {
  for (auto name : {"seq", "ts", "event", "prev", "kid", "mac"}) record.erase(name);
  return json::serialize(record);
}

struct Sample {
  std::string event = "decision";
  std::string text = "plain";
  std::int64_t signed_number = -42;
  std::uint64_t unsigned_number = 7;
  double real = 12.5;
  int rules = 1;
  bool with_null = true;
  bool fallback = false;
  bool event_first = true;
};

template <class W>
void feed(W& w, const Sample& s) {
  if (s.event_first) w.str("event", s.event);
  w.str("request_id", "req_" + s.text);
  w.str("client", s.text);
  w.boolean("stream", s.signed_number % 2 == 0);
  if (s.with_null) w.null("upstream");
  w.open_array("rules");
  for (int i = 0; i < s.rules; ++i) {
    w.open_item();
    w.str("id", s.text + std::to_string(i));
    w.unum("count", s.unsigned_number + static_cast<std::uint64_t>(i));
    w.close();
  }
  w.close();
  w.num("status", s.signed_number);
  if (!s.event_first) w.str("event", s.event);
  w.open("usage");
  w.num("input_tokens", s.signed_number);
  w.null("output_tokens");
  w.close();
  w.real("latency_ms", s.real);
  w.open("prompt");
  w.unum("bytes", s.unsigned_number);
  w.str("hmac", std::string(64, 'd'));
  w.close();
  if (s.fallback) w.boolean("fallback", true);
}

void expect_same_bytes(const Sample& s) {
  audit::AuditDomWriter dom;
  feed(dom, s);
  audit::AuditBodyWriter direct;
  feed(direct, s);
  EXPECT_EQ(direct.event(), s.event);
  EXPECT_EQ(direct.finish(), old_sink_body(dom.finish()));
}

TEST(AuditBodyWriterTest, MatchesTheSinksSerializationOfTheDom) {
  expect_same_bytes({});
  Sample fallback;
  fallback.fallback = true;  // a different last member moves to the front
  expect_same_bytes(fallback);
  Sample no_rules;
  no_rules.rules = 0;
  no_rules.with_null = false;
  expect_same_bytes(no_rules);
  Sample many_rules;
  many_rules.rules = 3;
  expect_same_bytes(many_rules);
  Sample event_later;
  event_later.event_first = false;
  expect_same_bytes(event_later);
}

TEST(AuditBodyWriterTest, EscapesStringsLikeBoostJson) {
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  for (const std::string& text :
       {std::string("quote \" backslash \\ slash /"), std::string("tab\tnl\ncr\rbs\bff\f"),
        std::string("\x01\x1f\x7f", 3), std::string("nul\0nul", 7),
        std::string("utf-8: \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), std::string(""),
        every_byte}) {
    Sample s;
    s.text = text;
    s.event = text.empty() ? "outcome" : "odd " + text;
    expect_same_bytes(s);
    std::string direct;
    json_write::append_json_string(direct, text);
    EXPECT_EQ(direct, json::serialize(json::string_view(text)));
  }
}

TEST(AuditBodyWriterTest, FormatsNumbersLikeBoostJson) {
  for (const double real : {0.0, -0.0, 0.001, 1.5, 12.345, 1e-6, 123456.789, 2.5e17, 1.0 / 3}) {
    Sample s;
    s.real = real;
    expect_same_bytes(s);
  }
  for (const std::int64_t n :
       {std::int64_t{0}, std::int64_t{499}, std::int64_t{-1},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    Sample s;
    s.signed_number = n;
    expect_same_bytes(s);
  }
  Sample big;
  big.unsigned_number = std::numeric_limits<std::uint64_t>::max() - 5;
  expect_same_bytes(big);
}

// The durations' fast path (k / 1000) against boost's ryu, on every small k, each power of ten's
// neighbours and a sweep of large ones; values of another form must be left to ryu (0 returned).
TEST(AuditBodyWriterTest, ThousandthsFormatLikeRyu) {
  const auto ryu = [](double value) {
    char buf[boost::json::detail::max_number_chars + 1];
    return std::string(buf, boost::json::detail::format_double(buf, value));
  };
  const auto check = [&](std::uint64_t k) {
    const double value = static_cast<double>(k) / 1e3;
    char buf[32];
    const std::size_t n = format_thousandths(buf, value);
    ASSERT_GT(n, 0u) << k;
    ASSERT_EQ(std::string(buf, n), ryu(value)) << k;
  };
  for (std::uint64_t k = 1; k <= 300000; ++k) check(k);
  for (std::uint64_t p = 10; p < 1000000000000000ull; p *= 10) {
    for (std::uint64_t d = 0; d < 3; ++d) {
      check(p - 1 - d);
      check(p + d);
    }
  }
  std::uint64_t x = 88172645463325252ull;  // xorshift: large k of every length
  for (int i = 0; i < 200000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    check(1 + x % (1000000000000000ull >> (i % 40)));
  }
  char buf[32];
  for (const double other :
       {0.0, -0.0, -1.5, 1.0 / 3, 1e-4, 2.5e17, 1e12, std::numeric_limits<double>::infinity()}) {
    EXPECT_EQ(format_thousandths(buf, other), 0u) << other;
  }
}

TEST(AuditBodyWriterTest, EventOnlyAndEmptyRecords) {
  audit::AuditBodyWriter only_event;
  only_event.str("event", "start");
  EXPECT_EQ(only_event.event(), "start");
  EXPECT_EQ(only_event.finish(), "{}");
  audit::AuditBodyWriter single;
  single.str("event", "seal");
  single.str("reason", "shutdown");
  EXPECT_EQ(single.finish(), R"({"reason":"shutdown"})");
}

// The file sink writes the same line (apart from ts, and so prev and mac) for a record given as a
// DOM and the same record given serialized; the log verifies either way.
TEST(AuditBodyWriterTest, FileSinkWritesTheSameMembersForBothForms) {
  TempDir dir;
  ScopedKey key;
  const auto dom_path = dir.path() / "dom.jsonl";
  const auto body_path = dir.path() / "body.jsonl";
  std::vector<Sample> samples(4);
  samples[1].fallback = true;
  samples[2].event = "outcome";
  samples[2].rules = 0;
  samples[3].text = "esc \" \\ \n \x01 \xc3\xa9";
  {
    auto dom_sink = audit::make_file_audit_sink(test_config(dom_path));
    auto body_sink = audit::make_file_audit_sink(test_config(body_path));
    DoneWaiter waiter;
    for (const auto& s : samples) {
      audit::AuditDomWriter dom;
      feed(dom, s);
      dom_sink->append(dom.finish(), waiter.callback());
      audit::AuditBodyWriter direct;
      feed(direct, s);
      const std::string body = direct.finish();
      body_sink->append_serialized(direct.event(), body, s.event == "outcome", waiter.callback());
    }
    ASSERT_TRUE(waiter.wait_for(2 * static_cast<int>(samples.size())));
    dom_sink->close();
    body_sink->close();
  }
  const auto dom_lines = split_lines(read_file(dom_path));
  const auto body_lines = split_lines(read_file(body_path));
  ASSERT_EQ(dom_lines.size(), body_lines.size());
  ASSERT_EQ(dom_lines.size(), samples.size() + 2);  // start and seal around them
  const auto members = [](const std::string& line) {
    const auto from = line.find(",\"kid\":");
    const auto to = line.rfind(audit::kMacMember);
    return line.substr(from, to - from);
  };
  const auto event_of = [](const std::string& line) {
    return std::string(json::parse(line).at("event").as_string());
  };
  for (std::size_t i = 1; i + 1 < dom_lines.size(); ++i) {
    EXPECT_EQ(members(body_lines[i]), members(dom_lines[i])) << i;
    EXPECT_EQ(event_of(body_lines[i]), event_of(dom_lines[i])) << i;
  }
  for (const auto& path : {dom_path, body_path}) {
    const auto summary = verify_texts({read_file(path)});
    EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  }
}

}  // namespace
}  // namespace switchyard::audit
