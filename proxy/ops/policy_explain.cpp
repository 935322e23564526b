// POST /policy/explain: parse the request, pick the policy (live, shadow or pasted), extract the
// input like the proxy does, classify with findings, and answer with masked values and pieces.
#include "proxy/ops/policy_explain.h"

#include <yaml-cpp/yaml.h>
#include <algorithm>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "adapters/adapter.h"
#include "policies/finding_display.h"
#include "policies/policy_impl.h"
#include "policies/policy_loader.h"

namespace switchyard::proxy {

namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using adapters::Api;

constexpr std::string_view kPastedName = "playground.yaml";
constexpr std::size_t kMaxMarks = 5000;  // highlighted spans per answer; the rest stays plain text

ExplainResponse error(int status, std::string_view code, std::string message,
                      const std::vector<std::string>& errors = {}) {
  json::object e{{"code", code}, {"message", message}};
  if (!errors.empty()) {
    json::array list;
    for (const auto& line : errors) list.emplace_back(line);
    e["errors"] = std::move(list);
  }
  return {status, json::serialize(json::object{{"error", std::move(e)}})};
}

std::string mib(std::size_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return buffer;
}

struct InputKind {
  std::string_view name;
  std::optional<Api> api;  // nullopt: plain text
};

constexpr InputKind kKinds[] = {
    {"text", std::nullopt},
    {"openai.chat", Api::kOpenAiChat},
    {"openai.completions", Api::kOpenAiCompletions},
    {"openai.embeddings", Api::kOpenAiEmbeddings},
    {"openai.responses", Api::kOpenAiResponses},
    {"anthropic.messages", Api::kAnthropicMessages},
};

// "auto": plain text unless the input is a JSON object that looks like one API's request body.
InputKind detect(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') return kKinds[0];
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return kKinds[0];
  const json::object& o = v.get_object();
  if (const auto* messages = o.if_contains("messages"); messages != nullptr) {
    bool openai_roles = false;
    if (messages->is_array()) {
      for (const auto& m : messages->get_array()) {
        if (!m.is_object()) continue;
        const auto* role = m.get_object().if_contains("role");
        if (role != nullptr && role->is_string()) {
          const auto r = role->get_string();
          openai_roles =
              openai_roles || r == "system" || r == "developer" || r == "tool" || r == "function";
        }
      }
    }
    const bool anthropic_shape = o.contains("system") || o.contains("max_tokens");
    return anthropic_shape && !openai_roles ? kKinds[5] : kKinds[1];
  }
  if (o.contains("prompt")) return kKinds[2];
  if (o.contains("input")) {
    return o.contains("encoding_format") || o.contains("dimensions") ? kKinds[3] : kKinds[4];
  }
  return kKinds[0];
}

std::string view_name(const policy::Finding& f, std::string_view original) {
  return std::string(policy::finding_view(f, original));
}

json::object policy_identity(const policy::Policy& p, std::string_view source) {
  return {{"source", source}, {"name", p.name()}, {"version", p.version()}, {"sha256", p.sha256()}};
}

// The files the serving policies loaded, by absolute path, with the bytes they were loaded from:
// all a pasted policy may include.
policy::IncludeFiles serving_files(const PolicyPair& policies) {
  policy::IncludeFiles files;
  for (const auto* p : {policies.live.get(), policies.shadow.get()}) {
    if (p == nullptr || !p->impl().source) continue;
    for (const auto& spec : p->impl().source->files) {
      std::error_code ec;
      fs::path key = fs::absolute(spec.path, ec);
      if (ec) key = spec.path;
      files.emplace(key.lexically_normal(), spec.bytes);
    }
  }
  return files;
}

// Nodes of the YAML as the loader would walk them, an alias counted at each use (what a few
// aliases can multiply a small text into), stopping past `budget`. True when within it. Syntax
// errors are left to the loader, which reports them with their line and column.
bool yaml_within(const std::string& text, std::size_t budget) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception&) {
    return true;
  }
  std::vector<YAML::Node> stack{root};
  std::size_t count = 0;
  while (!stack.empty()) {
    const YAML::Node node = stack.back();
    stack.pop_back();
    if (++count > budget) return false;
    if (node.IsSequence()) {
      for (const auto& item : node) stack.push_back(item);
    } else if (node.IsMap()) {
      for (const auto& entry : node) {
        stack.push_back(entry.first);
        stack.push_back(entry.second);
      }
    }
  }
  return true;
}

