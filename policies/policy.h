// The compiled policy: every rule of a policy file and its includes, compiled once into an
// immutable object that all request threads share read-only. Loading throws PolicyError (startup
// and reload only); classify() never throws and never reports "no match" when the matcher failed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::policy {

// Ordered from least to most strict: when several rules match, the largest value wins.
// kPseudonymize: matched values reach the vendor as placeholders, restored in its reply.
enum class Handling : std::uint8_t {
  kVendor = 0,
  kRedact = 1,
  kPseudonymize = 2,
  kInternal = 3,
  kBlock = 4
};

std::string_view to_string(Handling handling);
std::optional<Handling> parse_handling(std::string_view text);

// Why an attachment could not be read, as the policy's `uninspected:` keys name it (design 8).
enum class UninspectedKind : std::uint8_t {
  kRemoteUrl,
  kFileReference,
  kAudioVideo,
  kUnreadable,
  kOverLimit
};
inline constexpr std::size_t kUninspectedKinds = 5;
using UninspectedHandlings = std::array<Handling, kUninspectedKinds>;

// A matched value, as byte offsets into the ORIGINAL text of one input segment (not the normalized
// view), so that redaction and explain point at what the client sent.
struct MatchSpan {
  std::uint32_t segment = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct RuleMatch {
  std::string id;
  std::string category;
  std::string level;
  Handling handling = Handling::kVendor;
  std::size_t count = 0;         // confirmed matches (after validators, context, allow-lists)
  std::vector<MatchSpan> spans;  // where; may be empty for matches only seen in a decoded view
};

struct Classification {
  Handling handling = Handling::kVendor;
  std::string level;  // the highest level matched; the lowest level when nothing matched
  std::vector<RuleMatch> matches;
  // The matcher failed (RE2 out of memory, text over a limit, invalid UTF-8...). handling is then
  // the policy's strictest handling, and `error` says why. Never silently "no match".
  bool classifier_error = false;
  std::string error;
};

// Load errors. what() holds every error, one per line, each "FILE:LINE:COL: field.path: message".
class PolicyError : public std::runtime_error {
 public:
  explicit PolicyError(std::vector<std::string> errors);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

struct PolicyTestFailure {
  std::string location;  // FILE:LINE:COL of the test
  std::string message;
};

// One confirmed match, for `policy explain`. `value` is the matched text as seen in `view`: show
// it masked, never log it.
struct Finding {
  std::string rule_id;
  MatchSpan span;
  std::string view;  // "normalized", "decoded" (percent/HTML/\u/base64) or "keyword"
  std::string value;
};

// What a rule is, for reports and explain.
struct RuleInfo {
  std::string id;
  std::string description;
  std::string category;
  std::string level;
  Handling handling = Handling::kVendor;  // effective: the rule's override or its level's
  std::string location;                   // FILE:LINE:COL where the rule is defined
};

class Policy {
 public:
  // Loads, compiles and runs the policy's own tests (and those of its includes). Throws PolicyError
  // when anything is wrong, including a failing test: a policy that fails never loads.
  static std::shared_ptr<const Policy> load_file(const std::filesystem::path& file);

  // Classifies all text segments of one request in one pass. Thread-safe; never throws.
  Classification classify(std::span<const std::string_view> segments) const noexcept;
  Classification classify(std::string_view text) const noexcept {
    return classify(std::span<const std::string_view>(&text, 1));
  }

  // Loads and compiles without running the policy's tests, so that `switchyard policy test` can
  // report each failing test instead of refusing the policy. Still throws on every other error.
  static std::shared_ptr<const Policy> load_file_without_tests(const std::filesystem::path& file);
  // Runs the tests of the policy and of every included file (each against the file it is written
  // in, with that file's includes). *passed receives the number of passing tests.
  std::vector<PolicyTestFailure> run_tests(std::size_t* passed = nullptr) const;

  // classify() plus every confirmed match with its view and value, for `policy explain`.
  Classification explain(std::span<const std::string_view> segments,
                         std::vector<Finding>* findings) const noexcept;

  const std::vector<RuleInfo>& rules() const;      // enabled rules, in policy order
  const std::vector<std::string>& levels() const;  // lowest first

  const std::string& name() const;
  const std::string& version() const;
  const std::string& sha256() const;  // hex, over the bytes of every file in include order
  const std::vector<std::filesystem::path>& files() const;  // the file and everything it includes
  Handling strictest_handling() const;
  // The handling of a request that carries an attachment of this kind the proxy could not read.
  Handling uninspected_handling(UninspectedKind kind) const;

  ~Policy();
  Policy(const Policy&) = delete;
  Policy& operator=(const Policy&) = delete;

  struct Impl;
  explicit Policy(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace switchyard::policy
