// Hot policy reload: on SIGHUP, on request, and when the policy file, the shadow policy file or any
// file they include changes (inotify on their directories, which also sees editors that save by
// rename and Kubernetes ConfigMap updates that swap the `..data` symlink; plus a slow content poll
// as a safety net). The new policy is loaded and its tests run on the reloader's own thread, never
// on the request path; on success the PolicyStore swaps atomically, and requests in flight keep the
// shared_ptr they started with. A failed reload keeps the old policy serving. The live and the
// shadow policy are one pair: both are loaded (and their tests run) at every reload, and they swap
// together or not at all, so a broken shadow policy holds back a live change too (the errors name
// the file). Every attempt is logged (errors as FILE:LINE:COL), written to the audit log as a
// `policy_reload` record and counted in metrics.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "audit/sink.h"
#include "proxy/ops/metrics.h"
#include "proxy/ops/policy_store.h"

namespace switchyard::proxy {

enum class ReloadTrigger : std::uint8_t { kManual, kSignal, kFileChange };
std::string_view to_string(ReloadTrigger trigger);

struct ReloadResult {
  bool ok = false;
  ReloadTrigger trigger = ReloadTrigger::kManual;
  std::vector<std::string> errors;  // "FILE:LINE:COL: field.path: message" when the policy said so
  std::string old_name, old_version, old_sha256;
  std::string new_name, new_version, new_sha256;  // empty on failure
  // The shadow policy, when one is configured: it reloads with the live policy, as one pair.
  std::string old_shadow_name, old_shadow_version, old_shadow_sha256;
  std::string new_shadow_name, new_shadow_version, new_shadow_sha256;  // empty on failure
};

struct ReloaderOptions {
  // Several events within this window (an editor writing a temp file, renaming it, touching the
  // directory) make one reload.
  std::chrono::milliseconds debounce{200};
  // Besides inotify, the files' contents are compared at this interval (network file systems,
  // missed events). Without inotify this is the only watch.
  std::chrono::milliseconds poll_interval{2000};
  // A poll reads and hashes the files only when one's stat() moved, and regardless every this
  // many polls (for file systems whose stat() lags behind their contents).
  unsigned full_poll_every = 15;
  // Install a SIGHUP handler (process-wide; at most one reloader may own it). Turn off if the
  // server routes SIGHUP itself: it then calls request_reload().
  bool handle_sighup = true;
  // Off: rely on the content poll alone (tests of the fallback; file systems without inotify).
  bool use_inotify = true;
  // Loads a policy file; Policy::load_file when empty. Throws policy::PolicyError on failure.
  std::function<std::shared_ptr<const policy::Policy>(const std::filesystem::path&)> loader;
  // Runs on the reloader thread after each attempt (logging and metrics already done).
  std::function<void(const ReloadResult&)> on_reload;
};

class PolicyReloader {
 public:
  // `audit` may be null (no audit configured). All references must outlive the reloader.
  PolicyReloader(PolicyStore& store, audit::AuditSink* audit, Metrics& metrics,
                 ReloaderOptions options = {});
  ~PolicyReloader();  // stop()
  PolicyReloader(const PolicyReloader&) = delete;
  PolicyReloader& operator=(const PolicyReloader&) = delete;

  // Starts the watcher thread (and the SIGHUP handler). Registers the current policy's rule ids and
  // info in metrics.
  void start();
  // Stops the thread and restores the previous SIGHUP disposition. Idempotent.
  void stop();
  // Loads now, on the calling thread (serialized with the watcher's reloads).
  ReloadResult reload_now(ReloadTrigger trigger = ReloadTrigger::kManual);
  // Asks the watcher thread to reload as soon as possible. Async-signal-safe.
  void request_reload() noexcept;

  // Reload attempts finished so far (successful or not), and a way for tests and the server to
  // await one without sleeping.
  std::uint64_t attempts() const;
  bool wait_for_attempts(std::uint64_t count, std::chrono::milliseconds timeout) const;
  ReloadResult last_result() const;

 private:
  struct WatchState;  // inotify bookkeeping shared by the watcher thread and reload_now()

  void run();
  void watch_current_files();
  // Hashes the watched files' contents (missing files included) and refreshes watched_files_.
  // Caller holds state_mutex_.
  std::string fingerprint();

  PolicyStore& store_;
  audit::AuditSink* audit_;
  Metrics& metrics_;
  ReloaderOptions options_;

  std::mutex reload_mutex_;  // one reload at a time
  mutable std::mutex state_mutex_;
  mutable std::condition_variable attempts_cv_;
  std::uint64_t attempts_ = 0;
  ReloadResult last_result_;
  std::string last_fingerprint_;  // of the files as last attempted (success or failure)
  std::vector<std::filesystem::path> watched_files_;

  int inotify_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: stop, request_reload, SIGHUP
  bool owns_sighup_ = false;
  std::unique_ptr<WatchState> watch_;
  std::thread thread_;
  bool running_ = false;
};

}  // namespace switchyard::proxy
