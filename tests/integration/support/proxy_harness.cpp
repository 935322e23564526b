// In-process proxy for integration tests; see proxy_harness.h.
#include "proxy_harness.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <stdexcept>
#include <thread>

namespace switchyard::testing {

namespace http = boost::beast::http;
namespace json = boost::json;

void MemoryAuditSink::append(json::object record, Done done) {
  std::function<void(const json::object&)> hook;
  {
    std::lock_guard lock(mutex_);
    hook = on_append_;
  }
  if (hook) hook(record);
  const bool ok = !fail_.load();
  {
    std::lock_guard lock(mutex_);
    if (closed_) {
      done(false);
      return;
    }
    const auto* event = record.if_contains("event");
    const bool decision = event != nullptr && *event == "decision";
    if (ok) records_.push_back(std::move(record));
    if (ok && hold_ && decision) {
      held_.push_back(std::move(done));
      cv_.notify_all();
      return;
    }
  }
  cv_.notify_all();
  done(ok);
}

void MemoryAuditSink::set_hold(bool hold) {
  std::lock_guard lock(mutex_);
  hold_ = hold;
}

bool MemoryAuditSink::wait_for_held(std::size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] { return held_.size() >= n; });
}

void MemoryAuditSink::release_held(bool durable) {
  std::vector<Done> held;
  {
    std::lock_guard lock(mutex_);
    held.swap(held_);
  }
  // From a thread of its own, all in one go, as the file sink's writer completes a batch.
  std::thread writer([&] {
    for (auto& done : held) done(durable);
  });
  writer.join();
}

std::string MemoryAuditSink::prompt_digest(std::string_view text) const {
  return "digest-" + std::to_string(std::hash<std::string_view>{}(text));
}

void MemoryAuditSink::close() {
  std::vector<Done> held;
  {
    std::lock_guard lock(mutex_);
    held.swap(held_);
  }
  for (auto& done : held) done(false);  // a closing sink answers every record
  std::lock_guard lock(mutex_);
  closed_ = true;
  cv_.notify_all();
}

bool MemoryAuditSink::wait_for_event(std::string_view event, std::size_t n,
                                     std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] {
    std::size_t count = 0;
    for (const auto& r : records_) {
      if (const auto* e = r.if_contains("event"); e && e->is_string() && e->get_string() == event) {
        ++count;
      }
    }
    return count >= n;
  });
}

bool MemoryAuditSink::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void MemoryAuditSink::set_on_append(std::function<void(const json::object&)> hook) {
  std::lock_guard lock(mutex_);
  on_append_ = std::move(hook);
}

std::vector<json::object> MemoryAuditSink::records() const {
  std::lock_guard lock(mutex_);
  return records_;
}

std::vector<json::object> MemoryAuditSink::records_for(std::string_view request_id) const {
  std::lock_guard lock(mutex_);
  std::vector<json::object> out;
  for (const auto& r : records_) {
    if (const auto* id = r.if_contains("request_id");
        id && id->is_string() && id->get_string() == request_id) {
      out.push_back(r);
    }
  }
  return out;
}

bool MemoryAuditSink::wait_for_records(std::string_view request_id, std::size_t n,
                                       std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] {
    std::size_t count = 0;
    for (const auto& r : records_) {
      if (const auto* id = r.if_contains("request_id");
          id && id->is_string() && id->get_string() == request_id) {
        ++count;
      }
    }
    return count >= n;
  });
}

json::value Reply::json() const { return json::parse(body); }

std::string Reply::header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}

std::string ProxyHarness::policy_path() {
  return std::string(SWITCHYARD_SOURCE_DIR) + "/tests/integration/data/test_policy.yaml";
}

ProxyHarness::ProxyHarness(std::string yaml, std::function<void(proxy::ServerOptions&)> tweak) {
  for (std::size_t at; (at = yaml.find("{POLICY}")) != std::string::npos;) {
    yaml.replace(at, 8, policy_path());
  }
  if (yaml.find("listen:") == std::string::npos) yaml = "listen: 127.0.0.1:0\n" + yaml;
  proxy::Config config = proxy::parse_config(yaml, "/tmp/switchyard-test.yaml");
  audit_ = std::make_shared<MemoryAuditSink>();
  metrics_ = std::make_unique<proxy::Metrics>();
  proxy::ServerOptions options;
  options.audit = audit_;
  options.metrics = metrics_.get();
  options.admin = false;
  options.watch_policy = false;
  options.handle_sighup = false;
  if (tweak) tweak(options);
  server_ = std::make_unique<proxy::Server>(std::move(config), std::move(options));
  server_->start();
}

ProxyHarness::~ProxyHarness() { server_->shutdown(); }

Client::Client(unsigned short port) : port_(port) {}

