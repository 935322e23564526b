// The progress bar and its plain-line fallback.
#include "proxy/cli/progress.h"

#include <unistd.h>

#include <algorithm>

namespace switchyard::cli {

namespace {

constexpr std::chrono::milliseconds kFirstShow{1000};
constexpr std::chrono::milliseconds kBarInterval{100};
constexpr std::chrono::milliseconds kLineInterval{5000};
constexpr int kBarWidth = 30;

std::string megabytes(std::uint64_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buffer;
}

}  // namespace

Progress::Progress(std::string label, std::uint64_t total_bytes, std::FILE* out)
    : Progress(std::move(label), total_bytes, out, ::isatty(::fileno(out)) == 1, kLineInterval,
               kFirstShow) {}

Progress::Progress(std::string label, std::uint64_t total_bytes, std::FILE* out, bool terminal,
                   std::chrono::milliseconds line_interval, std::chrono::milliseconds first_show)
    : label_(std::move(label)),
      total_(total_bytes),
      out_(out),
      terminal_(terminal),
      interval_(terminal ? kBarInterval : line_interval),
      first_show_(first_show),
      start_(Clock::now()) {}

std::string Progress::render(std::uint64_t bytes_done, std::uint64_t lines_done,
                             double seconds) const {
  const double rate = seconds > 0 ? static_cast<double>(bytes_done) / 1e6 / seconds : 0;
  char tail[160];
  std::snprintf(tail, sizeof tail, "%s, %llu lines, %.0f MB/s", megabytes(bytes_done).c_str(),
                static_cast<unsigned long long>(lines_done), rate);
  std::string text = label_ + ": ";
  if (total_ > 0) {
    const double fraction =
        std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(total_));
    if (terminal_) {
      const int filled = static_cast<int>(fraction * kBarWidth);
      text += '[';
      text.append(static_cast<std::size_t>(filled), '#');
      text.append(static_cast<std::size_t>(kBarWidth - filled), '.');
      text += "] ";
    }
    char percent[96];
    std::snprintf(percent, sizeof percent, "%3.0f%% of %s, ", fraction * 100,
                  megabytes(total_).c_str());
    text += percent;
    if (rate > 0 && fraction < 1.0) {
      char eta[48];
      std::snprintf(eta, sizeof eta, " (about %.0f s left)",
                    static_cast<double>(total_ - std::min(total_, bytes_done)) / 1e6 / rate);
      return text + tail + eta;
    }
  }
  return text + tail;
}

void Progress::tick(std::uint64_t bytes_done, std::uint64_t lines_done, bool force) {
  const auto now = Clock::now();
  if (!force && (now - start_ < first_show_ || (shown_ && now - last_ < interval_))) return;
  last_ = now;
  shown_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::string text = render(bytes_done, lines_done, seconds);
  if (terminal_) {
    std::fprintf(out_, "\r\033[K%s", text.c_str());
  } else {
    std::fprintf(out_, "%s\n", text.c_str());
  }
  std::fflush(out_);
}

void Progress::finish(std::uint64_t bytes_done, std::uint64_t lines_done) {
  if (!shown_) return;
  if (terminal_) {
    std::fputs("\r\033[K", out_);
  } else {
    tick(bytes_done, lines_done, true);  // the last line says where it ended
  }
  std::fflush(out_);
}

}  // namespace switchyard::cli
