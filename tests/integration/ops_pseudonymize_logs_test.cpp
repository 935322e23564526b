// The mapping stays inside the request: the real `switchyard serve` binary, the shipped default
// policy (which pseudonymizes e-mail addresses, phone numbers and names in name fields), its log at
// debug level and its audit file. Requests that get placeholders, streamed or not, on several
// endpoints, then a clean shutdown: neither a value nor a placeholder is in the log or the audit.
// GCC 12 misreports std::regex's internal std::function as maybe-uninitialized in the ASan build
// (-O1 with sanitizers); the warning is in libstdc++'s code, not this file's.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "ops_support.h"

namespace switchyard::testing {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
using ::testing::HasSubstr;
using ::testing::Not;

// An upper bound, never asserted: the default pack runs its own tests when it loads, which took
// over 30 s under ASan+UBSan on a busy 2-core machine.
constexpr std::chrono::seconds kWait{180};

TEST(OpsPseudonymizeLogs, NoValueOrPlaceholderInTheLogOrTheAudit) {
  const fs::path dir =
      fs::temp_directory_path() / ("switchyard_ops_pseudonym_logs_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "switchyard.yaml")
      << "listen: 127.0.0.1:0\n"
         "policy: "
      << SWITCHYARD_SOURCE_DIR << "/policies/packs/default.yaml\n"
      << kMockUpstreamsYaml
      << "audit:\n"
         "  path: audit/audit.jsonl\n"
         "  fsync: batch\n"
         "  hmac_key_env: SWITCHYARD_AUDIT_KEY\n"
         "limits: { workers: 2 }\n";
  std::optional<ProxyProcess> proxy;
  proxy.emplace(
      std::vector<std::string>{switchyard_binary(), "serve", "--config",
                               (dir / "switchyard.yaml").string()},
      std::vector<std::string>{"SWITCHYARD_AUDIT_KEY=ops-test-key-0123456789abcdef",
                               "SWITCHYARD_PSEUDONYM_KEY=ops-test-pseudonym-key-0123456789",
                               "SWITCHYARD_LOG_LEVEL=debug"});
  const auto serving = proxy->wait_for_msg("switchyard serving", kWait);
  ASSERT_TRUE(serving) << proxy->all_stderr();
  HttpClient client(ProxyProcess::listen_port(*serving));

  const std::vector<std::string> values = {"jane.roe@brightwater-logistics.com", "+44 20 7946 0958",
                                           "Jane Roe"};
  const std::string text =
      "Name: Jane Roe\nPlease write to jane.roe@brightwater-logistics.com or "
      "call +44 20 7946 0958 about invoice 4411.";
  const std::vector<std::pair<std::string, std::string>> json = {
      {"content-type", "application/json"}};
  for (bool stream : {false, true}) {
    const HttpReply reply =
        client.request(http::verb::post, "/v1/chat/completions", chat_body(text, stream), json);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    EXPECT_EQ(reply.header("x-switchyard-route"), "vendor");
  }
  const HttpReply embeddings =
      client.request(http::verb::post, "/v1/embeddings",
                     boost::json::serialize(
                         boost::json::object{{"model", "text-embedding-3-small"}, {"input", text}}),
                     json);
  EXPECT_EQ(embeddings.status, 200u) << embeddings.body;
  EXPECT_EQ(embeddings.header("x-switchyard-route"), "vendor");

  proxy->signal(SIGTERM);
  ASSERT_EQ(proxy->wait_exit(kWait), 0) << proxy->all_stderr();
  const std::string log = proxy->all_stderr();
  proxy.reset();
  const std::string audit = read_text(dir / "audit/audit.jsonl");
  EXPECT_THAT(audit, HasSubstr("\"pseudonymized\":3"));  // the requests were pseudonymized
  EXPECT_THAT(log, HasSubstr("switchyard serving"));     // and the log was captured
  const std::regex placeholder("[A-Z]-[0-9a-f]{6}");
  for (const std::string* where : {&log, &audit}) {
    for (const std::string& value : values) EXPECT_THAT(*where, Not(HasSubstr(value)));
    EXPECT_FALSE(std::regex_search(*where, placeholder)) << *where;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace switchyard::testing
