// Zero-filled space ahead of the audit writer. fdatasync after an append into blocks that already
// exist flushes only data; appending to a growing file also commits the new size and extents, which
// costs this project's VM about twice as much per sync (docs/benchmarks.md, "Session 7").
// PostgreSQL zero-fills its WAL segments ahead of use for the same reason (wal_init_zero).
//
// One background thread writes zeros past the writer's position in the current file, a chunk at a
// time, and keeps the next file (`<path>.next`) ready for rotation. The writer never waits for it
// unless it catches up with the zeroed space; then it takes the preparer's lock for its own write,
// so the two never write the same bytes. The reader treats trailing zero bytes as unwritten space
// (audit/reader.h: unwritten_tail).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace switchyard::audit {

class ZeroFill {
 public:
  // `ahead`: how much zeroed space to keep past the writer (> 0). `next_path`: where the next
  // file is prepared.
  ZeroFill(std::filesystem::path next_path, std::uint64_t ahead);
  ~ZeroFill();
  ZeroFill(const ZeroFill&) = delete;
  ZeroFill& operator=(const ZeroFill&) = delete;

  // The writer's current file (fd stays the writer's) and where its written data ends; the
  // preparer learns how far zeroed space reaches from the file's size.
  void track(int fd, std::uint64_t data_end);

  // Writes `size` bytes at `offset` of the tracked file (pwrite, whole). Past the zeroed space it
  // holds the preparer's lock for the write. Returns 0 or an errno.
  int write_at(const char* data, std::uint64_t size, std::uint64_t offset);

  // Cuts the tracked file to `size` (a failed write is cut away; an archived file is trimmed to
  // its records). Returns 0 or an errno.
  int truncate(std::uint64_t size);

  // Cuts the tracked file to `size` and stops using its fd, in one step so that no zeros follow
  // (rotation archives the file; shutdown closes it). Returns 0 or an errno.
  int release(std::uint64_t size);

  // The prepared next file, renamed to `path` and opened for writing; nullopt when none is ready
  // (the writer then creates the file itself).
  std::optional<int> take_next(const std::filesystem::path& path);

  // Waits until the preparer has nothing left to do (tests and benchmarks).
  void wait_idle();

 private:
  void run();
  bool extend_one_chunk(std::unique_lock<std::mutex>& lock);
  bool prepare_next(std::unique_lock<std::mutex>& lock);

  const std::filesystem::path next_path_;
  const std::uint64_t ahead_;

  std::mutex mutex_;  // held across each chunk the preparer writes, and while the fd changes
  std::condition_variable wake_;
  std::condition_variable idle_;
  int fd_ = -1;
  std::uint64_t data_end_ = 0;
  std::atomic<std::uint64_t> zeroed_end_{0};  // blocks exist up to here (zeroed or written)
  bool next_ready_ = false;
  bool busy_ = false;
  bool failed_ = false;  // a zero-fill failed (disk full): stop trying until the next track()
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace switchyard::audit
