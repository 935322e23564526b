// POST /policy/explain's logic (policy_explain.h): verdicts with masked values and pieces, request
// bodies extracted by the proxy's adapters, pasted policies (errors as FILE:LINE:COL, their own
// tests, includes only from the serving policy's files, alias amplification refused), and limits.
#include "proxy/ops/policy_explain.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

namespace switchyard::proxy {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

const fs::path kData = fs::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data";

class PolicyExplainTest : public ::testing::Test {
 protected:
  PolicyExplainTest() { pair_.live = policy::Policy::load_file(kData / "reload_v1.yaml"); }
  json::object call(const json::object& request, int expect_status = 200,
                    const ExplainLimits& limits = {}) {
    const ExplainResponse r = explain_policy_request(json::serialize(request), pair_, limits);
    EXPECT_EQ(r.status, expect_status) << r.body;
    return json::parse(r.body).as_object();
  }
  PolicyPair pair_;
};

std::vector<std::string> rule_ids(const json::object& answer) {
  std::vector<std::string> ids;
  for (const auto& r : answer.at("rules").as_array()) {
    ids.emplace_back(r.at("id").as_string());
  }
  return ids;
}

TEST_F(PolicyExplainTest, TextVerdictWithMaskedHighlightedSpans) {
  const auto a = call({{"text", "Please review the Halcyon launch plan"}});
  EXPECT_EQ(a.at("handling").as_string(), "internal");
  EXPECT_EQ(a.at("level").as_string(), "confidential");
  EXPECT_EQ(a.at("policy").at("name").as_string(), "reload-test");
  EXPECT_EQ(a.at("input").at("kind").as_string(), "text");
  EXPECT_EQ(rule_ids(a), std::vector<std::string>{"reload.codename"});
  const auto& finding = a.at("rules").at(0).at("findings").at(0);
  EXPECT_EQ(finding.at("masked").as_string(), "Ha***on");
  EXPECT_EQ(finding.at("view").as_string(), "raw");
  // The text comes back in pieces; the matched value only masked.
  const auto& pieces = a.at("segments").at(0).at("pieces").as_array();
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].at("text").as_string(), "Please review the ");
  EXPECT_EQ(pieces[1].at("masked").as_string(), "Ha***on");
  EXPECT_EQ(pieces[1].at("rules").at(0).as_string(), "reload.codename");
  EXPECT_EQ(pieces[2].at("text").as_string(), " launch plan");
  EXPECT_EQ(json::serialize(a).find("Halcyon"), std::string::npos);
}

TEST_F(PolicyExplainTest, NormalizedAndDecodedViewsAreNamed) {
  // Full-width letters: found after normalization.
  auto a = call({{"text", "the \xEF\xBC\xA8\xEF\xBD\x81lcyon plan"}});
  EXPECT_EQ(a.at("rules").at(0).at("findings").at(0).at("view").as_string(), "normalized");
  // Percent-encoded: found in the decoded view.
  a = call({{"text", "see %48%61%6C%63%79%6F%6E"}});
  ASSERT_EQ(rule_ids(a), std::vector<std::string>{"reload.codename"}) << json::serialize(a);
  EXPECT_EQ(a.at("rules").at(0).at("findings").at(0).at("view").as_string(), "decoded");
}

TEST_F(PolicyExplainTest, RequestBodiesAreExtractedLikeTheProxy) {
  const std::string body = R"({"model":"m","messages":[{"role":"system","content":"be brief"},)"
                           R"({"role":"user","content":"the Halcyon plan"}]})";
  auto a = call({{"text", body}});
  EXPECT_EQ(a.at("input").at("kind").as_string(), "openai.chat");
  EXPECT_EQ(a.at("input").at("segments").as_int64(), 2);
  EXPECT_EQ(a.at("handling").as_string(), "internal");
  EXPECT_EQ(a.at("segments").at(1).at("path").as_string(), "/messages/1/content");
  EXPECT_EQ(a.at("rules").at(0).at("findings").at(0).at("path").as_string(), "/messages/1/content");
  const std::string anthropic =
      R"({"model":"m","max_tokens":10,"system":"x","messages":[{"role":"user","content":"Halcyon"}]})";
  a = call({{"text", anthropic}});
  EXPECT_EQ(a.at("input").at("kind").as_string(), "anthropic.messages");
  EXPECT_EQ(a.at("handling").as_string(), "internal");
  // Forced to an API it does not fit: the adapter's own error.
  a = call({{"text", "not json"}, {"input", "anthropic.messages"}}, 400);
  EXPECT_EQ(a.at("error").at("code").as_string(), "invalid_request_body");
}

