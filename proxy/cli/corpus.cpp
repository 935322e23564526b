// Walking a corpus: files opened with open(2), read in 4 MiB blocks, progress on stderr.
#include "proxy/cli/corpus.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include "common/command_line.h"
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

unsigned default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp(cores, 1u, 8u);
}

void add_jobs_option(CLI::App& command, unsigned& jobs) {
  command
      .add_option("--jobs", jobs,
                  "classify on N threads (default: the cores, at most 8, here " +
                      std::to_string(jobs) + "); the output keeps the input's order")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u).description(""));
}

namespace {

constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
constexpr std::size_t kBatchItems = 8192;

// Batches in flight, in input order, and the workers that fill them.
class BatchPipeline {
 public:
  BatchPipeline(unsigned jobs, const std::function<void(CorpusBatch&)>& process,
                const std::function<void(CorpusBatch&)>& finish)
      : process_(process), finish_(finish), max_in_flight_(2 * std::size_t{jobs}) {
    for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
  }
  ~BatchPipeline() { stop(); }

  CorpusBatch& current() { return current_->batch; }

  // Hands the current batch to the workers, then finishes those done at the front (waiting when
  // too many are in flight).
  void submit() {
    {
      std::lock_guard lock(mutex_);
      Slot* slot = current_.get();
      order_.push_back(std::move(current_));
      queue_.push_back(slot);
    }
    work_cv_.notify_one();
    drain(max_in_flight_);
    current_ = take_free();
  }
  // Finishes everything still in flight.
  void flush() { drain(1); }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (closing_) return;
      closing_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

 private:
  struct Slot {
    CorpusBatch batch;
    bool ready = false;
  };

  std::unique_ptr<Slot> take_free() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<Slot>();
    auto slot = std::move(free_.back());
    free_.pop_back();
    return slot;
  }

  // Finishes batches at the front while they are ready, and waits for the front one while at
  // least `limit` are in flight.
  void drain(std::size_t limit) {
    for (;;) {
      std::unique_ptr<Slot> front;
      {
        std::unique_lock lock(mutex_);
        if (order_.empty()) return;
        if (!order_.front()->ready) {
          if (order_.size() < limit) return;
          done_cv_.wait(lock, [&] { return order_.front()->ready; });
        }
        front = std::move(order_.front());
        order_.pop_front();
      }
      finish_(front->batch);
      front->batch.clear();
      front->ready = false;
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(front));
    }
  }

  void work() {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(mutex_);
        work_cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        slot = queue_.front();
        queue_.pop_front();
      }
      process_(slot->batch);
      {
        std::lock_guard lock(mutex_);
        slot->ready = true;
      }
      done_cv_.notify_all();
    }
  }

  const std::function<void(CorpusBatch&)>& process_;
  const std::function<void(CorpusBatch&)>& finish_;
  const std::size_t max_in_flight_;
  std::mutex mutex_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::unique_ptr<Slot>> order_;
  std::deque<Slot*> queue_;
  std::vector<std::unique_ptr<Slot>> free_;
  std::unique_ptr<Slot> current_ = std::make_unique<Slot>();
  std::vector<std::thread> workers_;
  bool closing_ = false;
};

}  // namespace

bool run_corpus_batches(const std::vector<std::string>& files, const std::string& label,
                        unsigned jobs, const std::function<void(CorpusBatch&)>& process,
                        const std::function<void(CorpusBatch&)>& finish) {
  auto add = [](CorpusBatch& batch, const CorpusItem& item) {
    CorpusBatch::Item copy;
    copy.file = item.file;
    copy.line = item.line;
    copy.ok = item.ok;
    if (item.ok) {
      copy.id_at = batch.arena.size();
      copy.id_size = item.value.id_json.size();
      batch.arena.append(item.value.id_json);
      copy.text_at = batch.arena.size();
      copy.text_size = item.value.text.size();
      batch.arena.append(item.value.text);
    } else {
      copy.error = item.error;
    }
    batch.items.push_back(std::move(copy));
    return batch.arena.size() >= kBatchBytes || batch.items.size() >= kBatchItems;
  };
  if (jobs <= 1) {
    CorpusBatch batch;
    const bool read = for_each_corpus_line(files, label, [&](const CorpusItem& item) {
      if (add(batch, item)) {
        process(batch);
        finish(batch);
        batch.clear();
      }
    });
    if (!batch.items.empty()) {
      process(batch);
      finish(batch);
    }
    return read;
  }
  BatchPipeline pipeline(jobs, process, finish);
  const bool read = for_each_corpus_line(files, label, [&](const CorpusItem& item) {
    if (add(pipeline.current(), item)) pipeline.submit();
  });
  if (!pipeline.current().items.empty()) pipeline.submit();
  pipeline.flush();
  pipeline.stop();
  return read;
}

}  // namespace switchyard::cli
