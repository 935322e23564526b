// The raw-JSON editor: finding values by pointer in the original bytes, member insertion points,
// string encoding, and edits that leave every other byte identical.
#include "adapters/json_splice.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>
#include <string>

namespace switchyard::adapters {
namespace {

std::string_view slice(std::string_view json, ByteRange r) {
  return json.substr(r.begin, r.end - r.begin);
}

TEST(JsonSplice, FindsValuesByPointer) {
  std::string_view json =
      R"( { "model" : "gpt-4o" , "messages" : [ {"role":"user","content":"hi \"there\""},)"
      R"( {"role":"user","content":[{"type":"text","text":"x"}]} ], "n": -1.5e3, "a/b": {"~c": true} } )";
  auto model = find_json_value(json, "/model");
  ASSERT_TRUE(model);
  EXPECT_EQ(slice(json, *model), R"("gpt-4o")");
  auto content = find_json_value(json, "/messages/0/content");
  ASSERT_TRUE(content);
  EXPECT_EQ(slice(json, *content), R"("hi \"there\"")");
  auto text = find_json_value(json, "/messages/1/content/0/text");
  ASSERT_TRUE(text);
  EXPECT_EQ(slice(json, *text), R"("x")");
  auto n = find_json_value(json, "/n");
  ASSERT_TRUE(n);
  EXPECT_EQ(slice(json, *n), "-1.5e3");
  auto escaped = find_json_value(json, "/a~1b/~0c");
  ASSERT_TRUE(escaped);
  EXPECT_EQ(slice(json, *escaped), "true");
  auto array = find_json_value(json, "/messages/1");
  ASSERT_TRUE(array);
  EXPECT_EQ(slice(json, *array), R"({"role":"user","content":[{"type":"text","text":"x"}]})");
  auto root = find_json_value(json, "");
  ASSERT_TRUE(root);
  EXPECT_EQ(json[root->begin], '{');
  EXPECT_EQ(json[root->end - 1], '}');
}

TEST(JsonSplice, MissingPathsAndBadIndices) {
  std::string_view json = R"({"a":[1,2],"b":{}})";
  EXPECT_FALSE(find_json_value(json, "/c"));
  EXPECT_FALSE(find_json_value(json, "/a/2"));
  EXPECT_FALSE(find_json_value(json, "/a/01"));
  EXPECT_FALSE(find_json_value(json, "/a/-"));
  EXPECT_FALSE(find_json_value(json, "/b/x"));
  EXPECT_FALSE(find_json_value(json, "/a/0/x"));
  EXPECT_FALSE(find_json_value(json, "a"));
  EXPECT_FALSE(find_json_value(R"({"a":)", "/a"));
  EXPECT_FALSE(find_json_value(R"({"a":"unterminated)", "/a"));
}

TEST(JsonSplice, KeysComparedAfterDecodingEscapes) {
  std::string_view json = R"({"mod\u0065l":"x","caf\u00e9":1,"\ud83d\ude00":2})";
  auto model = find_json_value(json, "/model");
  ASSERT_TRUE(model);
  EXPECT_EQ(slice(json, *model), R"("x")");
  EXPECT_TRUE(find_json_value(json, "/caf\xC3\xA9"));
  EXPECT_TRUE(find_json_value(json, "/\xF0\x9F\x98\x80"));
}

TEST(JsonSplice, SkipsNestedStringsWithBrackets) {
  std::string_view json = R"({"a":{"x":"}]{[\"","y":[["]"]]},"b":"found"})";
  auto b = find_json_value(json, "/b");
  ASSERT_TRUE(b);
  EXPECT_EQ(slice(json, *b), R"("found")");
}

// Containers are stepped over sixteen bytes at a time, strings found by their quotes; strings
// with escapes, control bytes or crossing a block boundary go through the byte-wise path. Random
// documents full of those cases, at every alignment, must give what boost::json finds.
std::string random_string(std::mt19937& rng) {
  static constexpr std::string_view kPieces[] = {"a",    "}",    "]",        "{",        "[",
                                                 "\\\"", "\\\\", "\\n",      "\\u005d",  ",",
                                                 ":",    " ",    "\xC3\xA9", "xyzxyzxyz"};
  std::string out = "\"";
  const int n = static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) out += kPieces[rng() % std::size(kPieces)];
  return out + "\"";
}

