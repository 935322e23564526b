// Strict configuration loading: valid files, defaults, ${VAR}, relative paths, and one error per
// problem with FILE:LINE:COL, the field path and a did-you-mean.
#include "proxy/config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace switchyard::proxy {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr std::string_view kValid = R"(
listen: 127.0.0.1:8088
admin_listen: 127.0.0.1:9099
policy: policies/p.yaml
upstreams:
  - name: local
    api: openai
    apis: [anthropic]
    base_url: http://127.0.0.1:11434/v1
    trust: internal
    models: { "*": "llama3.2:1b", "secret-model": "llama3.1:8b" }
    timeouts: { connect_ms: 250, first_byte_ms: 1000 }
  - name: openai
    api: openai
    base_url: https://api.openai.com/v1
    trust: vendor
    api_key_env: OPENAI_API_KEY
    ca_file: certs/ca.pem
    max_connections: 32
  - name: anthropic
    api: anthropic
    base_url: https://api.anthropic.com
    trust: vendor
routes:
  internal: local
  vendor: { openai: openai, anthropic: anthropic }
  vendor_fallback: local
clients:
  - name: app
    key_sha256: 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08
audit:
  path: audit/a.jsonl
  fsync: always
limits:
  max_body_bytes: 1MiB
  read_timeout_ms: 5000
  workers: 2
)";

Config parse(std::string_view text) { return parse_config(text, "/etc/sy/switchyard.yaml"); }

std::vector<std::string> errors_of(std::string_view text) {
  try {
    parse(text);
  } catch (const ConfigError& e) {
    return e.errors();
  }
  ADD_FAILURE() << "expected a ConfigError";
  return {};
}

TEST(Config, LoadsAValidFile) {
  const Config c = parse(kValid);
  EXPECT_EQ(c.listen.host, "127.0.0.1");
  EXPECT_EQ(c.listen.port, 8088);
  ASSERT_TRUE(c.admin_listen);
  EXPECT_EQ(c.admin_listen->port, 9099);
  EXPECT_EQ(c.policy, "/etc/sy/policies/p.yaml");
  ASSERT_EQ(c.upstreams.size(), 3u);
  const auto& local = c.upstreams[0];
  EXPECT_EQ(local.trust, Trust::kInternal);
  EXPECT_TRUE(local.serves_openai);
  EXPECT_TRUE(local.serves_anthropic);
  EXPECT_EQ(local.timeouts.connect.count(), 250);
  EXPECT_EQ(local.timeouts.first_byte.count(), 1000);
  EXPECT_EQ(local.timeouts.idle.count(), UpstreamTimeouts{}.idle.count());
  EXPECT_EQ(local.rename("secret-model"), "llama3.1:8b");
  EXPECT_EQ(local.rename("gpt-4o"), "llama3.2:1b");
  EXPECT_TRUE(local.lists_model("secret-model"));
  EXPECT_FALSE(local.lists_model("*"));
  EXPECT_EQ(c.upstreams[1].ca_file, "/etc/sy/certs/ca.pem");
  EXPECT_EQ(c.upstreams[1].max_connections, 32u);
  EXPECT_FALSE(c.upstreams[1].rename("gpt-4o"));
  EXPECT_FALSE(c.upstreams[1].serves_anthropic);
  EXPECT_EQ(c.upstreams[1].target_dialect(adapters::Dialect::kAnthropic),
            adapters::Dialect::kOpenAi);
  EXPECT_EQ(c.routes.internal, 0);
  EXPECT_EQ(c.routes.vendor_openai, 1);
  EXPECT_EQ(c.routes.vendor_anthropic, 2);
  EXPECT_EQ(c.routes.vendor_fallback, 0);
  ASSERT_TRUE(c.clients_configured);
  ASSERT_EQ(c.clients.size(), 1u);
  EXPECT_EQ(c.clients[0].key_sha256[0], 0x9f);
  EXPECT_EQ(c.audit.path, "/etc/sy/audit/a.jsonl");
  EXPECT_EQ(c.audit.fsync, audit::FsyncMode::kAlways);
  EXPECT_EQ(c.limits.max_body_bytes, 1u << 20);
  EXPECT_EQ(c.limits.max_header_bytes, 16u * 1024);
  EXPECT_EQ(c.limits.read_timeout.count(), 5000);
  EXPECT_EQ(c.limits.workers, 2u);
}

