// Aho-Corasick over byte classes (see keyword_matcher.h). ASCII letters fold to one class, so the
// automaton is case-insensitive for ASCII; separators map to a class that keeps the state, which
// lets "Project Kestrel" find "project-kestrel" and "projectkestrel" with one pattern.
#include "policies/keyword_matcher.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdexcept>
#include <unordered_map>

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

// Four automaton streams side by side from step t until one of them enters a state that reports
// (returns that step) or `steps` is reached. Kept apart from the reporting code so that the states
// and stream pointers stay in registers.
[[gnu::noinline]] std::size_t run_streams(const std::uint32_t* table, const unsigned char* classes,
                                          const unsigned char* const (&p)[4],
                                          std::uint32_t (&state)[4], std::size_t t,
                                          std::size_t steps) {
  const unsigned char* p0 = p[0];
  const unsigned char* p1 = p[1];
  const unsigned char* p2 = p[2];
  const unsigned char* p3 = p[3];
  std::uint32_t s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
  // The index is added in 64 bits: a state comes from a 32-bit load, already zero-extended.
  auto step = [&](std::size_t at) {
    s0 = table[std::size_t{s0} + classes[p0[at]]];
    s1 = table[std::size_t{s1} + classes[p1[at]]];
    s2 = table[std::size_t{s2} + classes[p2[at]]];
    s3 = table[std::size_t{s3} + classes[p3[at]]];
    return ((s0 | s1 | s2 | s3) & 1) != 0;
  };
  for (; t < steps; ++t) {
    if (step(t)) [[unlikely]] {
      break;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return t;
}

}  // namespace

bool violates_word_boundary(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t length;
  // A word right after a JSON escape ("\\nFirmware" in a log line pasted as it was written) starts
  // a word all the same.
  const bool after_escape =
      begin >= 2 && text[begin - 2] == '\\' &&
      (text[begin - 1] == 'n' || text[begin - 1] == 't' || text[begin - 1] == 'r');
  if (begin > 0 && !after_escape) {
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
  anchors_.clear();
  bool anchorable = true;
  std::unordered_map<std::string, std::size_t> anchor_index;
  std::fill(std::begin(class_of_), std::end(class_of_), kOtherClass);
  for (int c = 0; c < 256; ++c) {
    if (is_skip(static_cast<unsigned char>(c))) class_of_[c] = kSkipClass;
  }
  // Patterns with a non-ASCII byte get an automaton of their own (wide_), run only over texts
  // that have such a byte: each distinct byte is a column of every row, and the few words of the
  // packs in other scripts tripled the table of a 10,000-name ASCII list.
  wide_.reset();
  wide_pattern_.clear();
  std::vector<char> is_wide(patterns_.size(), 0);
  std::size_t wide_count = 0;
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    const std::string& text = patterns_[p].text;
    is_wide[p] = std::any_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    wide_count += is_wide[p] != 0;
  }
  if (wide_count == 0 || wide_count == patterns_.size()) {
    std::fill(is_wide.begin(), is_wide.end(), 0);
  } else {
    std::vector<KeywordPattern> wide;
    for (std::size_t p = 0; p < patterns_.size(); ++p) {
      if (!is_wide[p]) continue;
      wide.push_back(patterns_[p]);
      wide_pattern_.push_back(static_cast<std::uint32_t>(p));
    }
    auto matcher = std::make_shared<KeywordMatcher>();
    matcher->build(std::move(wide));
    wide_ = std::move(matcher);
  }
  // Classes: one per distinct (ASCII-lowered) byte that appears in a pattern.
  unsigned next_class = 2;
  std::vector<std::string> squeezed(patterns_.size());
  std::size_t squeezed_total = 0;
  max_depth_ = 0;
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    const std::string& text = patterns_[p].text;
    std::size_t core = 0;
    for (std::size_t k = 0; k < text.size(); ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      if (is_skip(c)) continue;
      core = k + 1;
      if (is_wide[p]) continue;  // in wide_ (its core and anchor are still this matcher's)
      const unsigned char l = lower(c);
      squeezed[p].push_back(static_cast<char>(l));
      if (class_of_[l] == kOtherClass) {
        class_of_[l] = static_cast<unsigned char>(next_class++);
        if (l >= 'a' && l <= 'z') class_of_[l - 32] = class_of_[l];
      }
    }
    core_length_.push_back(core);
    // The anchor: verify() compares every byte of the core but its spaces one to one.
    std::string_view rest(text.data(), core);
    std::size_t best = 0;
    std::size_t best_length = 0;
    for (std::size_t k = 0; k < core;) {
      const std::size_t end = std::min(core, text.find(' ', k));
      if (end - k > best_length) {
        best = k;
        best_length = end - k;
      }
      k = end + 1;
    }
    if (best_length < 2) {
      anchorable = false;
    } else {
      std::string anchor;
      for (char ch : rest.substr(best, best_length)) {
        anchor.push_back(static_cast<char>(lower(static_cast<unsigned char>(ch))));
      }
      const auto real = [](std::string_view bytes) {
        return static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), [](char ch) {
          return !is_skip(static_cast<unsigned char>(ch));
        }));
      };
      // A hash lookup: a 10,000-name list must not compare every anchor with every other.
      const auto [at, added] = anchor_index.try_emplace(anchor, anchors_.size());
      if (added) anchors_.push_back(Anchor{std::move(anchor), 0, 0});
      Anchor& entry = anchors_[at->second];
      entry.before = std::max(entry.before, real(rest.substr(0, best)));
      entry.after = std::max(entry.after, real(rest.substr(best)));
      const auto is_real = [](char ch) { return !is_skip(static_cast<unsigned char>(ch)); };
      const std::string_view head = rest.substr(0, best);
      const std::string_view tail = rest.substr(best + best_length);
      if (const auto it = std::find_if(head.rbegin(), head.rend(), is_real); it != head.rend()) {
        entry.before_bytes.set(lower(static_cast<unsigned char>(*it)));
      } else {
        entry.before_open = true;
      }
      if (const auto it = std::find_if(tail.begin(), tail.end(), is_real); it != tail.end()) {
        entry.after_bytes.set(lower(static_cast<unsigned char>(*it)));
      } else {
        entry.after_open = true;
      }
    }
    squeezed_total += squeezed[p].size();
    max_depth_ = std::max(max_depth_, squeezed[p].size());
  }
  if (!anchorable) anchors_.clear();
  std::size_t width = next_class;  // the trie's row width; the final table's may be one more

  // Trie, states numbered in insertion order for now.
  std::vector<std::uint32_t> trie;
  trie.reserve((squeezed_total + 1) * width);
  trie.assign(width, 0);
  std::vector<std::vector<std::uint32_t>> own_outputs(1);
  std::uint32_t states = 1;
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    if (squeezed[p].empty()) continue;
    std::uint32_t s = 0;
    for (char ch : squeezed[p]) {
      const std::size_t index = s * width + class_of_[static_cast<unsigned char>(ch)];
      if (trie[index] == 0) {
        trie[index] = states++;
        trie.resize(std::size_t{states} * width, 0);
        own_outputs.emplace_back();
      }
      s = trie[index];
    }
    own_outputs[s].push_back(static_cast<std::uint32_t>(p));
  }
  state_count_ = states;

  // Failure links (breadth first) turn the trie into a full transition table.
  std::vector<std::uint32_t> fail(states, 0);
  std::vector<std::uint32_t> link(states, kNone);
  std::vector<std::uint32_t> order;  // breadth first; doubles as the queue
  order.reserve(states);
  order.push_back(0);
  for (std::size_t c = 2; c < width; ++c) {
    if (trie[c] != 0) order.push_back(trie[c]);
  }
  for (std::size_t head = 1; head < order.size(); ++head) {
    const std::uint32_t s = order[head];
    for (std::size_t c = 2; c < width; ++c) {
      const std::size_t index = s * width + c;
      const std::uint32_t child = trie[index];
      const std::uint32_t via_fail = trie[fail[s] * width + c];
      if (child != 0) {
        fail[child] = via_fail;
        link[child] = own_outputs[via_fail].empty() ? link[via_fail] : via_fail;
        order.push_back(child);
      } else {
        trie[index] = via_fail;
      }
    }
  }

  // Lay the rows out: states without outputs first, breadth first, at even offsets; then the
  // states with outputs at odd offsets (one slot of padding, and an even row width).
  if (width % 2 != 0) ++width;  // an unused class
  class_count_ = static_cast<std::uint32_t>(width);
  std::vector<std::uint32_t> offset(states);
  std::vector<std::uint32_t> by_ordinal;  // states with outputs, in layout order
  std::size_t plain = 0;
  for (const std::uint32_t s : order) {
    if (!own_outputs[s].empty() || link[s] != kNone) {
      by_ordinal.push_back(s);
    } else {
      offset[s] = static_cast<std::uint32_t>(plain++ * width);
    }
  }
  const std::size_t output_base = plain * width + 1;
  const std::size_t table_size = output_base + by_ordinal.size() * width;
  if (table_size > std::size_t{0xFFFFFFFFu}) throw std::length_error("keyword automaton too large");
  output_base_ = static_cast<std::uint32_t>(output_base);
  for (std::size_t k = 0; k < by_ordinal.size(); ++k) {
    offset[by_ordinal[k]] = static_cast<std::uint32_t>(output_base + k * width);
  }
  transitions_.assign(table_size, 0);
  for (std::uint32_t s = 0; s < states; ++s) {
    for (std::size_t c = 0; c < next_class; ++c) {
      // Separators keep the state and never report (a hit ends on a real byte).
      const std::uint32_t target = c == kSkipClass ? s : trie[s * next_class + c];
      transitions_[offset[s] + c] = offset[target];
    }
  }
  output_begin_.assign(by_ordinal.size() + 1, 0);
  outputs_.clear();
  dictionary_link_.assign(by_ordinal.size(), kNone);
  for (std::size_t k = 0; k < by_ordinal.size(); ++k) {
    const std::uint32_t s = by_ordinal[k];
    output_begin_[k] = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), own_outputs[s].begin(), own_outputs[s].end());
    if (link[s] != kNone) {
      dictionary_link_[k] = static_cast<std::uint32_t>((offset[link[s]] - output_base_) / width);
    }
  }
  output_begin_[by_ordinal.size()] = static_cast<std::uint32_t>(outputs_.size());
  outputs_.shrink_to_fit();
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

