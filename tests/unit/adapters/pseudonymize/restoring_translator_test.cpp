// The restoring translator over each client API's replies, passed through or translated: the
// client gets its values back wherever the vendor wrote the placeholders, split across events or
// not, escaped inside tool arguments; events with nothing to restore are passed on byte for byte;
// what is kept back at a text's end goes out as one more delta event.
#include "adapters/pseudonymize/restoring_translator.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "adapters/json_splice.h"
#include "adapters/pseudonymize/text_restorer.h"
#include "adapters/sse_parser.h"
#include "adapters/translate/passthrough_response.h"
#include "adapters/translate/translate_response.h"

namespace switchyard::pseudonymize {
namespace {

namespace json = boost::json;
using adapters::Api;
using adapters::Dialect;

const std::string kEmail = "jane.roe@brightwater-logistics.com";
const std::string kName = "Jane \"JJ\" Roe";
const std::string kPhone = "+44 20 7946 0958";

std::shared_ptr<const PseudonymTable> make_table() {
  auto t = std::make_shared<PseudonymTable>();
  t->add("EMAIL-7f3a91", kEmail);
  t->add("PERSON-NAME-a4c9e0", kName);
  t->add("PHONE-0b12cd", kPhone);
  return t;
}

// The vendor's text and what the client must get.
const std::string kVendorText =
    "Dear PERSON-NAME-a4c9e0, I wrote to EMAIL-7f3a91 (and PHONE-0b12cd). EMAIL-7f3a92 is not "
    "yours.";
const std::string kClientText = "Dear " + kName + ", I wrote to " + kEmail + " (and " + kPhone +
                                "). EMAIL-7f3a92 is not yours.";

std::vector<std::string> pieces(std::string_view text, std::size_t size) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size(); at += size) out.emplace_back(text.substr(at, size));
  return out;
}

std::string encode(std::string_view text) {
  return json::serialize(json::value(json::string(text)));
}

struct Reply {
  std::string out;
  std::vector<adapters::SseEvent> events;
  std::vector<json::value> data;  // parsed data of each event ([DONE] and non-JSON as null)
};

std::unique_ptr<adapters::ResponseTranslator> make(Api api, Dialect upstream, bool stream,
                                                   int status = 200) {
  adapters::ParsedRequest request;
  request.api = api;
  request.stream = stream;
  request.model = "m";
  adapters::UpstreamResponseInfo info{status, stream, upstream};
  auto inner = adapters::make_response_translator(request, info, false);
  return make_restoring_translator(std::move(inner), api, make_table());
}

Reply run(Api api, Dialect upstream, bool stream, std::string_view body, std::size_t read_size = 0,
          bool complete = true, int status = 200) {
  auto t = make(api, upstream, stream, status);
  Reply r;
  if (read_size == 0) read_size = body.size() + 1;
  for (std::size_t at = 0; at < body.size(); at += read_size) {
    t->feed(body.substr(at, read_size), r.out);
  }
  t->finish(complete, r.out);
  if (stream) {
    adapters::SseParser parser;
    auto on_event = [&](const adapters::SseEvent& e) {
      r.events.push_back(e);
      boost::system::error_code ec;
      json::parse_options options;
      options.allow_invalid_utf8 = true;
      json::value v = json::parse(e.data, ec, {}, options);
      r.data.push_back(ec ? json::value() : v);
    };
    parser.feed(r.out, on_event);
    parser.finish(on_event);
  }
  return r;
}

std::string chat_stream(const std::vector<std::string>& contents, std::string_view finish) {
  const std::string head =
      R"(data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt",)";
  std::string s = head + R"("choices":[{"index":0,"delta":{"role":"assistant","content":""},)"
                         R"("finish_reason":null}]})"
                         "\n\n";
  for (const auto& c : contents) {
    s += head + R"("choices":[{"index":0,"delta":{"content":)" + encode(c) +
         R"(},"finish_reason":null}]})" + "\n\n";
  }
  s += head + R"("choices":[{"index":0,"delta":{},"finish_reason":")" + std::string(finish) +
       R"("}]})" + "\n\n";
  return s + "data: [DONE]\n\n";
}

