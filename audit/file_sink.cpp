// The file audit sink: one writer thread drains a bounded queue into a JSON Lines file, chains each
// line to the previous one (SHA-256), signs it (HMAC-SHA256), syncs per the fsync mode, rotates by
// size and UTC day, and continues the chain of an existing log at startup. Layout: docs/audit.md.
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "audit/body_writer.h"
#include "audit/chain.h"
#include "audit/sink.h"
#include "audit/zero_fill.h"
#include "common/json_write.h"
#include "common/log.h"

namespace switchyard::audit {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using Clock = std::chrono::system_clock;

// Members the sink writes itself; a caller's values for them are dropped.
constexpr std::string_view kReserved[] = {"seq", "ts", "event", "prev", "kid", "mac"};
// A line longer than this at the tail of an existing log is not read back at startup.
constexpr std::size_t kMaxTailLine = 16u << 20;

std::string errno_text(int err) { return std::strerror(err); }

void append_hex(std::string& out, const audit::Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  char text[audit::kHexDigestSize];
  for (std::size_t i = 0; i < digest.size(); ++i) {
    text[2 * i] = kHex[digest[i] >> 4];
    text[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  out.append(text, sizeof text);
}

bool write_all(int fd, std::string_view data, int& err) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool pread_all(int fd, char* out, std::size_t size, off_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, out, size, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<std::size_t>(n);
    offset += n;
  }
  return true;
}

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// What startup learns from an existing regular file.
struct ExistingLog {
  std::uint64_t size = 0;        // after the torn tail is cut
  std::string last_line;         // last complete line, empty if none
  std::string first_line;        // first complete line, empty if none
  std::uint64_t torn_bytes = 0;  // bytes of an incomplete last line that were cut away
  std::uint64_t zero_tail = 0;   // zero-filled bytes after the written part
  std::string torn_sha256;
};

// Where the written part of a file ends: trailing zero bytes are zero-filled space that no record
// reached yet (a record line never holds a NUL byte).
std::uint64_t written_end(int fd, std::uint64_t size, const std::string& path) {
  constexpr std::size_t kBlock = 64 * 1024;
  std::string block;
  while (size > 0) {
    const std::uint64_t start = size > kBlock ? size - kBlock : 0;
    block.resize(size - start);
    if (!pread_all(fd, block.data(), block.size(), static_cast<off_t>(start))) {
      throw std::runtime_error("audit: cannot read " + path + ": " + errno_text(errno));
    }
    const auto last = block.find_last_not_of('\0');
    if (last != std::string::npos) return start + last + 1;
    size = start;
  }
  return 0;
}

ExistingLog read_existing(int fd, const std::string& path) {
  ExistingLog log;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) return log;
  const auto size = written_end(fd, static_cast<std::uint64_t>(st.st_size), path);
  log.zero_tail = static_cast<std::uint64_t>(st.st_size) - size;
  if (size == 0) return log;
  // Find the last newline, reading backwards in blocks.
  constexpr std::size_t kBlock = 64 * 1024;
  std::string block;
  std::uint64_t end = size;  // one past the last byte still to search
  std::optional<std::uint64_t> last_newline;
  while (end > 0 && !last_newline) {
    const std::uint64_t start = end > kBlock ? end - kBlock : 0;
    block.resize(end - start);
    if (!pread_all(fd, block.data(), block.size(), static_cast<off_t>(start))) {
      throw std::runtime_error("audit: cannot read " + path + ": " + errno_text(errno));
    }
    const auto pos = block.rfind('\n');
    if (pos != std::string::npos) last_newline = start + pos;
    end = start;
    if (size - end > kMaxTailLine) break;
  }
  const std::uint64_t complete = last_newline ? *last_newline + 1 : 0;
  if (complete < size) {
    if (size - complete > kMaxTailLine) {
      throw std::runtime_error("audit: the last line of " + path +
                               " is implausibly long; run `switchyard audit verify` on it");
    }
    std::string torn(size - complete, '\0');
    if (!pread_all(fd, torn.data(), torn.size(), static_cast<off_t>(complete))) {
      throw std::runtime_error("audit: cannot read " + path + ": " + errno_text(errno));
    }
    audit::Sha256 sha;
    log.torn_bytes = torn.size();
    log.torn_sha256 = audit::to_hex(sha.digest(torn));
  }
  log.size = complete;
  if (complete == 0) return log;
  // The last complete line ends at complete - 1; find where it starts.
  std::uint64_t line_end = complete - 1;
  std::uint64_t line_start = 0;
  std::uint64_t scan = line_end;
  std::string chunk;
  bool found = false;
  while (scan > 0 && !found) {
    const std::uint64_t start = scan > kBlock ? scan - kBlock : 0;
    chunk.resize(scan - start);
    if (!pread_all(fd, chunk.data(), chunk.size(), static_cast<off_t>(start))) {
      throw std::runtime_error("audit: cannot read " + path + ": " + errno_text(errno));
    }
    const auto pos = chunk.rfind('\n');
    if (pos != std::string::npos) {
      line_start = start + pos + 1;
      found = true;
    }
    scan = start;
    if (line_end - scan > kMaxTailLine) {
      throw std::runtime_error("audit: the last record of " + path + " is implausibly long");
    }
  }
  log.last_line.resize(line_end - line_start);
  if (!pread_all(fd, log.last_line.data(), log.last_line.size(), static_cast<off_t>(line_start))) {
    throw std::runtime_error("audit: cannot read " + path + ": " + errno_text(errno));
  }
  // First line, for the day the file started (daily rotation) and its first seq.
  std::string head(std::min<std::uint64_t>(complete, 64 * 1024), '\0');
  if (pread_all(fd, head.data(), head.size(), 0)) {
    const auto nl = head.find('\n');
    if (nl != std::string::npos) log.first_line = head.substr(0, nl);
  }
  return log;
}

struct LineHead {
  std::uint64_t seq = 0;
  std::string ts;
};

// Reads seq and ts of a record line written by this sink (or a compatible one).
std::optional<LineHead> parse_head(std::string_view line) {
  boost::system::error_code ec;
  json::value v = json::parse(line, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.get_object();
  const auto* seq = o.if_contains("seq");
  if (seq == nullptr) return std::nullopt;
  LineHead head;
  if (seq->is_uint64()) {
    head.seq = seq->get_uint64();
  } else if (seq->is_int64() && seq->get_int64() >= 0) {
    head.seq = static_cast<std::uint64_t>(seq->get_int64());
  } else {
    return std::nullopt;
  }
  if (const auto* ts = o.if_contains("ts"); ts != nullptr && ts->is_string()) {
    head.ts = ts->get_string();
  }
  return head;
}

std::string compact_timestamp(std::string_view ts) {
  // 2026-11-03T14:25:01.123456Z -> 20261103T142501Z
  std::string out;
  for (char c : ts.substr(0, 19)) {
    if (c != '-' && c != ':') out += c;
  }
  return out + "Z";
}

class FileAuditSink final : public AuditSink {
 public:
  explicit FileAuditSink(const AuditConfig& config) : config_(config), path_(config.path) {
    const char* key = std::getenv(config.hmac_key_env.c_str());
    if (key == nullptr || *key == '\0') {
      throw std::runtime_error("audit: the environment variable " + config.hmac_key_env +
                               " must hold the audit HMAC key (for example the output of "
                               "`openssl rand -hex 32`); it is not set");
    }
    const std::string_view key_view(key);
    if (key_view.size() < 16) {
      log::warn("audit key is short; use at least 32 random bytes", {{"env", config.hmac_key_env}});
    }
    hmac_ = std::make_unique<audit::HmacSha256>(key_view);
    prompt_hmac_ = std::make_unique<audit::HmacSha256>(audit::derive_prompt_key(key_view));
    kid_json_.clear();
    json_write::append_json_string(kid_json_, config.key_id);
    if (config.queue_capacity == 0) throw std::runtime_error("audit: queue_capacity must be > 0");

    if (path_.has_parent_path()) {
      std::error_code ec;
      fs::create_directories(path_.parent_path(), ec);
      if (ec) {
        throw std::runtime_error("audit: cannot create the directory " +
                                 path_.parent_path().string() + ": " + ec.message());
      }
    }
    open_current_or_throw();
    continue_chain();
    if (zero_fill_) zero_fill_->track(fd_, file_size_);
    writer_ = std::thread([this] { run(); });
  }

  ~FileAuditSink() override { close(); }

  void append(json::object record, Done done) override {
    enqueue(std::move(record), std::move(done), true);
  }

  void append_deferred(json::object record, Done done) override {
    enqueue(std::move(record), std::move(done), false);
  }

  void append_serialized(std::string_view event, std::string_view body, bool deferred,
                         Done done) override {
    enqueue_bytes(event, body, std::move(done), !deferred);
  }

  std::string prompt_digest(std::string_view text) const override {
    // mac() only reads the keyed states, so one object serves every worker thread.
    return audit::to_hex(prompt_hmac_->mac(text));
  }

  std::string prompt_digest_joined(std::span<const std::string_view> parts) const override {
    return audit::to_hex(prompt_hmac_->mac_joined(parts, '\n'));
  }

  bool healthy() const override { return healthy_.load(std::memory_order_relaxed); }

  std::uint64_t failures() const override { return failures_.load(std::memory_order_relaxed); }

  void close() override {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) {
        // Another close() is (or was) in charge of joining.
      } else {
        stopping_ = true;
      }
    }
    wake_.notify_one();
    std::lock_guard join_lock(join_mutex_);
    if (writer_.joinable()) writer_.join();
  }

