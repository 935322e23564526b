// Policy: load (parse, check, compile, run the policy's own tests) and classify.
#include "policies/policy.h"

#include <openssl/evp.h>

#include <cstdio>

#include "policies/policy_impl.h"

namespace switchyard::policy {

namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

std::string sha256_hex(const PolicySource& source, const std::vector<std::size_t>& order) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1;
  for (std::size_t index : order) {
    const std::string& bytes = source.files[index].bytes;
    ok = ok && EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) == 1;
  }
  ok = ok && EVP_DigestFinal_ex(ctx, digest, &length) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw PolicyError({"sha256 of the policy files failed (OpenSSL)"});
  std::string hex;
  char buffer[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(buffer, sizeof buffer, "%02x", digest[i]);
    hex += buffer;
  }
  return hex;
}

std::shared_ptr<const Policy> build(PolicySource parsed, std::vector<std::string> errors,
                                    bool run_tests, const ClassifierLimits& limits) {
  if (parsed.files.empty()) throw PolicyError(std::move(errors));
  auto source = std::make_shared<const PolicySource>(std::move(parsed));
  auto impl = std::make_unique<Policy::Impl>();
  impl->source = source;
  const PolicyFileSpec& root = source->files[0];
  impl->name = root.name;
  impl->version = root.version;
  if (root.uninspected) impl->uninspected = *root.uninspected;
  impl->limits = limits;
  // Test failures, file by file in closure order, found while each file's classifier exists.
  std::vector<PolicyTestFailure> failures;
  if (errors.empty()) {
    impl->classifier = compile_closure(*source, 0, limits, &errors);
    // Each included file's tests run against what that file sees, with its own levels. Its
    // classifier is compiled here (so that what it alone cannot compile is a load error, tests
    // or not) and dropped after its tests ran.
    for (std::size_t f : closure_of(*source, 0)) {
      if (source->files[f].tests.empty()) continue;
      impl->test_files.push_back(f);
      if (f == 0) {
        // (compiled above; when it did not compile, the errors stop the load below)
        if (run_tests && impl->classifier) {
          run_file_tests(*source, 0, *impl->classifier, &failures, nullptr);
        }
        continue;
      }
      if (auto sub = compile_closure(*source, f, limits, &errors); sub && run_tests) {
        run_file_tests(*source, f, *sub, &failures, nullptr);
      }
    }
  }
  // The same problem seen from several files is reported once.
  std::vector<std::string> unique;
  for (auto& e : errors) {
    if (std::find(unique.begin(), unique.end(), e) == unique.end()) unique.push_back(std::move(e));
  }
  if (!unique.empty() || !impl->classifier) throw PolicyError(std::move(unique));

  const std::vector<std::size_t> order = closure_of(*source, 0);
  impl->sha256 = sha256_hex(*source, order);
  for (std::size_t f : order) impl->files.push_back(source->files[f].path);
  for (const auto& rule : impl->classifier->rules()) {
    impl->rules.push_back(RuleInfo{rule.id, rule.description, rule.category, rule.level,
                                   rule.handling, rule.location});
  }
  auto policy = std::make_shared<const Policy>(std::move(impl));
  if (run_tests) {
    if (!failures.empty()) {
      std::vector<std::string> messages;
      for (const auto& f : failures) {
        messages.push_back(f.location + ": " + f.message);
      }
      throw PolicyError(std::move(messages));
    }
  }
  return policy;
}

}  // namespace

PolicyError::PolicyError(std::vector<std::string> errors)
    : std::runtime_error(join_lines(errors)), errors_(std::move(errors)) {}

Policy::Policy(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Policy::~Policy() = default;

std::shared_ptr<const Policy> Policy::load_file(const std::filesystem::path& file) {
  std::vector<std::string> errors;
  PolicySource source = parse_policy_source(file, &errors);
  return build(std::move(source), std::move(errors), true, ClassifierLimits{});
}

std::shared_ptr<const Policy> Policy::load_file_without_tests(const std::filesystem::path& file) {
  std::vector<std::string> errors;
  PolicySource source = parse_policy_source(file, &errors);
  return build(std::move(source), std::move(errors), false, ClassifierLimits{});
}

std::shared_ptr<const Policy> load_policy_text(const std::string& text,
                                               const std::filesystem::path& base_dir,
                                               bool run_tests, const ClassifierLimits& limits,
                                               const std::string& display,
                                               const IncludeFiles* include_files) {
  std::vector<std::string> errors;
  PolicySource source = parse_policy_text(text, display, base_dir, &errors, include_files);
  return build(std::move(source), std::move(errors), run_tests, limits);
}

std::vector<PolicyTestFailure> Policy::run_tests(std::size_t* passed) const {
  std::vector<PolicyTestFailure> failures;
  std::size_t count = 0;
  for (std::size_t file : impl_->test_files) {
    if (file == 0) {
      run_file_tests(*impl_->source, file, *impl_->classifier, &failures, &count);
      continue;
    }
    std::vector<std::string> errors;  // none: the same closure compiled when the policy loaded
    if (auto sub = compile_closure(*impl_->source, file, impl_->limits, &errors)) {
      run_file_tests(*impl_->source, file, *sub, &failures, &count);
    } else {
      for (auto& e : errors) failures.push_back({impl_->files.front().string(), std::move(e)});
    }
  }
  if (passed != nullptr) *passed = count;
  return failures;
}

Classification Policy::classify(std::span<const std::string_view> segments) const noexcept {
  return impl_->classifier->classify(segments);
}

Classification Policy::explain(std::span<const std::string_view> segments,
                               std::vector<Finding>* findings) const noexcept {
  return impl_->classifier->classify(segments, findings);
}

const std::vector<RuleInfo>& Policy::rules() const { return impl_->rules; }
const std::vector<std::string>& Policy::levels() const { return impl_->classifier->levels(); }
const std::string& Policy::name() const { return impl_->name; }
const std::string& Policy::version() const { return impl_->version; }
const std::string& Policy::sha256() const { return impl_->sha256; }
const std::vector<std::filesystem::path>& Policy::files() const { return impl_->files; }
Handling Policy::strictest_handling() const { return impl_->classifier->strictest_handling(); }
Handling Policy::uninspected_handling(UninspectedKind kind) const {
  return impl_->uninspected[static_cast<std::size_t>(kind)];
}

}  // namespace switchyard::policy
