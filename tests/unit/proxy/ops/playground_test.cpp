// The playground over the admin listener's real sockets: the page and its headers (a CSP that
// allows only its own inline script and style, no external URL anywhere in it), the explain
// endpoint's HTTP rules (JSON only, same origin only, body limit) and the policy source.
#include "proxy/ops/playground.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "proxy/ops/admin_server.h"

namespace switchyard::proxy {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

const std::filesystem::path kPolicy =
    std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data/reload_v1.yaml";

http::response<http::string_body> send(unsigned short port, http::request<http::string_body> req) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  req.prepare_payload();
  http::write(socket, req);
  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(16 << 20);
  http::read(socket, buffer, parser);
  return parser.release();
}

http::request<http::string_body> post(std::string body, std::string type = "application/json") {
  http::request<http::string_body> req{http::verb::post, "/policy/explain", 11};
  if (!type.empty()) req.set(http::field::content_type, type);
  req.body() = std::move(body);
  return req;
}

class PlaygroundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.emplace(kPolicy, policy::Policy::load_file(kPolicy));
    ReadinessSources sources;
    sources.policy = &*store_;
    server_.emplace(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0), metrics_,
                    std::move(sources));
    server_->start();
    runner_ = std::thread([this] { io_.run(); });
  }
  void TearDown() override {
    server_->stop();
    work_.reset();
    runner_.join();
  }
  unsigned short port() const { return server_->port(); }

  asio::io_context io_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_{
      asio::make_work_guard(io_)};
  Metrics metrics_;
  std::optional<PolicyStore> store_;
  std::optional<AdminServer> server_;
  std::thread runner_;
};

std::string sha256_base64(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  unsigned char out[128];
  const int n = EVP_EncodeBlock(out, digest, static_cast<int>(size));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

TEST_F(PlaygroundTest, PageIsSelfContainedWithAStrictCsp) {
  const auto res = send(port(), {http::verb::get, "/playground?text=Halcyon", 11});
  ASSERT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[http::field::content_type], "text/html; charset=utf-8");
  const std::string csp(res["content-security-policy"]);
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("connect-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(res["x-frame-options"], "DENY");
  EXPECT_EQ(res["referrer-policy"], "no-referrer");
  const std::string& page = res.body();
  // The CSP's hashes are those of the page's one script and one style.
  // (Found by hand: std::regex recurses per character and overflows ASan's stack on this page.)
  const auto element = [&](std::string_view open, std::string_view close) {
    const std::size_t begin = page.find(open);
    const std::size_t end = page.rfind(close);
    return begin == std::string::npos || end == std::string::npos || end < begin + open.size()
               ? std::string()
               : page.substr(begin + open.size(), end - begin - open.size());
  };
  const std::string script = element("<script>", "</script>");
  ASSERT_FALSE(script.empty());
  EXPECT_NE(csp.find("'sha256-" + sha256_base64(script) + "'"), std::string::npos);
  const std::string style = element("<style>", "</style>");
  ASSERT_FALSE(style.empty());
  EXPECT_NE(csp.find("'sha256-" + sha256_base64(style) + "'"), std::string::npos);
  // No network: no URL to anywhere, no external script, style or font.
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("src="), std::string::npos);
  EXPECT_EQ(page.find("innerHTML"), std::string::npos);  // data becomes DOM text only
  // The query string is never echoed into the HTML: the page reads it in script.
  EXPECT_EQ(page.find("Halcyon"), std::string::npos);
}

TEST_F(PlaygroundTest, ExplainOverHttp) {
  const auto res = send(port(), post(R"({"text":"the Halcyon plan"})"));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_EQ(res[http::field::content_type], "application/json");
  const auto body = boost::json::parse(res.body()).as_object();
  EXPECT_EQ(body.at("handling").as_string(), "internal");
  EXPECT_EQ(body.at("rules").at(0).at("id").as_string(), "reload.codename");
}

TEST_F(PlaygroundTest, ExplainRefusesWhatABrowserOnAnotherSiteCouldSend) {
  EXPECT_EQ(send(port(), post(R"({"text":"x"})", "text/plain")).result_int(), 415u);
  EXPECT_EQ(send(port(), post(R"({"text":"x"})", "")).result_int(), 415u);
  auto cross = post(R"({"text":"x"})");
  cross.set(http::field::origin, "http://evil.example");
  EXPECT_EQ(send(port(), cross).result_int(), 403u);
  auto fetch_site = post(R"({"text":"x"})");
  fetch_site.set("sec-fetch-site", "cross-site");
  EXPECT_EQ(send(port(), fetch_site).result_int(), 403u);
  auto same = post(R"({"text":"x"})");
  same.set(http::field::origin, "http://127.0.0.1:" + std::to_string(port()));
  same.set("sec-fetch-site", "same-origin");
  EXPECT_EQ(send(port(), same).result_int(), 200u);
  EXPECT_EQ(send(port(), {http::verb::get, "/policy/explain", 11}).result_int(), 405u);
}

TEST_F(PlaygroundTest, BodyOverTheLimitIs413BeforeItIsRead) {
  // Only the header: the answer comes before any of the body is read.
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port()});
  asio::write(socket, asio::buffer(std::string(
                          "POST /policy/explain HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Type: application/json\r\nContent-Length: 3145728\r\n\r\n")));
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  EXPECT_EQ(res.result_int(), 413u);
  EXPECT_NE(res.body().find("request_too_large"), std::string::npos);
}

TEST_F(PlaygroundTest, PolicySourceIsTheLoadedYaml) {
  const auto res = send(port(), {http::verb::get, "/policy/source", 11});
  ASSERT_EQ(res.result_int(), 200u);
  std::ifstream in(kPolicy);
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(boost::json::parse(res.body()).at("yaml").as_string(), file.str());
  EXPECT_EQ(send(port(), {http::verb::get, "/policy/source?policy=shadow", 11}).result_int(), 404u);
}

}  // namespace
}  // namespace switchyard::proxy
