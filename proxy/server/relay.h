// Writing replies to the client (pipeline stage 12): local replies with the x-switchyard-* headers,
// and the upstream response relayed through the per-request ResponseTranslator. Streams go out with
// chunked encoding piece by piece as they arrive (no buffering of the whole stream); a failed
// client write ends the relay, and dropping the UpstreamResponse then cancels the upstream request.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/response_translator.h"
#include "proxy/server/pipeline.h"
#include "proxy/server/request_context.h"
#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

// The status line and headers, ending with the blank line. Without a content length the body is
// chunked.
std::string response_head(const RequestContext& ctx, int status, std::string_view content_type,
                          std::optional<std::size_t> content_length, bool keep_alive,
                          std::string_view extra_headers = {});

// A complete reply. Records status in ctx. False when the client could not be written.
boost::asio::awaitable<bool> write_reply(RequestContext& ctx, ClientWriter& client, int status,
                                         std::string_view content_type, std::string_view body,
                                         bool keep_alive, std::string_view extra_headers = {});

// An error reply in `dialect`'s format; records status and code in ctx.
boost::asio::awaitable<bool> write_error(RequestContext& ctx, ClientWriter& client,
                                         adapters::Dialect dialect, const adapters::ApiError& error,
                                         bool keep_alive, std::string_view extra_headers = {});

struct RelayResult {
  bool client_ok = true;          // every write to the client succeeded
  bool upstream_complete = true;  // the upstream body arrived whole
};

// Relays `response` through `translator`. Records status, usage and error code in ctx.
boost::asio::awaitable<RelayResult> relay_response(RequestContext& ctx, UpstreamResponse& response,
                                                   adapters::ResponseTranslator& translator,
                                                   ClientWriter& client, bool keep_alive);

// Response headers worth passing back from the upstream (rate limits, retry hints, request ids),
// rendered as header lines.
std::string passthrough_headers(const boost::beast::http::fields& headers);

}  // namespace switchyard::proxy
