// `switchyard policy explain POLICY --file PATH` and `switchyard classify --policy POLICY --file
// PATH`, run as the real binary: compliance staff check a document or a screenshot and see what the
// proxy would decide for it as an attachment, where the match is (page by page), masked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json.hpp>
#include <cstdio>
#include <string>

#include "fixtures/attachment_fixtures.h"
#include "ops_support.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct CliRun {
  int status = -1;
  std::string output;  // stdout and stderr
};

CliRun run(const std::string& arguments) {
  const std::string command = "'" + switchyard_binary() + "' " + arguments + " 2>&1";
  CliRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string policy(const std::string& name) {
  return "'" + std::string(SWITCHYARD_SOURCE_DIR) + "/tests/integration/data/" + name + "'";
}

std::string file(const std::string& name) {
  (void)fixture(name);  // made on first use
  return "'" + fixture_dir() + "/" + name + "'";
}

TEST(CliFile, ExplainReadsAPdfPageByPageAndMasksTheMatch) {
  const CliRun r =
      run("policy explain " + policy("attachments_policy.yaml") + " --file " + file("card.pdf"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("application/pdf"));
  EXPECT_THAT(r.output, HasSubstr("Handling: internal"));
  EXPECT_THAT(r.output, HasSubstr("test.card"));
  EXPECT_THAT(r.output, HasSubstr("page 2: line 1"));  // where, in the reader's words
  EXPECT_THAT(r.output, Not(HasSubstr("4539 1488 0343 6467")));
}

TEST(CliFile, ExplainSaysWhatCouldNotBeRead) {
  const CliRun r = run("policy explain " + policy("attachments_block_policy.yaml") + " --file " +
                       file("encrypted.pdf"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("Handling: block"));
  EXPECT_THAT(r.output, HasSubstr("unreadable: encrypted"));
}

TEST(CliFile, ClassifyDescribesTheFileAsTheDecisionRecordWould) {
  struct Case {
    std::string file;
    std::string handling;
    std::string inspected;
    std::string reason;  // "" when everything was read
  };
  for (const Case& c :
       {Case{"card.png", "internal", "ocr", ""}, Case{"clean.png", "vendor", "ocr", ""},
        Case{"card.csv", "internal", "text", ""},
        Case{"encrypted.pdf", "internal", "none", "encrypted"}}) {
    const CliRun r =
        run("classify --policy " + policy("attachments_policy.yaml") + " --file " + file(c.file));
    ASSERT_EQ(r.status, 0) << c.file << ": " << r.output;
    const boost::json::value line = boost::json::parse(r.output);
    EXPECT_EQ(line.at("handling"), boost::json::value(c.handling)) << c.file;
    const auto& a = line.at("attachment");
    EXPECT_EQ(a.at("inspected"), boost::json::value(c.inspected)) << c.file;
    if (c.reason.empty()) {
      EXPECT_TRUE(a.at("reason").is_null()) << c.file;
    } else {
      EXPECT_EQ(a.at("reason"), boost::json::value(c.reason)) << c.file;
    }
    EXPECT_THAT(r.output, Not(HasSubstr("4539"))) << c.file;  // no content in the verdict
  }
  // The options in either order; a missing file is an error, not a verdict.
  EXPECT_EQ(
      run("classify --file " + file("clean.png") + " --policy " + policy("attachments_policy.yaml"))
          .status,
      0);
  EXPECT_NE(
      run("classify --policy " + policy("attachments_policy.yaml") + " --file /nonexistent").status,
      0);
}

}  // namespace
}  // namespace switchyard::testing
