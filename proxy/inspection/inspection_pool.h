// The bounded pool PDF and OCR work runs on, off the I/O threads: `jobs` threads (each with its own
// Tesseract engine, created on first use) and a queue of at most `queue` waiting tasks. An I/O
// worker only ever submits and is called back; it never blocks here. A task carries a cancel flag
// that the request sets when its client goes away or its deadline passes: a task still queued is
// then dropped, a running one stops at its next check (between pages, inside Tesseract).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "adapters/attachments/attachment_limits.h"
#include "proxy/inspection/inspector.h"

namespace switchyard::inspection {

// One request's inspection: its inputs, and the outcome the pool fills in before calling `done`
// (on a pool thread; the request posts it back to its own executor). `done` is called exactly once
// for every task the pool accepted, also for one it drops (cancelled while queued, or the pool
// stopping): its outcome is then `cancelled` with every attachment reported not inspected.
struct InspectionTask {
  std::vector<AttachmentInput> inputs;
  Clock::time_point deadline = Clock::time_point::max();
  std::atomic<bool> cancel{false};
  InspectionOutcome outcome;
  std::function<void()> done;
};

class InspectionPool {
 public:
  explicit InspectionPool(const attachments::AttachmentLimits& limits);
  ~InspectionPool();  // cancels what is queued and what runs, joins the threads
  InspectionPool(const InspectionPool&) = delete;
  InspectionPool& operator=(const InspectionPool&) = delete;

  // Queues the task; false (and `done` is never called) when the queue is full or the pool stops.
  // A task's reader that throws fails that task only: its attachments are reported unreadable.
  bool submit(std::shared_ptr<InspectionTask> task);

  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }
  std::uint64_t cancelled_tasks() const { return cancelled_.load(std::memory_order_relaxed); }
  std::uint64_t completed_tasks() const { return completed_.load(std::memory_order_relaxed); }

 private:
  void run();

  const attachments::AttachmentLimits limits_;
  std::string languages_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<InspectionTask>> queue_;
  std::vector<std::shared_ptr<InspectionTask>> running_;  // cancelled when the pool stops
  bool stopping_ = false;
  std::vector<std::thread> threads_;
  std::atomic<std::uint64_t> cancelled_{0};
  std::atomic<std::uint64_t> completed_{0};
};

// Tesseract's language string for a list ("eng+deu").
std::string tesseract_languages(const std::vector<std::string>& languages);

}  // namespace switchyard::inspection
