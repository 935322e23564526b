// Aho-Corasick over byte classes (see keyword_matcher.h). ASCII letters fold to one class, so the
// automaton is case-insensitive for ASCII; separators map to a class that keeps the state, which
// lets "Project Kestrel" find "project-kestrel" and "projectkestrel" with one pattern.
#include "policies/keyword_matcher.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <deque>

#include "policies/normalizer.h"

namespace switchyard::policy {

namespace {

constexpr unsigned char kOtherClass = 0;
constexpr unsigned char kSkipClass = 1;

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_skip(unsigned char c) { return is_space(c) || c == '-' || c == '_'; }
unsigned char lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
}

bool is_word_code_point(std::uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  return u_isalnum(static_cast<UChar32>(cp)) != 0;
}

// Scripts written without spaces between words: their letters never act as a word boundary
// violation, otherwise no keyword could match inside Japanese or Thai text.
bool unspaced_script(std::uint32_t cp) {
  if (cp < 0x2E80 && !(cp >= 0x0E00 && cp <= 0x0EFF) && !(cp >= 0x1000 && cp <= 0x109F) &&
      !(cp >= 0x1780 && cp <= 0x17FF)) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_THAI || script == USCRIPT_LAO || script == USCRIPT_KHMER ||
         script == USCRIPT_MYANMAR || script == USCRIPT_COMMON;  // CJK punctuation, prolonged mark
}

bool blocks_boundary(std::uint32_t neighbor, std::uint32_t edge) {
  if (!is_word_code_point(neighbor)) return false;
  return !(unspaced_script(neighbor) || unspaced_script(edge));
}

}  // namespace

bool violates_word_boundary(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t length;
  if (begin > 0) {
    const std::uint32_t before = decode_utf8_before(text, begin, &length);
    const std::uint32_t first = decode_utf8_at(text, begin, &length);
    if (blocks_boundary(before, first)) return true;
  }
  if (end < text.size()) {
    const std::uint32_t after = decode_utf8_at(text, end, &length);
    const std::uint32_t last = decode_utf8_before(text, end, &length);
    if (blocks_boundary(after, last)) return true;
  }
  return false;
}

bool KeywordMatcher::has_matchable_bytes(std::string_view keyword) {
  return std::any_of(keyword.begin(), keyword.end(),
                     [](char c) { return !is_skip(static_cast<unsigned char>(c)); });
}

std::string KeywordMatcher::keyword_form(std::string_view keyword) {
  // The same stages the text goes through, so that a keyword written with full-width letters or a
  // Cyrillic look-alike still finds its Latin spelling (and the other way round).
  std::string current(keyword);
  std::string next;
  OffsetMap map;
  bool ascii = true;
  if (!is_valid_utf8(current, &ascii)) return current;
  if (!ascii && normalize_unicode(current, &next, &map)) current.swap(next);
  if (fold_for_keywords(current, &next, &map)) current.swap(next);
  // Collapse whitespace runs to one space and trim.
  std::string collapsed;
  for (char c : current) {
    if (is_space(static_cast<unsigned char>(c))) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
    } else {
      collapsed.push_back(c);
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

void KeywordMatcher::build(std::vector<KeywordPattern> patterns) {
  patterns_ = std::move(patterns);
  core_length_.clear();
  std::fill(std::begin(class_of_), std::end(class_of_), kOtherClass);
  for (int c = 0; c < 256; ++c) {
    if (is_skip(static_cast<unsigned char>(c))) class_of_[c] = kSkipClass;
  }
  // Classes: one per distinct (ASCII-lowered) byte that appears in a pattern.
  unsigned next_class = 2;
  std::vector<std::string> squeezed(patterns_.size());
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    const std::string& text = patterns_[p].text;
    std::size_t core = 0;
    for (std::size_t k = 0; k < text.size(); ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      if (is_skip(c)) continue;
      core = k + 1;
      const unsigned char l = lower(c);
      squeezed[p].push_back(static_cast<char>(l));
      if (class_of_[l] == kOtherClass) {
        class_of_[l] = static_cast<unsigned char>(next_class++);
        if (l >= 'a' && l <= 'z') class_of_[l - 32] = class_of_[l];
      }
    }
    core_length_.push_back(core);
  }
  class_shift_ = 1;
  while ((1u << class_shift_) < next_class) ++class_shift_;
  const std::size_t width = std::size_t{1} << class_shift_;

  // Trie.
  transitions_.assign(width, 0);
  std::vector<std::vector<std::uint32_t>> own_outputs(1);
  std::uint32_t states = 1;
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    if (squeezed[p].empty()) continue;
    std::uint32_t s = 0;
    for (char ch : squeezed[p]) {
      const unsigned c = class_of_[static_cast<unsigned char>(ch)];
      const std::size_t index = (std::size_t{s} << class_shift_) | c;
      if (transitions_[index] == 0) {
        transitions_[index] = states++;
        transitions_.resize(std::size_t{states} * width, 0);
        own_outputs.emplace_back();
      }
      s = transitions_[index];
    }
    own_outputs[s].push_back(static_cast<std::uint32_t>(p));
  }
  state_count_ = states;

  // Failure links (breadth first) turn the trie into a full transition table.
  std::vector<std::uint32_t> fail(states, 0);
  dictionary_link_.assign(states, kNone);
  std::deque<std::uint32_t> queue;
  for (std::size_t c = 2; c < width; ++c) {
    const std::uint32_t child = transitions_[c];
    if (child != 0) queue.push_back(child);
  }
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    for (std::size_t c = 2; c < width; ++c) {
      const std::size_t index = (std::size_t{s} << class_shift_) | c;
      const std::uint32_t child = transitions_[index];
      const std::uint32_t via_fail = transitions_[(std::size_t{fail[s]} << class_shift_) | c];
      if (child != 0) {
        fail[child] = via_fail;
        dictionary_link_[child] =
            own_outputs[via_fail].empty() ? dictionary_link_[via_fail] : via_fail;
        queue.push_back(child);
      } else {
        transitions_[index] = via_fail;
      }
    }
  }
  output_begin_.assign(states + 1, 0);
  outputs_.clear();
  for (std::uint32_t s = 0; s < states; ++s) {
    output_begin_[s] = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), own_outputs[s].begin(), own_outputs[s].end());
  }
  output_begin_[states] = static_cast<std::uint32_t>(outputs_.size());
  std::vector<bool> has_output(states);
  for (std::uint32_t s = 0; s < states; ++s) {
    has_output[s] = !own_outputs[s].empty() || dictionary_link_[s] != kNone;
  }
  for (std::uint32_t s = 0; s < states; ++s) {
    for (std::size_t c = 0; c < width; ++c) {
      std::uint32_t& t = transitions_[(std::size_t{s} << class_shift_) | c];
      if (c == kSkipClass) {
        t = s;  // separators keep the state and never report (a hit ends on a real byte)
      } else if (has_output[t]) {
        t |= kOutputBit;
      }
    }
  }
}

