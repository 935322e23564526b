// Names and wire families of the client APIs.
#include "adapters/adapter.h"

namespace switchyard::adapters {

std::string_view to_string(Api api) {
  switch (api) {
    case Api::kOpenAiChat:
      return "openai.chat";
    case Api::kOpenAiCompletions:
      return "openai.completions";
    case Api::kOpenAiEmbeddings:
      return "openai.embeddings";
    case Api::kOpenAiResponses:
      return "openai.responses";
    case Api::kAnthropicMessages:
      return "anthropic.messages";
    case Api::kAnthropicCountTokens:
      return "anthropic.count_tokens";
  }
  return "unknown";
}

Dialect dialect_of(Api api) {
  return api == Api::kAnthropicMessages || api == Api::kAnthropicCountTokens ? Dialect::kAnthropic
                                                                             : Dialect::kOpenAi;
}

}  // namespace switchyard::adapters