[[gnu::noinline]] void KeywordMatcher::report(std::string_view text, std::uint32_t state,
                                              std::size_t i, std::vector<KeywordHit>* hits) const {
  KeywordHit hit;
  for (std::uint32_t k = (state - output_base_) / class_count_; k != kNone;
       k = dictionary_link_[k]) {
    for (std::uint32_t o = output_begin_[k]; o < output_begin_[k + 1]; ++o) {
      if (verify(outputs_[o], text, i, &hit)) hits->push_back(hit);
    }
  }
}

std::uint32_t KeywordMatcher::scan_range(std::string_view text, std::size_t from,
                                         std::size_t report_from, std::size_t to,
                                         std::uint32_t state, std::vector<KeywordHit>* hits) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint32_t* table = transitions_.data();
  for (std::size_t i = from; i < to; ++i) {
    state = table[state + class_of_[bytes[i]]];
    if ((state & 1) != 0) [[unlikely]] {
      if (i >= report_from) report(text, state, i, hits);
    }
  }
  return state;
}

std::size_t KeywordMatcher::warm_up_start(std::string_view text, std::size_t offset) const {
  // The state after a byte is the longest suffix of the bytes read so far (separators left out)
  // that is a prefix of some pattern, so it depends on the last max_depth_ such bytes only.
  std::size_t counted = 0;
  while (offset > 0 && counted < max_depth_) {
    --offset;
    if (class_of_[static_cast<unsigned char>(text[offset])] != kSkipClass) ++counted;
  }
  return offset;
}

