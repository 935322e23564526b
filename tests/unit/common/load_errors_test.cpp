// The strict loaders' shared error pieces: the located line and "did you mean".
#include "common/load_errors.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace switchyard::load_errors {
namespace {

TEST(LoadErrorsTest, LocatedLineLeavesOutWhatIsUnknown) {
  EXPECT_EQ(located("p.yaml", 3, 7, "rules[0].id", "must be unique"),
            "p.yaml:3:7: rules[0].id: must be unique");
  EXPECT_EQ(located("p.yaml", 3, 7, "", "bad"), "p.yaml:3:7: bad");
  EXPECT_EQ(located("c.yaml", -1, 0, "listen", "required"), "c.yaml: listen: required");
  EXPECT_EQ(located("c.yaml", 0, 0, "", "x"), "c.yaml:0:0: x");
}

TEST(LoadErrorsTest, ClosestNameRespectsTheLimitAndTheCase) {
  const std::vector<std::string_view> keys = {"listen", "admin_listen", "policy", "upstreams"};
  EXPECT_EQ(closest("polcy", keys, 3, false), "policy");
  EXPECT_EQ(closest("upstream", keys, 3, false), "upstreams");
  EXPECT_EQ(closest("routes", keys, 3, false), "");  // nothing near enough
  EXPECT_EQ(closest("POLICY", keys, 3, false), "");
  EXPECT_EQ(closest("POLICY", keys, 3, true), "policy");
  // The first of equally near names wins.
  EXPECT_EQ(closest("ab", std::vector<std::string_view>{"ax", "xb"}, 3, false), "ax");
}

TEST(LoadErrorsTest, EditDistanceAndJoin) {
  EXPECT_EQ(edit_distance("kitten", "sitting", false), 3u);
  EXPECT_EQ(edit_distance("Kitten", "kitten", false), 1u);
  EXPECT_EQ(edit_distance("Kitten", "kitten", true), 0u);
  EXPECT_EQ(edit_distance("", "abc", false), 3u);
  EXPECT_EQ(join(std::vector<std::string_view>{"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(join(std::vector<std::string_view>{}), "");
}

}  // namespace
}  // namespace switchyard::load_errors