std::string chat_content(const Reply& r) {
  std::string text;
  for (const auto& d : r.data) {
    if (!d.is_object() || !d.as_object().contains("choices")) continue;
    for (const auto& c : d.at("choices").as_array()) {
      const auto& delta = c.at("delta").as_object();
      if (const auto* content = delta.if_contains("content")) text += content->as_string();
    }
  }
  return text;
}

TEST(RestoringTranslator, ChatStreamSplitAnywhere) {
  for (std::size_t size : {1u, 2u, 3u, 5u, 7u, 13u}) {
    const std::string body = chat_stream(pieces(kVendorText, size), "stop");
    for (std::size_t read : {0u, 1u, 17u, 256u}) {
      const Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body, read);
      EXPECT_EQ(chat_content(r), kClientText) << size << " " << read;
      EXPECT_EQ(r.out.find("EMAIL-7f3a91"), std::string::npos);
      EXPECT_EQ(r.events.back().data, "[DONE]");
    }
  }
}

TEST(RestoringTranslator, EventsWithoutPlaceholdersPassByteForByte) {
  const std::string body = chat_stream({"Hello", " there", ", EMAIL-7f3a91", " bye"}, "stop");
  const Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body, 9);
  // Every event but the one with the placeholder is unchanged.
  std::vector<std::string> in_events;
  for (std::size_t at = 0; at < body.size();) {
    const std::size_t end = body.find("\n\n", at) + 2;
    in_events.push_back(body.substr(at, end - at));
    at = end;
  }
  std::size_t unchanged = 0;
  for (const auto& e : in_events) unchanged += r.out.find(e) != std::string::npos;
  EXPECT_EQ(unchanged, in_events.size() - 1);
  EXPECT_EQ(chat_content(r), "Hello there, " + kEmail + " bye");
}

TEST(RestoringTranslator, ChatTextCutOffMidPlaceholderIsFlushedBeforeTheFinish) {
  const std::string body = chat_stream({"Write to ", "EMAIL-7f"}, "length");
  const Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body);
  EXPECT_EQ(chat_content(r), "Write to EMAIL-7f");
  // The held bytes came in a chunk of their own, before the finish chunk.
  ASSERT_GE(r.data.size(), 4u);
  const auto& extra = r.data[r.data.size() - 3];
  EXPECT_EQ(extra.at("choices").at(0).at("delta").at("content").as_string(), "EMAIL-7f");
  EXPECT_EQ(extra.at("id").as_string(), "chatcmpl-1");
  EXPECT_TRUE(extra.at("choices").at(0).at("finish_reason").is_null());
  EXPECT_EQ(r.data[r.data.size() - 2].at("choices").at(0).at("finish_reason").as_string(),
            "length");
}

TEST(RestoringTranslator, ChatToolArgumentsAreEscapedAndSplit) {
  const std::string args = R"({"to":"PERSON-NAME-a4c9e0 <EMAIL-7f3a91>","cc":["PHONE-0b12cd"]})";
  const std::string head =
      R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":)";
  std::string body =
      head +
      R"({"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"send","arguments":""}}]},"finish_reason":null}]})"
      "\n\n";
  for (const auto& p : pieces(args, 4)) {
    body += head + R"({"tool_calls":[{"index":0,"function":{"arguments":)" + encode(p) +
            R"(}}]},"finish_reason":null}]})" + "\n\n";
  }
  body += head + R"({},"finish_reason":"tool_calls"}]})"
                 "\n\ndata: [DONE]\n\n";
  const Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body, 5);
  std::string got;
  for (const auto& d : r.data) {
    if (!d.is_object()) continue;
    const auto& delta = d.at("choices").at(0).at("delta").as_object();
    if (const auto* calls = delta.if_contains("tool_calls")) {
      got += calls->at(0).at("function").at("arguments").as_string();
    }
  }
  const json::value parsed = json::parse(got);
  EXPECT_EQ(parsed.at("to").as_string(), kName + " <" + kEmail + ">");
  EXPECT_EQ(parsed.at("cc").at(0).as_string(), kPhone);
}

