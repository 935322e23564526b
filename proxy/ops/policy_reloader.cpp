// Hot policy reload: a watcher thread (inotify + eventfd + a slow content poll) that loads the new
// policy off the request path, swaps it into the PolicyStore on success, and logs, audits and
// counts every attempt.
#include "proxy/ops/policy_reloader.h"

#include <openssl/evp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "common/log.h"
#include "common/memory.h"

namespace switchyard::proxy {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// SIGHUP is process-wide: the handler only pokes the owning reloader's eventfd.
std::atomic<int> g_sighup_fd{-1};
std::atomic<bool> g_sighup_pending{false};
struct sigaction g_previous_sighup {};

extern "C" void on_sighup(int) {
  const int saved_errno = errno;
  g_sighup_pending.store(true);
  const int fd = g_sighup_fd.load();
  if (fd >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(fd, &one, sizeof one);
  }
  errno = saved_errno;
}

constexpr std::size_t kMaxDiscoveredFiles = 256;
constexpr std::chrono::milliseconds kMaxDebounce{2000};

// The policy file and everything it includes, read leniently from the YAML itself: after a failed
// reload we still want to watch an include the broken version names, so that fixing it reloads.
std::vector<fs::path> discover_files(const fs::path& root) {
  std::vector<fs::path> out;
  std::set<fs::path> seen;
  std::deque<fs::path> queue{root};
  while (!queue.empty() && out.size() < kMaxDiscoveredFiles) {
    fs::path file = queue.front().lexically_normal();
    queue.pop_front();
    if (!seen.insert(file).second) continue;
    out.push_back(file);
    try {
      const YAML::Node doc = YAML::LoadFile(file.string());
      const YAML::Node include = doc.IsMap() ? doc["include"] : YAML::Node();
      if (!include) continue;
      auto add = [&](const YAML::Node& node) {
        if (node.IsScalar()) queue.push_back(file.parent_path() / node.as<std::string>());
      };
      if (include.IsSequence()) {
        for (const auto& item : include) add(item);
      } else {
        add(include);
      }
    } catch (const std::exception&) {
      // unreadable or broken: it is watched all the same; the loader will report why
    }
  }
  return out;
}

std::string read_file(const fs::path& file, bool& exists) {
  std::ifstream in(file, std::ios::binary);
  exists = static_cast<bool>(in);
  if (!exists) return {};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

std::string random_id() {
  std::random_device device;
  std::uniform_int_distribution<std::uint64_t> dist;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(dist(device)));
  return buf;
}

boost::json::value policy_json(std::string_view name, std::string_view version,
                               std::string_view sha256) {
  if (name.empty() && sha256.empty()) return nullptr;
  return boost::json::object{{"name", name}, {"version", version}, {"sha256", sha256}};
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// What stat() says of each watched file (following symlinks): identity, size and times. ctime
// moves on every write, so an edit that keeps the size and restores the mtime still shows.
std::string stat_material(const std::vector<fs::path>& files) {
  std::string out;
  for (const auto& file : files) {
    out += file.string();
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
      out += "\n-\n";
      continue;
    }
    const long long fields[] = {
        static_cast<long long>(st.st_dev),          static_cast<long long>(st.st_ino),
        static_cast<long long>(st.st_size),         static_cast<long long>(st.st_mtim.tv_sec),
        static_cast<long long>(st.st_mtim.tv_nsec), static_cast<long long>(st.st_ctim.tv_sec),
        static_cast<long long>(st.st_ctim.tv_nsec)};
    for (const long long v : fields) {
      out += ' ';
      out += std::to_string(v);
    }
    out += '\n';
  }
  return out;
}

constexpr std::uint32_t kWatchMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                     IN_DELETE | IN_ATTRIB | IN_MODIFY | IN_DELETE_SELF |
                                     IN_MOVE_SELF | IN_ONLYDIR;

}  // namespace

