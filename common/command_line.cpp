#include "common/command_line.h"

#include <algorithm>
#include <iostream>
#include <utility>

namespace switchyard::command_line {

namespace {

// The command the parser got to: the last subcommand chosen on the line.
const CLI::App& deepest_chosen(const CLI::App& root) {
  const CLI::App* app = &root;
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  return *app;
}

// "switchyard policy explain"
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* parent = app.get_parent(); parent != nullptr;
       parent = parent->get_parent()) {
    path = parent->get_name() + " " + path;
  }
  return path;
}

std::string usage_message(const CLI::App& failed, const CLI::ParseError& e) {
  // CLI11 says "A subcommand is required", also when the word given is not one; name the choices.
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
      failed.get_require_subcommand_min() > 0 && failed.get_subcommands().empty()) {
    std::string names;
    for (const CLI::App* sub :
         failed.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    const auto given = failed.remaining();
    if (!given.empty()) return "unknown command '" + given.front() + "' (one of " + names + ")";
    return "a command is required (one of " + names + ")";
  }
  return e.what();
}

// `help` as the last word, where a command name is expected, is --help.
void help_word_to_flag(const CLI::App& root, std::vector<std::string>& args) {
  const CLI::App* app = &root;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto subcommands = app->get_subcommands({});
    if (subcommands.empty()) return;  // the rest are this command's arguments
    if (args[i] == "help" && i + 1 == args.size()) {
      args[i] = "--help";
      return;
    }
    const auto next = std::find_if(subcommands.begin(), subcommands.end(),
                                   [&](const CLI::App* sub) { return sub->check_name(args[i]); });
    if (next == subcommands.end()) return;
    app = *next;
  }
}

}  // namespace

std::unique_ptr<CLI::App> make_root(std::string name, std::string description,
                                    std::string version_line) {
  auto root = std::make_unique<CLI::App>(std::move(description), std::move(name));
  root->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  root->set_version_flag("--version", std::move(version_line), "Print the version and exit");
  root->require_subcommand(1);
  return root;
}

CLI::App& add_group(CLI::App& parent, std::string name, std::string description) {
  CLI::App* group = parent.add_subcommand(std::move(name), std::move(description));
  group->require_subcommand(1);
  return *group;
}

void on_run(CLI::App& command, std::function<int()> action) {
  // CLI11's own way to end with a code: a RuntimeError, which run() returns without a message.
  command.callback([action = std::move(action)] {
    if (const int code = action(); code != kSuccess) throw CLI::RuntimeError(code);
  });
}

CLI::Option* add_optional(CLI::App& command, std::string name, std::optional<std::string>& target,
                          std::string description) {
  return command.add_option_function<std::string>(
      std::move(name), [&target](const std::string& value) { target = value; },
      std::move(description));
}

CLI::Option* add_choice(CLI::App& command, std::string name, std::string& target,
                        const std::vector<std::string>& choices, std::string description) {
  std::string names;
  for (const auto& choice : choices) names += (names.empty() ? "" : "|") + choice;
  // The validator's own description would print as "TEXT:{a,b}=a"; the type name says it.
  return command.add_option(std::move(name), target, std::move(description))
      ->check(CLI::IsMember(choices).description(""))
      ->type_name(names);
}

CLI::Option* add_positional(CLI::App& command, std::string name, std::string& target,
                            std::string description) {
  return command.add_option(std::move(name), target, std::move(description))
      ->required()
      ->type_name("");
}

CLI::Option* add_positional(CLI::App& command, std::string name, std::vector<std::string>& target,
                            std::string description) {
  return command.add_option(std::move(name), target, std::move(description))
      ->required()
      ->type_name("");
}

int run(CLI::App& root, std::vector<std::string> args, std::ostream& out, std::ostream& err) {
  help_word_to_flag(root, args);
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
  try {
    root.parse(args);
    return kSuccess;
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::CallForHelp&) {
    out << root.help();
    return kSuccess;
  } catch (const CLI::CallForAllHelp&) {
    out << root.help("", CLI::AppFormatMode::All);
    return kSuccess;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    return kSuccess;
  } catch (const CLI::ParseError& e) {
    const CLI::App& failed = deepest_chosen(root);
    err << command_path(failed) << ": " << usage_message(failed, e) << "\n\n" << root.help();
    return kUsageError;
  }
}

int run(CLI::App& root, int argc, const char* const* argv) {
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  const int code = run(root, std::move(args), std::cout, std::cerr);
  std::cout.flush();
  return code;
}

}  // namespace switchyard::command_line
