// Fuzzes the normalizer: views are valid UTF-8, every view range maps inside the original, and the
// fast paths agree with the plain ones: build and the stages against StageScan::kEveryByte, and the
// keyword automaton (words of the input as keywords, on the keyword view repeated long enough for
// its interleaved streams) against the naive scan.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "policies/keyword_matcher.h"
#include "policies/normalizer.h"

namespace {

using namespace switchyard::policy;

void check_same_map(const OffsetMap& a, const OffsetMap& b) {
  if (a.view_size() != b.view_size()) std::abort();
  const std::size_t size = a.view_size();
  for (std::size_t begin = 0; begin <= size; begin += 1 + size / 16) {
    for (std::size_t end = begin; end <= size; end += 1 + size / 8) {
      if (a.map(begin, end) != b.map(begin, end)) std::abort();
    }
  }
}

// Keywords from the input itself (its first words), so that they occur in it.
std::vector<KeywordPattern> keywords_of(std::string_view text) {
  std::vector<KeywordPattern> patterns;
  std::size_t at = 0;
  while (patterns.size() < 6 && at < text.size()) {
    const std::size_t end =
        std::min(text.size(), at + 1 + static_cast<unsigned char>(text[at]) % 12);
    KeywordPattern p{KeywordMatcher::keyword_form(text.substr(at, end - at)),
                     static_cast<std::uint32_t>(patterns.size()), (text[at] & 1) != 0};
    if (KeywordMatcher::has_matchable_bytes(p.text)) patterns.push_back(std::move(p));
    at = end + 1;
  }
  return patterns;
}

std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> sorted(
    const std::vector<KeywordHit>& hits) {
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> keys;
  for (const auto& h : hits) keys.emplace_back(h.begin, h.end, h.pattern);
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using ViewKind = NormalizedText::ViewKind;
  const std::string text(reinterpret_cast<const char*>(data), size);
  NormalizedText n;
  std::string error;
  bool ascii = true;
  const bool valid = is_valid_utf8(text, &ascii);
  if (n.build(text, NormalizerLimits{}, &error) != valid) std::abort();
  if (!valid) return 0;
  NormalizedText slow;
  if (!slow.build(text, NormalizerLimits{}, &error, StageScan::kEveryByte)) std::abort();
  if (n.has_decoded() != slow.has_decoded()) std::abort();
  for (ViewKind kind : {ViewKind::kNormalized, ViewKind::kDecoded, ViewKind::kKeyword}) {
    const std::string_view view = n.view(kind);
    if (!is_valid_utf8(view, &ascii)) std::abort();
    if (view.size() > text.size() * 3 + 16) std::abort();  // NFKC may expand; decoding never does
    if (view != slow.view(kind)) std::abort();
    for (std::size_t begin = 0; begin < view.size(); begin += 1 + view.size() / 16) {
      for (std::size_t end = begin + 1; end <= view.size(); end += 1 + view.size() / 8) {
        const auto [b, e] = n.to_original(kind, begin, end);
        if (b > e || e > text.size()) std::abort();
        if (slow.to_original(kind, begin, end) != std::pair(b, e)) std::abort();
      }
    }
  }

  // The stages on the raw input, with a run length that varies with it.
  NormalizerLimits limits;
  limits.min_base64_length = size == 0 ? 16 : data[0] % 70;
  std::string fast_out;
  std::string slow_out;
  OffsetMap fast_map;
  OffsetMap slow_map;
  const bool decoded = decode_escapes(text, limits, &fast_out, &fast_map);
  if (decoded != decode_escapes(text, limits, &slow_out, &slow_map, StageScan::kEveryByte)) {
    std::abort();
  }
  if (decoded && (fast_out != slow_out)) std::abort();
  if (decoded) check_same_map(fast_map, slow_map);
  // Copy marks only ever remove or shorten, and every view byte maps inside the input.
  if (unwrap_copy_marks(text, &fast_out, &fast_map)) {
    if (fast_out.size() >= text.size() || fast_map.view_size() != fast_out.size()) std::abort();
    for (std::size_t begin = 0; begin < fast_out.size(); begin += 1 + fast_out.size() / 16) {
      const auto [b, e] = fast_map.map(begin, fast_out.size());
      if (b > e || e > text.size()) std::abort();
    }
  }
  const bool collapsed = collapse_letter_spacing(text, &fast_out, &fast_map);
  if (collapsed != collapse_letter_spacing(text, &slow_out, &slow_map, StageScan::kEveryByte)) {
    std::abort();
  }
  if (collapsed && (fast_out != slow_out)) std::abort();
  if (collapsed) check_same_map(fast_map, slow_map);

  // Keywords on the keyword view, repeated past the size where the automaton splits the text.
  std::vector<KeywordPattern> patterns = keywords_of(n.keyword());
  if (!patterns.empty()) {
    KeywordMatcher matcher;
    matcher.build(std::move(patterns));
    std::string haystack(n.keyword());
    while (!haystack.empty() && haystack.size() < 6000) haystack += n.keyword();
    std::vector<KeywordHit> fast_hits;
    std::vector<KeywordHit> slow_hits;
    matcher.scan(haystack, &fast_hits);
    matcher.scan_naive(haystack, &slow_hits);
    if (sorted(fast_hits) != sorted(slow_hits)) std::abort();
    if (matcher.anchored()) {
      // Near anchors only (every occurrence of every anchor, ASCII case ignored): the same hits
      // in the same order as the full pass.
      std::vector<KeywordMatcher::AnchorHit> anchors;
      for (std::size_t i = 0; i < haystack.size(); ++i) {
        for (std::uint32_t a = 0; a < matcher.anchors().size(); ++a) {
          const std::string& anchor = matcher.anchors()[a].text;
          if (i + anchor.size() > haystack.size()) continue;
          bool equal = true;
          for (std::size_t k = 0; k < anchor.size() && equal; ++k) {
            const auto c = static_cast<unsigned char>(haystack[i + k]);
            equal = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) == anchor[k];
          }
          if (equal) anchors.push_back({a, static_cast<std::uint32_t>(i)});
        }
      }
      std::vector<KeywordHit> near_hits;
      matcher.scan_near(haystack, anchors, &near_hits);
      if (near_hits.size() != fast_hits.size()) std::abort();
      for (std::size_t h = 0; h < near_hits.size(); ++h) {
        if (near_hits[h].begin != fast_hits[h].begin || near_hits[h].end != fast_hits[h].end ||
            near_hits[h].pattern != fast_hits[h].pattern) {
          std::abort();
        }
      }
    }
  }
  return 0;
}
