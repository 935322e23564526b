// A plain mutex + condition variable queue: tasks are few (one per request with attachments) and
// long (milliseconds to seconds), so the queue is never the bottleneck.
#include "proxy/inspection/inspection_pool.h"

#include <pthread.h>

#include <algorithm>

namespace switchyard::inspection {

std::string tesseract_languages(const std::vector<std::string>& languages) {
  std::string out;
  for (const auto& language : languages) {
    if (!out.empty()) out += '+';
    out += language;
  }
  return out.empty() ? std::string("eng") : out;
}

InspectionPool::InspectionPool(const attachments::AttachmentLimits& limits)
    : limits_(limits), languages_(tesseract_languages(limits.ocr_languages)) {
  disable_openmp_threads();
  unsigned count = limits.jobs;
  if (count == 0) count = std::max(1u, std::thread::hardware_concurrency());
  threads_.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    threads_.emplace_back([this] { run(); });
    pthread_setname_np(threads_.back().native_handle(), "sy-inspect");
  }
}

namespace {

// A task that will not run (its request gave up, or the pool stops): every pooled attachment is
// reported not inspected, and `done` is still called, so that nobody waits for it forever.
void drop(InspectionTask& task) {
  task.outcome = InspectionOutcome{};
  task.outcome.cancelled = true;
  for (const auto& input : task.inputs) {
    task.outcome.reports.push_back(report_not_inspected(input.attachment, "cancelled"));
  }
  if (task.done) task.done();
}

}  // namespace

InspectionPool::~InspectionPool() {
  std::deque<std::shared_ptr<InspectionTask>> dropped;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    dropped.swap(queue_);
    for (auto& task : running_) task->cancel.store(true);
  }
  wake_.notify_all();
  for (auto& task : dropped) {
    task->cancel.store(true);
    cancelled_.fetch_add(1, std::memory_order_relaxed);
    drop(*task);
  }
  for (auto& thread : threads_) thread.join();
}

bool InspectionPool::submit(std::shared_ptr<InspectionTask> task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= std::max<std::size_t>(limits_.queue, 1)) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

void InspectionPool::run() {
  std::unique_ptr<OcrEngine> engine;  // this thread's, loaded on first OCR
  InspectionContext context;
  context.limits = &limits_;
  context.ocr = [&]() -> OcrEngine* {
    if (!engine) engine = std::make_unique<OcrEngine>(limits_.ocr_data, languages_);
    return engine.get();
  };
  for (;;) {
    std::shared_ptr<InspectionTask> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      running_.push_back(task);
    }
    if (task->cancel.load()) {
      // The request gave up while the task waited: no work, and `done` says so.
      cancelled_.fetch_add(1, std::memory_order_relaxed);
      drop(*task);
    } else {
      context.cancel = &task->cancel;
      context.deadline = task->deadline;
      try {
        task->outcome = inspect_attachments(task->inputs, context);
      } catch (...) {
        // Poppler, Leptonica or Tesseract threw (or memory ran out): nothing of the task counts
        // as read, so every attachment takes the policy's uninspected handling.
        task->outcome = InspectionOutcome{};
        for (const auto& input : task->inputs) {
          task->outcome.reports.push_back(report_failed(input.attachment, "inspection_failed"));
        }
      }
      if (task->outcome.cancelled) cancelled_.fetch_add(1, std::memory_order_relaxed);
      completed_.fetch_add(1, std::memory_order_relaxed);
      if (task->done) task->done();
    }
    std::lock_guard lock(mutex_);
    running_.erase(std::find(running_.begin(), running_.end(), task));
  }
}

}  // namespace switchyard::inspection
