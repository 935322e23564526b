// SseParser: line-end variants, comments, multi-line data, the size limit, and every split point of
// sample streams giving the same events as one feed.
#include "adapters/sse_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace switchyard::adapters {
namespace {

std::vector<SseEvent> parse_all(std::string_view stream, std::size_t limit = 1 << 20) {
  std::vector<SseEvent> events;
  SseParser parser(limit);
  auto on_event = [&](const SseEvent& e) { events.push_back(e); };
  EXPECT_TRUE(parser.feed(stream, on_event));
  parser.finish(on_event);
  return events;
}

std::vector<SseEvent> parse_split(std::string_view stream, std::size_t split1, std::size_t split2) {
  std::vector<SseEvent> events;
  SseParser parser;
  auto on_event = [&](const SseEvent& e) { events.push_back(e); };
  EXPECT_TRUE(parser.feed(stream.substr(0, split1), on_event));
  EXPECT_TRUE(parser.feed(stream.substr(split1, split2 - split1), on_event));
  EXPECT_TRUE(parser.feed(stream.substr(split2), on_event));
  parser.finish(on_event);
  return events;
}

bool same(const std::vector<SseEvent>& a, const std::vector<SseEvent>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].event != b[i].event || a[i].data != b[i].data) return false;
  }
  return true;
}

const char* const kOpenAiStream =
    "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
    "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
    ": keep-alive\n\n"
    "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":3}}\n\n"
    "data: [DONE]\n\n";

const char* const kAnthropicStreamCrlf =
    "event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\n"
    "event: ping\r\ndata: {\"type\":\"ping\"}\r\n\r\n"
    "event: content_block_delta\r\ndata:{\"type\":\"content_block_delta\"}\r\n\r\n"
    "event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n";

TEST(SseParser, OpenAiStream) {
  auto events = parse_all(kOpenAiStream);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].event, "");
  EXPECT_EQ(events[0].data, R"({"id":"c1","choices":[{"delta":{"content":"Hel"}}]})");
  EXPECT_EQ(events[3].data, "[DONE]");
}

TEST(SseParser, AnthropicStreamWithCrlfAndNoSpace) {
  auto events = parse_all(kAnthropicStreamCrlf);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].event, "message_start");
  EXPECT_EQ(events[2].event, "content_block_delta");
  EXPECT_EQ(events[2].data, R"({"type":"content_block_delta"})");
  EXPECT_EQ(events[3].data, R"({"type":"message_stop"})");
}

TEST(SseParser, CrOnlyLineEnds) {
  auto events = parse_all("event: a\rdata: 1\r\rdata: 2\r\r");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event, "a");
  EXPECT_EQ(events[0].data, "1");
  EXPECT_EQ(events[1].event, "");
  EXPECT_EQ(events[1].data, "2");
}

TEST(SseParser, MultiLineDataJoinedWithNewline) {
  auto events = parse_all("data: line one\ndata:line two\ndata: \n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "line one\nline two\n");
}

TEST(SseParser, OnlyOneSpaceStripped) {
  auto events = parse_all("data:  two spaces\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, " two spaces");
}

TEST(SseParser, CommentsAndUnknownFieldsIgnored) {
  auto events = parse_all(": hello\nid: 7\nretry: 100\ndata: x\n\n:only a comment\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "x");
}

TEST(SseParser, LastEventWithoutBlankLineDeliveredAtFinish) {
  std::vector<SseEvent> events;
  SseParser parser;
  auto on_event = [&](const SseEvent& e) { events.push_back(e); };
  ASSERT_TRUE(parser.feed("data: a\n\ndata: b", on_event));
  EXPECT_EQ(events.size(), 1u);
  parser.finish(on_event);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].data, "b");
}

TEST(SseParser, EventTooLargeFails) {
  std::vector<SseEvent> events;
  SseParser parser(16);
  auto on_event = [&](const SseEvent& e) { events.push_back(e); };
  EXPECT_TRUE(parser.feed("data: short\n\n", on_event));
  EXPECT_FALSE(parser.feed("data: 0123456789abcdef0123", on_event));
  EXPECT_TRUE(parser.failed());
  EXPECT_FALSE(parser.feed("data: x\n\n", on_event));
  EXPECT_EQ(events.size(), 1u);
}

TEST(SseParser, EventTooLargeAcrossManyLines) {
  SseParser parser(32);
  auto on_event = [](const SseEvent&) {};
  bool ok = true;
  for (int i = 0; i < 10 && ok; ++i) ok = parser.feed("data: 0123456789\n", on_event);
  EXPECT_FALSE(ok);
}

TEST(SseParser, EverySplitPointGivesSameEvents) {
  for (const char* sample : {kOpenAiStream, kAnthropicStreamCrlf,
                             "event: a\rdata: 1\r\rdata: 2\r\n\r\n: c\r\ndata: 3"}) {
    std::string_view stream(sample);
    auto expected = parse_all(stream);
    for (std::size_t i = 0; i <= stream.size(); ++i) {
      for (std::size_t j = i; j <= stream.size(); j += 7) {
        ASSERT_TRUE(same(parse_split(stream, i, j), expected)) << "split at " << i << "," << j;
      }
    }
  }
}

TEST(SseParser, ByteAtATime) {
  std::string_view stream(kAnthropicStreamCrlf);
  std::vector<SseEvent> events;
  SseParser parser;
  auto on_event = [&](const SseEvent& e) { events.push_back(e); };
  for (char c : stream) ASSERT_TRUE(parser.feed(std::string_view(&c, 1), on_event));
  parser.finish(on_event);
  EXPECT_TRUE(same(events, parse_all(stream)));
}

}  // namespace
}  // namespace switchyard::adapters