std::string_view to_string(ReloadTrigger trigger) {
  switch (trigger) {
    case ReloadTrigger::kManual:
      return "manual";
    case ReloadTrigger::kSignal:
      return "signal";
    case ReloadTrigger::kFileChange:
      return "file_change";
  }
  return "manual";
}

// State only the watcher thread and reload() touch, kept out of the header.
struct PolicyReloader::WatchState {
  std::mutex mutex;
  std::map<int, fs::path> dirs;  // inotify wd -> directory
  std::set<std::string> names;   // basenames that matter in those directories
  std::atomic<bool> stop{false};
  std::atomic<bool> reload_requested{false};
  std::atomic<bool> rewatch{false};
};

PolicyReloader::PolicyReloader(PolicyStore& store, audit::AuditSink* audit, Metrics& metrics,
                               ReloaderOptions options)
    : store_(store),
      audit_(audit),
      metrics_(metrics),
      options_(std::move(options)),
      watch_(std::make_unique<WatchState>()) {
  if (!options_.loader) options_.loader = &policy::Policy::load_file;
}

PolicyReloader::~PolicyReloader() { stop(); }

void PolicyReloader::start() {
  if (running_) return;
  if (auto current = store_.current()) {
    try {
      metrics_.register_policy(*current);
    } catch (const std::exception& e) {
      log::warn("could not pre-register the policy's rule ids", {{"error", e.what()}});
    }
  }
  {
    std::lock_guard lock(state_mutex_);
    watched_files_.clear();
    last_fingerprint_ = fingerprint();
  }
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
  inotify_fd_ = options_.use_inotify ? ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC) : -1;
  if (options_.use_inotify && inotify_fd_ < 0) {
    log::warn("inotify unavailable; watching the policy files by polling only",
              {{"error", std::strerror(errno)}});
  }
  watch_current_files();
  WatchState& ws = *watch_;
  ws.stop.store(false);
  if (options_.handle_sighup) {
    int expected = -1;
    if (g_sighup_fd.compare_exchange_strong(expected, wake_fd_)) {
      struct sigaction action {};
      action.sa_handler = on_sighup;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_RESTART;
      ::sigaction(SIGHUP, &action, &g_previous_sighup);
      owns_sighup_ = true;
    } else {
      log::warn("another policy reloader already handles SIGHUP");
    }
  }
  running_ = true;
  thread_ = std::thread([this] { run(); });
  log::info("policy reloader started", {{"policy_file", store_.file().string()},
                                        {"inotify", inotify_fd_ >= 0 ? "yes" : "no"}});
}

