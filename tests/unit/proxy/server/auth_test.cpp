// Client keys: where they are read from, hashing, and the constant-time lookup.
#include "proxy/server/auth.h"

#include <gtest/gtest.h>

namespace switchyard::proxy {
namespace {

namespace http = boost::beast::http;

ClientConfig client(std::string name, std::string_view key) {
  return ClientConfig{std::move(name), sha256(key)};
}

TEST(Auth, Sha256MatchesTheKnownVector) {
  EXPECT_EQ(to_hex(sha256("test")),
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
}

TEST(Auth, ReadsBearerOnEveryEndpointAndXApiKeyOnAnthropic) {
  http::fields h;
  h.set(http::field::authorization, "Bearer sk-abc ");
  EXPECT_EQ(client_key(h, adapters::Dialect::kOpenAi), "sk-abc");
  EXPECT_EQ(client_key(h, adapters::Dialect::kAnthropic), "sk-abc");
  h.set("x-api-key", "ant-key");
  EXPECT_EQ(client_key(h, adapters::Dialect::kAnthropic), "ant-key");
  EXPECT_EQ(client_key(h, adapters::Dialect::kOpenAi), "sk-abc");  // x-api-key is Anthropic's
  http::fields only_x;
  only_x.set("x-api-key", "ant-key");
  EXPECT_EQ(client_key(only_x, adapters::Dialect::kOpenAi), "");
  http::fields basic;
  basic.set(http::field::authorization, "Basic Zm9vOmJhcg==");
  EXPECT_EQ(client_key(basic, adapters::Dialect::kOpenAi), "");
  http::fields lower;
  lower.set(http::field::authorization, "bearer k");
  EXPECT_EQ(client_key(lower, adapters::Dialect::kOpenAi), "k");
}

TEST(Auth, AuthenticatesOnlyConfiguredKeys) {
  const ClientAuthenticator auth({client("alpha", "key-a"), client("beta", "key-b")});
  EXPECT_EQ(auth.authenticate("key-a"), "alpha");
  EXPECT_EQ(auth.authenticate("key-b"), "beta");
  EXPECT_FALSE(auth.authenticate("key-c"));
  EXPECT_FALSE(auth.authenticate("key-"));
  EXPECT_FALSE(auth.authenticate(""));
}

}  // namespace
}  // namespace switchyard::proxy