TEST(Config, MinimalMockFileGetsDefaults) {
  const Config c = parse(R"(
policy: p.yaml
upstreams:
  - { name: in, api: mock, trust: internal }
  - { name: out, api: mock, trust: vendor }
routes: { internal: in, vendor: out }
)");
  EXPECT_EQ(c.listen.port, 8080);
  EXPECT_FALSE(c.clients_configured);
  EXPECT_EQ(c.routes.vendor_openai, 1);
  EXPECT_EQ(c.routes.vendor_anthropic, 1);
  EXPECT_EQ(c.routes.vendor_fallback, -1);
  EXPECT_TRUE(c.upstreams[0].serves_openai);
  EXPECT_TRUE(c.upstreams[0].serves_anthropic);
  EXPECT_EQ(c.audit.path, "/etc/sy/audit/audit.jsonl");
  EXPECT_EQ(c.limits.max_body_bytes, 8u << 20);
}

TEST(Config, OneVendorServesBothDialects) {
  const Config c = parse(R"(
policy: p.yaml
upstreams:
  - { name: in, api: mock, trust: internal }
  - { name: oa, api: openai, base_url: "https://api.openai.com/v1", trust: vendor }
routes: { internal: in, vendor: { openai: oa } }
)");
  EXPECT_EQ(c.routes.vendor_anthropic, 1);
}

TEST(Config, ExpandsEnvironmentVariables) {
  ::setenv("SY_TEST_HOST", "10.0.0.7", 1);
  ::unsetenv("SY_TEST_UNSET");
  const Config c = parse(R"(
listen: "${SY_TEST_HOST}:81"
policy: "${SY_TEST_UNSET:-fallback.yaml}"
upstreams:
  - { name: in, api: openai, base_url: "http://${SY_TEST_HOST}:8000/v1", trust: internal }
  - { name: out, api: mock, trust: vendor }
routes: { internal: in, vendor: out }
audit: { path: "cost$$/a.jsonl" }
)");
  EXPECT_EQ(c.listen.host, "10.0.0.7");
  EXPECT_EQ(c.upstreams[0].base_url, "http://10.0.0.7:8000/v1");
  EXPECT_EQ(c.policy, "/etc/sy/fallback.yaml");
  EXPECT_EQ(c.audit.path, "/etc/sy/cost$/a.jsonl");
}

TEST(Config, UnsetVariableIsAnErrorNamingIt) {
  ::unsetenv("SY_TEST_NOPE");
  const auto errors = errors_of(R"(
policy: "${SY_TEST_NOPE}/p.yaml"
upstreams:
  - { name: out, api: mock, trust: vendor }
  - { name: in, api: mock, trust: internal }
routes: { internal: in, vendor: out }
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], AllOf(HasSubstr("/etc/sy/switchyard.yaml:2:9: policy:"),
                               HasSubstr("SY_TEST_NOPE is not set")));
}

TEST(Config, UnknownKeysSuggestTheClosestAndListAll) {
  const auto errors = errors_of(R"(
policy: p.yaml
upstreams:
  - name: in
    api: mock
    trust: internal
    modles: { "*": x }
  - { name: out, api: mock, trust: vendor }
routes: { internal: in, vendor: out }
limitz: {}
)");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_THAT(errors, Contains(AllOf(HasSubstr(":7:5: upstreams[0].modles: unknown key 'modles'"),
                                     HasSubstr("did you mean 'models'?"),
                                     HasSubstr("valid keys: name, api"))));
  EXPECT_THAT(errors, Contains(AllOf(HasSubstr(":10:1: limitz:"), HasSubstr("'limits'"))));
}

TEST(Config, ReportsEveryErrorAtOnce) {
  const auto errors = errors_of(R"(
listen: nowhere
upstreams:
  - { name: in, api: gpt, trust: internal, base_url: "http://x" }
  - { name: out, api: openai, trust: public }
  - { name: out, api: mock, trust: vendor, base_url: "http://y" }
routes: { internal: out, vendor: { openai: missing } , vendor_fallback: out }
clients:
  - { name: a, key_sha256: "abc" }
limits: { max_body_bytes: lots, workers: -1 }
audit: { fsync: sometimes }
)");
  const std::vector<std::string_view> expected = {
      "listen: expected HOST:PORT",
      "policy: required",
      "upstreams[0].api: unknown value 'gpt'; valid values: openai, anthropic, mock",
      "upstreams[1].base_url: required",
      "upstreams[1].trust: unknown value 'public'",
      "upstreams[2].base_url: a mock upstream has no base_url",
      "upstreams[2].name: duplicate upstream name 'out'",
      "routes.internal: upstream 'out' has trust vendor; this route needs trust internal",
      "routes.vendor.openai: no upstream named 'missing'",
      "routes.vendor_fallback: upstream 'out' has trust vendor",
      "clients[0].key_sha256: expected 64 hex digits",
      "limits.max_body_bytes: expected a non-negative integer, got 'lots'",
      "limits.workers: expected a non-negative integer",
      "audit.fsync: unknown value 'sometimes'; valid values: always, batch, never",
  };
  for (auto e : expected) EXPECT_THAT(errors, Contains(HasSubstr(std::string(e)))) << e;
}

