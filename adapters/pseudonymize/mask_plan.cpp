// The placeholders already written in the request are indexed once (every '-' followed by six hex
// digits, by the digits' value), so checking a candidate placeholder costs a binary search, not a
// pass over the body.
#include "adapters/pseudonymize/mask_plan.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <unordered_set>
#include <utility>

namespace switchyard::pseudonymize {
namespace {

constexpr unsigned kMaxProbes = 64;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Every "-hhhhhh" in the texts the request already carries.
class ReservedIndex {
 public:
  void add_text(std::string_view text) {
    const char* base = text.data();
    std::size_t at = 0;
    while (at < text.size()) {
      const void* found = std::memchr(base + at, '-', text.size() - at);
      if (found == nullptr) break;
      const std::size_t dash = static_cast<std::size_t>(static_cast<const char*>(found) - base);
      at = dash + 1;
      if (dash + kHexDigits >= text.size()) break;
      std::uint32_t hex = 0;
      bool ok = true;
      for (std::size_t i = 1; i <= kHexDigits && ok; ++i) {
        const int v = hex_value(text[dash + i]);
        ok = v >= 0;
        hex = (hex << 4) | static_cast<std::uint32_t>(v < 0 ? 0 : v);
      }
      if (ok) hits_.push_back({hex, text, dash});
    }
  }
  void finish() {
    std::sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return a.hex < b.hex; });
  }
  // Whether `placeholder` (well formed) occurs in one of the texts.
  bool occurs(std::string_view placeholder) const {
    const std::size_t type_length = placeholder.size() - kHexDigits - 1;
    std::uint32_t hex = 0;
    for (std::size_t i = type_length + 1; i < placeholder.size(); ++i) {
      hex = (hex << 4) | static_cast<std::uint32_t>(hex_value(placeholder[i]));
    }
    auto it = std::lower_bound(hits_.begin(), hits_.end(), hex,
                               [](const Hit& h, std::uint32_t v) { return h.hex < v; });
    for (; it != hits_.end() && it->hex == hex; ++it) {
      if (it->dash >= type_length &&
          it->text.compare(it->dash - type_length, type_length, placeholder, 0, type_length) == 0) {
        return true;
      }
    }
    return false;
  }

 private:
  struct Hit {
    std::uint32_t hex;
    std::string_view text;
    std::size_t dash;
  };
  std::vector<Hit> hits_;
};

// True when one string contains the other, or a proper suffix of one is a prefix of the other: the
// two could then share bytes in some text, and a reply could not be read one way only.
bool overlaps(std::string_view a, std::string_view b) {
  if (a.find(b) != std::string_view::npos || b.find(a) != std::string_view::npos) return true;
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t k = 1; k < n; ++k) {
    if (a.substr(a.size() - k) == b.substr(0, k)) return true;
    if (b.substr(b.size() - k) == a.substr(0, k)) return true;
  }
  return false;
}

// A type with '-' and six digits in it looks like the end of a placeholder.
bool odd_type(std::string_view placeholder) {
  const std::size_t type_length = placeholder.size() - kHexDigits - 1;
  std::size_t digits = 0;
  bool after_dash = false;
  for (std::size_t i = 0; i < type_length; ++i) {
    const char c = placeholder[i];
    if (c == '-') {
      after_dash = true;
      digits = 0;
    } else if (after_dash && c >= '0' && c <= '9') {
      if (++digits == kHexDigits) return true;
    } else {
      after_dash = false;
    }
  }
  return false;
}

// The same placeholder with its type cut to each proper suffix that starts with a letter
// (PERSON-NAME-hhhhhh -> NAME-hhhhhh, ...).
template <class F>
void for_each_suffix_form(std::string_view placeholder, F&& f) {
  const std::size_t type_length = placeholder.size() - kHexDigits - 1;
  for (std::size_t i = 1; i < type_length; ++i) {
    if (placeholder[i] >= 'A' && placeholder[i] <= 'Z') f(placeholder.substr(i));
  }
}

// The placeholders given so far, checked against a new one without comparing it with each. Two
// placeholders TYPE-hhhhhh can share bytes only when they are equal, when one is the other with its
// type cut short (NAME-... inside PERSON-NAME-...), or when a type holds "-dddddd" (an "odd"
// type, which then has its overlaps checked one by one).
class Assigned {
 public:
  bool conflicts(const std::string& p) const {
    if (exact_.contains(p) || suffix_forms_.contains(p)) return true;
    bool found = false;
    for_each_suffix_form(
        p, [&](std::string_view form) { found = found || exact_.contains(std::string(form)); });
    if (found) return true;
    const auto& others = odd_type(p) ? all_ : odd_;
    return std::any_of(others.begin(), others.end(),
                       [&](const std::string& q) { return overlaps(p, q); });
  }
  void add(const std::string& p) {
    exact_.insert(p);
    for_each_suffix_form(p, [&](std::string_view form) { suffix_forms_.emplace(form); });
    all_.push_back(p);
    if (odd_type(p)) odd_.push_back(p);
  }