TEST(RestoringTranslator, CompletionsStream) {
  std::string body;
  for (const auto& p : pieces(kVendorText, 3)) {
    body +=
        R"(data: {"id":"cmpl-1","object":"text_completion","created":1,"model":"m","choices":[{"text":)" +
        encode(p) + R"(,"index":0,"logprobs":null,"finish_reason":null}]})" + "\n\n";
  }
  body += "data: [DONE]\n\n";
  const Reply r = run(Api::kOpenAiCompletions, Dialect::kOpenAi, true, body, 11);
  std::string text;
  for (const auto& d : r.data) {
    if (d.is_object()) text += d.at("choices").at(0).at("text").as_string();
  }
  EXPECT_EQ(text, kClientText);
}

std::string anthropic_event(std::string_view name, std::string_view data) {
  return "event: " + std::string(name) + "\ndata: " + std::string(data) + "\n\n";
}

TEST(RestoringTranslator, AnthropicStreamTextThinkingAndToolInput) {
  std::string body = anthropic_event(
      "message_start",
      R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[],"stop_reason":null,"usage":{"input_tokens":5,"output_tokens":1}}})");
  body += anthropic_event(
      "content_block_start",
      R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}})");
  for (const auto& p : pieces("Think about EMAIL-7f3a91", 5)) {
    body += anthropic_event(
        "content_block_delta",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":)" +
            encode(p) + "}}");
  }
  body += anthropic_event("content_block_stop", R"({"type":"content_block_stop","index":0})");
  body += anthropic_event(
      "content_block_start",
      R"({"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}})");
  for (const auto& p : pieces(kVendorText + " PERSON-NAME", 2)) {
    body += anthropic_event(
        "content_block_delta",
        R"({"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":)" +
            encode(p) + "}}");
    body += anthropic_event("ping", R"({"type": "ping"})");
  }
  body += anthropic_event("content_block_stop", R"({"type":"content_block_stop","index":1})");
  body += anthropic_event(
      "content_block_start",
      R"({"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"send","input":{}}})");
  for (const auto& p : pieces(R"({"to": "PERSON-NAME-a4c9e0"})", 3)) {
    body += anthropic_event(
        "content_block_delta",
        R"({"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":)" +
            encode(p) + "}}");
  }
  body += anthropic_event("content_block_stop", R"({"type":"content_block_stop","index":2})");
  body += anthropic_event(
      "message_delta",
      R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}})");
  body += anthropic_event("message_stop", R"({"type":"message_stop"})");

  const Reply r = run(Api::kAnthropicMessages, Dialect::kAnthropic, true, body, 7);
  std::string thinking, text, input;
  int stops_seen = 0;
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const auto& d = r.data[i];
    EXPECT_EQ(r.events[i].event, d.at("type").as_string());  // event line and type agree
    if (d.at("type") == "content_block_stop") ++stops_seen;
    if (d.at("type") != "content_block_delta") continue;
    const auto& delta = d.at("delta").as_object();
    const auto index = d.at("index").as_int64();
    // Deltas of a block come before its stop.
    EXPECT_EQ(index, stops_seen);
    if (delta.at("type") == "thinking_delta") thinking += delta.at("thinking").as_string();
    if (delta.at("type") == "text_delta") text += delta.at("text").as_string();
    if (delta.at("type") == "input_json_delta") input += delta.at("partial_json").as_string();
  }
  EXPECT_EQ(thinking, "Think about " + kEmail);
  EXPECT_EQ(text, kClientText + " PERSON-NAME");  // the last bytes, kept back, flushed as sent
  EXPECT_EQ(json::parse(input).at("to").as_string(), kName);
}