TEST(Config, RejectsBadBaseUrlsAndRanges) {
  const auto errors = errors_of(R"(
policy: p.yaml
upstreams:
  - { name: in, api: openai, base_url: "ftp://host/v1", trust: internal }
  - { name: out, api: openai, base_url: "https://h/v1?x=1", trust: vendor,
      timeouts: { connect_ms: 0 }, max_connections: 0 }
routes: { internal: in, vendor: out }
limits: { max_header_bytes: 10 }
)");
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[0].base_url: expected http(s)://")));
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[1].base_url: expected http(s)://")));
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[1].timeouts.connect_ms: must be between")));
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[1].max_connections: must be between")));
  EXPECT_THAT(errors, Contains(HasSubstr("limits.max_header_bytes: must be between 1024")));
}

// Upstream reachability only gates /readyz where the operator asks for it (issue 20).
TEST(Config, GatesReadinessIsOffByDefaultAndStrict) {
  const Config c = parse(R"(
policy: p.yaml
upstreams:
  - { name: in, api: openai, base_url: "http://127.0.0.1:11434/v1", trust: internal,
      gates_readiness: true }
  - { name: out, api: openai, base_url: "https://api.openai.com/v1", trust: vendor }
routes: { internal: in, vendor: out }
)");
  EXPECT_TRUE(c.upstreams[0].gates_readiness);
  EXPECT_FALSE(c.upstreams[1].gates_readiness);

  const auto errors = errors_of(R"(
policy: p.yaml
upstreams:
  - { name: in, api: openai, base_url: "http://127.0.0.1:11434/v1", trust: internal,
      gates_readiness: yes-please }
  - { name: out, api: mock, trust: vendor, gates_readiness: false }
routes: { internal: in, vendor: out }
)");
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[0].gates_readiness: expected true or false")));
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[1].gates_readiness: a mock upstream is never "
                                         "probed")));
  EXPECT_THAT(errors_of(R"(
policy: p.yaml
upstreams:
  - { name: in, api: mock, trust: internal, gates_readyness: true }
  - { name: out, api: mock, trust: vendor }
routes: { internal: in, vendor: out }
)"),
              Contains(HasSubstr("did you mean 'gates_readiness'")));
}

TEST(Config, RequiresRoutesAndNonEmptyClients) {
  const auto errors = errors_of(R"(
policy: p.yaml
upstreams:
  - { name: in, api: mock, trust: internal }
routes: { internal: in }
clients: []
)");
  EXPECT_THAT(errors, Contains(HasSubstr("routes.vendor: required")));
  EXPECT_THAT(errors, Contains(HasSubstr("clients: expected a non-empty list")));
}

TEST(Config, YamlSyntaxErrorsCarryAPosition) {
  const auto errors = errors_of("policy: [unclosed\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("/etc/sy/switchyard.yaml:"));
}

TEST(Config, MissingFileIsAnError) {
  EXPECT_THROW(load_config("/nonexistent/switchyard.yaml"), ConfigError);
}

TEST(ListenAddress, Parses) {
  EXPECT_EQ(parse_listen_address("0.0.0.0:80")->host, "0.0.0.0");
  EXPECT_EQ(parse_listen_address("[::1]:8080")->host, "::1");
  EXPECT_EQ(parse_listen_address(":9000")->host, "127.0.0.1");
  EXPECT_EQ(parse_listen_address(":9000")->port, 9000);
  EXPECT_FALSE(parse_listen_address("host"));
  EXPECT_FALSE(parse_listen_address("host:99999"));
  EXPECT_FALSE(parse_listen_address("::1:80"));
}

}  // namespace
}  // namespace switchyard::proxy

