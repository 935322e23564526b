// The reply path of a pseudonymized request: a ResponseTranslator that wraps the one the request
// would have had (pass-through or cross-API) and puts the client's values back in place of their
// placeholders in everything the client receives, in the client's API: JSON bodies (errors too)
// and SSE streams, text and tool call arguments (JSON-escaped inside them), thinking and refusals.
// Events with nothing to restore pass on unchanged and at once; a placeholder cut between two
// events of one text is completed from the next event of that text (only the bytes that may still
// become a placeholder wait), and what is still kept back when the text ends goes out as one more
// delta event, as received. Memory per stream is bounded by the open texts, whatever its length.
#pragma once

#include <memory>

#include "adapters/pseudonymize/pseudonym_table.h"
#include "adapters/response_translator.h"

namespace switchyard::pseudonymize {

std::unique_ptr<adapters::ResponseTranslator> make_restoring_translator(
    std::unique_ptr<adapters::ResponseTranslator> inner, adapters::Api client_api,
    std::shared_ptr<const PseudonymTable> table);

}  // namespace switchyard::pseudonymize