struct Pasted {
  std::shared_ptr<const policy::Policy> policy;
  std::optional<ExplainResponse> failure;
};

Pasted load_pasted(const std::string& yaml, const PolicyPair& policies,
                   const ExplainLimits& limits) {
  Pasted out;
  if (yaml.size() > limits.max_policy_bytes) {
    out.failure = error(413, "policy_too_large",
                        "The pasted policy is " + std::to_string(yaml.size()) +
                            " bytes; the playground takes at most " +
                            std::to_string(limits.max_policy_bytes));
    return out;
  }
  if (!yaml_within(yaml, limits.max_yaml_nodes)) {
    out.failure = error(422, "policy_too_large",
                        "The policy has more than " + std::to_string(limits.max_yaml_nodes) +
                            " YAML values once its aliases are expanded; the playground takes at "
                            "most that many");
    return out;
  }
  const policy::IncludeFiles includes = serving_files(policies);
  fs::path base;
  if (policies.live && !policies.live->files().empty()) {
    std::error_code ec;
    base = fs::absolute(policies.live->files().front(), ec).lexically_normal().parent_path();
  }
  // A first, cheap parse: its errors are the answer, and its size tells whether YAML aliases
  // multiplied the policy past what the playground compiles.
  std::vector<std::string> errors;
  const policy::PolicySource source =
      policy::parse_policy_text(yaml, std::string(kPastedName), base, &errors, &includes);
  if (!errors.empty()) {
    out.failure = error(422, "policy_invalid",
                        "The policy does not load (" + std::to_string(errors.size()) +
                            (errors.size() == 1 ? " error)" : " errors)"),
                        errors);
    return out;
  }
  std::size_t pattern_bytes = 0, test_bytes = 0;
  for (const auto& file : source.files) {
    for (const auto& rule : file.rules) {
      pattern_bytes += rule.definition.regex.size();
      for (const auto& k : rule.definition.keywords) pattern_bytes += k.size() + 1;
    }
    for (const auto& test : file.tests) test_bytes += test.text.size();
  }
  if (pattern_bytes > limits.max_pattern_bytes || test_bytes > limits.max_test_text_bytes) {
    out.failure = error(
        422, "policy_too_large",
        "The policy amounts to " + mib(pattern_bytes) + " of keywords and regexes and " +
            mib(test_bytes) + " of test texts (YAML aliases expanded); the playground compiles " +
            "at most " + mib(limits.max_pattern_bytes) + " and " + mib(limits.max_test_text_bytes));
    return out;
  }
  policy::ClassifierLimits classifier;
  classifier.regex_max_mem = limits.regex_max_mem;
  classifier.set_max_mem = limits.set_max_mem;
  classifier.max_total_bytes = std::max(classifier.max_total_bytes, limits.max_text_bytes);
  try {
    out.policy = policy::load_policy_text(yaml, base, false, classifier, std::string(kPastedName),
                                          &includes);
  } catch (const policy::PolicyError& e) {
    out.failure = error(422, "policy_invalid",
                        "The policy does not load (" + std::to_string(e.errors().size()) +
                            (e.errors().size() == 1 ? " error)" : " errors)"),
                        e.errors());
  }
  return out;
}

