// Runs a command line as main() does and captures what reaches stdout and stderr (the commands
// print with printf as well as through the streams), for the command line tests.
#pragma once

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "common/command_line.h"

namespace switchyard::testing {

struct CommandResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline CommandResult run_command_line(CLI::App& root, std::vector<std::string> args) {
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  CommandResult result;
  result.code = command_line::run(root, std::move(args), std::cout, std::cerr);
  std::cout.flush();
  result.out = ::testing::internal::GetCapturedStdout();
  result.err = ::testing::internal::GetCapturedStderr();
  return result;
}

}  // namespace switchyard::testing