TEST_F(PolicyExplainTest, PastedPolicyErrorsAreFileLineColumn) {
  const auto a = call({{"text", "x"},
                       {"policy", "pasted"},
                       {"policy_yaml",
                        "policy: p\nrules:\n  - id: a\n    level: secret\n"
                        "    keywords: [k]\n"}},
                      422);
  EXPECT_EQ(a.at("error").at("code").as_string(), "policy_invalid");
  const auto& errors = a.at("error").at("errors").as_array();
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(errors.at(0).as_string().starts_with("playground.yaml:4:12: rules[0].level"))
      << json::serialize(errors);
  const auto syntax =
      call({{"text", "x"}, {"policy", "pasted"}, {"policy_yaml", "policy: [unclosed\n"}}, 422);
  EXPECT_TRUE(syntax.at("error").at("errors").at(0).as_string().starts_with("playground.yaml:"))
      << json::serialize(syntax);
}

TEST_F(PolicyExplainTest, PastedPolicyRunsWithItsTestResults) {
  const std::string yaml =
      "policy: draft\nversion: d1\nrules:\n  - id: d.kestrel\n    level: confidential\n"
      "    keywords: [\"Project Kestrel\"]\ntests:\n  - text: \"project-kestrel\"\n"
      "    expect: internal\n  - text: \"Kestrel alone\"\n    expect: internal\n";
  const auto a =
      call({{"text", "Project Kestrel ships"}, {"policy", "pasted"}, {"policy_yaml", yaml}});
  EXPECT_EQ(a.at("policy").at("source").as_string(), "pasted");
  EXPECT_EQ(a.at("policy").at("name").as_string(), "draft");
  EXPECT_EQ(a.at("handling").as_string(), "internal");
  EXPECT_EQ(a.at("tests").at("passed").as_int64(), 1);
  EXPECT_EQ(a.at("tests").at("failed").as_int64(), 1);
  const auto& failure = a.at("tests").at("failures").at(0);
  EXPECT_EQ(failure.at("location").as_string(), "playground.yaml:10:5");
  EXPECT_NE(failure.at("message").as_string().find("expected internal, got vendor"),
            std::string::npos);
}

TEST_F(PolicyExplainTest, PastedIncludesOnlyTheServingPolicysFiles) {
  // reload_pack.yaml is one of the live policy's files: it may be included (from memory).
  auto a = call({{"text", "x"},
                 {"policy", "pasted"},
                 {"policy_yaml", "policy: p\ninclude: [reload_pack.yaml]\nrules: []\n"}});
  EXPECT_EQ(a.at("policy").at("name").as_string(), "p");
  // Anything else is refused without reading the disk, even a file that exists.
  for (const std::string other : {"../../../../../../../../etc/passwd", "reload_v1_missing.yaml",
                                  "../data/reload_v1.yaml/../../../CMakeLists.txt"}) {
    a = call({{"text", "x"},
              {"policy", "pasted"},
              {"policy_yaml", "policy: p\ninclude: [\"" + other + "\"]\nrules: []\n"}},
             422);
    const std::string error(a.at("error").at("errors").at(0).as_string());
    EXPECT_TRUE(error.starts_with("playground.yaml:2:11: include[0]: cannot include")) << error;
    EXPECT_EQ(error.find("root:"), std::string::npos) << error;
  }
  a = call({{"text", "x"},
            {"policy", "pasted"},
            {"policy_yaml", "policy: p\ninclude: [/etc/passwd]\nrules: []\n"}},
           422);
}