bool KeywordMatcher::verify(std::uint32_t pattern, std::string_view text, std::size_t core_end,
                            KeywordHit* hit) const {
  const KeywordPattern& p = patterns_[pattern];
  const std::string_view kw = p.text;
  const std::size_t core = core_length_[pattern];
  // Backwards over the pattern up to its last real byte.
  std::size_t t = core_end + 1;
  for (std::size_t k = core; k-- > 0;) {
    const auto kb = static_cast<unsigned char>(kw[k]);
    if (kb == ' ') {
      if (t > 0 && is_space(static_cast<unsigned char>(text[t - 1]))) {
        while (t > 0 && is_space(static_cast<unsigned char>(text[t - 1]))) --t;
      } else if (t > 0 && (text[t - 1] == '-' || text[t - 1] == '_')) {
        --t;
      }
      continue;
    }
    if (t == 0) return false;
    const auto tb = static_cast<unsigned char>(text[t - 1]);
    if (p.case_sensitive ? tb != kb : lower(tb) != lower(kb)) return false;
    --t;
  }
  // Forwards over trailing separators of the pattern ("foo-"), literally.
  std::size_t e = core_end + 1;
  for (std::size_t k = core; k < kw.size(); ++k) {
    if (e >= text.size() || text[e] != kw[k]) return false;
    ++e;
  }
  const std::size_t begin = t;
  if (begin >= e || violates_word_boundary(text, begin, e)) return false;
  hit->pattern = pattern;
  hit->begin = begin;
  hit->end = e;
  return true;
}

void KeywordMatcher::scan(std::string_view text, std::vector<KeywordHit>* hits) const {
  if (patterns_.empty()) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint32_t* table = transitions_.data();
  const unsigned shift = class_shift_;
  std::uint32_t s = 0;
  KeywordHit hit;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint32_t next = table[(std::size_t{s} << shift) | class_of_[bytes[i]]];
    s = next & kStateMask;
    if ((next & kOutputBit) == 0) [[likely]] {
      continue;
    }
    for (std::uint32_t state = s; state != kNone; state = dictionary_link_[state]) {
      for (std::uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
        if (verify(outputs_[k], text, i, &hit)) hits->push_back(hit);
      }
    }
  }
}

void KeywordMatcher::scan_naive(std::string_view text, std::vector<KeywordHit>* hits) const {
  KeywordHit hit;
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (std::uint32_t p = 0; p < patterns_.size(); ++p) {
      if (core_length_[p] == 0) continue;
      if (verify(p, text, i, &hit)) hits->push_back(hit);
    }
  }
}

std::size_t KeywordMatcher::memory_bytes() const {
  std::size_t total = transitions_.capacity() * sizeof(std::uint32_t) +
                      output_begin_.capacity() * sizeof(std::uint32_t) +
                      outputs_.capacity() * sizeof(std::uint32_t) +
                      dictionary_link_.capacity() * sizeof(std::uint32_t) +
                      core_length_.capacity() * sizeof(std::size_t);
  for (const auto& p : patterns_) total += sizeof(p) + p.text.capacity();
  return total;
}

}  // namespace switchyard::policy