 private:
  // A queued record: its event name and body sit back to back in the queue's byte buffer.
  struct Item {
    std::size_t event_size;
    std::size_t body_size;  // the caller's members, serialized: "{...}"
    Done done;
  };

  void enqueue(json::object record, Done done, bool urgent) {
    // Serialized here, on the caller's thread: the record's many small allocations are freed by
    // the thread that made them (a cross-thread free is several times dearer in glibc), and the
    // writer only signs and writes.
    std::string event = "unknown";
    if (const auto* e = record.if_contains("event"); e != nullptr && e->is_string()) {
      event = e->get_string();
    }
    for (auto name : kReserved) record.erase(name);
    enqueue_bytes(event, json::serialize(record), std::move(done), urgent);
  }

  void enqueue_bytes(std::string_view event, std::string_view body, Done done, bool urgent) {
    if (direct_) {
      write_direct(event, body, std::move(done));
      return;
    }
    {
      std::unique_lock lock(mutex_);
      if (!stopping_ && queue_.size() < config_.queue_capacity) {
        // Copied into one buffer that the writer swaps out whole: no allocation per record once
        // the buffers have grown, and none freed on another thread than the one that made it.
        queue_bytes_.append(event);
        queue_bytes_.append(body);
        queue_.push_back(Item{event.size(), body.size(), std::move(done)});
        // The first urgent record wakes the writer to write now; a deferred record into an empty
        // queue wakes it only to start the lazy timeout (kDeferredFlush), so that it either rides
        // with the next urgent record or goes out alone (an idle writer must not sleep on it).
        const bool wake = urgent ? urgent_queued_ == 0 : queue_.size() == 1;
        urgent_queued_ += urgent ? 1 : 0;
        lock.unlock();
        if (wake) wake_.notify_one();
        return;
      }
    }
    failures_.fetch_add(1, std::memory_order_relaxed);
    if (done) done(false);
  }

