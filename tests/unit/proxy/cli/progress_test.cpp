// Progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise, nothing for a
// run that ends before the first display.
#include "proxy/cli/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace switchyard::cli {
namespace {

using std::chrono::milliseconds;

std::string contents(std::FILE* f) {
  std::rewind(f);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
  return text;
}

void run(Progress& progress) {
  for (std::uint64_t i = 1; i <= 128; ++i) progress.update(i * 1000, i);
  progress.finish(128000, 128);
}

TEST(Progress, ABarRedrawnInPlaceOnATerminal) {
  std::FILE* out = std::tmpfile();
  Progress progress("classify", 256000, out, true, milliseconds(5000), milliseconds(0));
  run(progress);
  const std::string text = contents(out);
  std::fclose(out);
  EXPECT_NE(text.find("\r\033[Kclassify: ["), std::string::npos) << text;
  EXPECT_NE(text.find("] "), std::string::npos) << text;
  EXPECT_NE(text.find("% of 0.3 MB"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos) << text;  // redrawn, never scrolled
  EXPECT_TRUE(text.ends_with("\r\033[K")) << text;        // and cleared at the end
}

TEST(Progress, PlainLinesOtherwise) {
  std::FILE* out = std::tmpfile();
  Progress progress("policy diff", 0, out, false, milliseconds(0), milliseconds(0));
  run(progress);
  const std::string text = contents(out);
  std::fclose(out);
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_NE(text.find("policy diff: 0.1 MB, 128 lines"), std::string::npos) << text;
  EXPECT_TRUE(text.ends_with("\n")) << text;
}

TEST(Progress, NothingForAShortRun) {
  std::FILE* out = std::tmpfile();
  Progress progress("classify", 1000, out, true, milliseconds(5000), milliseconds(60000));
  run(progress);
  EXPECT_EQ(contents(out), "");
  std::fclose(out);
}

}  // namespace
}  // namespace switchyard::cli
