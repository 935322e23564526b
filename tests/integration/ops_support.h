// Helpers for the operations integration tests: run the real `switchyard serve` binary as a child
// process with its stderr (JSON log lines) captured and awaitable, and a small blocking HTTP/1.1
// keep-alive client built on Beast.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace switchyard::testing {

inline std::string switchyard_binary() {
  const char* path = std::getenv("SWITCHYARD_BINARY");
  if (path == nullptr || *path == '\0') {
    throw std::runtime_error("SWITCHYARD_BINARY is not set (run through ctest)");
  }
  return path;
}

// What a shell command wrote to its stdout (2>&1 and the like in `command` pick more) and its exit
// status (-1 when it did not exit normally).
struct ShellResult {
  int status = -1;
  std::string output;
};

inline ShellResult run_shell(const std::string& command) {
  ShellResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// An audit file of a running proxy as its readers see it: the zero-filled space ahead of the
// writer (docs/audit.md, "Zero-filled space") is unwritten, not content.
inline std::string read_audit_text(const std::filesystem::path& file) {
  std::string text = read_text(file);
  const std::size_t end = text.find_last_not_of('\0');
  text.resize(end == std::string::npos ? 0 : end + 1);
  return text;
}

// A child process whose stderr lines are collected by a reader thread; tests wait on them with a
// condition variable (the log is how the proxy tells that something happened).
class ProxyProcess {
 public:
  using Line = boost::json::object;

  ProxyProcess(std::vector<std::string> args, std::vector<std::string> extra_env) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    std::vector<std::string> env_storage;
    for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
    for (auto& e : extra_env) env_storage.push_back(std::move(e));
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (rc != 0) {
      ::close(pipe_fds[0]);
      throw std::runtime_error("posix_spawn failed: " + std::string(std::strerror(rc)));
    }
    reader_ = std::thread([this, fd = pipe_fds[0]] { read_loop(fd); });
  }

  ~ProxyProcess() {
    if (!exited()) {
      ::kill(pid_, SIGKILL);
      wait_exit(std::chrono::seconds(30));
    }
    if (reader_.joinable()) reader_.join();
  }

  pid_t pid() const { return pid_; }
  void signal(int sig) const { ::kill(pid_, sig); }

  // The first line (after `skip` earlier matches) for which `match` is true.
  std::optional<Line> wait_for_log(const std::function<bool(const Line&)>& match,
                                   std::chrono::milliseconds timeout, std::size_t skip = 0) {
    std::unique_lock lock(mutex_);
    std::optional<Line> found;
    cv_.wait_for(lock, timeout, [&] {
      std::size_t seen = 0;
      for (const auto& line : lines_) {
        if (match(line) && seen++ == skip) {
          found = line;
          return true;
        }
      }
      return eof_;
    });
    return found;
  }

  std::optional<Line> wait_for_msg(std::string_view msg, std::chrono::milliseconds timeout,
                                   std::size_t skip = 0) {
    return wait_for_log([msg](const Line& l) { return msg_of(l) == msg; }, timeout, skip);
  }

  std::size_t count_msg(std::string_view msg) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& line : lines_) n += msg_of(line) == msg;
    return n;
  }

  std::string all_stderr() const {
    std::lock_guard lock(mutex_);
    return raw_;
  }

  // Waits for the child to exit (polling waitpid with a short pause: a child's exit cannot be
  // awaited otherwise without SIGCHLD handling in the test process). Exit code, or nullopt.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
    if (status_) {
      drain_stderr();
      return status_;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        drain_stderr();
        return status_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::nullopt;
  }
  bool exited() {
    if (status_) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return true;
    }
    return false;
  }

  static std::string msg_of(const Line& line) {
    const auto* m = line.if_contains("msg");
    return m && m->is_string() ? std::string(m->get_string()) : std::string();
  }
  static std::string field(const Line& line, std::string_view key) {
    const auto* v = line.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
  }
  // The port of the "listen" field of the "switchyard serving" line.
  static unsigned short listen_port(const Line& serving) {
    const std::string listen = field(serving, "listen");
    return static_cast<unsigned short>(std::stoi(listen.substr(listen.rfind(':') + 1)));
  }

 private:
  // The child's last stderr bytes may still sit in the pipe when it has exited: let the reader
  // reach EOF so that all_stderr() after wait_exit() is complete (it raced under ctest -j2).
  void drain_stderr() {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, std::chrono::seconds(5), [&] { return eof_; });
  }

  void read_loop(int fd) {
    std::string pending;
    char buf[4096];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) break;
      std::lock_guard lock(mutex_);
      raw_.append(buf, static_cast<std::size_t>(n));
      pending.append(buf, static_cast<std::size_t>(n));
      std::size_t nl;
      while ((nl = pending.find('\n')) != std::string::npos) {
        const std::string text = pending.substr(0, nl);
        pending.erase(0, nl + 1);
        boost::system::error_code ec;
        auto value = boost::json::parse(text, ec);
        if (!ec && value.is_object()) lines_.push_back(value.as_object());
      }
      cv_.notify_all();
    }
    ::close(fd);
    std::lock_guard lock(mutex_);
    eof_ = true;
    cv_.notify_all();
  }

  pid_t pid_ = -1;
  std::optional<int> status_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Line> lines_;
  std::string raw_;
  bool eof_ = false;
};

