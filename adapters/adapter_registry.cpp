// adapter_for(): the endpoint table's link from a client API to its stateless adapter.
#include "adapters/adapter_singletons.h"

namespace switchyard::adapters {

const Adapter& adapter_for(Api api) {
  return dialect_of(api) == Dialect::kAnthropic ? anthropic_adapter(api) : openai_adapter(api);
}

}  // namespace switchyard::adapters