std::size_t KeywordMatcher::real_bytes_back(std::string_view text, std::size_t offset,
                                            std::size_t count) const {
  for (std::size_t counted = 0; offset > 0 && counted < count;) {
    --offset;
    if (class_of_[static_cast<unsigned char>(text[offset])] != kSkipClass) ++counted;
  }
  return offset;
}

std::size_t KeywordMatcher::real_bytes_forward(std::string_view text, std::size_t offset,
                                               std::size_t count) const {
  for (std::size_t counted = 0; offset < text.size() && counted < count; ++offset) {
    if (class_of_[static_cast<unsigned char>(text[offset])] != kSkipClass) ++counted;
  }
  return offset;
}

void KeywordMatcher::scan_near(std::string_view text, std::span<const AnchorHit> anchor_hits,
                               std::vector<KeywordHit>* hits) const {
  if (patterns_.empty()) return;
  // A match holds its pattern's anchor, so its real bytes lie within the anchor's `before` and
  // `after` of one anchor occurrence. The automaton started fresh at a window's start reports
  // every match whose real bytes all lie in the window (and only true matches: verify() decides),
  // so windows that overlap are merged, each match is reported once, and hits come out in order
  // of end position, as from scan().
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  windows.reserve(anchor_hits.size());
  const auto fits = [](const std::bitset<256>& bytes, unsigned char byte) {
    return bytes.test(lower(byte));
  };
  for (const auto& hit : anchor_hits) {
    const Anchor& anchor = anchors_[hit.anchor];
    if (!anchor.before_open) {
      std::size_t q = hit.start;
      while (q > 0 && class_of_[static_cast<unsigned char>(text[q - 1])] == kSkipClass) --q;
      if (q == 0 || !fits(anchor.before_bytes, static_cast<unsigned char>(text[q - 1]))) continue;
    }
    if (!anchor.after_open) {
      std::size_t q = std::min(text.size(), hit.start + anchor.text.size());
      while (q < text.size() && class_of_[static_cast<unsigned char>(text[q])] == kSkipClass) ++q;
      if (q == text.size() || !fits(anchor.after_bytes, static_cast<unsigned char>(text[q]))) {
        continue;
      }
    }
    windows.emplace_back(real_bytes_back(text, hit.start, anchor.before),
                         real_bytes_forward(text, hit.start, anchor.after));
  }
  std::sort(windows.begin(), windows.end());
  const std::size_t first = hits->size();
  std::vector<KeywordHit> wide_hits;
  for (std::size_t i = 0; i < windows.size();) {
    auto [from, to] = windows[i];
    for (++i; i < windows.size() && windows[i].first < to; ++i)
      to = std::max(to, windows[i].second);
    scan_range(text, from, from, to, 0, hits);
    if (wide_ != nullptr && has_wide_byte(text.substr(from, to - from))) {
      wide_->scan_range(text, from, from, to, 0, &wide_hits);
    }
  }
  merge_wide(std::move(wide_hits), first, hits);
}

