// Fuzzes the joined view: the input, split at NUL bytes into up to eight segments, is joined
// without hints (the reference path). Every range of the view maps to ranges inside the segment it
// names (excerpts are in view order, not segment order: a range over several excerpts may go back
// to an earlier segment); the rewrite's map stays inside its input; a view is empty exactly when
// build says there is nothing to join.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "policies/joined_view.h"

using namespace switchyard::policy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (segments.size() < 8) {
    const std::size_t nul = input.find('\0', start);
    if (nul == std::string_view::npos) {
      segments.push_back(input.substr(start));
      break;
    }
    segments.push_back(input.substr(start, nul - start));
    start = nul + 1;
  }

  std::string rewritten;
  OffsetMap map;
  if (rewrite_for_joined_view(input, &rewritten, &map)) {
    if (map.view_size() != rewritten.size()) std::abort();
    for (std::size_t b = 0; b <= rewritten.size(); b += 1 + rewritten.size() / 16) {
      const auto [from, to] = map.map(b, rewritten.size());
      if (from > to || to > input.size()) std::abort();
    }
  }

  JoinedView view;
  const bool built = view.build(segments, nullptr);
  const std::string_view text = view.text();
  if (built == text.empty()) std::abort();
  std::vector<JoinedSource> sources;
  for (std::size_t b = 0; b < text.size(); b += 1 + text.size() / 16) {
    for (std::size_t e = b + 1; e <= text.size(); e += 1 + text.size() / 8) {
      view.map(b, e, &sources);
      for (const auto& s : sources) {
        if (s.segment >= segments.size()) std::abort();
        if (s.begin > s.end || s.end > segments[s.segment].size()) std::abort();
      }
    }
  }
  // Building again (the scratch is reused) gives the same view.
  JoinedView again;
  again.build(segments, nullptr);
  if (again.text() != text) std::abort();
  return 0;
}
