// Walking a corpus: files opened with open(2), read in 4 MiB blocks, progress on stderr.
#include "proxy/cli/corpus.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "proxy/cli/progress.h"

namespace switchyard::cli {

OutputBuffer::~OutputBuffer() {
  try {
    flush();
  } catch (const std::exception&) {
    // nowhere left to report it; the caller flushes explicitly to see errors
  }
}

void OutputBuffer::flush() {
  const char* data = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      buffer_.clear();
      throw std::system_error(errno, std::generic_category(), "write");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

bool for_each_corpus_line(const std::vector<std::string>& files, const std::string& label,
                          const std::function<void(const CorpusItem&)>& visit) {
  static const std::string kStdin = "-";
  std::vector<const std::string*> inputs;
  for (const auto& file : files) inputs.push_back(&file);
  if (inputs.empty()) inputs.push_back(&kStdin);

  // The total is known when every input is a regular file.
  std::uint64_t total = 0;
  for (const std::string* file : inputs) {
    struct stat st {};
    if (*file == "-" || ::stat(file->c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      total = 0;
      break;
    }
    total += static_cast<std::uint64_t>(st.st_size);
  }
  Progress progress(label, total);
  std::uint64_t done_before = 0, lines = 0;
  std::string scratch;
  CorpusItem item;
  for (const std::string* file : inputs) {
    const bool is_stdin = *file == "-";
    const int fd = is_stdin ? STDIN_FILENO : ::open(file->c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      std::fprintf(stderr, "%s: cannot open: %s\n", file->c_str(), std::strerror(errno));
      return false;
    }
#ifdef POSIX_FADV_SEQUENTIAL
    if (!is_stdin) ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    LineReader reader(fd);
    item.file = file;
    try {
      std::string_view line;
      while (reader.next(&line)) {
        ++lines;
        progress.update(done_before + reader.bytes_read(), lines);
        if (is_blank_line(line)) continue;
        item.line = reader.line_number();
        item.ok = parse_corpus_line(line, &scratch, &item.value, &item.error);
        visit(item);
      }
    } catch (const std::system_error& e) {
      std::fprintf(stderr, "%s: %s\n", is_stdin ? "stdin" : file->c_str(), e.what());
      if (!is_stdin) ::close(fd);
      return false;
    }
    done_before += reader.bytes_read();
    if (!is_stdin) ::close(fd);
  }
  progress.finish(done_before, lines);
  return true;
}

}  // namespace switchyard::cli