bool KeywordMatcher::has_wide_byte(std::string_view text) {
  // A top bit anywhere, 64 bytes at a time.
  std::size_t i = 0;
#if defined(__SSE2__)
  const auto* data = reinterpret_cast<const __m128i*>(text.data());
  for (; i + 64 <= text.size(); i += 64, data += 4) {
    const __m128i any =
        _mm_or_si128(_mm_or_si128(_mm_loadu_si128(data), _mm_loadu_si128(data + 1)),
                     _mm_or_si128(_mm_loadu_si128(data + 2), _mm_loadu_si128(data + 3)));
    if (_mm_movemask_epi8(any) != 0) return true;
  }
#endif
  std::uint64_t any = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    any |= word;
  }
  for (; i < text.size(); ++i) any |= static_cast<unsigned char>(text[i]);
  return (any & 0x8080808080808080u) != 0;
}

void KeywordMatcher::merge_wide(std::vector<KeywordHit> wide_hits, std::size_t first,
                                std::vector<KeywordHit>* hits) const {
  if (wide_hits.empty()) return;
  for (auto& hit : wide_hits) hit.pattern = wide_pattern_[hit.pattern];
  const std::size_t middle = hits->size();
  hits->insert(hits->end(), wide_hits.begin(), wide_hits.end());
  // Both runs are in order of end position; so is the result (stable: this matcher's first).
  std::inplace_merge(hits->begin() + static_cast<std::ptrdiff_t>(first),
                     hits->begin() + static_cast<std::ptrdiff_t>(middle), hits->end(),
                     [](const KeywordHit& a, const KeywordHit& b) { return a.end < b.end; });
}

