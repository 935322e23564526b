// Responses API conversation state: remember, look up, expire, evict.
#include "proxy/server/responses_state.h"

#include <gtest/gtest.h>

namespace switchyard::proxy {
namespace {

using Clock = ResponsesState::Clock;

TEST(ResponsesState, RemembersTrustPerId) {
  ResponsesState state(100, std::chrono::seconds(60));
  state.remember("resp_a", Trust::kInternal);
  state.remember("resp_b", Trust::kVendor);
  EXPECT_EQ(state.lookup("resp_a"), Trust::kInternal);
  EXPECT_EQ(state.lookup("resp_b"), Trust::kVendor);
  EXPECT_FALSE(state.lookup("resp_c"));
  state.remember("resp_a", Trust::kVendor);
  EXPECT_EQ(state.lookup("resp_a"), Trust::kVendor);
  EXPECT_EQ(state.size(), 2u);
}

TEST(ResponsesState, Expires) {
  ResponsesState state(100, std::chrono::seconds(10));
  const auto t0 = Clock::now();
  state.remember("resp_a", Trust::kInternal, t0);
  EXPECT_EQ(state.lookup("resp_a", t0 + std::chrono::seconds(9)), Trust::kInternal);
  EXPECT_FALSE(state.lookup("resp_a", t0 + std::chrono::seconds(10)));
  EXPECT_EQ(state.size(), 0u);
}

TEST(ResponsesState, IsBoundedAndEvictsTheLeastRecentlyUsed) {
  ResponsesState state(16, std::chrono::seconds(60));  // one entry per shard
  for (int i = 0; i < 1000; ++i) state.remember("resp_" + std::to_string(i), Trust::kVendor);
  EXPECT_LE(state.size(), 16u);
  EXPECT_EQ(state.lookup("resp_999"), Trust::kVendor);  // the newest survives
  std::size_t found = 0;
  for (int i = 0; i < 1000; ++i) found += state.lookup("resp_" + std::to_string(i)) ? 1 : 0;
  EXPECT_LE(found, 16u);
}

}  // namespace
}  // namespace switchyard::proxy
