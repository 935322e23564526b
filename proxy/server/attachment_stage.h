// Pipeline stage 5b: inspect the attachments a request carries, between parsing and classifying.
// Inline payloads go to the inspection pool (PDF text, OCR, text documents) while the I/O worker
// goes on serving other connections; the request waits with its deadline and stops waiting (and
// cancels the work) when its client closes the connection. The text read becomes segments with
// their own pointers, classified with the rest of the request by the same policy. Requests without
// attachments never get here.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/api_error.h"
#include "policies/policy.h"

namespace switchyard::inspection {
class InspectionPool;
}

namespace switchyard::proxy {

class ClientWriter;
struct RequestContext;

enum class AttachmentStageEnd {
  kContinue,    // reports and segments added; go on and classify
  kError,       // answer `error` (413, 422, 400) and forward nothing
  kClientGone,  // the client closed the connection while the request waited
};

struct AttachmentStageResult {
  AttachmentStageEnd end = AttachmentStageEnd::kContinue;
  std::optional<adapters::ApiError> error;
};

boost::asio::awaitable<AttachmentStageResult> inspect_attachments_stage(
    RequestContext& ctx, ClientWriter& client, inspection::InspectionPool* pool);

// The strictest `uninspected:` handling over the request's attachments that were not fully read,
// and which attachment decided it (for the decision's message). handling is vendor when every
// attachment was read.
struct UninspectedVerdict {
  policy::Handling handling = policy::Handling::kVendor;
  std::string where;   // the attachment's field in the API's notation, e.g. messages[0].content[1]
  std::string reason;  // e.g. remote_url, encrypted, pages_over_limit
};
UninspectedVerdict uninspected_verdict(const RequestContext& ctx);

// For an upstream with `documents: text`: each document attachment (file part, document block)
// with the text the proxy read from it, pages joined, under a one-line heading; a document it could
// not read gets a line saying so instead. The parts are replaced by these texts (rewrite.h).
std::vector<std::pair<std::string, std::string>> documents_as_text(const RequestContext& ctx);

// "/messages/0/content/1" -> "messages[0].content[1]", for error messages.
std::string field_of_pointer(std::string_view pointer);

}  // namespace switchyard::proxy
