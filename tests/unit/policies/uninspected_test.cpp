// The policy's `uninspected:` key (design 8): one handling or one per kind, internal by default,
// strict loading, root file only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace switchyard::policy {
namespace {

using ::testing::HasSubstr;
using testing::load;
using testing::load_errors;

constexpr std::string_view kRules = R"(
rules:
  - { id: a, level: internal, keywords: [alpha] }
)";

std::string policy_with(std::string_view uninspected) {
  return "policy: p\n" + std::string(uninspected) + std::string(kRules);
}

TEST(Uninspected, DefaultsToInternalForEveryKind) {
  const auto p = load(policy_with(""));
  for (std::size_t k = 0; k < kUninspectedKinds; ++k) {
    EXPECT_EQ(p->uninspected_handling(static_cast<UninspectedKind>(k)), Handling::kInternal);
  }
}

TEST(Uninspected, OneHandlingForAll) {
  const auto p = load(policy_with("uninspected: block\n"));
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kRemoteUrl), Handling::kBlock);
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kOverLimit), Handling::kBlock);
}

TEST(Uninspected, PerKindWithADefault) {
  const auto p = load(policy_with(R"(uninspected:
  default: vendor
  remote_url: block
  over_limit: internal
)"));
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kRemoteUrl), Handling::kBlock);
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kOverLimit), Handling::kInternal);
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kFileReference), Handling::kVendor);
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kAudioVideo), Handling::kVendor);
  EXPECT_EQ(p->uninspected_handling(UninspectedKind::kUnreadable), Handling::kVendor);

  // Without `default`, unnamed kinds stay internal.
  const auto q = load(policy_with("uninspected: { audio_video: block }\n"));
  EXPECT_EQ(q->uninspected_handling(UninspectedKind::kAudioVideo), Handling::kBlock);
  EXPECT_EQ(q->uninspected_handling(UninspectedKind::kRemoteUrl), Handling::kInternal);
}

TEST(Uninspected, LoadingIsStrict) {
  auto errors = load_errors(policy_with("uninspected: redact\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("<text>:2:14: uninspected: 'redact' cannot apply"));

  errors = load_errors(policy_with("uninspected: { remote_urls: block }\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("uninspected.remote_urls: unknown key"));
  EXPECT_THAT(errors[0], HasSubstr("did you mean 'remote_url'?"));

  errors = load_errors(policy_with("uninspected: { over_limit: intenal }\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("did you mean 'internal'?"));

  errors = load_errors(policy_with("uninspected: [internal]\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("expected one of vendor, internal, block"));
}

TEST(Uninspected, AnIncludedFileCannotSetIt) {
  const auto errors = load_errors("policy: p\ninclude: [uninspected_pack.yaml]\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("uninspected_pack.yaml:2:14: uninspected: set by the root"));
}

}  // namespace
}  // namespace switchyard::policy
