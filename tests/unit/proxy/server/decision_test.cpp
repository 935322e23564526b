// The routing contract: block, internal, vendor, redact, pseudonymize; internal-only models; model
// renames; Responses conversation state; fail-closed choices.
#include "proxy/server/decision.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace switchyard::proxy {
namespace {

using adapters::Api;
using adapters::Dialect;
using policy::Handling;
using ::testing::HasSubstr;
using ::testing::Not;

Config test_config() {
  return parse_config(R"(
policy: p.yaml
upstreams:
  - name: local
    api: openai
    base_url: http://127.0.0.1:1/v1
    trust: internal
    models: { "*": "llama3.2:1b", "private-model": "llama3.1:8b", "gpt-4o": "llama-big" }
  - name: openai
    api: openai
    base_url: https://api.openai.com/v1
    trust: vendor
    models: { "gpt-4o": "gpt-4o-2024-08-06" }
  - name: anthropic
    api: anthropic
    base_url: https://api.anthropic.com
    trust: vendor
routes:
  internal: local
  vendor: { openai: openai, anthropic: anthropic }
  vendor_fallback: local
)",
                      "/tmp/decision_test.yaml");
}

adapters::ParsedRequest request(Api api, std::string model = "gpt-4o") {
  adapters::ParsedRequest r;
  r.api = api;
  r.model = std::move(model);
  r.segments = {{"/messages/0/content", "hello there"}, {"/messages/1/content", "second one"}};
  return r;
}

policy::RuleMatch match(std::string id, Handling h, std::vector<policy::MatchSpan> spans = {},
                        std::string category = "") {
  policy::RuleMatch m;
  m.id = std::move(id);
  m.category = std::move(category);
  m.handling = h;
  m.count = spans.empty() ? 1 : spans.size();
  m.spans = std::move(spans);
  return m;
}

policy::Classification classified(Handling h, std::vector<policy::RuleMatch> matches = {}) {
  policy::Classification c;
  c.handling = h;
  c.level = "public";
  c.matches = std::move(matches);
  return c;
}

TEST(Decision, CleanRequestGoesToTheVendorOfTheClientsApi) {
  const Config config = test_config();
  auto d = decide(config, request(Api::kOpenAiChat), classified(Handling::kVendor), nullptr);
  EXPECT_EQ(d.route, Route::kVendor);
  EXPECT_EQ(d.upstream, 1);
  EXPECT_EQ(d.fallback, 0);
  EXPECT_EQ(d.target, Dialect::kOpenAi);
  EXPECT_EQ(d.upstream_model, "gpt-4o-2024-08-06");
  EXPECT_FALSE(d.error);

  d = decide(config, request(Api::kAnthropicMessages, "claude-x"), classified(Handling::kVendor),
             nullptr);
  EXPECT_EQ(d.upstream, 2);
  EXPECT_EQ(d.target, Dialect::kAnthropic);
  EXPECT_FALSE(d.upstream_model);
}

TEST(Decision, InternalHandlingGoesInternalWithTheWildcardModel) {
  const Config config = test_config();
  auto d =
      decide(config, request(Api::kAnthropicMessages, "claude-x"),
             classified(Handling::kInternal, {match("codename", Handling::kInternal)}), nullptr);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.upstream, 0);
  EXPECT_EQ(d.fallback, -1);              // internal never falls back
  EXPECT_EQ(d.target, Dialect::kOpenAi);  // translated: local speaks only OpenAI
  EXPECT_EQ(d.upstream_model, "llama3.2:1b");
  EXPECT_EQ(d.reason, "policy");
}

TEST(Decision, BlockNamesTheBlockingRulesOnly) {
  const Config config = test_config();
  const auto d =
      decide(config, request(Api::kOpenAiChat),
             classified(Handling::kBlock, {match("secrets.private-key", Handling::kBlock),
                                           match("pii.email", Handling::kRedact, {{0, 0, 5}}),
                                           match("aws.key", Handling::kBlock)}),
             nullptr);
  EXPECT_EQ(d.route, Route::kBlocked);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->status, 403);
  EXPECT_EQ(d.error->code, "policy_blocked");
  EXPECT_THAT(d.error->message, HasSubstr("secrets.private-key, aws.key"));
  EXPECT_THAT(d.error->message, Not(HasSubstr("pii.email")));
  EXPECT_THAT(d.error->message, Not(HasSubstr("hello")));
  EXPECT_EQ(d.upstream, -1);
}