 private:
  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> suffix_forms_;
  std::vector<std::string> all_;
  std::vector<std::string> odd_;
};

struct Group {
  std::uint32_t segment = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string category;
  bool pseudonymize = true;
  std::vector<std::uint32_t> rules;
};

}  // namespace

std::optional<MaskPlan> plan_masks(const std::vector<adapters::TextSegment>& segments,
                                   std::string_view raw_body, std::vector<MaskSpan> spans,
                                   const PseudonymKey* key, std::size_t rule_count) {
  for (MaskSpan& s : spans) {
    if (s.segment >= segments.size() || s.begin > s.end ||
        s.end > segments[s.segment].text.size()) {
      return std::nullopt;
    }
    if (s.pseudonymize && key == nullptr) return std::nullopt;
    // Whole characters only, so that a value and what replaces it are both valid UTF-8.
    const std::string& text = segments[s.segment].text;
    while (s.begin > 0 && s.begin < text.size() &&
           is_continuation(static_cast<unsigned char>(text[s.begin]))) {
      --s.begin;
    }
    while (s.end < text.size() && is_continuation(static_cast<unsigned char>(text[s.end]))) ++s.end;
  }
  std::stable_sort(spans.begin(), spans.end(), [](const MaskSpan& a, const MaskSpan& b) {
    return a.segment != b.segment ? a.segment < b.segment : a.begin < b.begin;
  });

  std::vector<Group> groups;
  for (const MaskSpan& s : spans) {
    if (s.begin == s.end) continue;
    if (!groups.empty() && groups.back().segment == s.segment && s.begin < groups.back().end) {
      Group& g = groups.back();
      g.end = std::max(g.end, s.end);
      g.pseudonymize = g.pseudonymize && s.pseudonymize;
      if (std::find(g.rules.begin(), g.rules.end(), s.rule) == g.rules.end()) {
        g.rules.push_back(s.rule);
      }
      continue;
    }
    groups.push_back(Group{s.segment, s.begin, s.end, s.category, s.pseudonymize, {s.rule}});
  }

  MaskPlan plan;
  plan.pseudonymized.assign(rule_count, 0);

  // Distinct (type, value) pairs in the order of their keyed hash.
  struct Value {
    std::array<unsigned char, 32> order;
    std::string type;
    std::string_view value;
    std::string placeholder;  // "" when no probe was free
  };
  std::vector<Value> values;
  std::vector<std::size_t> value_of(groups.size(), 0);
  {
    std::map<std::pair<std::string, std::string_view>, std::size_t> seen;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const Group& g = groups[i];
      if (!g.pseudonymize) continue;
      const std::string_view value =
          std::string_view(segments[g.segment].text).substr(g.begin, g.end - g.begin);
      std::string type = placeholder_type(g.category);
      auto [it, inserted] = seen.try_emplace({type, value}, values.size());
      if (inserted)
        values.push_back(Value{key->digest(type, value, 0), std::move(type), value, {}});
      value_of[i] = it->second;
    }
  }
  if (!values.empty()) {
    ReservedIndex reserved;
    reserved.add_text(raw_body);
    for (const auto& segment : segments) reserved.add_text(segment.text);
    reserved.finish();
    std::vector<std::size_t> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (values[a].order != values[b].order) return values[a].order < values[b].order;
      if (values[a].type != values[b].type) return values[a].type < values[b].type;
      return values[a].value < values[b].value;
    });
    std::vector<std::pair<std::string, std::string>> mappings;
    Assigned assigned;
    for (std::size_t index : order) {
      Value& v = values[index];
      for (unsigned probe = 0; probe < kMaxProbes; ++probe) {
        std::string candidate = key->placeholder(v.type, v.value, probe);
        if (reserved.occurs(candidate)) continue;
        if (assigned.conflicts(candidate)) continue;
        v.placeholder = std::move(candidate);
        break;
      }
      if (v.placeholder.empty()) continue;  // no free probe: the value is redacted instead
      mappings.emplace_back(v.placeholder, std::string(v.value));
      assigned.add(v.placeholder);
    }
    if (!mappings.empty()) plan.pseudonyms = std::make_shared<PseudonymTable>(std::move(mappings));
  }

  plan.edits.reserve(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const Group& g = groups[i];
    adapters::Redaction edit{g.segment, g.begin, g.end, g.category, {}};
    if (g.pseudonymize && !values[value_of[i]].placeholder.empty()) {
      edit.replacement = values[value_of[i]].placeholder;
      for (std::uint32_t rule : g.rules) {
        if (rule < plan.pseudonymized.size()) ++plan.pseudonymized[rule];
      }
    }
    plan.edits.push_back(std::move(edit));
  }
  return plan;
}

}  // namespace switchyard::pseudonymize
