// Puts the values back in place of their placeholders, in one stream of text (a reply's content,
// one tool call's arguments, one thinking block...) that arrives in pieces. A placeholder split
// between pieces is held back only while the text seen so far could still become one: at most the
// longest placeholder's length minus one byte, which finish() releases as received. The output is
// the same however the text is cut (tests/fuzz/adapters/pseudonymize/fuzz_pseudonym_restore.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/pseudonymize/pseudonym_table.h"

namespace switchyard::pseudonymize {

enum class TextKind : std::uint8_t {
  kPlain,  // values go in as they are
  kJson,   // the text is a JSON document (tool call arguments): a value inside one of its strings
           // is JSON-escaped there, so the arguments stay valid JSON whatever the value holds
};

class TextRestorer {
 public:
  TextRestorer(const PseudonymTable& table, TextKind kind) : table_(&table), kind_(kind) {}

  // Appends the restored text that is decided; keeps back a tail that may begin a placeholder.
  void feed(std::string_view text, std::string& out);
  // The end of this text: the tail kept back goes out as received.
  void finish(std::string& out);

  bool holding() const { return !held_.empty(); }
  std::size_t restored() const { return restored_; }  // placeholders replaced so far
  TextKind kind() const { return kind_; }

 private:
  void scan(std::string_view text, bool final, std::string& out);
  void emit_literal(std::string_view text, std::string& out);
  void emit_value(const PseudonymTable::Entry& entry, std::string& out);

  const PseudonymTable* table_;
  TextKind kind_;
  std::string held_;
  std::string scratch_;
  std::size_t restored_ = 0;
  // kJson: where the vendor's text stands (inside a string, after a backslash there).
  bool in_string_ = false;
  bool escaped_ = false;
};

// The whole text at once (what TextRestorer gives for any cutting of it). `restored` receives the
// number of placeholders replaced when given.
std::string restore_text(const PseudonymTable& table, std::string_view text, TextKind kind,
                         std::size_t* restored = nullptr);

// Whether `text` holds a placeholder of the table (cheap: one memchr per dash).
bool contains_placeholder(const PseudonymTable& table, std::string_view text);

}  // namespace switchyard::pseudonymize