TEST(Decision, ClassifierErrorRoutesAsTheStrictHandlingSays) {
  const Config config = test_config();
  auto c = classified(Handling::kInternal);
  c.classifier_error = true;
  c.error = "invalid UTF-8";
  auto d = decide(config, request(Api::kOpenAiChat), c, nullptr);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "classifier_error");
  c.handling = Handling::kBlock;
  d = decide(config, request(Api::kOpenAiChat), c, nullptr);
  EXPECT_EQ(d.route, Route::kBlocked);
  EXPECT_EQ(d.reason, "classifier_error");
  EXPECT_THAT(d.error->message, HasSubstr("fails closed"));
}

TEST(Decision, RedactCollectsSpansOfRedactRulesWithTheirCategory) {
  const Config config = test_config();
  const auto d =
      decide(config, request(Api::kOpenAiChat),
             classified(Handling::kRedact,
                        {match("pii.email", Handling::kRedact, {{0, 0, 5}, {1, 2, 4}}, "email"),
                         match("no-category", Handling::kRedact, {{1, 5, 6}}),
                         match("public-note", Handling::kVendor, {{0, 6, 11}})}),
             nullptr);
  EXPECT_EQ(d.route, Route::kVendor);
  ASSERT_EQ(d.redactions.size(), 3u);
  EXPECT_EQ(d.redactions[0].segment, 0u);
  EXPECT_EQ(d.redactions[0].end, 5u);
  EXPECT_EQ(d.redactions[0].category, "email");
  EXPECT_EQ(d.redactions[1].segment, 1u);
  EXPECT_EQ(d.redactions[2].category, "no-category");
}

TEST(Decision, RedactMatchWithoutSpansFailsClosedToInternal) {
  const Config config = test_config();
  const auto d = decide(
      config, request(Api::kOpenAiChat),
      classified(Handling::kRedact, {match("pii.email", Handling::kRedact, {{0, 0, 5}}, "email"),
                                     match("pii.base64-email", Handling::kRedact)}),
      nullptr);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "unredactable_match");
  EXPECT_TRUE(d.redactions.empty());
}

adapters::ParsedRequest contact_request() {
  adapters::ParsedRequest r = request(Api::kOpenAiChat);
  r.segments = {{"/messages/0/content", "Mail jane@acme.io or REDACTME-1"},
                {"/messages/1/content", "again jane@acme.io"}};
  return r;
}

TEST(Decision, PseudonymizeGivesPlaceholdersRedactsTheRestAndCountsPerRule) {
  const Config config = test_config();
  const pseudonymize::PseudonymKey key("decision-test-key-0123456789abcdef");
  const auto d = decide(
      config, contact_request(),
      classified(Handling::kPseudonymize,
                 {match("pii.email", Handling::kPseudonymize, {{0, 5, 17}, {1, 6, 18}}, "email"),
                  match("ticket", Handling::kRedact, {{0, 21, 31}}, "ticket"),
                  match("note", Handling::kVendor, {{0, 0, 4}})}),
      nullptr, &key);
  EXPECT_EQ(d.route, Route::kVendor);
  EXPECT_EQ(d.handling, Handling::kPseudonymize);
  ASSERT_EQ(d.redactions.size(), 3u);
  const std::string placeholder = key.placeholder("EMAIL", "jane@acme.io", 0);
  EXPECT_EQ(d.redactions[0].replacement, placeholder);
  EXPECT_TRUE(d.redactions[1].replacement.empty());  // the ticket is redacted
  EXPECT_EQ(d.redactions[1].category, "ticket");
  EXPECT_EQ(d.redactions[2].replacement, placeholder);  // same value, same placeholder
  ASSERT_TRUE(d.pseudonyms);
  EXPECT_EQ(d.pseudonyms->size(), 1u);
  ASSERT_NE(d.pseudonyms->find(placeholder), nullptr);
  EXPECT_EQ(d.pseudonyms->find(placeholder)->value, "jane@acme.io");
  EXPECT_EQ(d.pseudonymized, (std::vector<std::size_t>{2, 0, 0}));
}