// The text of one segment cut around the matched spans: plain pieces carry their text, marked
// pieces only the masked value, the rule ids and the views.
json::array pieces_of(std::string_view text, std::uint32_t segment,
                      const std::vector<policy::Finding>& findings, std::size_t* marks_left) {
  struct Span {
    std::size_t begin, end;
    std::set<std::string> rules;
    std::set<std::string> views;
  };
  std::vector<Span> spans;
  for (const auto& f : findings) {
    if (f.span.segment != segment || f.span.begin >= f.span.end || f.span.end > text.size()) {
      continue;
    }
    spans.push_back({f.span.begin,
                     f.span.end,
                     {f.rule_id},
                     {view_name(f, text.substr(f.span.begin, f.span.end - f.span.begin))}});
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (auto& s : spans) {
    if (!merged.empty() && s.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
      merged.back().rules.insert(s.rules.begin(), s.rules.end());
      merged.back().views.insert(s.views.begin(), s.views.end());
    } else {
      merged.push_back(std::move(s));
    }
  }
  json::array pieces;
  std::size_t at = 0;
  for (const auto& s : merged) {
    if (*marks_left == 0) break;
    --*marks_left;
    if (s.begin > at) pieces.push_back(json::object{{"text", text.substr(at, s.begin - at)}});
    json::array rules, views;
    for (const auto& r : s.rules) rules.emplace_back(r);
    for (const auto& v : s.views) views.emplace_back(v);
    pieces.push_back(
        json::object{{"masked", policy::mask_value(text.substr(s.begin, s.end - s.begin))},
                     {"rules", std::move(rules)},
                     {"views", std::move(views)}});
    at = s.end;
  }
  if (at < text.size()) pieces.push_back(json::object{{"text", text.substr(at)}});
  return pieces;
}

}  // namespace

