#include <gtest/gtest.h>

#include "policies/policy.h"

namespace switchyard::policy {
namespace {

TEST(Handling, NamesRoundTrip) {
  for (auto h : {Handling::kVendor, Handling::kRedact, Handling::kInternal, Handling::kBlock}) {
    EXPECT_EQ(parse_handling(to_string(h)), h);
  }
  EXPECT_FALSE(parse_handling("allow").has_value());
}

TEST(Handling, StrictnessOrder) {
  EXPECT_LT(Handling::kVendor, Handling::kRedact);
  EXPECT_LT(Handling::kRedact, Handling::kInternal);
  EXPECT_LT(Handling::kInternal, Handling::kBlock);
}

}  // namespace
}  // namespace switchyard::policy
