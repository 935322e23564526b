// The OpenAI-family and Anthropic-family adapter singletons, looked up by adapter_for().
#pragma once

#include "adapters/adapter.h"

namespace switchyard::adapters {

// Chat, Completions, Embeddings or Responses; other values give the Chat adapter.
const Adapter& openai_adapter(Api api);
// Messages or count_tokens; other values give the Messages adapter.
const Adapter& anthropic_adapter(Api api);

}  // namespace switchyard::adapters
