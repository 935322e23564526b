// `audit.store_prompts: redacted` with the real binary and the shipped default policy: decision
// records keep the prompt with every match masked (the key id and the address never reach the
// file), a prompt with no match whole; without the option no record holds prompt text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

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

// The decision records' "prompt" objects, in file order.
std::vector<boost::json::object> decision_prompts(const std::string& audit) {
  std::vector<boost::json::object> out;
  std::istringstream lines(audit);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '{') continue;  // the zero-filled tail
    const auto record = boost::json::parse(line).as_object();
    if (record.at("event") == "decision") out.push_back(record.at("prompt").as_object());
  }
  return out;
}

std::string run_proxy(const fs::path& dir, std::string_view store_prompts,
                      const std::vector<std::string>& texts) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "switchyard.yaml")
      << "listen: 127.0.0.1:0\n"
         "policy: "
      << SWITCHYARD_SOURCE_DIR << "/policies/packs/default.yaml\n"
      << kMockUpstreamsYaml
      << "audit:\n"
         "  path: audit/audit.jsonl\n"
         "  hmac_key_env: SWITCHYARD_AUDIT_KEY\n"
      << "  store_prompts: " << store_prompts << "\n";
  std::optional<ProxyProcess> proxy;
  proxy.emplace(std::vector<std::string>{switchyard_binary(), "serve", "--config",
                                         (dir / "switchyard.yaml").string()},
                std::vector<std::string>{"SWITCHYARD_AUDIT_KEY=store-test-key-0123456789abcdef",
                                         "SWITCHYARD_PSEUDONYM_KEY=store-test-pseudonym-0123456"});
  const auto serving = proxy->wait_for_msg("switchyard serving", kWait);
  EXPECT_TRUE(serving) << proxy->all_stderr();
  if (!serving) return {};
  HttpClient client(ProxyProcess::listen_port(*serving));
  for (const std::string& text : texts) {
    const HttpReply reply = client.request(http::verb::post, "/v1/chat/completions",
                                           chat_body(text), {{"content-type", "application/json"}});
    EXPECT_EQ(reply.status, 200u) << reply.body;
  }
  proxy->signal(SIGTERM);
  EXPECT_EQ(proxy->wait_exit(kWait), 0) << proxy->all_stderr();
  return read_text(dir / "audit/audit.jsonl");
}

TEST(AuditStorePrompts, RedactedCopiesMaskEveryMatchAndKeepTheRest) {
  const fs::path dir =
      fs::temp_directory_path() / ("switchyard_store_prompts_" + std::to_string(::getpid()));
  const std::string secret_text =
      "Deploy with key id AKIA2QXR7T4MZL6PWJ3N please, and mail jane.roe@brightwater-logistics.com "
      "today";
  const std::string plain_text = "What is the capital of France?";
  const std::string audit = run_proxy(dir, "redacted", {secret_text, plain_text});
  EXPECT_THAT(audit, Not(HasSubstr("AKIA2QXR7T4MZL6PWJ3N")));
  EXPECT_THAT(audit, Not(HasSubstr("jane.roe@brightwater-logistics.com")));
  const auto prompts = decision_prompts(audit);
  ASSERT_EQ(prompts.size(), 2u) << audit;
  EXPECT_EQ(prompts[0].at("redacted").as_string(),
            "Deploy with key id [REDACTED:secrets.aws-access-key-id] please, and mail "
            "[REDACTED:pii.email] today");
  EXPECT_EQ(prompts[1].at("redacted").as_string(), plain_text);
  EXPECT_TRUE(prompts[1].contains("hmac"));  // the digest stays, whatever is stored

  const std::string by_default = run_proxy(dir, "none", {plain_text});
  EXPECT_THAT(by_default, Not(HasSubstr("capital of France")));
  const auto default_prompts = decision_prompts(by_default);
  ASSERT_EQ(default_prompts.size(), 1u);
  EXPECT_FALSE(default_prompts[0].contains("redacted"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace switchyard::testing