TEST_F(PolicyExplainTest, AliasAmplificationIsRefusedBeforeCompiling) {
  // 2,000 rules sharing one 1,000-keyword list through a YAML alias: 60 KB of text, 2 million
  // keywords once expanded. Refused by counting, before the loader copies anything.
  std::string yaml = "policy: bomb\nrules:\n  - {id: r0, level: internal, keywords: &k [";
  for (int i = 0; i < 1000; ++i) yaml += (i ? "," : "") + std::string("kw") + std::to_string(i);
  yaml += "]}\n";
  for (int i = 1; i < 2000; ++i) {
    yaml += "  - {id: r" + std::to_string(i) + ", level: internal, keywords: *k}\n";
  }
  const auto a = call({{"text", "x"}, {"policy", "pasted"}, {"policy_yaml", yaml}}, 422);
  EXPECT_EQ(a.at("error").at("code").as_string(), "policy_too_large") << json::serialize(a);
  // Below the node budget but past the pattern budget: refused after the cheap parse.
  ExplainLimits limits;
  limits.max_pattern_bytes = 10000;
  std::string smaller = "policy: p\nrules:\n  - {id: r0, level: internal, keywords: &k [";
  for (int i = 0; i < 100; ++i)
    smaller += (i ? "," : "") + std::string("keyword") + std::to_string(i);
  smaller += "]}\n";
  for (int i = 1; i < 20; ++i) {
    smaller += "  - {id: r" + std::to_string(i) + ", level: internal, keywords: *k}\n";
  }
  const auto b = call({{"text", "x"}, {"policy", "pasted"}, {"policy_yaml", smaller}}, 422, limits);
  EXPECT_EQ(b.at("error").at("code").as_string(), "policy_too_large") << json::serialize(b);
  EXPECT_NE(b.at("error").at("message").as_string().find("keywords and regexes"),
            std::string::npos);
}

TEST_F(PolicyExplainTest, LimitsAndBadRequests) {
  ExplainLimits limits;
  limits.max_text_bytes = 100;
  limits.max_policy_bytes = 50;
  auto a = call({{"text", std::string(101, 'a')}}, 413, limits);
  EXPECT_EQ(a.at("error").at("code").as_string(), "text_too_large");
  a = call({{"text", "a"}, {"policy", "pasted"}, {"policy_yaml", std::string(51, '#')}}, 413,
           limits);
  EXPECT_EQ(a.at("error").at("code").as_string(), "policy_too_large");
  limits.max_request_bytes = 10;
  EXPECT_EQ(explain_policy_request(R"({"text":"0123456789"})", pair_, limits).status, 413);

  EXPECT_EQ(explain_policy_request("{not json", pair_).status, 400);
  EXPECT_EQ(explain_policy_request("[1]", pair_).status, 400);
  a = call({{"txt", "a"}}, 400);
  EXPECT_EQ(a.at("error").at("code").as_string(), "unknown_field");
  a = call({{"text", 5}}, 400);
  EXPECT_EQ(a.at("error").at("code").as_string(), "invalid_field");
  a = call({}, 400);
  EXPECT_EQ(a.at("error").at("code").as_string(), "missing_text");
  a = call({{"text", "a"}, {"policy", "other"}}, 400);
  a = call({{"text", "a"}, {"policy", "shadow"}}, 404);
  EXPECT_EQ(a.at("error").at("code").as_string(), "no_shadow_policy");
  a = call({{"text", "a"}, {"input", "xml"}}, 400);
  EXPECT_EQ(a.at("error").at("code").as_string(), "invalid_input");
}

TEST_F(PolicyExplainTest, ShadowPolicyWhenConfigured) {
  pair_.shadow = policy::Policy::load_file(kData / "reload_v1.yaml");
  const auto a = call({{"text", "Halcyon"}, {"policy", "shadow"}});
  EXPECT_EQ(a.at("policy").at("source").as_string(), "shadow");
  EXPECT_EQ(a.at("handling").as_string(), "internal");
}

}  // namespace
}  // namespace switchyard::proxy