namespace switchyard::proxy {
namespace {

constexpr std::string_view kMock = R"(
policy: p.yaml
upstreams:
  - { name: in, api: openai, base_url: "http://127.0.0.1:1/v1", trust: internal }
  - { name: out, api: openai, base_url: "http://127.0.0.1:2/v1", trust: vendor }
  - { name: raw, api: openai, base_url: "http://127.0.0.1:3/v1", trust: internal, documents: native }
routes: { internal: in, vendor: out }
)";

TEST(ConfigAttachments, DefaultsAndDocumentsHandling) {
  const Config c = parse(kMock);
  EXPECT_EQ(c.attachments.max_bytes, 20u << 20);
  EXPECT_TRUE(c.attachments.ocr);
  EXPECT_EQ(c.attachments.ocr_languages, std::vector<std::string>{"eng"});
  EXPECT_FALSE(c.attachments.ocr_data.empty());
  EXPECT_TRUE(c.upstreams[0].documents_as_text);   // internal: text by default
  EXPECT_FALSE(c.upstreams[1].documents_as_text);  // vendor: native
  EXPECT_FALSE(c.upstreams[2].documents_as_text);  // said so
}

TEST(ConfigAttachments, LoadsEveryLimit) {
  const Config c = parse(std::string(kMock) + R"(
attachments:
  max_bytes: 2MiB
  max_count: 4
  max_pages: 10
  max_pixels: 1000000
  ocr_time_ms: 1500
  timeout_ms: 3000
  jobs: 1
  queue: 8
  ocr_languages: [eng, deu]
  scan_dpi: 200
  scan_text_threshold: 10
)");
  const auto& a = c.attachments;
  EXPECT_EQ(a.max_bytes, 2u << 20);
  EXPECT_EQ(a.max_count, 4u);
  EXPECT_EQ(a.max_pages, 10u);
  EXPECT_EQ(a.max_pixels, 1000000u);
  EXPECT_EQ(a.ocr_time.count(), 1500);
  EXPECT_EQ(a.timeout.count(), 3000);
  EXPECT_EQ(a.jobs, 1u);
  EXPECT_EQ(a.queue, 8u);
  EXPECT_EQ(a.ocr_languages, (std::vector<std::string>{"eng", "deu"}));
  EXPECT_EQ(a.scan_dpi, 200u);
  EXPECT_EQ(a.scan_text_threshold, 10u);
}

TEST(ConfigAttachments, StrictKeysAndLanguagesThatExist) {
  auto errors = errors_of(std::string(kMock) + "attachments: { max_page: 3 }\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("attachments.max_page: unknown key 'max_page' (did you mean "
                                   "'max_pages'?)"));
  errors = errors_of(std::string(kMock) + "attachments: { ocr_languages: [eng, klingon] }\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("no OCR data for 'klingon'"));
  EXPECT_THAT(errors[0], HasSubstr("installed: "));
  // Without OCR the languages are not needed.
  EXPECT_NO_THROW(parse(std::string(kMock) + "attachments: { ocr: false, ocr_languages: [xx] }\n"));
  errors = errors_of(std::string(kMock) + "attachments: { scan_dpi: 5 }\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("attachments.scan_dpi: must be between 50 and 600"));
  errors = errors_of(R"(
policy: p.yaml
upstreams:
  - { name: in, api: mock, trust: internal, documents: pdf }
routes: { internal: in, vendor: in }
)");
  EXPECT_THAT(errors, Contains(HasSubstr("upstreams[0].documents: unknown value 'pdf'; valid "
                                         "values: native, text")));
}

constexpr std::string_view kMinimal = R"(
policy: p.yaml
upstreams:
  - { name: mock, api: mock, trust: vendor }
  - { name: local, api: openai, base_url: "http://127.0.0.1:1/v1", trust: internal }
routes: { internal: local, vendor: mock }
)";

TEST(Config, PseudonymizeKeyEnvDefaultsAndIsStrict) {
  Config config = parse_config(kMinimal, "/etc/sy/switchyard.yaml");
  EXPECT_EQ(config.pseudonymize.key_env, "SWITCHYARD_PSEUDONYM_KEY");
  EXPECT_FALSE(config.pseudonymize.explicit_key_env);

  config = parse_config(std::string(kMinimal) + "pseudonymize: { key_env: ACME_PSEUDONYMS }\n",
                        "/etc/sy/switchyard.yaml");
  EXPECT_EQ(config.pseudonymize.key_env, "ACME_PSEUDONYMS");
  EXPECT_TRUE(config.pseudonymize.explicit_key_env);

  for (std::string_view bad :
       {"pseudonymize: { key_env: \"s3cr3t key!\" }\n", "pseudonymize: { key_env: \"\" }\n",
        "pseudonymize: { key: X }\n", "pseudonymize: SWITCHYARD_KEY\n"}) {
    try {
      parse_config(std::string(kMinimal) + std::string(bad), "/etc/sy/switchyard.yaml");
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const ConfigError& e) {
      ASSERT_FALSE(e.errors().empty());
      EXPECT_THAT(e.errors()[0], ::testing::HasSubstr("/etc/sy/switchyard.yaml:7:"));
      EXPECT_THAT(e.errors()[0], ::testing::HasSubstr("pseudonymize")) << e.errors()[0];
    }
  }
}

}  // namespace
}  // namespace switchyard::proxy
