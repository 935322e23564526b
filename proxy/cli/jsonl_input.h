// Bulk input for `switchyard classify` and `switchyard policy diff`: JSON Lines read in large
// blocks straight from a file descriptor (no iostream, no copy per line), and a strict parser for
// the corpus line format {"id": <any JSON>, "text": "..."} that extracts the two members without
// building a DOM. The text is a view into the block unless it holds escapes (then it is decoded
// into a scratch string); the id is the raw JSON of its value, echoed as it was written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::cli {

// Reads a file descriptor in blocks and hands out complete lines (without '\n', '\r\n' trimmed).
// A last line without a newline is returned too. Lines longer than the block grow the buffer.
class LineReader {
 public:
  explicit LineReader(int fd, std::size_t block_size = std::size_t{4} << 20);
  // False at the end of input. Throws std::system_error on a read error. The view stays valid
  // until the next call.
  bool next(std::string_view* line);
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t line_number() const { return line_number_; }  // of the line last returned

 private:
  bool fill();  // reads more after what is buffered; false at EOF

  int fd_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;    // first unconsumed byte
  std::size_t end_ = 0;      // one past the last buffered byte
  std::size_t scanned_ = 0;  // bytes from begin_ already known to hold no '\n'
  bool eof_ = false;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t line_number_ = 0;
};

struct CorpusLine {
  std::string_view id_json;  // the id member's value as written ("null" when absent)
  std::string_view text;     // decoded
};

struct CorpusLineError {
  std::size_t column = 0;  // 1-based byte column
  std::string message;
};

// Parses one line. Strict JSON (RFC 8259: no trailing commas, no comments, valid UTF-8, nesting
// at most 64), the top level an object with a string member "text" and optionally "id"; other
// members are allowed and ignored; "id" or "text" given twice is an error. `scratch` holds the
// decoded text when it has escapes. Returns false and fills *error otherwise.
bool parse_corpus_line(std::string_view line, std::string* scratch, CorpusLine* out,
                       CorpusLineError* error);

// True for a line of spaces, tabs and carriage returns only (skipped, as blank lines are).
bool is_blank_line(std::string_view line);

}  // namespace switchyard::cli