void KeywordMatcher::scan(std::string_view text, std::vector<KeywordHit>* hits) const {
  if (patterns_.empty()) return;
  const std::size_t first = hits->size();
  scan_automaton(text, hits);
  if (wide_ != nullptr && has_wide_byte(text)) {
    std::vector<KeywordHit> wide_hits;
    wide_->scan(text, &wide_hits);
    merge_wide(std::move(wide_hits), first, hits);
  }
}

void KeywordMatcher::scan_automaton(std::string_view text, std::vector<KeywordHit>* hits) const {
  // One stream is a chain of dependent loads (state -> next state), so the text is cut into
  // chunks scanned side by side: the loads of different chunks overlap. Each chunk after the first
  // starts early enough to reach its exact state by its first byte, and hits are kept per chunk so
  // they come out in the same order as from one stream.
  constexpr std::size_t kStreams = 4;
  const std::size_t n = text.size();
  if (n < kStreams * (4 * max_depth_ + 256)) {
    scan_range(text, 0, 0, n, 0, hits);
    return;
  }
  std::size_t chunk[kStreams + 1];
  std::size_t start[kStreams];
  for (std::size_t k = 0; k < kStreams; ++k) {
    chunk[k] = n / kStreams * k;
    start[k] = warm_up_start(text, chunk[k]);
  }
  chunk[kStreams] = n;
  std::size_t steps = n;
  for (std::size_t k = 0; k < kStreams; ++k) steps = std::min(steps, chunk[k + 1] - start[k]);

  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const p[kStreams] = {bytes + start[0], bytes + start[1], bytes + start[2],
                                            bytes + start[3]};
  std::vector<KeywordHit> later[kStreams - 1];
  std::vector<KeywordHit>* out[kStreams] = {hits, &later[0], &later[1], &later[2]};
  std::uint32_t state[kStreams] = {0, 0, 0, 0};
  for (std::size_t t = 0; t < steps; ++t) {
    t = run_streams(transitions_.data(), class_of_, p, state, t, steps);
    if (t == steps) break;
    for (std::size_t k = 0; k < kStreams; ++k) {
      if ((state[k] & 1) != 0 && start[k] + t >= chunk[k]) {
        report(text, state[k], start[k] + t, out[k]);
      }
    }
  }
  for (std::size_t k = 0; k < kStreams; ++k) {
    scan_range(text, start[k] + steps, chunk[k], chunk[k + 1], state[k], out[k]);
  }
  for (auto& more : later) hits->insert(hits->end(), more.begin(), more.end());
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

std::size_t KeywordMatcher::state_count() const {
  return state_count_ + (wide_ != nullptr ? wide_->state_count() : 0);
}

std::size_t KeywordMatcher::memory_bytes() const {
  std::size_t total = (wide_ != nullptr ? wide_->memory_bytes() : 0) +
                      wide_pattern_.capacity() * sizeof(std::uint32_t) +
                      transitions_.capacity() * sizeof(std::uint32_t) +
                      output_begin_.capacity() * sizeof(std::uint32_t) +
                      outputs_.capacity() * sizeof(std::uint32_t) +
                      dictionary_link_.capacity() * sizeof(std::uint32_t) +
                      core_length_.capacity() * sizeof(std::size_t);
  for (const auto& p : patterns_) total += sizeof(p) + p.text.capacity();
  return total;
}

}  // namespace switchyard::policy