void Client::connect() {
  if (socket_.is_open()) return;
  socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
  buffer_.clear();
}

void Client::close() {
  boost::system::error_code ec;
  socket_.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
  socket_.close(ec);
  parser_.reset();
}

namespace {

Reply to_reply(http::response<http::string_body>& res) {
  Reply reply;
  reply.status = res.result_int();
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  reply.body = std::move(res.body());
  return reply;
}

}  // namespace

Reply Client::send(http::request<http::string_body> req) {
  connect();
  req.set(http::field::host, "127.0.0.1");
  req.prepare_payload();
  http::write(socket_, req);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(socket_, buffer_, parser);
  auto res = parser.release();
  Reply reply = to_reply(res);
  if (!res.keep_alive()) close();
  return reply;
}

Reply Client::post(std::string_view target, std::string body, const Headers& headers) {
  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = std::move(body);
  return send(std::move(req));
}

Reply Client::get(std::string_view target, const Headers& headers) {
  http::request<http::string_body> req{http::verb::get, target, 11};
  for (const auto& [k, v] : headers) req.set(k, v);
  return send(std::move(req));
}

Reply Client::raw(std::string_view bytes) {
  connect();
  boost::asio::write(socket_, boost::asio::buffer(bytes.data(), bytes.size()));
  http::response_parser<http::string_body> parser;
  http::read(socket_, buffer_, parser);
  auto res = parser.release();
  Reply reply = to_reply(res);
  if (!res.keep_alive()) close();
  return reply;
}

bool Client::connection_closed() {
  char byte;
  boost::system::error_code ec;
  socket_.read_some(boost::asio::buffer(&byte, 1), ec);
  return ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset;
}

void Client::start_stream(std::string_view target, std::string body, const Headers& headers) {
  connect();
  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = std::move(body);
  req.prepare_payload();
  http::write(socket_, req);
  parser_ = std::make_unique<http::response_parser<http::empty_body>>();
  parser_->body_limit(boost::none);
  // Beast keeps a reference to the callback: it lives in the Client.
  on_body_ = [this](std::uint64_t, boost::beast::string_view data,
                    boost::system::error_code&) -> std::size_t {
    pending_.append(data.data(), data.size());
    return data.size();
  };
  parser_->on_chunk_body(on_body_);
  http::read_header(socket_, buffer_, *parser_);
  stream_reply_ = Reply{};
  stream_reply_.status = parser_->get().result_int();
  for (const auto& field : parser_->get()) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    stream_reply_.headers[name] = std::string(field.value());
  }
}

std::optional<std::string> Client::next_piece() {
  if (!parser_) return std::nullopt;
  while (pending_.empty() && !parser_->is_done()) {
    if (!parser_->chunked()) {
      // Not a stream after all (an error reply): take the rest of the body at once.
      http::response_parser<http::string_body> rest(std::move(*parser_));
      http::read(socket_, buffer_, rest);
      parser_.reset();
      std::string body = rest.get().body();
      if (body.empty()) return std::nullopt;
      return body;
    }
    http::read_some(socket_, buffer_, *parser_);
  }
  if (pending_.empty()) return std::nullopt;
  std::string out = std::move(pending_);
  pending_.clear();
  return out;
}

std::string chat_request(std::string_view text, bool stream, std::string_view model) {
  json::object body{
      {"model", model},
      {"messages", json::array{json::object{{"role", "system"}, {"content", "Be brief."}},
                               json::object{{"role", "user"}, {"content", text}}}}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

std::string completions_request(std::string_view text, bool stream) {
  json::object body{{"model", "gpt-3.5-turbo-instruct"}, {"prompt", text}, {"max_tokens", 16}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

std::string embeddings_request(std::string_view text) {
  return json::serialize(json::object{{"model", "text-embedding-3-small"},
                                      {"input", json::array{"first input", text}}});
}

std::string responses_request(std::string_view text, bool stream,
                              std::optional<std::string> previous) {
  json::object body{{"model", "gpt-4o"}, {"instructions", "Be brief."}, {"input", text}};
  if (stream) body["stream"] = true;
  if (previous) body["previous_response_id"] = *previous;
  return json::serialize(body);
}

std::string messages_request(std::string_view text, bool stream, std::string_view model) {
  json::object body{{"model", model},
                    {"max_tokens", 64},
                    {"system", "Be brief."},
                    {"messages", json::array{json::object{{"role", "user"}, {"content", text}}}}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

std::string count_tokens_request(std::string_view text) {
  return json::serialize(
      json::object{{"model", "claude-sonnet-4"},
                   {"messages", json::array{json::object{{"role", "user"}, {"content", text}}}}});
}

}  // namespace switchyard::testing