  // `fsync: never` has nothing to wait for, so the caller signs and writes its record itself under
  // write_mutex_, in the order it takes the lock, instead of waking the writer thread and being
  // woken by it (docs/audit.md, "Who writes"). Rotation, failures and the chain work as on the
  // writer thread: it is the same code under the same lock.
  void write_direct(std::string_view event, std::string_view body, Done done) {
    std::unique_lock lock(write_mutex_);
    if (closed_) {
      lock.unlock();
      failures_.fetch_add(1, std::memory_order_relaxed);
      if (done) done(false);
      return;
    }
    add_record(event, body, std::move(done));
    flush();
  }

  // ---- startup (constructor thread, before the writer starts) ----

  void open_current_or_throw() {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd_ < 0) {
      throw std::runtime_error("audit: cannot open " + path_.string() +
                               " for appending: " + errno_text(errno));
    }
    struct stat st {};
    regular_ = ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode);
    if (regular_) sync_directory(path_.parent_path());
    if (regular_ && config_.zero_fill_bytes > 0) {
      // Writes go to explicit offsets inside zero-filled space, not to the end of the file.
      ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_APPEND);
      // Never more zeroed space than a file may hold before it rotates.
      std::uint64_t ahead = config_.zero_fill_bytes;
      if (config_.rotate_bytes > 0) ahead = std::min(ahead, config_.rotate_bytes);
      zero_fill_ = std::make_unique<ZeroFill>(next_path(), ahead);
    }
  }

  fs::path next_path() const { return fs::path(path_.string() + ".next"); }

  void continue_chain() {
    start_fields_ = json::object{};
    if (!regular_) {
      (*start_fields_)["reason"] = "new";
      return;
    }
    const int read_fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (read_fd < 0) {
      throw std::runtime_error("audit: cannot read " + path_.string() + ": " + errno_text(errno));
    }
    ExistingLog existing;
    try {
      existing = read_existing(read_fd, path_.string());
    } catch (...) {
      ::close(read_fd);
      throw;
    }
    ::close(read_fd);
    if (existing.torn_bytes > 0) {
      // An incomplete last line comes from a crash mid-write: nobody was told it was durable,
      // so it is cut away, and the start record notes its size and hash.
      if (::ftruncate(fd_, static_cast<off_t>(existing.size)) != 0 || ::fsync(fd_) != 0) {
        throw std::runtime_error("audit: cannot cut the torn last line of " + path_.string() +
                                 ": " + errno_text(errno));
      }
      log::warn("audit log had a torn last line after a crash; cut it away",
                {{"path", path_.string()}});
      json::object torn;
      torn["bytes"] = existing.torn_bytes;
      torn["sha256"] = existing.torn_sha256;
      (*start_fields_)["torn_tail"] = std::move(torn);
    }
    file_size_ = existing.size;
    if (!existing.last_line.empty()) {
      link_to(existing.last_line, path_.string());
      (*start_fields_)["reason"] = "restart";
      if (const auto first = parse_head(existing.first_line)) {
        file_first_seq_ = first->seq;
        file_first_ts_ = first->ts;
        file_day_ = audit::timestamp_day(first->ts);
      }
      return;
    }
    // An empty current file: the chain may continue from the newest rotated file (a crash between
    // rotation and the first record of the new file, or an operator who moved the file away).
    (*start_fields_)["reason"] = "new";
    if (const auto previous = newest_rotated_file()) {
      const int prev_fd = ::open(previous->c_str(), O_RDONLY | O_CLOEXEC);
      if (prev_fd >= 0) {
        ExistingLog prev_log;
        try {
          prev_log = read_existing(prev_fd, previous->string());
        } catch (...) {
          ::close(prev_fd);
          throw;
        }
        ::close(prev_fd);
        if (!prev_log.last_line.empty()) {
          link_to(prev_log.last_line, previous->string());
          (*start_fields_)["reason"] = "rotation";
          (*start_fields_)["previous_file"] = previous->filename().string();
        }
      }
    }
  }

  void link_to(const std::string& line, const std::string& where) {
    const auto head = parse_head(line);
    if (!head) {
      throw std::runtime_error("audit: the last line of " + where +
                               " is not an audit record, so the chain cannot continue; run "
                               "`switchyard audit verify` on it and move it aside");
    }
    audit::Sha256 sha;
    prev_hex_ = audit::to_hex(sha.digest(line));
    next_seq_ = head->seq + 1;
  }

  // Rotated siblings are named <stem>.<first ts>.<first seq>.<ext>; the newest has the largest
  // last seq, which we read from each candidate's last line.
  std::optional<fs::path> newest_rotated_file() const {
    const fs::path dir = path_.parent_path().empty() ? fs::path(".") : path_.parent_path();
    const std::string stem = path_.stem().string() + ".";
    const std::string ext = path_.extension().string();
    std::optional<fs::path> best;
    std::uint64_t best_seq = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name == path_.filename().string() || !name.starts_with(stem) || !name.ends_with(ext) ||
          !entry.is_regular_file()) {
        continue;
      }
      const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      std::optional<LineHead> head;
      try {
        head = parse_head(read_existing(fd, entry.path().string()).last_line);
      } catch (const std::exception&) {
      }
      ::close(fd);
      if (head && (!best || head->seq > best_seq)) {
        best = entry.path();
        best_seq = head->seq;
      }
    }
    return best;
  }

  // ---- writer thread ----

  // Deferred records (outcomes) wait at most this long for an urgent one to carry them.
  static constexpr auto kDeferredFlush = std::chrono::milliseconds(5);
  // Queue buffers larger than this are released after their batch instead of reused.
  static constexpr std::size_t kKeptQueueBytes = 4u << 20;

  void run() {
    ::pthread_setname_np(::pthread_self(), "sy-audit");
    std::vector<Item> batch;
    std::string batch_bytes;
    for (;;) {
      bool stop = false;
      {
        std::unique_lock lock(mutex_);
        // Deferred records alone are written after at most kDeferredFlush.
        while (!stopping_ && urgent_queued_ == 0) {
          if (queue_.empty()) {
            wake_.wait(lock);
          } else if (wake_.wait_for(lock, kDeferredFlush) == std::cv_status::timeout) {
            break;
          }
        }
        urgent_queued_ = 0;
        // Swapped, not copied: both sides keep their capacity from batch to batch.
        batch.swap(queue_);
        batch_bytes.swap(queue_bytes_);
        stop = stopping_;
      }
      std::unique_lock write_lock(write_mutex_);
      std::string_view bytes = batch_bytes;
      for (auto& item : batch) {
        const std::string_view event = bytes.substr(0, item.event_size);
        const std::string_view body = bytes.substr(item.event_size, item.body_size);
        bytes.remove_prefix(item.event_size + item.body_size);
        add_record(event, body, std::move(item.done));
      }
      flush();
      write_lock.unlock();
      batch.clear();
      batch_bytes.clear();
      if (batch_bytes.capacity() > kKeptQueueBytes) {
        // A burst's worth of buffer is not kept for ever.
        std::string().swap(batch_bytes);
        std::vector<Item>().swap(batch);
      }
      if (stop) {
        std::unique_lock lock(mutex_);
        if (queue_.empty()) break;  // stopping_ refuses new items, so this is the end
      }
    }
    std::lock_guard write_lock(write_mutex_);
    shutdown();
    closed_ = true;
  }

  void add_record(std::string_view event, std::string_view body, Done done) {
    const auto now = Clock::now();
    if (rotation_due(now, body.size() + 256)) {
      flush();
      rotate(now);
    }
    append_line(now, event, body);
    dones_.push_back(std::move(done));
    if (config_.fsync == FsyncMode::kAlways) flush();
  }

  bool rotation_due(Clock::time_point now, std::size_t next_size) const {
    if (!regular_ || file_size_ + buffer_.size() == 0) return false;
    if (config_.rotate_bytes != 0 &&
        file_size_ + buffer_.size() + next_size > config_.rotate_bytes) {
      return true;
    }
    return config_.rotate_daily && file_day_ && *file_day_ != audit::utc_day(now);
  }

  // Appends one signed line to the buffer (and the start record first when one is due).
  void append_line(Clock::time_point now, std::string_view event, std::string_view body) {
    if (buffer_.empty()) snapshot_ = chain_state();
    const std::string ts = audit::format_timestamp(now);
    if (start_fields_) {
      json::object start = std::move(*start_fields_);
      start_fields_.reset();
      start["version"] = SWITCHYARD_VERSION;
      start["pid"] = static_cast<std::int64_t>(::getpid());
      sign_into_buffer(ts, "start", json::serialize(start));
    }
    sign_into_buffer(ts, event, body);
  }

  void sign_into_buffer(const std::string& ts, std::string_view event, std::string_view body) {
    if (file_size_ + buffer_.size() == 0) {
      file_first_seq_ = next_seq_;
      file_first_ts_ = ts;
      file_day_ = audit::timestamp_day(ts);
    }
    const std::size_t start = buffer_.size();
    char seq[24];
    buffer_ += "{\"seq\":";
    buffer_.append(seq, std::to_chars(seq, seq + sizeof seq, next_seq_).ptr);
    buffer_ += ",\"ts\":\"";
    buffer_ += ts;
    buffer_ += "\",\"event\":";
    json_write::append_json_string(buffer_, event);
    buffer_ += ",\"prev\":\"";
    buffer_ += prev_hex_;
    buffer_ += "\",\"kid\":";
    buffer_ += kid_json_;
    if (body.size() > 2) {  // body is a serialized object: "{...}"
      buffer_ += ',';
      buffer_.append(body.substr(1, body.size() - 2));
    }
    const std::string_view unsigned_part(buffer_.data() + start, buffer_.size() - start);
    const audit::Digest mac = hmac_->mac(unsigned_part, "}");
    buffer_ += audit::kMacMember;
    append_hex(buffer_, mac);
    buffer_ += "\"}";
    const audit::Digest line_hash = sha_.digest(std::string_view(buffer_).substr(start));
    prev_hex_.clear();
    append_hex(prev_hex_, line_hash);
    buffer_ += '\n';
    ++next_seq_;
  }

  struct ChainState {
    std::uint64_t next_seq;
    std::string prev_hex;
    std::optional<json::object> start_fields;
    std::uint64_t file_first_seq;
    std::string file_first_ts;
    std::optional<std::int64_t> file_day;
  };

  ChainState chain_state() const {
    return {next_seq_, prev_hex_, start_fields_, file_first_seq_, file_first_ts_, file_day_};
  }

  void restore(const ChainState& s) {
    next_seq_ = s.next_seq;
    prev_hex_ = s.prev_hex;
    start_fields_ = s.start_fields;
    file_first_seq_ = s.file_first_seq;
    file_first_ts_ = s.file_first_ts;
    file_day_ = s.file_day;
  }

  // Writes the buffer, syncs per the mode, and completes the records it holds. On failure the
  // file is cut back to its last good size and the chain state rewinds, so the records that failed
  // leave no trace and the next write links to the last durable line.
  bool flush(bool force_sync = false) {
    if (buffer_.empty()) return true;
    int err = 0;
    bool ok = ensure_writable(err) && write_buffer(err);
    if (ok && (force_sync || config_.fsync != FsyncMode::kNever) && ::fdatasync(fd_) != 0) {
      err = errno;
      ok = false;
    }
    if (ok) {
      file_size_ += buffer_.size();
      healthy_.store(true, std::memory_order_relaxed);
    } else {
      restore(snapshot_);
      cut_back();
      if (healthy_.exchange(false, std::memory_order_relaxed) || !logged_failure_) {
        log::error("audit write failed; requests are refused until it works again",
                   {{"path", path_.string()}, {"error", errno_text(err)}});
        logged_failure_ = true;
      }
      failures_.fetch_add(dones_.size(), std::memory_order_relaxed);
    }
    buffer_.clear();
    std::vector<Done> dones;
    dones.swap(dones_);
    dones_.swap(spare_dones_);  // reuse the vector of the previous flush (its capacity)
    for (auto& done : dones) {
      if (!done) continue;
      try {
        done(ok);
      } catch (...) {
        // A throwing callback must not take the writer down with it.
      }
    }
    dones.clear();
    spare_dones_.swap(dones);
    return ok;
  }

  bool write_buffer(int& err) {
    if (!zero_fill_) return write_all(fd_, buffer_, err);
    err = zero_fill_->write_at(buffer_.data(), buffer_.size(), file_size_);
    return err == 0;
  }

  bool ensure_writable(int& err) {
    if (fd_ < 0) {
      // After a rotation: the prepared zero-filled file when there is one.
      if (zero_fill_) fd_ = zero_fill_->take_next(path_).value_or(-1);
      if (fd_ < 0) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | (zero_fill_ ? 0 : O_APPEND) | O_CLOEXEC,
                     0640);
      }
      if (fd_ < 0) {
        err = errno;
        return false;
      }
      sync_directory(path_.parent_path());
      if (zero_fill_) zero_fill_->track(fd_, file_size_);
    }
    if (needs_cut_) {
      if (cut_to_size() != 0) {
        err = errno;
        return false;
      }
      needs_cut_ = false;
    }
    return true;
  }

  // Cuts the current file back to its durable records (0, or -1 with errno set).
  int cut_to_size() {
    if (!zero_fill_) return ::ftruncate(fd_, static_cast<off_t>(file_size_));
    const int err = zero_fill_->truncate(file_size_);
    errno = err;
    return err == 0 ? 0 : -1;
  }

  void cut_back() {
    // Only regular files can be cut; other targets (a device, a pipe) keep what they took. In a
    // zero-filled file the bytes of a failed write would otherwise stay behind the next record.
    if (fd_ >= 0 && regular_) needs_cut_ = cut_to_size() != 0;
  }

  // An archived or closed file keeps only its records: tools that read it need not know about
  // zero-filled space. Returns false when the file could not be trimmed durably.
  bool trim_zero_fill() {
    if (!zero_fill_ || fd_ < 0) return true;
    const int err = zero_fill_->release(file_size_);
    errno = err;
    return err == 0 && ::fsync(fd_) == 0;
  }

  std::string archive_name() const {
    char seq[32];
    std::snprintf(seq, sizeof seq, "%012llu", static_cast<unsigned long long>(file_first_seq_));
    const std::string base =
        path_.stem().string() + "." + compact_timestamp(file_first_ts_) + "." + seq;
    std::string name = base + path_.extension().string();
    for (int i = 2; fs::exists(path_.parent_path() / name) && i < 1000; ++i) {
      name = base + "-" + std::to_string(i) + path_.extension().string();
    }
    return name;
  }

  // Seals the current file, moves it to its archive name and opens a fresh one whose start record
  // names it. On failure the current file stays in use.
  void rotate(Clock::time_point now) {
    const std::string archived = archive_name();
    json::object seal;
    seal["reason"] = "rotation";
    seal["first_seq"] = file_first_seq_;
    seal["archived_as"] = archived;
    append_seal(now, seal);
    if (!flush(true)) return;
    if (!trim_zero_fill()) {
      log::warn("audit rotation could not trim the zero-filled tail of the file",
                {{"path", path_.string()}, {"error", errno_text(errno)}});
    }
    const fs::path target = path_.parent_path() / archived;
    if (::rename(path_.c_str(), target.c_str()) != 0) {
      log::error("audit rotation could not rename the file; continuing in it",
                 {{"path", path_.string()}, {"error", errno_text(errno)}});
      start_fields_ = json::object{{"reason", "rotation_failed"}};
      if (zero_fill_) zero_fill_->track(fd_, file_size_);
      return;
    }
    ::close(fd_);
    fd_ = -1;
    file_size_ = 0;
    file_day_.reset();
    start_fields_ = json::object{{"reason", "rotation"}, {"previous_file", archived}};
    int err = 0;
    ensure_writable(err);  // a failure here shows on the next write
    sync_directory(path_.parent_path());
  }

  void append_seal(Clock::time_point now, const json::object& seal) {
    if (buffer_.empty()) snapshot_ = chain_state();
    const std::string ts = audit::format_timestamp(now);
    if (start_fields_)
      append_line(now, "seal", json::serialize(seal));
    else
      sign_into_buffer(ts, "seal", json::serialize(seal));
  }

  void shutdown() {
    if (fd_ >= 0 || regular_) {
      json::object seal;
      seal["reason"] = "shutdown";
      seal["first_seq"] = file_first_seq_;
      append_seal(Clock::now(), seal);
      flush(true);
    }
    trim_zero_fill();
    if (zero_fill_) {
      zero_fill_.reset();  // joins the preparer
      ::unlink(next_path().c_str());
    }
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  AuditConfig config_;
  fs::path path_;
  std::unique_ptr<audit::HmacSha256> hmac_;         // writer thread only
  std::unique_ptr<audit::HmacSha256> prompt_hmac_;  // any thread (mac() is const)
  std::string kid_json_;                            // the key id as a JSON string
  audit::Sha256 sha_;                               // writer thread only

  // Held by whoever writes records: the writer thread, or callers under `fsync: never`. Guards the
  // writer state below.
  std::mutex write_mutex_;
  const bool direct_ = config_.fsync == FsyncMode::kNever;
  bool closed_ = false;  // shutdown() ran: no more records

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Item> queue_;
  std::string queue_bytes_;        // the queued records' event names and bodies, in queue order
  std::size_t urgent_queued_ = 0;  // urgent records in queue_ (guarded by mutex_)
  bool stopping_ = false;
  std::mutex join_mutex_;
  std::thread writer_;

  std::atomic<bool> healthy_{true};
  std::atomic<std::uint64_t> failures_{0};

  // Writer-thread state.
  int fd_ = -1;
  bool regular_ = false;
  bool needs_cut_ = false;
  bool logged_failure_ = false;
  std::uint64_t file_size_ = 0;  // bytes known durable (or at least written) in the current file
  std::uint64_t next_seq_ = 1;
  std::string prev_hex_ = std::string(audit::kGenesisPrev);
  std::optional<json::object> start_fields_;
  std::uint64_t file_first_seq_ = 1;
  std::string file_first_ts_;
  std::optional<std::int64_t> file_day_;
  std::string buffer_;
  std::vector<Done> dones_;
  std::vector<Done> spare_dones_;
  ChainState snapshot_;
  std::unique_ptr<ZeroFill> zero_fill_;  // regular files with zero_fill_bytes > 0
};

}  // namespace

std::unique_ptr<AuditSink> make_file_audit_sink(const AuditConfig& config) {
  return std::make_unique<FileAuditSink>(config);
}

}  // namespace switchyard::audit