TEST(RestoringTranslator, ResponsesStreamRenumbersAfterAnExtraEvent) {
  std::int64_t seq = 0;
  auto event = [&](std::string type, std::string rest) {
    return "event: " + type + "\ndata: {\"type\":\"" + type +
           "\",\"sequence_number\":" + std::to_string(seq++) + rest + "}\n\n";
  };
  const std::string text = "Hi PERSON-NAME-a4c9e0, bye EMAIL";
  std::string body = event(
      "response.created",
      R"(,"response":{"id":"resp_1","object":"response","status":"in_progress","output":[],"instructions":"Be kind to PERSON-NAME-a4c9e0"})");
  for (const auto& p : pieces(text, 4)) {
    body += event("response.output_text.delta",
                  R"(,"item_id":"msg_1","output_index":0,"content_index":0,"delta":)" + encode(p));
  }
  body += event("response.output_text.done",
                R"(,"item_id":"msg_1","output_index":0,"content_index":0,"text":)" + encode(text));
  body += event("response.function_call_arguments.delta",
                R"(,"item_id":"fc_1","output_index":1,"delta":"{\"to\": \"EMAIL-7f3a91\"}")");
  body += event(
      "response.completed",
      R"(,"response":{"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","id":"msg_1","content":[{"type":"output_text","text":)" +
          encode(text) +
          R"(}]},{"type":"function_call","id":"fc_1","arguments":"{\"to\":\"PERSON-NAME-a4c9e0\"}"}]})");
  const Reply r = run(Api::kOpenAiResponses, Dialect::kOpenAi, true, body, 3);

  std::string deltas;
  for (std::size_t i = 0; i < r.data.size(); ++i) {
    EXPECT_EQ(r.data[i].at("sequence_number").as_int64(), static_cast<std::int64_t>(i));
    if (r.data[i].at("type") == "response.output_text.delta") {
      deltas += r.data[i].at("delta").as_string();
    }
  }
  const std::string restored = "Hi " + kName + ", bye EMAIL";
  EXPECT_EQ(deltas, restored);
  EXPECT_EQ(r.data.size(), r.events.size());
  const auto find = [&](std::string_view type) -> const json::value& {
    for (const auto& d : r.data) {
      if (d.at("type").as_string() == type) return d;
    }
    static const json::value none;
    return none;
  };
  EXPECT_EQ(find("response.created").at("response").at("instructions").as_string(),
            "Be kind to " + kName);
  EXPECT_EQ(find("response.output_text.done").at("text").as_string(), restored);
  EXPECT_EQ(json::parse(find("response.function_call_arguments.delta").at("delta").as_string())
                .at("to")
                .as_string(),
            kEmail);
  const auto& completed = find("response.completed").at("response").at("output");
  EXPECT_EQ(completed.at(0).at("content").at(0).at("text").as_string(), restored);
  EXPECT_EQ(json::parse(completed.at(1).at("arguments").as_string()).at("to").as_string(), kName);
}

