// Canned upstream replies for the proxy integration tests: each API's JSON and SSE shapes, tagged
// with a marker so a test can tell which fake answered.
#pragma once

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "fake_upstream.h"

namespace switchyard::testing {

inline bool wants_stream(const RecordedRequest& r) {
  return r.body.find("\"stream\":true") != std::string::npos;
}

// Replies as an upstream of the given dialect would, for whatever API the target names.
inline ScriptedReply api_reply(const RecordedRequest& r, const std::string& marker) {
  const std::string& t = r.target;
  const bool stream = wants_stream(r);
  auto ends = [&](std::string_view s) {
    return t.size() >= s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("/messages/count_tokens")) return openai_json(R"({"input_tokens":42})");
  if (ends("/messages")) {
    if (!stream) {
      return openai_json(
          R"({"id":"msg_1","type":"message","role":"assistant","model":")" + marker +
          R"(","content":[{"type":"text","text":")" + marker +
          R"("}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":2}})");
    }
    return sse(
        {"event: message_start\ndata: "
         "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":"
         "\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
         "\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n",
         "event: content_block_start\ndata: "
         "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
         "\"text\":\"\"}}\n\n",
         "event: content_block_delta\ndata: "
         "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
         "\"text\":\"" +
             marker + "\"}}\n\n",
         "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
         "event: message_delta\ndata: "
         "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":"
         "null},\"usage\":{\"output_tokens\":2}}\n\n",
         "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"},
        {7, 13, 3});
  }
  if (ends("/chat/completions")) {
    if (!stream) {
      return openai_json(
          R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":")" + marker +
          R"(","choices":[{"index":0,"message":{"role":"assistant","content":")" + marker +
          R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":3,"total_tokens":14}})");
    }
    const std::string head =
        R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m",)";
    std::vector<std::string> events = {
        "data: " + head +
            R"("choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})" +
            "\n\n",
        "data: " + head + R"("choices":[{"index":0,"delta":{"content":")" + marker +
            R"("},"finish_reason":null}]})" + "\n\n",
        "data: " + head + R"("choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})" + "\n\n"};
    if (r.body.find("\"include_usage\":true") != std::string::npos) {
      events.push_back(
          "data: " + head +
          R"("choices":[],"usage":{"prompt_tokens":11,"completion_tokens":3,"total_tokens":14}})" +
          "\n\n");
    }
    events.emplace_back("data: [DONE]\n\n");
    return sse(events, {5, 11});
  }
  if (ends("/completions")) {
    const std::string head =
        R"({"id":"cmpl-1","object":"text_completion","created":1,"model":"m",)";
    if (!stream) {
      return openai_json(
          head + R"("choices":[{"text":")" + marker +
          R"(","index":0,"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}})");
    }
    std::vector<std::string> events = {
        "data: " + head + R"("choices":[{"text":")" + marker +
            R"(","index":0,"logprobs":null,"finish_reason":null}]})" + "\n\n",
        "data: " + head +
            R"("choices":[{"text":"","index":0,"logprobs":null,"finish_reason":"stop"}]})" +
            "\n\n"};
    if (r.body.find("\"include_usage\":true") != std::string::npos) {
      events.push_back(
          "data: " + head +
          R"("choices":[],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}})" +
          "\n\n");
    }
    events.emplace_back("data: [DONE]\n\n");
    return sse(events);
  }
  if (ends("/embeddings")) {
    return openai_json(
        R"({"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]},{"object":"embedding","index":1,"embedding":[0.3,0.4]}],"model":")" +
        marker + R"(","usage":{"prompt_tokens":5,"total_tokens":5}})");
  }
  if (ends("/responses")) {
    static std::atomic<int> counter{0};
    const std::string id = "resp_" + marker + "_" + std::to_string(counter.fetch_add(1));
    const std::string done =
        R"({"id":")" + id +
        R"(","object":"response","created_at":1,"status":"completed","model":"m","output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant","content":[{"type":"output_text","text":")" +
        marker +
        R"(","annotations":[]}]}],"usage":{"input_tokens":5,"output_tokens":2,"total_tokens":7}})";
    if (!stream) return openai_json(done);
    return sse(
        {"event: response.created\ndata: "
         "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"" +
             id +
             "\",\"object\":\"response\",\"created_at\":1,\"status\":\"in_progress\",\"model\":"
             "\"m\",\"output\":[]}}\n\n",
         "event: response.output_text.delta\ndata: "
         "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"item_id\":\"msg_1\","
         "\"output_index\":0,\"content_index\":0,\"delta\":\"" +
             marker + "\"}\n\n",
         "event: response.completed\ndata: "
         "{\"type\":\"response.completed\",\"sequence_number\":2,\"response\":" +
             done + "}\n\n"});
  }
  return status_error(
      404,
      R"({"error":{"message":"fake: unknown path","type":"invalid_request_error","param":null,"code":null}})");
}

}  // namespace switchyard::testing
