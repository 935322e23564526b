// A corpus for the bulk commands: JSON Lines files (or stdin) walked line by line with the fast
// reader and parser of jsonl_input.h, progress on stderr, and output collected in a large buffer
// written with write(2) (no iostream, no flush per line).
#pragma once

#include <any>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "proxy/cli/jsonl_input.h"

namespace CLI {
class App;
}  // namespace CLI

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

// About 1 MiB of corpus lines, copied out of the read buffer so that a worker thread can classify
// them while the reader goes on. The worker writes its results to `out` (stdout) and `err`
// (stderr) and may keep per-batch totals in `state`.
struct CorpusBatch {
  struct Item {
    const std::string* file = nullptr;
    std::uint64_t line = 0;
    bool ok = false;
    std::size_t id_at = 0, id_size = 0, text_at = 0, text_size = 0;  // into `arena`
    CorpusLineError error;
  };
  std::vector<Item> items;
  std::string arena;
  std::string out, err;
  bool failed = false;
  std::any state;

  std::string_view id(const Item& item) const { return {arena.data() + item.id_at, item.id_size}; }
  std::string_view text(const Item& item) const {
    return {arena.data() + item.text_at, item.text_size};
  }
  void clear() {
    items.clear();
    arena.clear();
    out.clear();
    err.clear();
    failed = false;
    state.reset();
  }
};

// The corpus in batches: `process` runs on `jobs` worker threads (on the calling thread when jobs
// is 1), `finish` on the calling thread for every batch in input order (write its output there).
// At most 2 x jobs batches are in flight. Returns false like for_each_corpus_line; exceptions from
// `finish` propagate after the workers stopped.
bool run_corpus_batches(const std::vector<std::string>& files, const std::string& label,
                        unsigned jobs, const std::function<void(CorpusBatch&)>& process,
                        const std::function<void(CorpusBatch&)>& finish);

// Worker threads for a bulk run: what the machine has, at most 8; "--jobs N" overrides.
unsigned default_jobs();

// The bulk commands' --jobs N option (N >= 1); `jobs` holds the default.
void add_jobs_option(CLI::App& command, unsigned& jobs);

}  // namespace switchyard::cli