TEST(RestoringTranslator, JsonBodiesOfEveryApi) {
  const std::string chat =
      R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":)" +
      encode(kVendorText) +
      R"(,"tool_calls":[{"id":"t","type":"function","function":{"name":"send","arguments":"{\"to\":\"PERSON-NAME-a4c9e0\"}"}}]},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})";
  Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, false, chat, 10);
  json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("choices").at(0).at("message").at("content").as_string(), kClientText);
  EXPECT_EQ(json::parse(v.at("choices")
                            .at(0)
                            .at("message")
                            .at("tool_calls")
                            .at(0)
                            .at("function")
                            .at("arguments")
                            .as_string())
                .at("to")
                .as_string(),
            kName);
  // Only the two strings changed: everything else is the upstream's bytes.
  EXPECT_NE(r.out.find(R"("usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})"),
            std::string::npos);

  const std::string message =
      R"({"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":)" +
      encode(kVendorText) +
      R"(},{"type":"tool_use","id":"t","name":"send","input":{"to":"PERSON-NAME-a4c9e0","n":[1.50,"EMAIL-7f3a91"]}}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2}})";
  r = run(Api::kAnthropicMessages, Dialect::kAnthropic, false, message);
  v = json::parse(r.out);
  EXPECT_EQ(v.at("content").at(0).at("text").as_string(), kClientText);
  EXPECT_EQ(v.at("content").at(1).at("input").at("to").as_string(), kName);
  EXPECT_EQ(v.at("content").at(1).at("input").at("n").at(1).as_string(), kEmail);
  EXPECT_NE(r.out.find("[1.50,"), std::string::npos);  // numbers keep their spelling

  const std::string completion =
      R"({"id":"cmpl","object":"text_completion","choices":[{"text":"EMAIL-7f3a91","index":0}]})";
  r = run(Api::kOpenAiCompletions, Dialect::kOpenAi, false, completion, 1);
  EXPECT_EQ(json::parse(r.out).at("choices").at(0).at("text").as_string(), kEmail);

  const std::string error =
      R"({"error":{"message":"cannot mail EMAIL-7f3a91","type":"invalid_request_error","param":null,"code":null}})";
  r = run(Api::kOpenAiChat, Dialect::kOpenAi, false, error, 0, true, 400);
  EXPECT_NE(r.out.find("cannot mail " + kEmail), std::string::npos);

  const std::string untouched = R"({"id":"c","choices":[{"text":"nothing here"}]})";
  r = run(Api::kOpenAiCompletions, Dialect::kOpenAi, false, untouched);
  EXPECT_EQ(r.out, untouched);
}

TEST(RestoringTranslator, TranslatedStreamsAreRestoredInTheClientsApi) {
  // An Anthropic client, an OpenAI upstream: the translator's events are what gets restored.
  const Reply to_anthropic = run(Api::kAnthropicMessages, Dialect::kOpenAi, true,
                                 chat_stream(pieces(kVendorText, 3), "stop"), 19);
  std::string text;
  for (const auto& d : to_anthropic.data) {
    if (d.at("type") == "content_block_delta") text += d.at("delta").at("text").as_string();
  }
  EXPECT_EQ(text, kClientText);
  EXPECT_EQ(to_anthropic.data.back().at("type").as_string(), "message_stop");

  // An OpenAI chat client, an Anthropic upstream.
  std::string body = anthropic_event(
      "message_start",
      R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[],"stop_reason":null,"usage":{"input_tokens":5,"output_tokens":1}}})");
  body += anthropic_event(
      "content_block_start",
      R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
  for (const auto& p : pieces(kVendorText, 2)) {
    body += anthropic_event(
        "content_block_delta",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":)" +
            encode(p) + "}}");
  }
  body += anthropic_event("content_block_stop", R"({"type":"content_block_stop","index":0})");
  body += anthropic_event(
      "message_delta",
      R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}})");
  body += anthropic_event("message_stop", R"({"type":"message_stop"})");
  const Reply to_chat = run(Api::kOpenAiChat, Dialect::kAnthropic, true, body, 23);
  EXPECT_EQ(chat_content(to_chat), kClientText);
}

TEST(RestoringTranslator, CutOffStreamFlushesWhatWasHeldBeforeTheErrorEvent) {
  std::string body = chat_stream({"Reply to EMAIL-7f3"}, "stop");
  body = body.substr(0, body.find("data: {", body.find("EMAIL-7f3")));  // cut before the finish
  const Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body, 0, false);
  EXPECT_EQ(chat_content(r), "Reply to EMAIL-7f3");
  ASSERT_TRUE(r.data.back().is_object());
  EXPECT_TRUE(r.data.back().as_object().contains("error"));
}

