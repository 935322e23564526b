// Progress of a long bulk run (classify, policy diff) on stderr: a bar redrawn in place when
// stderr is a terminal, otherwise one plain line every few seconds (logs, CI). Nothing is shown
// for runs shorter than a second, so short runs and tests see clean stderr.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace switchyard::cli {

class Progress {
 public:
  // `total_bytes` 0: unknown (stdin); the bar then shows bytes and rate only.
  Progress(std::string label, std::uint64_t total_bytes, std::FILE* out = stderr);
  // For tests: the display mode and timing given, not found out.
  Progress(std::string label, std::uint64_t total_bytes, std::FILE* out, bool terminal,
           std::chrono::milliseconds line_interval, std::chrono::milliseconds first_show);
  // Cheap to call often: looks at the clock only every 64 calls.
  void update(std::uint64_t bytes_done, std::uint64_t lines_done) {
    if ((++calls_ & 63) == 0) tick(bytes_done, lines_done, false);
  }
  // Clears the bar (terminal) or prints nothing more; call once at the end.
  void finish(std::uint64_t bytes_done, std::uint64_t lines_done);

 private:
  void tick(std::uint64_t bytes_done, std::uint64_t lines_done, bool force);
  std::string render(std::uint64_t bytes_done, std::uint64_t lines_done, double seconds) const;

  using Clock = std::chrono::steady_clock;
  std::string label_;
  std::uint64_t total_;
  std::FILE* out_;
  bool terminal_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds first_show_;
  Clock::time_point start_;
  Clock::time_point last_{};
  bool shown_ = false;
  std::uint64_t calls_ = 0;
};

}  // namespace switchyard::cli
