// A boost::json basic_parser handler that builds the value like boost's own parser (value_stack)
// and also records each object's keys to reject duplicates when the object closes.
#include "adapters/strict_json.h"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value_stack.hpp>
#include <functional>
#include <string>
#include <vector>

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

// Objects at most this large compare keys pairwise; larger ones sort (O(n log n) worst case, so a
// body with a 100k-key object cannot make parsing quadratic).
constexpr std::size_t kPairwiseLimit = 16;

class StrictHandler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  StrictHandler() = default;

  json::value_stack st;
  bool duplicate = false;
  std::string duplicate_key;
  std::string_view body;  // the text parsed: keys lying in it are kept as views

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    levels_.push_back(keys_.size());
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code& ec) {
    std::size_t first = levels_.back();
    levels_.pop_back();
    if (has_duplicate(first)) {
      duplicate = true;
      ec = json::error::syntax;
      return false;
    }
    if (first < keys_.size()) arena_.resize(keys_[first].offset);
    keys_.resize(first);
    st.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) {
    st.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    if (!in_key_) begin_key();
    arena_.append(s.data(), s.size());
    st.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    // A key without escapes comes whole, as a view of the body; one with escapes is decoded into
    // the parser's buffer and kept in the arena (copying every key was most of the duplicate
    // check).
    const std::less<const char*> before;
    if (!in_key_ && !before(s.data(), body.data()) &&
        !before(body.data() + body.size(), s.data() + s.size())) {
      keys_.push_back({s.data(), arena_.size(), s.size()});
    } else {
      if (!in_key_) begin_key();
      arena_.append(s.data(), s.size());
      keys_.back().size = arena_.size() - keys_.back().offset;
    }
    in_key_ = false;
    st.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    st.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    st.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view, json::error_code&) {
    st.push_double(d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    st.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  struct Key {
    const char* view;    // the key in the body, or nullptr: in the arena at `offset`
    std::size_t offset;  // the arena's size when the key began (also for a view)
    std::size_t size;
  };

  void begin_key() {
    keys_.push_back({nullptr, arena_.size(), 0});
    in_key_ = true;
  }

  std::string_view key(std::size_t i) const {
    const Key& k = keys_[i];
    return k.view != nullptr ? std::string_view(k.view, k.size)
                             : std::string_view(arena_).substr(k.offset, k.size);
  }

  bool has_duplicate(std::size_t first) {
    std::size_t count = keys_.size() - first;
    if (count < 2) return false;
    if (count <= kPairwiseLimit) {
      for (std::size_t i = first; i < keys_.size(); ++i) {
        for (std::size_t j = i + 1; j < keys_.size(); ++j) {
          if (key(i) == key(j)) return record(key(i));
        }
      }
      return false;
    }
    std::vector<std::string_view> sorted;
    sorted.reserve(count);
    for (std::size_t i = first; i < keys_.size(); ++i) sorted.push_back(key(i));
    std::sort(sorted.begin(), sorted.end());
    auto it = std::adjacent_find(sorted.begin(), sorted.end());
    return it != sorted.end() && record(*it);
  }

  bool record(std::string_view k) {
    duplicate_key.assign(k);
    return true;
  }

  std::string arena_;                // the keys of all open objects, back to back
  std::vector<Key> keys_;            // their spans in arena_
  std::vector<std::size_t> levels_;  // index of each open object's first key in keys_
  bool in_key_ = false;
};

// A key is echoed in the error only when it looks like a field name, never arbitrary content.
bool is_field_name(std::string_view k) {
  if (k.empty() || k.size() > 40) return false;
  return std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

ApiError bad_json(std::string message, std::string param = {}) {
  return ApiError{400, "invalid_request_error", "invalid_json", std::move(message),
                  std::move(param)};
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end - p) < len) return false;
    for (std::size_t i = 1; i < len; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += len;
  }
  return true;
}

Result<json::value> parse_strict_json(std::string_view body) {
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  json::basic_parser<StrictHandler> parser(options);
  parser.handler().body = body;
  parser.handler().st.reset(json::make_shared_resource<json::monotonic_resource>());
  json::error_code ec;
  std::size_t consumed = parser.write_some(false, body.data(), body.size(), ec);
  if (!ec && consumed == body.size()) return parser.handler().st.release();
  if (!ec) {
    return bad_json("the request body is not valid JSON (data after the top-level value at byte " +
                    std::to_string(consumed) + ")");
  }

  const StrictHandler& handler = parser.handler();
  if (handler.duplicate) {
    if (is_field_name(handler.duplicate_key)) {
      return bad_json("the request body has a duplicate object key \"" + handler.duplicate_key +
                          "\"; each key may appear only once per object",
                      handler.duplicate_key);
    }
    return bad_json(
        "the request body has a duplicate object key; each key may appear only once "
        "per object");
  }
  if (body.empty()) return bad_json("the request body is empty; expected a JSON object");
  if (ec == json::error::too_deep) {
    return bad_json("the request body nests objects and arrays deeper than " +
                    std::to_string(kMaxJsonDepth) + " levels");
  }
  if (!is_valid_utf8(body)) return bad_json("the request body is not valid UTF-8");
  return bad_json("the request body is not valid JSON (" + ec.message() + " at byte " +
                  std::to_string(consumed) + ")");
}

}  // namespace switchyard::adapters