TEST(RestoringTranslator, NonUtf8AndUnparseableEventsKeepWorking) {
  std::string body = chat_stream({"caf\xe9 EMAIL-7f", "3a91 \xff"}, "stop");
  Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body, 4);
  EXPECT_EQ(chat_content(r), "caf\xe9 " + kEmail + " \xff");

  // A broken event while bytes are held: they go out first, then the event as it came.
  body = chat_stream({"to EMA"}, "stop");
  body.insert(body.find("data: {", body.find("to EMA")), "data: {not json\n\n");
  r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body);
  EXPECT_LT(r.out.find("\"EMA\""), r.out.find("{not json"));
  EXPECT_EQ(chat_content(r), "to EMA");
}

// An inner translator that forwards the upstream's bytes exactly as they are read, so that the
// restorer itself must find the event boundaries (the real ones hand it whole events).
class ForwardingTranslator final : public adapters::ResponseTranslator {
 public:
  void feed(std::string_view bytes, std::string& out) override { out.append(bytes); }
  void finish(bool, std::string&) override {}
  const adapters::Usage& usage() const override { return usage_; }
  std::optional<std::string> response_id() const override { return std::nullopt; }
  std::string content_type() const override { return "text/event-stream"; }
  int status() const override { return 200; }

 private:
  adapters::Usage usage_;
};

// Event boundaries are found the same whatever the line ends (LF, CRLF, CR, mixed) and wherever
// the reads cut them, a CR at a read's end included. Each event's JSON is cut across two data
// lines, so that a boundary seen too early leaves halves that do not parse.
TEST(RestoringTranslator, EveryLineEndStyleAndReadSize) {
  std::string lf = chat_stream(pieces(kVendorText, 4), "stop");
  for (std::size_t at = 0; (at = lf.find("\"choices\":", at)) != std::string::npos;) {
    lf.insert(at, "\ndata: ");
    at += 16;
  }
  std::vector<std::string> bodies = {lf};
  for (std::string_view eol : {"\r\n", "\r"}) {
    std::string body;
    for (char c : lf) c == '\n' ? body.append(eol) : body.append(1, c);
    bodies.push_back(body);
  }
  std::string mixed;  // LF, CRLF and CR in turn, event by event
  int n = 0;
  for (std::size_t at = 0; at < lf.size();) {
    const std::size_t end = lf.find("\n\n", at);
    const std::string_view eol = n % 3 == 0 ? "\n" : (n % 3 == 1 ? "\r\n" : "\r");
    mixed += lf.substr(at, end - at);
    mixed.append(eol).append(eol);
    at = end + 2;
    ++n;
  }
  bodies.push_back(mixed);
  for (const auto& body : bodies) {
    for (std::size_t read : {1u, 2u, 3u, 64u, 100000u}) {
      auto t = make_restoring_translator(std::make_unique<ForwardingTranslator>(), Api::kOpenAiChat,
                                         make_table());
      Reply r;
      for (std::size_t at = 0; at < body.size(); at += read) {
        t->feed(std::string_view(body).substr(at, read), r.out);
      }
      t->finish(true, r.out);
      adapters::SseParser parser;
      auto on_event = [&](const adapters::SseEvent& e) {
        r.events.push_back(e);
        boost::system::error_code ec;
        json::value v = json::parse(e.data, ec);
        r.data.push_back(ec ? json::value() : v);
      };
      parser.feed(r.out, on_event);
      parser.finish(on_event);
      EXPECT_EQ(chat_content(r), kClientText) << read;
      ASSERT_FALSE(r.events.empty());
      EXPECT_EQ(r.events.back().data, "[DONE]");
    }
  }
}

