#include "audit/zero_fill.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "common/log.h"

namespace switchyard::audit {
namespace {

// Zeros are written and synced a chunk at a time, so that little zeroed data is ever dirty when
// the writer syncs the same file, and the writer waits at most one chunk when it catches up.
constexpr std::uint64_t kChunk = 1u << 20;

int pwrite_all(int fd, const char* data, std::uint64_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += n;
    size -= static_cast<std::uint64_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return 0;
}

const char* zeros() {
  static const std::vector<char> buffer(kChunk, '\0');
  return buffer.data();
}

std::uint64_t file_size(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

}  // namespace

ZeroFill::ZeroFill(std::filesystem::path next_path, std::uint64_t ahead)
    : next_path_(std::move(next_path)), ahead_(std::max<std::uint64_t>(ahead, kChunk)) {
  thread_ = std::thread([this] { run(); });
}

ZeroFill::~ZeroFill() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ZeroFill::track(int fd, std::uint64_t data_end) {
  {
    std::lock_guard lock(mutex_);
    fd_ = fd;
    data_end_ = data_end;
    zeroed_end_.store(std::max(file_size(fd), data_end), std::memory_order_release);
    failed_ = false;
  }
  wake_.notify_all();
}

int ZeroFill::write_at(const char* data, std::uint64_t size, std::uint64_t offset) {
  const std::uint64_t end = offset + size;
  if (end <= zeroed_end_.load(std::memory_order_acquire)) {
    // The preparer only writes at or past zeroed_end_, so these bytes are the writer's alone.
    const int err = pwrite_all(fd_, data, size, offset);
    bool low = false;
    {
      std::lock_guard lock(mutex_);
      data_end_ = std::max(data_end_, end);
      low = zeroed_end_.load(std::memory_order_relaxed) - data_end_ < ahead_ / 2;
    }
    if (low) wake_.notify_all();
    return err;
  }
  // Caught up: write under the preparer's lock (it is between chunks), which also extends the
  // file; the preparer continues past this write.
  int err = 0;
  {
    std::lock_guard lock(mutex_);
    err = pwrite_all(fd_, data, size, offset);
    data_end_ = std::max(data_end_, end);
    if (err == 0 && end > zeroed_end_.load(std::memory_order_relaxed)) {
      zeroed_end_.store(end, std::memory_order_release);
    }
  }
  wake_.notify_all();
  return err;
}

int ZeroFill::truncate(std::uint64_t size) {
  std::lock_guard lock(mutex_);
  if (fd_ < 0) return EBADF;
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) return errno;
  data_end_ = size;
  zeroed_end_.store(size, std::memory_order_release);
  wake_.notify_all();
  return 0;
}

int ZeroFill::release(std::uint64_t size) {
  std::lock_guard lock(mutex_);
  if (fd_ < 0) return EBADF;
  const int err = ::ftruncate(fd_, static_cast<off_t>(size)) == 0 ? 0 : errno;
  fd_ = -1;
  return err;
}

std::optional<int> ZeroFill::take_next(const std::filesystem::path& path) {
  std::unique_lock lock(mutex_);
  if (!next_ready_) return std::nullopt;
  next_ready_ = false;
  wake_.notify_all();  // prepare the one after
  if (::rename(next_path_.c_str(), path.c_str()) != 0) return std::nullopt;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  return fd;
}

void ZeroFill::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] {
    const bool extended =
        fd_ < 0 || failed_ || zeroed_end_.load(std::memory_order_relaxed) >= data_end_ + ahead_;
    return stopping_ || (!busy_ && extended && (next_ready_ || failed_));
  });
}

void ZeroFill::run() {
  ::pthread_setname_np(::pthread_self(), "sy-audit-zero");
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    busy_ = true;
    if (fd_ >= 0 && !failed_ && zeroed_end_.load(std::memory_order_relaxed) < data_end_ + ahead_) {
      if (extend_one_chunk(lock)) continue;
    } else if (!next_ready_ && !failed_) {
      if (prepare_next(lock)) continue;
    }
    busy_ = false;
    idle_.notify_all();
    wake_.wait(lock);
  }
  busy_ = false;
  idle_.notify_all();
}

// Holds the lock: the writer cannot write past zeroed_end_ while the chunk goes in.
bool ZeroFill::extend_one_chunk(std::unique_lock<std::mutex>&) {
  const std::uint64_t offset = zeroed_end_.load(std::memory_order_relaxed);
  int err = pwrite_all(fd_, zeros(), kChunk, offset);
  if (err == 0 && ::fdatasync(fd_) != 0) err = errno;
  if (err != 0) {
    // Disk full, most likely: the writer appends as before (each sync then also commits the
    // size), and the file is cut back to its records.
    failed_ = true;
    if (::ftruncate(fd_, static_cast<off_t>(data_end_)) == 0) {
      zeroed_end_.store(data_end_, std::memory_order_release);
    }
    log::warn("audit: cannot zero-fill ahead of the writer; appending without it",
              {{"error", std::strerror(err)}});
    return false;
  }
  zeroed_end_.store(offset + kChunk, std::memory_order_release);
  return true;
}

// Writes the next file without the lock (the writer does not touch it until take_next).
bool ZeroFill::prepare_next(std::unique_lock<std::mutex>& lock) {
  lock.unlock();
  int err = 0;
  const int fd = ::open(next_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) err = errno;
  for (std::uint64_t done = 0; err == 0 && done < ahead_; done += kChunk) {
    err = pwrite_all(fd, zeros(), kChunk, done);
  }
  if (err == 0 && ::fdatasync(fd) != 0) err = errno;
  if (fd >= 0) ::close(fd);
  lock.lock();
  if (err != 0) {
    ::unlink(next_path_.c_str());
    failed_ = true;
    log::warn("audit: cannot prepare the next zero-filled file; rotation will create one",
              {{"path", next_path_.string()}, {"error", std::strerror(err)}});
    return false;
  }
  next_ready_ = true;
  return true;
}

}  // namespace switchyard::audit