struct HttpReply {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// One keep-alive connection; reconnects when the server closed it.
class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}

  // Throws boost::system::system_error on connection failures.
  HttpReply request(boost::beast::http::verb verb, std::string_view target, std::string body = {},
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
    namespace http = boost::beast::http;
    for (int attempt = 0;; ++attempt) {
      if (!socket_.is_open()) {
        socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
      }
      http::request<http::string_body> req{verb, target, 11};
      req.set(http::field::host, "127.0.0.1");
      for (const auto& [k, v] : headers) req.set(k, v);
      req.body() = body;
      req.keep_alive(true);
      req.prepare_payload();
      boost::system::error_code ec;
      http::write(socket_, req, ec);
      http::response_parser<http::string_body> parser;
      parser.body_limit(64 * 1024 * 1024);
      if (!ec) http::read(socket_, buffer_, parser, ec);
      if (ec) {
        socket_.close();
        buffer_.clear();
        // A keep-alive connection the server closed between requests: retry once, fresh.
        if (attempt == 0 &&
            (ec == http::error::end_of_stream || ec == boost::asio::error::connection_reset ||
             ec == boost::asio::error::broken_pipe)) {
          continue;
        }
        throw boost::system::system_error(ec);
      }
      auto res = parser.release();
      HttpReply reply;
      reply.status = res.result_int();
      for (const auto& field : res) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        reply.headers[name] = std::string(field.value());
      }
      reply.body = std::move(res.body());
      if (!res.keep_alive()) socket_.close();
      return reply;
    }
  }

  HttpReply get(std::string_view target) { return request(boost::beast::http::verb::get, target); }

 private:
  unsigned short port_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_{io_};
  boost::beast::flat_buffer buffer_;
};

// Config lines for the two in-process mock upstreams, internal and vendor, and their routes.
inline constexpr std::string_view kMockUpstreamsYaml =
    "upstreams:\n"
    "  - { name: internal-mock, api: mock, trust: internal }\n"
    "  - { name: vendor-mock, api: mock, trust: vendor }\n"
    "routes:\n"
    "  internal: internal-mock\n"
    "  vendor: { openai: vendor-mock, anthropic: vendor-mock }\n";

inline std::string chat_body(std::string_view text, bool stream = false) {
  boost::json::object body{
      {"model", "gpt-4o-mini"},
      {"messages", boost::json::array{boost::json::object{{"role", "user"}, {"content", text}}}}};
  if (stream) body["stream"] = true;
  return boost::json::serialize(body);
}

}  // namespace switchyard::testing