// A delta's restored text is spliced into the delta string itself, never into another string of the
// event that holds the same text: here the server spells the delta with a \u escape (as servers
// that escape non-ASCII do) and a second field holds the same text once in the plain spelling, or
// the same text twice in the same spelling.
TEST(RestoringTranslator, RestoredDeltaNeverLandsInAnotherFieldWithTheSameText) {
  const std::string head =
      R"(data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":)";
  const std::string note = "caf\xc3\xa9 EMAIL-7f";  // the delta's text, kept back in part
  for (const std::string& spelled : {std::string(R"("caf\u00e9 EMAIL-7f")"), encode(note)}) {
    const std::string body = head + spelled + R"(},"finish_reason":null}],"note":)" + encode(note) +
                             "}\n\n" + head + R"("3a91 ok"},"finish_reason":null}],"note":)" +
                             encode(note) + "}\n\n" + head + R"("!"},"finish_reason":"stop"}]})" +
                             "\n\n" + "data: [DONE]\n\n";
    for (std::size_t read : {0u, 7u}) {
      const Reply r = run(Api::kOpenAiChat, Dialect::kOpenAi, true, body, read);
      EXPECT_EQ(chat_content(r), "caf\xc3\xa9 " + kEmail + " ok!") << spelled << " " << read;
      std::size_t notes = 0;
      for (const auto& d : r.data) {
        if (!d.is_object() || !d.as_object().contains("note")) continue;
        EXPECT_EQ(d.at("note").as_string(), note) << spelled;
        ++notes;
      }
      EXPECT_EQ(notes, 2u);
    }
  }
}

// The spelling shortcut above is sound only while the proxy's JSON string writer spells each byte
// the one way JSON leaves once \u and \/ are ruled out: literally, or with its two-character escape
// (" \ b f n r t), or as \u00XX for the other control characters. A writer that escaped more (/,
// non-ASCII) would break the proof in restoring_translator.cpp: this pins it.
TEST(RestoringTranslator, JsonWriterSpellsEachByteTheOneWayTheSpliceShortcutAssumes) {
  const std::string shorts = "\"\\\b\f\n\r\t";
  const std::string letters = "\"\\bfnrt";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const std::string spelled = adapters::encode_json_string(std::string(1, c));
    const std::size_t s = shorts.find(c);
    if (s != std::string::npos) {
      EXPECT_EQ(spelled, std::string("\"\\") + letters[s] + "\"") << b;
    } else if (b < 0x20) {
      char expected[16];
      std::snprintf(expected, sizeof expected, "\"\\u%04x\"", b);
      EXPECT_EQ(spelled, expected) << b;
    } else {
      EXPECT_EQ(spelled, std::string("\"") + c + "\"") << b;
    }
  }
}

TEST(RestoringTranslator, LongStreamsHoldOnlyAFewBytes) {
  auto t = make(Api::kOpenAiChat, Dialect::kOpenAi, true);
  std::string out;
  std::size_t bytes_in = 0;
  const std::string head =
      R"(data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":")";
  for (int i = 0; i < 6000; ++i) {
    const std::string piece = i % 3 == 0 ? "EMAIL-7f3a" : (i % 3 == 1 ? "91 PERSON-" : "NAME-");
    const std::string event = head + piece + "\"},\"finish_reason\":null}]}\n\n";
    bytes_in += event.size();
    t->feed(event, out);
    // Every event is out at once, short of a possible placeholder's beginning (values are longer
    // than their placeholders, so nothing else can make the output shorter than the input).
    ASSERT_GE(out.size() + make_table()->max_length(), bytes_in);
  }
  t->finish(true, out);
  Reply r;
  adapters::SseParser parser;
  parser.feed(out, [&](const adapters::SseEvent& e) { r.data.push_back(json::parse(e.data)); });
  const std::string text = chat_content(r);
  EXPECT_EQ(text.find("EMAIL-7f3a91"), std::string::npos);
  EXPECT_NE(text.find(kEmail + " PERSON-NAME-" + kEmail + " PERSON-NAME-"), std::string::npos);
}

}  // namespace
}  // namespace switchyard::pseudonymize