TEST(Decision, PseudonymizeWithoutAKeyOrSpansFailsClosedToInternal) {
  const Config config = test_config();
  const auto matches =
      classified(Handling::kPseudonymize,
                 {match("pii.email", Handling::kPseudonymize, {{0, 5, 17}}, "email")});
  auto d = decide(config, contact_request(), matches, nullptr, nullptr);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "pseudonym_key_unset");
  EXPECT_FALSE(d.pseudonyms);
  EXPECT_TRUE(d.redactions.empty());

  const pseudonymize::PseudonymKey key("decision-test-key-0123456789abcdef");
  d = decide(config, contact_request(),
             classified(Handling::kPseudonymize,
                        {match("pii.email", Handling::kPseudonymize, {{0, 5, 17}}, "email"),
                         match("pii.base64-email", Handling::kPseudonymize)}),
             nullptr, &key);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "unredactable_match");
  EXPECT_FALSE(d.pseudonyms);
}

TEST(Decision, InternalRouteCarriesNoPlaceholders) {
  const Config config = test_config();
  const pseudonymize::PseudonymKey key("decision-test-key-0123456789abcdef");
  // A stricter rule sends the request internal: the internal model sees the real values.
  const auto d =
      decide(config, contact_request(),
             classified(Handling::kInternal,
                        {match("pii.email", Handling::kPseudonymize, {{0, 5, 17}}, "email"),
                         match("codename", Handling::kInternal, {{1, 0, 5}})}),
             nullptr, &key);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_TRUE(d.redactions.empty());
  EXPECT_FALSE(d.pseudonyms);
  // So does a model only the internal upstream serves.
  auto r = contact_request();
  r.model = "private-model";
  const auto m =
      decide(config, r,
             classified(Handling::kPseudonymize,
                        {match("pii.email", Handling::kPseudonymize, {{0, 5, 17}}, "email")}),
             nullptr, &key);
  EXPECT_EQ(m.route, Route::kInternal);
  EXPECT_FALSE(m.pseudonyms);
}

TEST(Decision, ModelOnlyTheInternalUpstreamListsGoesInternal) {
  const Config config = test_config();
  auto d = decide(config, request(Api::kOpenAiChat, "private-model"), classified(Handling::kVendor),
                  nullptr);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "model_internal_only");
  EXPECT_EQ(d.upstream_model, "llama3.1:8b");
  // gpt-4o is listed by both: the vendor serves it.
  d = decide(config, request(Api::kOpenAiChat, "gpt-4o"), classified(Handling::kVendor), nullptr);
  EXPECT_EQ(d.route, Route::kVendor);
  // A wildcard alone does not make a model internal-only.
  d = decide(config, request(Api::kOpenAiChat, "gpt-5"), classified(Handling::kVendor), nullptr);
  EXPECT_EQ(d.route, Route::kVendor);
}

TEST(Decision, ResponsesConversationsStayWhereTheirHistoryIs) {
  const Config config = test_config();
  ResponsesState state(100, std::chrono::seconds(60));
  state.remember("resp_internal", Trust::kInternal);
  state.remember("resp_vendor", Trust::kVendor);
  auto req = request(Api::kOpenAiResponses);

  req.previous_response_id = "resp_internal";
  auto d = decide(config, req, classified(Handling::kVendor), &state);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "previous_response_internal");

  req.previous_response_id = "resp_vendor";
  d = decide(config, req, classified(Handling::kVendor), &state);
  EXPECT_EQ(d.route, Route::kVendor);

  d = decide(config, req, classified(Handling::kInternal), &state);
  EXPECT_EQ(d.route, Route::kBlocked);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->status, 409);
  EXPECT_EQ(d.error->code, "vendor_held_conversation");
  EXPECT_EQ(d.error->param, "previous_response_id");

  // Unknown ids count as vendor-held: clean continues at the vendor, sensitive is refused.
  req.previous_response_id = "resp_unknown";
  EXPECT_EQ(decide(config, req, classified(Handling::kVendor), &state).route, Route::kVendor);
  EXPECT_EQ(decide(config, req, classified(Handling::kInternal), &state).route, Route::kBlocked);
  EXPECT_EQ(decide(config, req, classified(Handling::kInternal), nullptr).route, Route::kBlocked);
  // Block still wins over everything.
  req.previous_response_id = "resp_internal";
  d = decide(config, req, classified(Handling::kBlock, {match("b", Handling::kBlock)}), &state);
  EXPECT_EQ(d.error->code, "policy_blocked");
}

