#include "proxy/server/masked_prompt.h"

#include <algorithm>
#include <tuple>

namespace switchyard::proxy {
namespace {

struct Mask {
  std::size_t segment;
  std::size_t begin;
  std::size_t end;
  const std::string* rule;
};

// Cuts `text` to at most `size` bytes without splitting a UTF-8 sequence.
void cut_utf8(std::string& text, std::size_t size) {
  if (text.size() <= size) return;
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  text.resize(size);
}

}  // namespace

MaskedPrompt mask_prompt(const std::vector<adapters::TextSegment>& segments,
                         const policy::Classification& classification, std::size_t max_bytes) {
  MaskedPrompt out;
  if (classification.classifier_error) {
    out.withheld = "classifier_error";  // what matched is unknown
    return out;
  }
  std::vector<Mask> masks;
  for (const auto& m : classification.matches) {
    // Every confirmed match has a span per piece of text it came from; one without (or pointing
    // outside the text) cannot be masked, so no copy is kept at all.
    if (m.spans.size() < m.count) {
      out.withheld = "unlocated_match";
      return out;
    }
    for (const auto& s : m.spans) {
      if (s.segment >= segments.size() || s.begin > s.end ||
          s.end > segments[s.segment].text.size()) {
        out.withheld = "unlocated_match";
        return out;
      }
      masks.push_back({s.segment, s.begin, s.end, &m.id});
    }
  }
  std::sort(masks.begin(), masks.end(), [](const Mask& a, const Mask& b) {
    return std::tie(a.segment, a.begin, b.end) < std::tie(b.segment, b.begin, a.end);
  });
  std::size_t next = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) out.text += '\n';
    const std::string& text = segments[i].text;
    std::size_t at = 0;  // copied up to here
    for (; next < masks.size() && masks[next].segment == i; ++next) {
      const Mask& mask = masks[next];
      if (mask.end <= at) continue;  // inside a span already masked
      if (mask.begin >= at) {
        out.text.append(text, at, mask.begin - at);
        out.text += "[REDACTED:" + *mask.rule + "]";
      }
      at = mask.end;  // an overlapping span extends the one before
    }
    out.text.append(text, at, std::string::npos);
    if (out.text.size() > max_bytes) break;
  }
  if (out.text.size() > max_bytes) {
    cut_utf8(out.text, max_bytes);
    out.truncated = true;
  }
  return out;
}

}  // namespace switchyard::proxy