std::string random_value(std::mt19937& rng, int depth) {
  const unsigned kind = depth > 3 ? rng() % 3 : rng() % 5;
  switch (kind) {
    case 0:
      return random_string(rng);
    case 1:
      return std::to_string(rng() % 100000);
    case 2:
      return rng() % 2 ? "true" : "null";
    case 3: {
      std::string out = "{";
      const int n = static_cast<int>(rng() % 4);
      for (int i = 0; i < n; ++i) {
        if (i) out += rng() % 2 ? "," : " ,\n ";
        out += "\"k" + std::to_string(i) + "\":" + random_value(rng, depth + 1);
      }
      return out + "}";
    }
    default: {
      std::string out = "[";
      const int n = static_cast<int>(rng() % 4);
      for (int i = 0; i < n; ++i) {
        if (i) out += ",";
        out += random_value(rng, depth + 1);
      }
      return out + "]";
    }
  }
}

TEST(JsonSplice, SkippingContainersAgreesWithAParser) {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 3000; ++round) {
    const std::string pad(rng() % 17, ' ');
    const std::string json =
        "{" + pad + "\"skip\":" + random_value(rng, 0) + ",\"after\":" + random_value(rng, 2) + "}";
    boost::json::error_code ec;
    const boost::json::value parsed = boost::json::parse(json, ec);
    ASSERT_FALSE(ec) << json;
    const auto after = find_json_value(json, "/after");
    ASSERT_TRUE(after) << json;
    const boost::json::value found = boost::json::parse(slice(json, *after), ec);
    ASSERT_FALSE(ec) << json;
    EXPECT_EQ(found, parsed.at("after")) << json;
  }
  // Malformed: an unclosed container or a stray closing bracket is never a value.
  EXPECT_FALSE(
      find_json_value(R"({"a":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"b":1})", "/b"));
  EXPECT_FALSE(find_json_value(R"({"a":{"x":"0123456789abcdef0123456789"]],"b":1})", "/b"));
}

TEST(JsonSplice, MemberInsertionPoint) {
  std::string_view empty = R"({"o":{  }})";
  auto o = find_json_value(empty, "/o");
  ASSERT_TRUE(o);
  auto at = member_insertion_point(empty, *o);
  ASSERT_TRUE(at);
  EXPECT_FALSE(at->needs_comma);
  EXPECT_EQ(at->offset, o->begin + 1);

  std::string_view full = "{\"a\":1 \n}";
  auto root = find_json_value(full, "");
  ASSERT_TRUE(root);
  at = member_insertion_point(full, *root);
  ASSERT_TRUE(at);
  EXPECT_TRUE(at->needs_comma);
  EXPECT_EQ(at->offset, 6u);
  EXPECT_FALSE(member_insertion_point("[1]", ByteRange{0, 3}));
}

TEST(JsonSplice, EncodeJsonStringRoundTrips) {
  for (std::string_view text :
       {std::string_view("plain"), std::string_view("quote \" and \\ slash"),
        std::string_view("ctl \n\r\t\b\f \x01 \x1f end"),
        std::string_view("unicode caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA8"),
        std::string_view("nul \0 inside", 13)}) {
    std::string encoded = encode_json_string(text);
    boost::json::value v = boost::json::parse(encoded);
    ASSERT_TRUE(v.is_string());
    EXPECT_EQ(std::string_view(v.get_string()), text);
  }
  EXPECT_EQ(encode_json_string("a\"b"), R"("a\"b")");
  EXPECT_EQ(encode_json_string("\x01"), R"("\u0001")");
}

TEST(JsonSplice, ApplyEditsKeepsOtherBytes) {
  std::string_view json = R"({"a":"1", "b" :"22","c":3})";
  auto a = find_json_value(json, "/a");
  auto c = find_json_value(json, "/c");
  ASSERT_TRUE(a && c);
  auto out = apply_splice_edits(json, {{c->begin, c->end, "4"}, {a->begin, a->end, "\"xyz\""}});
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, R"({"a":"xyz", "b" :"22","c":4})");
  auto inserted = apply_splice_edits(json, {{1, 1, R"("z":0,)"}});
  ASSERT_TRUE(inserted);
  EXPECT_EQ(*inserted, R"({"z":0,"a":"1", "b" :"22","c":3})");
}

TEST(JsonSplice, ApplyEditsRejectsOverlapAndOutOfRange) {
  std::string_view json = "0123456789";
  EXPECT_FALSE(apply_splice_edits(json, {{2, 5, "x"}, {4, 6, "y"}}));
  EXPECT_FALSE(apply_splice_edits(json, {{2, 11, "x"}}));
  EXPECT_FALSE(apply_splice_edits(json, {{5, 4, "x"}}));
  auto adjacent = apply_splice_edits(json, {{2, 4, "x"}, {4, 4, "y"}, {4, 6, "z"}});
  ASSERT_TRUE(adjacent);
  EXPECT_EQ(*adjacent, "01xyz6789");
}

}  // namespace
}  // namespace switchyard::adapters