TEST(Decision, ErrorsUseEachDialectsVocabulary) {
  EXPECT_EQ(make_api_error(Dialect::kAnthropic, 401, "x", "m").type, "authentication_error");
  EXPECT_EQ(make_api_error(Dialect::kAnthropic, 413, "x", "m").type, "request_too_large");
  EXPECT_EQ(make_api_error(Dialect::kAnthropic, 503, "x", "m").type, "api_error");
  EXPECT_EQ(make_api_error(Dialect::kOpenAi, 400, "x", "m").type, "invalid_request_error");
  EXPECT_EQ(make_api_error(Dialect::kOpenAi, 503, "x", "m").type, "server_error");
  EXPECT_EQ(make_api_error(Dialect::kOpenAi, 429, "x", "m").type, "rate_limit_error");
  // OpenAI answers an unknown URL 404 as an invalid request; Anthropic names it not_found_error.
  EXPECT_EQ(make_api_error(Dialect::kOpenAi, 404, "x", "m").type, "invalid_request_error");
  EXPECT_EQ(make_api_error(Dialect::kAnthropic, 404, "x", "m").type, "not_found_error");
}

}  // namespace
}  // namespace switchyard::proxy

namespace switchyard::proxy {
namespace {

TEST(DecisionAttachments, UninspectedHandlingAppliesUnlessRulesAreStricter) {
  const Config config = test_config();
  UninspectedVerdict unread{Handling::kInternal, "messages[0].content[1]", "remote_url"};
  auto d = decide(config, request(Api::kOpenAiChat), classified(Handling::kVendor), nullptr,
                  nullptr, unread);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.handling, Handling::kInternal);
  EXPECT_EQ(d.reason, "uninspected_attachment");

  unread.handling = Handling::kBlock;
  d = decide(config, request(Api::kAnthropicMessages), classified(Handling::kInternal), nullptr,
             nullptr, unread);
  EXPECT_EQ(d.route, Route::kBlocked);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->status, 403);
  EXPECT_EQ(d.error->type, "permission_error");
  EXPECT_THAT(d.error->message,
              HasSubstr("messages[0].content[1] could not be inspected (remote_url)"));

  unread.handling = Handling::kVendor;  // the policy lets unread content go to the vendor
  d = decide(config, request(Api::kOpenAiChat), classified(Handling::kVendor), nullptr, nullptr,
             unread);
  EXPECT_EQ(d.route, Route::kVendor);
  EXPECT_EQ(d.reason, "policy");

  // A rule's block is still the rule's, with its own message.
  unread.handling = Handling::kInternal;
  d = decide(config, request(Api::kOpenAiChat),
             classified(Handling::kBlock, {match("secrets.key", Handling::kBlock)}), nullptr,
             nullptr, unread);
  EXPECT_THAT(d.error->message, HasSubstr("secrets.key"));
}

TEST(DecisionAttachments, ARedactMatchInAnAttachmentCannotBeRedactedSoGoesInternal) {
  const Config config = test_config();
  auto r = request(Api::kOpenAiChat);
  adapters::TextSegment page;
  page.path = "/messages/0/content/1#page=1";
  page.text = "mail me at a@b.example";
  page.attachment = 0;
  r.segments.push_back(page);
  const auto d = decide(config, r,
                        classified(Handling::kRedact,
                                   {match("pii.email", Handling::kRedact, {{2, 11, 22}}, "email")}),
                        nullptr);
  EXPECT_EQ(d.route, Route::kInternal);
  EXPECT_EQ(d.reason, "unredactable_match");
  EXPECT_TRUE(d.redactions.empty());
}

}  // namespace
}  // namespace switchyard::proxy
