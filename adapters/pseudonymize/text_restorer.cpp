// One left-to-right scan: complete placeholders are replaced, and after the last one the scan
// stops at the first position whose remaining bytes are a proper prefix of some placeholder. A
// placeholder that would start there and overlap one already found cannot exist (the planner never
// assigns overlapping placeholders, and a match found first always wins), so nothing before that
// position can change with more text: that is what makes any cutting give the same output.
#include "adapters/pseudonymize/text_restorer.h"

namespace switchyard::pseudonymize {

void TextRestorer::feed(std::string_view text, std::string& out) {
  if (held_.empty()) {
    scan(text, false, out);
    return;
  }
  scratch_.assign(held_);
  scratch_.append(text);
  held_.clear();
  scan(scratch_, false, out);
}

void TextRestorer::finish(std::string& out) {
  if (held_.empty()) return;
  scratch_.swap(held_);
  held_.clear();
  scan(scratch_, true, out);
}

void TextRestorer::scan(std::string_view text, bool final, std::string& out) {
  std::size_t at = 0;
  PseudonymTable::Match match;
  while (table_->next_match(text, at, &match)) {
    emit_literal(text.substr(at, match.begin - at), out);
    emit_value(*match.entry, out);
    at = match.end;
  }
  if (!final) {
    const std::size_t hold = table_->partial_at_end(text, at);
    if (hold != std::string_view::npos) {
      emit_literal(text.substr(at, hold - at), out);
      held_.assign(text.substr(hold));
      return;
    }
  }
  emit_literal(text.substr(at), out);
}

void TextRestorer::emit_literal(std::string_view text, std::string& out) {
  out.append(text);
  if (kind_ != TextKind::kJson) return;
  for (char c : text) {
    if (escaped_) {
      escaped_ = false;
    } else if (in_string_) {
      if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
    } else if (c == '"') {
      in_string_ = true;
    }
  }
}

void TextRestorer::emit_value(const PseudonymTable::Entry& entry, std::string& out) {
  ++restored_;
  if (kind_ != TextKind::kJson || !in_string_) {
    out.append(entry.value);
  } else {
    // The value's JSON string body: quotes, backslashes and control characters escaped.
    static constexpr char kHex[] = "0123456789abcdef";
    for (char c : entry.value) {
      const auto u = static_cast<unsigned char>(c);
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (u < 0x20) {
            out += "\\u00";
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 0xf]);
          } else {
            out.push_back(c);
          }
      }
    }
  }
  // The placeholder's own bytes (letters, digits, '-') are what the vendor wrote: in a string they
  // only end a pending escape.
  escaped_ = false;
}

std::string restore_text(const PseudonymTable& table, std::string_view text, TextKind kind,
                         std::size_t* restored) {
  TextRestorer restorer(table, kind);
  std::string out;
  out.reserve(text.size() + 16);
  restorer.feed(text, out);
  restorer.finish(out);
  if (restored != nullptr) *restored = restorer.restored();
  return out;
}

bool contains_placeholder(const PseudonymTable& table, std::string_view text) {
  PseudonymTable::Match match;
  return table.next_match(text, 0, &match);
}

}  // namespace switchyard::pseudonymize