ExplainResponse explain_policy_request(std::string_view request, const PolicyPair& policies,
                                       const ExplainLimits& limits) {
  try {
    if (request.size() > limits.max_request_bytes) {
      return error(413, "request_too_large",
                   "The request is " + std::to_string(request.size()) + " bytes; at most " +
                       std::to_string(limits.max_request_bytes));
    }
    boost::system::error_code ec;
    const json::value parsed = json::parse(request, ec);
    if (ec || !parsed.is_object()) {
      return error(400, "invalid_json",
                   "Send a JSON object: {\"text\": \"...\", \"input\": \"auto\", \"policy\": "
                   "\"live\" | \"shadow\" | \"pasted\", \"policy_yaml\": \"...\"}");
    }
    const json::object& o = parsed.get_object();
    auto string_field = [&](std::string_view key) -> std::optional<std::string> {
      const auto* v = o.if_contains(key);
      if (v == nullptr || !v->is_string()) return std::nullopt;
      return std::string(v->get_string());
    };
    for (const auto& [key, value] : o) {
      if (key != "text" && key != "input" && key != "policy" && key != "policy_yaml") {
        return error(400, "unknown_field",
                     "Unknown field '" + std::string(key) +
                         "'; the fields are text, input, policy and policy_yaml");
      }
      if (!value.is_string()) {
        return error(400, "invalid_field", "'" + std::string(key) + "' must be a string");
      }
    }
    const auto text = string_field("text");
    if (!text) return error(400, "missing_text", "'text' is required: the text or request body");
    if (text->size() > limits.max_text_bytes) {
      return error(413, "text_too_large",
                   "The text is " + std::to_string(text->size()) + " bytes; at most " +
                       std::to_string(limits.max_text_bytes));
    }

    // The policy.
    const std::string which = string_field("policy").value_or("live");
    std::shared_ptr<const policy::Policy> chosen;
    json::object result;
    if (which == "live") {
      chosen = policies.live;
      if (!chosen) return error(503, "no_policy", "No policy is loaded");
    } else if (which == "shadow") {
      chosen = policies.shadow;
      if (!chosen) {
        return error(404, "no_shadow_policy",
                     "No shadow policy is configured (shadow_policy: PATH in the config)");
      }
    } else if (which == "pasted") {
      const auto yaml = string_field("policy_yaml");
      if (!yaml) return error(400, "missing_policy_yaml", "'policy_yaml' is required with pasted");
      Pasted pasted = load_pasted(*yaml, policies, limits);
      if (pasted.failure) return *pasted.failure;
      chosen = pasted.policy;
      std::size_t passed = 0;
      const auto failures = chosen->run_tests(&passed);
      json::array list;
      for (const auto& f : failures) {
        list.push_back(json::object{{"location", f.location}, {"message", f.message}});
      }
      result["tests"] = json::object{
          {"passed", passed}, {"failed", failures.size()}, {"failures", std::move(list)}};
    } else {
      return error(400, "invalid_policy", "'policy' is live, shadow or pasted");
    }
    result["policy"] = policy_identity(*chosen, which);

    // The input, extracted as the proxy extracts it.
    const std::string kind_name = string_field("input").value_or("auto");
    InputKind kind{};
    if (kind_name == "auto") {
      kind = detect(*text);
    } else {
      const auto* found = std::find_if(std::begin(kKinds), std::end(kKinds),
                                       [&](const InputKind& k) { return k.name == kind_name; });
      if (found == std::end(kKinds)) {
        return error(400, "invalid_input",
                     "'input' is auto, text, openai.chat, openai.completions, "
                     "openai.embeddings, openai.responses or anthropic.messages");
      }
      kind = *found;
    }
    std::vector<adapters::TextSegment> segments;
    if (kind.api) {
      auto request_body = adapters::adapter_for(*kind.api).parse(*text);
      if (!request_body) {
        return error(400, "invalid_request_body",
                     "Not a valid " + std::string(kind.name) +
                         " request body: " + request_body.error().message);
      }
      segments = std::move(request_body->segments);
    } else {
      segments.push_back({"", *text});
    }
    std::vector<std::string_view> views;
    for (const auto& s : segments) views.emplace_back(s.text);
    std::vector<policy::Finding> findings;
    const policy::Classification c = chosen->explain(views, &findings);

    result["input"] = json::object{{"kind", kind.name}, {"segments", segments.size()}};
    result["handling"] = policy::to_string(c.handling);
    result["level"] = c.level;
    result["classifier_error"] = c.classifier_error ? json::value(c.error) : json::value(nullptr);
    json::array rules;
    for (const auto& m : c.matches) {
      const policy::RuleInfo* info = nullptr;
      for (const auto& r : chosen->rules()) {
        if (r.id == m.id) info = &r;
      }
      json::array found;
      for (const auto& f : findings) {
        if (f.rule_id != m.id || found.size() >= 50) continue;
        const std::string_view seg = f.span.segment < views.size() ? views[f.span.segment] : "";
        const std::string_view original = f.span.end <= seg.size() && f.span.begin <= f.span.end
                                              ? seg.substr(f.span.begin, f.span.end - f.span.begin)
                                              : std::string_view();
        found.push_back(json::object{
            {"segment", f.span.segment},
            {"path", f.span.segment < segments.size() ? segments[f.span.segment].path : ""},
            {"view", view_name(f, original)},
            {"masked", policy::mask_value(f.value)}});
      }
      rules.push_back(json::object{{"id", m.id},
                                   {"description", info ? info->description : ""},
                                   {"category", m.category},
                                   {"level", m.level},
                                   {"handling", policy::to_string(m.handling)},
                                   {"count", m.count},
                                   {"location", info ? info->location : ""},
                                   {"findings", std::move(found)}});
    }
    result["rules"] = std::move(rules);
    json::array rendered;
    std::size_t marks_left = kMaxMarks;
    for (std::uint32_t i = 0; i < segments.size(); ++i) {
      rendered.push_back(json::object{{"path", segments[i].path},
                                      {"pieces", pieces_of(views[i], i, findings, &marks_left)}});
    }
    result["segments"] = std::move(rendered);
    if (marks_left == 0) result["truncated"] = true;
    return {200, json::serialize(result)};
  } catch (const std::exception& e) {
    return error(500, "internal_error", std::string("The explain failed: ") + e.what());
  }
}

}  // namespace switchyard::proxy
