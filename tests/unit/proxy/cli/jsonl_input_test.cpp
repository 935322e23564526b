// The bulk input path of classify and policy diff: the corpus line parser against boost::json's
// own verdict (same acceptance, same decoded text), and the block line reader across block edges.
#include "proxy/cli/jsonl_input.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace switchyard::cli {
namespace {

struct Parsed {
  bool ok = false;
  std::string id, text, error;
  std::size_t column = 0;
};

Parsed parse(std::string_view line) {
  Parsed out;
  std::string scratch;
  CorpusLine value;
  CorpusLineError error;
  out.ok = parse_corpus_line(line, &scratch, &value, &error);
  if (out.ok) {
    out.id = std::string(value.id_json);
    out.text = std::string(value.text);
  } else {
    out.error = error.message;
    out.column = error.column;
  }
  return out;
}

TEST(CorpusLine, PlainTextIsAViewIntoTheLine) {
  const std::string line = R"({"id": "a-1", "text": "Please review the Halcyon plan"})";
  std::string scratch;
  CorpusLine value;
  CorpusLineError error;
  ASSERT_TRUE(parse_corpus_line(line, &scratch, &value, &error)) << error.message;
  EXPECT_EQ(value.id_json, "\"a-1\"");
  EXPECT_EQ(value.text, "Please review the Halcyon plan");
  EXPECT_GE(value.text.data(), line.data());  // no copy
  EXPECT_LT(value.text.data(), line.data() + line.size());
}

TEST(CorpusLine, EscapesAreDecodedLikeAJsonParser) {
  const std::string line =
      R"({"text":"tab\there \"q\" \\ \/ \u00e9 \ud83d\ude00 \u2028 end","id":7,"x":[1,{"y":null}]})";
  const Parsed p = parse(line);
  ASSERT_TRUE(p.ok) << p.error;
  const auto reference = boost::json::parse(line).as_object();
  EXPECT_EQ(p.text, std::string(reference.at("text").as_string()));
  EXPECT_EQ(p.id, "7");
}

TEST(CorpusLine, IdKeepsItsJsonFormAndDefaultsToNull) {
  EXPECT_EQ(parse(R"({"id": {"row": 3, "f": "a.jsonl"}, "text": "x"})").id,
            R"({"row": 3, "f": "a.jsonl"})");
  EXPECT_EQ(parse(R"({"text": "x"})").id, "null");
  EXPECT_EQ(parse(R"({"id": -1.5e3, "text": "x"})").id, "-1.5e3");
}

TEST(CorpusLine, RejectsWhatStrictJsonRejects) {
  const std::vector<std::string> bad = {
      "",
      "[]",
      R"({"id": 1})",                        // no text
      R"({"text": 5})",                      // text not a string
      R"({"text": "a", "text": "b"})",       // twice
      R"({"id": 1, "id": 2, "text": "a"})",  // twice
      R"({"text": "a",})",                   // trailing comma
      R"({"text": "a"} x)",                  // trailing text
      R"({"text": "a\x"})",                  // bad escape
      R"({"text": "a\u12"})",                // short \u
      R"({"text": "\ud800"})",               // lone surrogate
      "{\"text\": \"a\tb\"}",                // raw control character
      "{\"text\": \"\xC3\x28\"}",            // invalid UTF-8
      "{\"text\": \"\xED\xA0\x80\"}",        // UTF-8 surrogate
      "{\"text\": \"\xE0\x80\xAF\"}",        // overlong
      R"({"text": "a", "n": 01})",           // leading zero
      R"({"text": "a", "n": tru})",
      R"({"text": "unterminated)",
  };
  for (const auto& line : bad) {
    const Parsed p = parse(line);
    EXPECT_FALSE(p.ok) << line;
    boost::system::error_code ec;
    const auto v = boost::json::parse(line, ec);
    const bool reference_ok = !ec && v.is_object() && v.as_object().contains("text") &&
                              v.as_object().at("text").is_string();
    // boost::json keeps the last duplicate; everything else it rejects as we do.
    if (line.find("\"text\": \"a\", \"text\"") == std::string::npos &&
        line.find("\"id\": 1, \"id\"") == std::string::npos) {
      EXPECT_FALSE(reference_ok) << line;
    }
  }
}

TEST(CorpusLine, ErrorsNameTheColumn) {
  const Parsed p = parse(R"({"id": 1, "text": "a\q"})");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.column, 21u) << p.error;
  EXPECT_NE(p.error.find("escape"), std::string::npos);
}

TEST(CorpusLine, NestingIsBounded) {
  std::string deep = R"({"text": "a", "x": )" + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_FALSE(parse(deep).ok);
  std::string fine = R"({"text": "a", "x": )" + std::string(60, '[') + std::string(60, ']') + "}";
  EXPECT_TRUE(parse(fine).ok) << parse(fine).error;
}

// Writes `data` into a pipe from another thread and reads it back line by line.
std::vector<std::string> read_lines(const std::string& data, std::size_t block) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    std::size_t at = 0;
    while (at < data.size()) {
      const ssize_t n =
          ::write(fds[1], data.data() + at, std::min<std::size_t>(7, data.size() - at));
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  std::vector<std::string> lines;
  LineReader reader(fds[0], block);
  std::string_view line;
  while (reader.next(&line)) lines.emplace_back(line);
  writer.join();
  ::close(fds[0]);
  return lines;
}

TEST(LineReader, LinesAcrossBlocksLongLinesCrLfAndNoFinalNewline) {
  const std::string long_line(1000, 'x');
  const std::string data = "a\r\nbb\n\n" + long_line + "\nlast";
  for (std::size_t block : {4u, 16u, 4096u}) {
    const auto lines = read_lines(data, block);
    ASSERT_EQ(lines.size(), 5u) << block;
    EXPECT_EQ(lines[0], "a");
    EXPECT_EQ(lines[1], "bb");
    EXPECT_EQ(lines[2], "");
    EXPECT_EQ(lines[3], long_line);
    EXPECT_EQ(lines[4], "last");
  }
  EXPECT_TRUE(read_lines("", 16).empty());
}

}  // namespace
}  // namespace switchyard::cli
