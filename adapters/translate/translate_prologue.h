// What the response translators (translate_body.cpp and the two translate_stream_*.cpp) share:
// reading the upstream's JSON (adapters/json_fields.h), writing the client's (common/json_write.h)
// and the client-format errors (translate_errors.h). For those .cpp files only: it brings the
// writers' names into the translation namespace.
#pragma once

#include "adapters/json_fields.h"
#include "adapters/translate/translate_errors.h"
#include "adapters/translate/translate_response.h"
#include "common/json_write.h"

namespace switchyard::adapters::translation {

using json_write::append_int;
using json_write::append_json_string;
using json_write::to_json;

namespace json = boost::json;

}  // namespace switchyard::adapters::translation
