// A corpus for the bulk commands: JSON Lines files (or stdin) walked line by line with the fast
// reader and parser of jsonl_input.h, progress on stderr, and output collected in a large buffer
// written with write(2) (no iostream, no flush per line).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "proxy/cli/jsonl_input.h"

namespace switchyard::cli {

// Output to a file descriptor through a 1 MiB buffer. Throws std::system_error on a write error
// (EPIPE included: a closed pipe ends the run).
class OutputBuffer {
 public:
  explicit OutputBuffer(int fd) : fd_(fd) { buffer_.reserve(kFlushAt + 4096); }
  ~OutputBuffer();
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;
  std::string& text() { return buffer_; }  // append, then call line_done()
  void line_done() {
    if (buffer_.size() >= kFlushAt) flush();
  }
  void flush();

 private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;
  int fd_;
  std::string buffer_;
};

struct CorpusItem {
  const std::string* file = nullptr;  // as given ("-" for stdin)
  std::uint64_t line = 0;             // 1-based
  bool ok = false;
  CorpusLine value;       // when ok
  CorpusLineError error;  // when not
};

// Reads each file ("-" or no files: stdin) and calls `visit` for every non-blank line. `label`
// names the run in progress lines. Returns false, after printing "FILE: reason" on stderr, when a
// file cannot be opened or read.
bool for_each_corpus_line(const std::vector<std::string>& files, const std::string& label,
                          const std::function<void(const CorpusItem&)>& visit);

}  // namespace switchyard::cli
