// The `mock` upstream kind: answers locally, in the API the request arrived in (JSON or an SSE
// stream for chat, completions, embeddings, responses, messages and count_tokens), with a canned
// reply that says which route it took. It is an UpstreamClient, so mock traffic walks exactly the
// same pipeline as real traffic (audit, rewrite, relay). For the quickstart and demos, never
// production.
#pragma once

#include <memory>
#include <string>

#include "proxy/config/config.h"
#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

std::unique_ptr<UpstreamClient> make_mock_upstream_client(const UpstreamConfig& config);

}  // namespace switchyard::proxy