void PolicyReloader::stop() {
  if (!running_) return;
  running_ = false;
  WatchState& ws = *watch_;
  ws.stop.store(true);
  const std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
  if (thread_.joinable()) thread_.join();
  if (owns_sighup_) {
    ::sigaction(SIGHUP, &g_previous_sighup, nullptr);
    g_sighup_fd.store(-1);
    owns_sighup_ = false;
  }
  if (inotify_fd_ >= 0) ::close(inotify_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  inotify_fd_ = wake_fd_ = -1;
  std::lock_guard lock(ws.mutex);
  ws.dirs.clear();
  ws.names.clear();
}

void PolicyReloader::request_reload() noexcept {
  watch_->reload_requested.store(true);
  if (wake_fd_ >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
  }
}

std::uint64_t PolicyReloader::attempts() const {
  std::lock_guard lock(state_mutex_);
  return attempts_;
}

bool PolicyReloader::wait_for_attempts(std::uint64_t count,
                                       std::chrono::milliseconds timeout) const {
  std::unique_lock lock(state_mutex_);
  return attempts_cv_.wait_for(lock, timeout, [&] { return attempts_ >= count; });
}

ReloadResult PolicyReloader::last_result() const {
  std::lock_guard lock(state_mutex_);
  return last_result_;
}

// The watched files: the serving policy's own list (what actually loaded) plus whatever the files
// on disk name now. Caller holds state_mutex_.
std::string PolicyReloader::fingerprint() {
  std::set<fs::path> files;
  const auto pair = store_.pair();
  for (const auto* policy : {pair->live.get(), pair->shadow.get()}) {
    if (policy == nullptr) continue;
    for (const auto& file : policy->files()) files.insert(file.lexically_normal());
  }
  for (const auto& file : discover_files(store_.file())) files.insert(file);
  if (store_.shadow_file()) {
    for (const auto& file : discover_files(*store_.shadow_file())) files.insert(file);
  }
  std::string material;
  for (const auto& file : files) {
    bool exists = false;
    const std::string content = read_file(file, exists);
    material += file.string();
    material += exists ? '\1' : '\0';
    material += sha256_hex(content);
    material += '\n';
  }
  watched_files_.assign(files.begin(), files.end());
  return sha256_hex(material);
}

// Watches the directory of every file (and of its symlink target): a directory watch sees editors
// that replace the file by rename and the kubelet's `..data` symlink swap, which a watch on the
// file itself would lose after the first replacement.
void PolicyReloader::watch_current_files() {
  if (inotify_fd_ < 0) return;
  std::vector<fs::path> files;
  {
    std::lock_guard lock(state_mutex_);
    files = watched_files_;
  }
  std::set<fs::path> dirs;
  std::set<std::string> names;
  for (const auto& file : files) {
    const fs::path absolute = fs::absolute(file).lexically_normal();
    dirs.insert(absolute.parent_path());
    names.insert(absolute.filename().string());
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(absolute, ec);
    if (!ec && target != absolute) {
      dirs.insert(target.parent_path());
      names.insert(target.filename().string());
    }
  }
  WatchState& ws = *watch_;
  std::lock_guard lock(ws.mutex);
  for (auto it = ws.dirs.begin(); it != ws.dirs.end();) {
    if (dirs.count(it->second) == 0) {
      ::inotify_rm_watch(inotify_fd_, it->first);
      it = ws.dirs.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& dir : dirs) {
    const int wd = ::inotify_add_watch(inotify_fd_, dir.c_str(), kWatchMask);
    if (wd >= 0) {
      ws.dirs[wd] = dir;  // the same directory returns the same wd: no duplicates
    } else {
      log::debug("cannot watch directory (the content poll still covers it)",
                 {{"dir", dir.string()}, {"error", std::strerror(errno)}});
    }
  }
  ws.names = std::move(names);
}

ReloadResult PolicyReloader::reload_now(ReloadTrigger trigger) {
  std::lock_guard reload_lock(reload_mutex_);
  std::string fp;
  {
    std::lock_guard lock(state_mutex_);
    fp = fingerprint();  // before loading: a change during the load is seen as a later change
  }
  ReloadResult result;
  result.trigger = trigger;
  const std::shared_ptr<const PolicyPair> old = store_.pair();
  if (old->live) {
    result.old_name = old->live->name();
    result.old_version = old->live->version();
    result.old_sha256 = old->live->sha256();
  }
  if (old->shadow) {
    result.old_shadow_name = old->shadow->name();
    result.old_shadow_version = old->shadow->version();
    result.old_shadow_sha256 = old->shadow->sha256();
  }
  // Both files are loaded, and all their errors collected, before anything swaps.
  auto load = [&](const fs::path& file) -> std::shared_ptr<const policy::Policy> {
    try {
      auto next = options_.loader(file);
      if (!next) throw std::runtime_error(file.string() + ": loader returned no policy");
      return next;
    } catch (const policy::PolicyError& e) {
      result.errors.insert(result.errors.end(), e.errors().begin(), e.errors().end());
      if (e.errors().empty()) result.errors.push_back(e.what());
    } catch (const std::exception& e) {
      result.errors.push_back(e.what());
    }
    return nullptr;
  };
  PolicyPair next;
  next.live = load(store_.file());
  if (store_.shadow_file()) next.shadow = load(*store_.shadow_file());
  if (next.live && (next.shadow || !store_.shadow_file())) {
    try {
      metrics_.register_policy(*next.live);  // ids first: no match of the new policy uncounted
    } catch (const std::exception& e) {
      metrics_.set_policy_info(next.live->name(), next.live->version(), next.live->sha256());
      log::warn("could not pre-register the policy's rule ids", {{"error", e.what()}});
    }
    result.ok = true;
    result.new_name = next.live->name();
    result.new_version = next.live->version();
    result.new_sha256 = next.live->sha256();
    if (next.shadow) {
      result.new_shadow_name = next.shadow->name();
      result.new_shadow_version = next.shadow->version();
      result.new_shadow_sha256 = next.shadow->sha256();
    }
    store_.swap(std::move(next));  // one pointer: live and shadow change together
  }
  metrics_.count_policy_reload(result.ok);
  // Whether it loaded or not, the attempt freed more than it keeps (an old policy still held by a
  // request in flight goes back at the next reload).
  memory::release_free_pages();

  const std::string trigger_name(to_string(trigger));
  if (result.ok) {
    log::info("policy reloaded", {{"trigger", trigger_name},
                                  {"policy", result.new_name},
                                  {"old_version", result.old_version},
                                  {"new_version", result.new_version},
                                  {"sha256", result.new_sha256},
                                  {"shadow_policy", result.new_shadow_name},
                                  {"shadow_version", result.new_shadow_version}});
  } else {
    for (const auto& error : result.errors) {
      log::error("policy reload error", {{"trigger", trigger_name}, {"error", error}});
    }
    log::error("policy reload failed; the previous policy keeps serving",
               {{"trigger", trigger_name},
                {"policy", result.old_name},
                {"version", result.old_version},
                {"errors", std::to_string(result.errors.size())}});
  }

  if (audit_) {
    boost::json::object record;
    record["event"] = "policy_reload";
    record["request_id"] = "policy-reload-" + random_id();
    record["result"] = result.ok ? "success" : "failure";
    record["trigger"] = trigger_name;
    record["policy_file"] = store_.file().string();
    record["old_policy"] = policy_json(result.old_name, result.old_version, result.old_sha256);
    record["new_policy"] = policy_json(result.new_name, result.new_version, result.new_sha256);
    if (store_.shadow_file()) {
      record["shadow_policy_file"] = store_.shadow_file()->string();
      record["old_shadow_policy"] =
          policy_json(result.old_shadow_name, result.old_shadow_version, result.old_shadow_sha256);
      record["new_shadow_policy"] =
          policy_json(result.new_shadow_name, result.new_shadow_version, result.new_shadow_sha256);
    }
    if (!result.ok) {
      record["error"] = join(result.errors);
      boost::json::array errors;
      for (const auto& error : result.errors) errors.emplace_back(error);
      record["errors"] = std::move(errors);
    }
    // The callback outlives nothing of ours: it captures only values.
    audit_->append(std::move(record), [trigger_name](bool durable) {
      if (!durable)
        log::error("policy_reload audit record not written", {{"trigger", trigger_name}});
    });
  }

  {
    std::lock_guard lock(state_mutex_);
    last_fingerprint_ = fp;
    last_result_ = result;
  }
  watch_->rewatch.store(true);
  if (wake_fd_ >= 0 && std::this_thread::get_id() != thread_.get_id()) {
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
  }
  if (options_.on_reload) options_.on_reload(result);
  {
    std::lock_guard lock(state_mutex_);
    ++attempts_;  // last: whoever waits for this attempt sees everything above done
  }
  attempts_cv_.notify_all();
  return result;
}

void PolicyReloader::run() {
  WatchState& ws = *watch_;
  bool pending = false;
  Clock::time_point first_event{}, deadline{};
  Clock::time_point next_poll = Clock::now() + options_.poll_interval;
  std::array<char, 16 * 1024> buffer alignas(struct inotify_event){};

  auto changed = [this] {
    std::lock_guard lock(state_mutex_);
    const std::string before = last_fingerprint_;
    return fingerprint() != before;
  };
  // Hashing the files every poll cost ~10 ms of CPU (0.5 % of a core on an idle proxy); a stat of
  // each tells whether anything could have changed since the last poll.
  std::string polled_stat;
  unsigned polls = 0;
  auto stat_changed = [&] {
    std::lock_guard lock(state_mutex_);
    std::string now = stat_material(watched_files_);
    const bool differs = now != polled_stat;
    polled_stat = std::move(now);
    return differs;
  };

  while (!ws.stop.load()) {
    if (ws.rewatch.exchange(false)) watch_current_files();
    const auto now = Clock::now();
    const Clock::time_point wake_at = pending ? std::min(deadline, next_poll) : next_poll;
    const int timeout_ms = static_cast<int>(std::max<std::int64_t>(
        0, std::chrono::ceil<std::chrono::milliseconds>(wake_at - now).count()));
    std::array<pollfd, 2> fds{pollfd{wake_fd_, POLLIN, 0}, pollfd{inotify_fd_, POLLIN, 0}};
    const int ready = ::poll(fds.data(), inotify_fd_ >= 0 ? 2 : 1, timeout_ms);
    if (ready < 0 && errno != EINTR) {
      log::error("policy watcher poll failed", {{"error", std::strerror(errno)}});
      break;
    }
    if (ready > 0 && (fds[0].revents & POLLIN)) {
      std::uint64_t value = 0;
      [[maybe_unused]] ssize_t n = ::read(wake_fd_, &value, sizeof value);
    }
    if (ws.stop.load()) break;
    if (owns_sighup_ && g_sighup_pending.exchange(false)) {
      log::info("SIGHUP received: reloading the policy");
      reload_now(ReloadTrigger::kSignal);
      pending = false;
    }
    if (ws.reload_requested.exchange(false)) {
      reload_now(ReloadTrigger::kManual);
      pending = false;
    }
    if (ready > 0 && inotify_fd_ >= 0 && (fds[1].revents & POLLIN)) {
      bool relevant = false;
      for (;;) {
        const ssize_t len = ::read(inotify_fd_, buffer.data(), buffer.size());
        if (len <= 0) break;
        std::lock_guard lock(ws.mutex);
        for (ssize_t offset = 0; offset < len;) {
          const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + offset);
          offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
          if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW)) {
            relevant = true;  // a watched directory went away, or events were lost
            ws.rewatch.store(true);
            continue;
          }
          const std::string name = event->len ? std::string(event->name) : std::string();
          // Our files by name, and the kubelet's `..data` / `..2024_...` entries of a ConfigMap.
          if (ws.names.count(name) || name.rfind("..", 0) == 0) relevant = true;
        }
      }
      if (relevant) {
        const auto at = Clock::now();
        if (!pending) first_event = at;
        pending = true;
        deadline = std::min(at + options_.debounce, first_event + kMaxDebounce);
      }
    }
    const auto after = Clock::now();
    if (after >= next_poll) {
      next_poll = after + options_.poll_interval;
      const bool moved = stat_changed();
      const bool full = ++polls % std::max(1u, options_.full_poll_every) == 0;
      if (!pending && (moved || full) && changed()) {
        pending = true;  // debounce this too: the poll may have caught a file mid-write
        first_event = after;
        deadline = after + options_.debounce;
      }
    }
    if (pending && after >= deadline) {
      pending = false;
      if (changed()) reload_now(ReloadTrigger::kFileChange);
      ws.rewatch.store(true);  // directories may have been recreated
    }
  }
}

}  // namespace switchyard::proxy
