// TriggerScanner (see atom_scanner.h).
#include "policies/atom_scanner.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <tuple>

#include "policies/regex_analysis.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace switchyard::policy {

namespace {

constexpr std::size_t kBlock = 16;
constexpr std::size_t kMaxFingerprint = 9;  // bytes: eight pairs, one per byte of the shift-or
constexpr std::size_t kMaxDensityBlocks = 64;
constexpr std::uint8_t kWordStart = 1;  // Candidate::flags
constexpr std::uint8_t kWordEnd = 2;
constexpr std::uint8_t kWiderHead = 4;  // longer than its bucket's fingerprint

// The low min(size, 8) bytes of a word.
std::uint64_t byte_mask(std::size_t size) {
  return size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
}

bool is_word_byte(unsigned char b) {
  return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_';
}

unsigned char fold(unsigned char b) { return (b >= 'A' && b <= 'Z') ? b + 32 : b; }

// fold() on the eight bytes of a word at once: bytes that are ASCII (top bit clear) and in 'A'..'Z'
// get 0x20 added. The two sums cannot carry between bytes (at most 0x7F + 0x3F).
std::uint64_t fold8(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHigh = 0x8080808080808080u;
  const std::uint64_t low7 = x & ~kHigh;
  const std::uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;
  const std::uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;
  const std::uint64_t upper = at_least_a & ~above_z & ~x & kHigh;
  return x | (upper >> 2);
}

// Two text bytes as a table index (little-endian, as an unaligned 16-bit load reads them), with
// bits 5 and 7 of each byte dropped: the entries in use shrink from 512 to 32 KiB (64 values of
// each byte, in two runs of 32 per 256-entry row), the size of an L1 data cache, at the price of
// pairs that share an index also sharing their fits (verify() compares the real bytes). Bit 5 is
// the ASCII case of a letter, which the table ignores anyway (both cases of a literal's letters
// are entered); the mask 0x3F dropped bit 6 instead, which put every lower-case letter on a digit
// or a punctuation byte ('h' on '(', 'p' on '0'): "(at)" and " at " then made every "that " of
// English fit, and the fits of prose were twice those of 0x5F.
constexpr std::uint16_t kPairBits = 0x5F5F;
constexpr std::size_t kPairEntries = kPairBits + 1;
std::uint16_t pair_at(const unsigned char* p) {
  std::uint16_t v;
  std::memcpy(&v, p, 2);
  return v & kPairBits;
}

// The slot of a literal head (folded, masked to its bucket's length) in verify()'s lookup.
std::size_t head_slot(std::uint64_t head, int shift) {
  return static_cast<std::size_t>((head * 0x9E3779B97F4A7C15u) >> shift);
}

// The byte values a literal byte stands for (both ASCII cases of a letter).
int byte_forms(unsigned char b, unsigned char out[2]) {
  out[0] = b;
  if (b >= 'a' && b <= 'z') {
    out[1] = static_cast<unsigned char>(b - 32);
    return 2;
  }
  return 1;
}

// Whether byte b may stand before a word-start literal's first byte in valid UTF-8 (where no
// lead byte 0xC0..0xFF comes before an ASCII byte or another lead byte): not an ASCII word byte,
// nor a lead byte, which shares its index with a letter. Digits stay in, sharing theirs with
// continuation bytes 0x90..0x99 and 0xB0..0xB9, and '_' with 0xDF, 0xFF and DEL.
bool may_precede_word_start(std::uint16_t index) {
  const unsigned b = index & 0x5F;
  return !(b >= 'A' && b <= 'Z');
}

// Calls f(table index, distance) for each pair of a fingerprint of `length` bytes of `text`, and,
// when the fingerprint is at most eight bytes, for each pair of a byte before it and its first
// byte (distance length - 1): any byte, or for a word-start literal whose first byte is ASCII,
// only bytes that may_precede_word_start(). In prose a short word-start literal ("pt", "nda")
// mostly sits inside words, after a letter; that pair does not fit, so verify() never sees it.
template <class F>
void for_each_entry(const std::string& text, std::size_t length, bool word_start, F&& f) {
  if (length <= kMaxFingerprint - 1) {
    const bool bounded = word_start && static_cast<unsigned char>(text[0]) < 0x80;
    unsigned char first[2];
    const int n = byte_forms(static_cast<unsigned char>(text[0]), first);
    for (std::uint16_t before = 0; before < 0x60; ++before) {
      if ((before & 0x20) != 0 || (bounded && !may_precede_word_start(before))) continue;
      for (int a = 0; a < n; ++a) f((before | (first[a] << 8)) & kPairBits, length - 1);
    }
  }
  for (std::size_t i = 0; i + 1 < length; ++i) {
    unsigned char first[2];
    unsigned char second[2];
    const int n1 = byte_forms(static_cast<unsigned char>(text[i]), first);
    const int n2 = byte_forms(static_cast<unsigned char>(text[i + 1]), second);
    for (int a = 0; a < n1; ++a) {
      for (int b = 0; b < n2; ++b) f((first[a] | (second[b] << 8)) & kPairBits, length - 2 - i);
    }
  }
}

#if defined(__x86_64__)
bool has_vector_unit() {
  static const bool yes = __builtin_cpu_supports("ssse3") && __builtin_cpu_supports("popcnt");
  return yes;
}
bool has_avx2() {
  static const bool yes = has_vector_unit() && __builtin_cpu_supports("avx2");
  return yes;
}
#endif

}  // namespace

// The byte-class half of a scan. block() is shared by the vector and the portable loop and inlined
// into each, so the vector loop gets the popcnt instruction as well.
struct TriggerScanner::ByteScan {
  struct Entry {
    std::uint32_t block;
    std::uint16_t mask;
    std::uint16_t solid;
    std::uint32_t nonspace;  // before the block
    bool emitted;
  };
  // Recent blocks with bytes of a class that needs min_count bytes within span.
  struct Ring {
    // User-provided, so that value-initialization leaves `entries` alone: a scan used to zero and
    // copy all 16 rings (16 KiB), which was most of the cost of classifying a short prompt.
    Ring() {}                                      // NOLINT(modernize-use-equals-default)
    std::array<Entry, kMaxDensityBlocks> entries;  // [first, first + count) hold data
    std::size_t first = 0;
    std::size_t count = 0;
    std::size_t sum = 0;
  };
  struct Dense {
    std::uint64_t history = 0;   // bits 48..63: the class's bytes in `block`, below: earlier
    std::uint64_t reported = 0;  // the bits of history already reported
    std::size_t block = 0;
  };

  using Rings = std::array<Ring, kMaxClasses>;
  // The rings (16 KiB) are the thread's: allocating them per scan was a tenth of classifying a
  // short prompt. A scan calls nothing that scans again, so one set per thread serves every scan.
  static Rings& thread_rings() {
    thread_local Rings rings;
    return rings;
  }

  ByteScan(const TriggerScanner& s, std::string_view t, Hits* h)
      : scanner(s), text(t), hits(h), rings(thread_rings()) {
    for (std::size_t c = 0; c < s.classes_.size(); ++c) {
      rings[c].first = 0;
      rings[c].count = 0;
      rings[c].sum = 0;
    }
  }

  const TriggerScanner& scanner;
  std::string_view text;
  Hits* hits;
  std::array<std::uint16_t, kMaxClasses> class_masks{};
  Rings& rings;
  std::array<Dense, kMaxClasses> dense{};

  inline __attribute__((always_inline)) void emit(std::size_t block, std::size_t cls,
                                                  std::uint32_t mask, std::uint32_t solid,
                                                  std::uint32_t before) {
    auto& out = hits->by_class[cls];
    while (mask != 0) {
      const int j = std::countr_zero(mask);
      mask &= mask - 1;
      out.push_back({static_cast<std::uint32_t>(block * kBlock + static_cast<std::size_t>(j)),
                     before + static_cast<std::uint32_t>(std::popcount(solid & ((1u << j) - 1)))});
    }
  }

  // A class whose bytes matter only where min_count of them lie within span <= 48 bytes: the
  // last four blocks' bytes of the class are kept as bits; when some span ending at a byte of
  // this block holds min_count, every byte kept and not yet reported is reported (in order: all
  // earlier ones were reported with the previous cluster or never will be). `nonspace` is not
  // needed for such classes (bytes units only) and reported as 0.
  inline __attribute__((always_inline)) void dense_block(std::size_t block, std::size_t cls,
                                                         std::uint32_t mask,
                                                         const ClassSpec& spec) {
    Dense& d = dense[cls];
    const std::size_t shift = block - d.block;
    d.history = shift >= 4 ? 0 : d.history >> (16 * shift);
    d.reported = shift >= 4 ? 0 : d.reported >> (16 * shift);
    d.block = block;
    d.history |= static_cast<std::uint64_t>(mask) << 48;
    if (static_cast<std::size_t>(std::popcount(d.history)) < spec.min_count) return;
    const std::uint64_t width = (std::uint64_t{1} << spec.span) - 1;
    bool found = false;
    for (std::uint32_t ends = mask; ends != 0 && !found; ends &= ends - 1) {
      const auto last = static_cast<std::size_t>(48 + std::countr_zero(ends));
      found = static_cast<std::size_t>(
                  std::popcount((d.history >> (last + 1 - spec.span)) & width)) >= spec.min_count;
    }
    if (!found) return;
    std::uint64_t fresh = d.history & ~d.reported;
    d.reported |= fresh;
    auto& out = hits->by_class[cls];
    while (fresh != 0) {
      const int bit = std::countr_zero(fresh);
      fresh &= fresh - 1;
      out.push_back(
          {static_cast<std::uint32_t>(block * kBlock + static_cast<std::size_t>(bit) - 48), 0});
    }
  }

  // The same for wider spans, by whole blocks (a superset): once the blocks a span can touch
  // hold min_count bytes of the class, the recent blocks are reported.
  inline __attribute__((always_inline)) void coarse_block(std::size_t block, std::size_t c,
                                                          std::uint16_t mask, std::uint32_t solid,
                                                          std::uint32_t nonspace,
                                                          const ClassSpec& spec) {
    Ring& ring = rings[c];
    const std::size_t blocks = spec.span / kBlock + 2;
    while (ring.count > 0 && ring.entries[ring.first].block + blocks <= block) {
      ring.sum -= static_cast<std::size_t>(std::popcount(ring.entries[ring.first].mask));
      ring.first = (ring.first + 1) % kMaxDensityBlocks;
      --ring.count;
    }
    ring.entries[(ring.first + ring.count) % kMaxDensityBlocks] = {
        static_cast<std::uint32_t>(block), mask, static_cast<std::uint16_t>(solid), nonspace,
        false};
    ++ring.count;
    ring.sum += static_cast<std::size_t>(std::popcount(mask));
    if (ring.sum < spec.min_count) return;
    for (std::size_t k = 0; k < ring.count; ++k) {
      Entry& e = ring.entries[(ring.first + k) % kMaxDensityBlocks];
      if (e.emitted) continue;
      emit(e.block, c, e.mask, e.solid, e.nonspace);
      e.emitted = true;
    }
  }

  // candidates: bytes of the block that may belong to a class (a superset); solid: non-spaces;
  // nonspace: units (is_window_unit) before the block (the caller's local, kept in a register).
  inline __attribute__((always_inline)) void block(std::size_t block, std::uint32_t candidates,
                                                   std::uint32_t solid, std::uint32_t nonspace) {
    if (candidates == 0) return;
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    std::uint32_t touched = 0;
    while (candidates != 0) {
      const int j = std::countr_zero(candidates);
      candidates &= candidates - 1;
      const std::size_t position = block * kBlock + static_cast<std::size_t>(j);
      const std::uint32_t bits = scanner.byte_info_[data[position]];
      std::uint32_t classes = bits & 0xFFFF;
      touched |= classes;
      while (classes != 0) {
        const int c = std::countr_zero(classes);
        classes &= classes - 1;
        class_masks[static_cast<std::size_t>(c)] |= static_cast<std::uint16_t>(1u << j);
      }
      if (bits & kExoticLead) {
        const std::string_view rest = text.substr(position);
        if (rest.starts_with("\xC5\xBF") || rest.starts_with("\xE2\x84\xAA")) {
          hits->exotic_fold = true;
        }
      }
    }
    while (touched != 0) {
      const auto c = static_cast<std::size_t>(std::countr_zero(touched));
      touched &= touched - 1;
      const std::uint16_t mask = class_masks[c];
      class_masks[c] = 0;
      const ClassSpec& spec = scanner.classes_[c];
      if (spec.min_count <= 1) {
        emit(block, c, mask, solid, nonspace);
        continue;
      }
      if (spec.span <= 48) {
        dense_block(block, c, mask, spec);
      } else {
        coarse_block(block, c, mask, solid, nonspace, spec);
      }
    }
  }

  // Blocks from byte i on (a multiple of 16), one byte at a time.
  inline __attribute__((always_inline)) void bytes_from(std::size_t i, std::uint32_t nonspace) {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t b = i / kBlock; i < text.size(); i += kBlock, ++b) {
      const std::size_t length = std::min(kBlock, text.size() - i);
      std::uint32_t candidates = 0;
      std::uint32_t solid = 0;
      for (std::size_t j = 0; j < length; ++j) {
        const unsigned char c = data[i + j];
        if (scanner.nibble_lo_[c & 15] & scanner.nibble_hi_[c >> 4]) candidates |= 1u << j;
        if (is_window_unit(c)) solid |= 1u << j;
      }
      block(b, candidates, solid, nonspace);
      nonspace += static_cast<std::uint32_t>(std::popcount(solid));
    }
  }
};

TriggerScanner::TriggerScanner() = default;
TriggerScanner::~TriggerScanner() = default;
TriggerScanner::TriggerScanner(TriggerScanner&&) noexcept = default;
TriggerScanner& TriggerScanner::operator=(TriggerScanner&&) noexcept = default;

// The fingerprint length of each bucket: 2 to 9 bytes, a literal taking the longest that it has
// (literals of nine bytes and more share the nine). Lengths no literal has leave their bucket to
// the length with the most literals per bucket; when literals of nine bytes and more outnumber
// those of seven and eight together, the eights join the sevens (a fingerprint of seven bytes is
// nearly as rare in text) and leave them one more. On the packs the nines are the most (over half
// of the literals): in one bucket, the pairs at each distance of so many literals let a word of
// English in eight fit ("contribu", "provided"), 8,600 times per MiB of prose.
void TriggerScanner::choose_fingerprints() {
  std::array<std::size_t, kMaxFingerprint + 1> count{};
  for (const auto& literal : literals_) {
    if (literal.text.size() >= 2) ++count[std::min(literal.text.size(), kMaxFingerprint)];
  }
  if (count[8] > 0 && count[7] > 0 && count[9] > count[7] + count[8]) {
    count[7] += count[8];
    count[8] = 0;
  }
  std::array<std::size_t, kMaxFingerprint + 1> buckets{};
  std::size_t used = 0;
  for (std::size_t length = 2; length <= kMaxFingerprint; ++length) {
    if (count[length] > 0) {
      buckets[length] = 1;
      ++used;
    }
  }
  for (; used < 8; ++used) {
    std::size_t most = 0;  // the length with the most literals per bucket
    for (std::size_t length = 2; length <= kMaxFingerprint; ++length) {
      if (count[length] > 0 &&
          (most == 0 || count[length] * buckets[most] > count[most] * buckets[length])) {
        most = length;
      }
    }
    if (most == 0) most = 2;  // no literal at all: any length
    ++buckets[most];
  }
  std::size_t b = 0;
  for (std::size_t length = 2; length <= kMaxFingerprint; ++length) {
    for (std::size_t k = 0; k < buckets[length]; ++k) {
      fingerprint_[b++] = static_cast<std::uint8_t>(length);
    }
  }
}

void TriggerScanner::build(const std::vector<ClassSpec>& classes, std::vector<Literal> literals,
                           bool detect_exotic_fold) {
  classes_.assign(classes.begin(), classes.begin() + static_cast<std::ptrdiff_t>(
                                                         std::min(classes.size(), kMaxClasses)));
  for (auto& spec : classes_) {
    // The density filter keeps span / 16 + 2 blocks; beyond that, every byte is reported.
    // (The dense path reports no non-space counts.)
    if (spec.min_count <= 1 || spec.nonspace || spec.span / kBlock + 2 > kMaxDensityBlocks) {
      spec.min_count = 1;
    }
  }
  need_nonspace_ = false;
  for (const auto& spec : classes_) need_nonspace_ = need_nonspace_ || spec.nonspace;
  detect_exotic_fold_ = detect_exotic_fold;
  byte_info_.fill(0);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    for (std::size_t b = 0; b < 256; ++b) {
      if (classes_[c].bytes[b]) byte_info_[b] |= 1u << c;
    }
  }
  if (detect_exotic_fold_) {
    byte_info_[0xC5] |= kExoticLead;
    byte_info_[0xE2] |= kExoticLead;
  }
  // Nibble tables: one bit per distinct set of low nibbles of a high-nibble column; the last bit
  // takes the union of any beyond eight (a superset).
  nibble_lo_.fill(0);
  nibble_hi_.fill(0);
  std::vector<std::uint16_t> columns;
  for (int hi = 0; hi < 16; ++hi) {
    std::uint16_t lows = 0;
    for (int lo = 0; lo < 16; ++lo) {
      if (byte_info_[static_cast<std::size_t>(hi << 4 | lo)] != 0) lows |= 1u << lo;
    }
    if (lows == 0) continue;
    auto it = std::find(columns.begin(), columns.end(), lows);
    std::size_t bit = static_cast<std::size_t>(it - columns.begin());
    if (it == columns.end()) {
      if (columns.size() < 8) {
        columns.push_back(lows);
      } else {
        columns[7] |= lows;
        bit = 7;
      }
    }
    nibble_hi_[static_cast<std::size_t>(hi)] |= static_cast<std::uint8_t>(1u << bit);
  }
  for (std::size_t bit = 0; bit < columns.size(); ++bit) {
    for (int lo = 0; lo < 16; ++lo) {
      if (columns[bit] & (1u << lo)) {
        nibble_lo_[static_cast<std::size_t>(lo)] |= static_cast<std::uint8_t>(1u << bit);
      }
    }
  }

  // Literals: a literal's fingerprint is its first fingerprint_[b] bytes for its bucket b.
  literals_ = std::move(literals);
  for (auto& v : by_head_) v.clear();
  pair_mask_.reset();
  if (literals_.empty()) return;
  pair_mask_ = std::make_unique<std::uint64_t[]>(kPairEntries);
  choose_fingerprints();
  std::uint64_t fill = ~std::uint64_t{0};
  for (std::size_t b = 0; b < 8; ++b) {
    // Distances beyond the pair of a bucket's fingerprint start and the byte before it always fit.
    for (std::size_t k = fingerprint_[b]; k < 8; ++k) {
      fill &= ~(std::uint64_t{1} << (8 * k + b));
    }
  }
  std::fill(pair_mask_.get(), pair_mask_.get() + kPairEntries, fill);
  // In the order of their texts, so that literals with a common head meet in one bucket of
  // their length: among several, the one where the literal adds the fewest pairs to the table
  // (fewer pairs allowed at each distance, fewer fits on text that holds none of them).
  std::vector<std::uint32_t> order(literals_.size());
  for (std::uint32_t id = 0; id < order.size(); ++id) order[id] = id;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::tie(literals_[x].text, x) < std::tie(literals_[y].text, y);
  });
  std::array<std::size_t, 8> members{};
  for (const std::uint32_t id : order) {
    const std::string& text = literals_[id].text;
    if (text.size() < 2) continue;  // excluded by build()'s contract
    std::size_t length = 0;
    for (std::size_t b = 0; b < 8; ++b) {
      if (fingerprint_[b] <= text.size()) length = std::max<std::size_t>(length, fingerprint_[b]);
    }
    std::size_t bucket = 8;
    std::size_t fewest = 0;
    for (std::size_t b = 0; b < 8; ++b) {
      if (fingerprint_[b] != length) continue;
      std::size_t added = 0;
      for_each_entry(text, length, literals_[id].word_start,
                     [&](std::size_t index, std::size_t distance) {
                       added += (pair_mask_[index] >> (8 * distance + b)) & 1;
                     });
      if (bucket == 8 || std::tie(added, members[b]) < std::tie(fewest, members[bucket])) {
        bucket = b;
        fewest = added;
      }
    }
    ++members[bucket];
    for_each_entry(text, length, literals_[id].word_start,
                   [&](std::size_t index, std::size_t distance) {
                     pair_mask_[index] &= ~(std::uint64_t{1} << (8 * distance + bucket));
                   });
    Candidate candidate{};
    candidate.literal = id;
    candidate.size = static_cast<std::uint8_t>(std::min<std::size_t>(text.size(), 255));
    const bool wider = std::min<std::size_t>(text.size(), 8) > std::min<std::size_t>(length, 8);
    candidate.flags = static_cast<std::uint8_t>((literals_[id].word_start ? kWordStart : 0) |
                                                (literals_[id].word_end ? kWordEnd : 0) |
                                                (wider ? kWiderHead : 0));
    std::memcpy(&candidate.head, text.data(), std::min<std::size_t>(text.size(), 8));
    if (text.size() > 8) {
      const auto byte = [&](std::size_t k) {
        return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
      };
      candidate.next = static_cast<std::uint16_t>(byte(8) | (byte(9) << 8));
    }
    by_head_[bucket].push_back(candidate);
  }
  for (std::size_t b = 0; b < by_head_.size(); ++b) {
    head_mask_[b] = byte_mask(fingerprint_[b]);
    auto& list = by_head_[b];
    // At least twice as many slots as literals: most fits of prose land in an empty one.
    int bits = 4;
    while ((std::size_t{1} << bits) < 2 * list.size()) ++bits;
    const int shift = 64 - bits;
    slot_shift_[b] = shift;
    // A literal's slot is that of its fingerprint's bytes (those verify() hashes).
    const auto slot_of = [&](const Candidate& c) {
      return head_slot(c.head & head_mask_[b], shift);
    };
    std::sort(list.begin(), list.end(), [&](const Candidate& x, const Candidate& y) {
      return std::tuple(slot_of(x), x.literal) < std::tuple(slot_of(y), y.literal);
    });
    auto& begin = slot_begin_[b];
    begin.assign((std::size_t{1} << bits) + 1, 0);
    std::size_t k = 0;
    for (std::size_t slot = 0; slot < begin.size(); ++slot) {
      while (k < list.size() && slot_of(list[k]) < slot) ++k;
      begin[slot] = static_cast<std::uint32_t>(k);
    }
  }
}

bool TriggerScanner::tail_at(std::string_view text, std::size_t position,
                             const Candidate& candidate) const {
  const Literal& literal = literals_[candidate.literal];
  const std::size_t size = literal.text.size();
  if (position + size > text.size()) return false;
  for (std::size_t k = 8; k < size; ++k) {
    if (fold(static_cast<unsigned char>(text[position + k])) !=
        static_cast<unsigned char>(literal.text[k])) {
      return false;
    }
  }
  if (literal.word_start && position > 0 &&
      is_word_byte(static_cast<unsigned char>(text[position - 1]))) {
    return false;
  }
  if (literal.word_end && position + size < text.size() &&
      is_word_byte(static_cast<unsigned char>(text[position + size]))) {
    return false;
  }
  return true;
}

void TriggerScanner::verify(std::string_view text, std::size_t end_pair, unsigned buckets,
                            Hits* hits) const {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  while (buckets != 0) {
    const auto bucket = static_cast<std::size_t>(std::countr_zero(buckets));
    buckets &= buckets - 1;
    const std::size_t length = fingerprint_[bucket];
    if (end_pair + 2 < length) continue;
    const std::size_t start = end_pair + 2 - length;
    if (n - start < length) continue;
    // The text's head at `start`, folded and cut to the fingerprint's length: one hash, and the
    // literals under it compared whole (a literal of eight bytes or fewer is its head).
    std::uint64_t word = 0;
    if (n - start >= 8) [[likely]] {
      std::memcpy(&word, data + start, 8);  // one load
    } else {
      std::memcpy(&word, data + start, n - start);
    }
    const std::uint64_t folded = fold8(word);
    const std::uint64_t head = folded & head_mask_[bucket];
    const std::size_t slot = head_slot(head, slot_shift_[bucket]);
    const Candidate* const list = by_head_[bucket].data();
    const std::uint32_t* const begin = slot_begin_[bucket].data();
    for (const Candidate *it = list + begin[slot], *end = list + begin[slot + 1]; it != end; ++it) {
      if ((it->flags & kWiderHead) == 0) {
        if (it->head != head) continue;
      } else if (n - start < std::min<std::size_t>(it->size, 8) ||
                 it->head != (folded & byte_mask(it->size))) {
        continue;  // a literal longer than its fingerprint (eight bytes with the sevens)
      }
      bool found;
      if (it->size <= 8) {
        const std::size_t after = start + it->size;
        found = !((it->flags & kWordStart) != 0 && start > 0 && is_word_byte(data[start - 1])) &&
                !((it->flags & kWordEnd) != 0 && after < n && is_word_byte(data[after]));
      } else {
        if (start + it->size > n) continue;
        const unsigned ninth = fold(data[start + 8]);
        const unsigned tenth = it->size > 9 ? fold(data[start + 9]) : 0;
        if ((ninth | (tenth << 8)) != it->next) continue;
        found = tail_at(text, start, *it);
      }
      if (found) {
        // Kept in order as they come: a hit starts at most eight bytes before end_pair, so it
        // moves back past the few hits of those bytes only (sorting all of them cost more).
        auto& out = hits->literals;
        out.push_back({it->literal, static_cast<std::uint32_t>(start)});
        for (std::size_t k = out.size() - 1; k > 0 && out[k] < out[k - 1]; --k) {
          std::swap(out[k], out[k - 1]);
        }
      }
    }
  }
}

#if defined(__SSE2__)
namespace {

// The shift-or reads its table index from a copy of the text with kPairBits applied to every byte
// (a 16-bit load of the copy is the index): one AND per pair less in the loop, for a copy that
// costs a few instructions per 32 bytes. The copy is made a chunk at a time, in the thread's
// buffer, so that it stays in the L1 cache.
constexpr std::size_t kMaskedChunk = 4096;  // pairs per chunk; a multiple of eight
struct alignas(32) MaskedChunk {
  unsigned char bytes[kMaskedChunk + 32];
};

void mask_bytes_sse2(const unsigned char* in, std::size_t n, unsigned char* out) {
  const __m128i bits = _mm_set1_epi8(static_cast<char>(kPairBits & 0xFF));
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    _mm_store_si128(reinterpret_cast<__m128i*>(out + i), _mm_and_si128(v, bits));
  }
  for (; i < n; ++i) out[i] = static_cast<unsigned char>(in[i] & (kPairBits & 0xFF));
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) void mask_bytes_avx2(const unsigned char* in, std::size_t n,
                                                     unsigned char* out) {
  const __m256i bits = _mm256_set1_epi8(static_cast<char>(kPairBits & 0xFF));
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i + 32));
    _mm256_store_si256(reinterpret_cast<__m256i*>(out + i), _mm256_and_si256(a, bits));
    _mm256_store_si256(reinterpret_cast<__m256i*>(out + i + 32), _mm256_and_si256(b, bits));
  }
  mask_bytes_sse2(in + i, n - i, out + i);
}
#endif

void mask_bytes(const unsigned char* in, std::size_t n, unsigned char* out) {
#if defined(__x86_64__)
  if (has_avx2()) {
    mask_bytes_avx2(in, n, out);
    return;
  }
#endif
  mask_bytes_sse2(in, n, out);
}

}  // namespace
#endif

// Shift-or over byte pairs. For the pair ending a fingerprint at j, bucket b fits when byte k of
// table[pair at j - k] has bit b clear for k = 0..7. Eight pairs at a time: entry q of a block is
// shifted up q bytes and ORed in, so byte q of the sum holds position q of this block and the bytes
// above 8 carry over to the next block.
void TriggerScanner::scan_literals(std::string_view text, Hits* hits) const {
  if (literals_.empty() || text.size() < 2) return;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint64_t* table = pair_mask_.get();
  const std::size_t pairs = text.size() - 1;
  std::size_t j = 0;
  // Before the text every distance fits; verify() rejects fingerprints that would start there.
  std::uint64_t state = 0;
#if defined(__SSE2__)
  __m128i pending = _mm_setzero_si128();
  if (pairs >= 8) {
    thread_local MaskedChunk chunk;
    unsigned char* const masked = chunk.bytes;
    for (std::size_t base = 0; base + 8 <= pairs; base += kMaskedChunk) {
      // Blocks of eight pairs starting in [base, base + kMaskedChunk) that lie in the text; they
      // read bytes up to their last pair's second byte.
      const std::size_t last = std::min(base + kMaskedChunk, pairs - pairs % 8);
      mask_bytes(data + base, last - base + 1, masked);
      // Two blocks of eight pairs per round, their fits tested together (prose has few).
      const auto block_sum = [&](const unsigned char* block) {
        const auto entry = [&](std::size_t q) {
          std::uint16_t index;
          std::memcpy(&index, block + q, 2);
          return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(table + index));
        };
        // A tree of ORs: short dependency chains, so that blocks overlap in the pipeline.
        const __m128i s01 = _mm_or_si128(entry(0), _mm_slli_si128(entry(1), 1));
        const __m128i s23 = _mm_or_si128(_mm_slli_si128(entry(2), 2), _mm_slli_si128(entry(3), 3));
        const __m128i s45 = _mm_or_si128(_mm_slli_si128(entry(4), 4), _mm_slli_si128(entry(5), 5));
        const __m128i s67 = _mm_or_si128(_mm_slli_si128(entry(6), 6), _mm_slli_si128(entry(7), 7));
        return _mm_or_si128(_mm_or_si128(s01, s23), _mm_or_si128(s45, s67));
      };
      const auto report = [&](std::size_t at, std::uint64_t fit) {
        while (fit != 0) {
          const int q = std::countr_zero(fit) / 8;
          verify(text, at + static_cast<std::size_t>(q),
                 static_cast<unsigned>((fit >> (8 * q)) & 0xFF), hits);
          fit &= ~(std::uint64_t{0xFF} << (8 * q));
        }
      };
      const unsigned char* block = masked;
      for (j = base; j + 16 <= last; j += 16, block += 16) {
        const __m128i first = block_sum(block);
        const __m128i second = block_sum(block + 8);
        const __m128i result_first = _mm_or_si128(first, pending);
        const __m128i result_second = _mm_or_si128(second, _mm_srli_si128(first, 8));
        pending = _mm_srli_si128(second, 8);
        const auto state_first = static_cast<std::uint64_t>(_mm_cvtsi128_si64(result_first));
        const auto state_second = static_cast<std::uint64_t>(_mm_cvtsi128_si64(result_second));
        if ((state_first & state_second) != ~std::uint64_t{0}) [[unlikely]] {
          report(j, ~state_first);
          report(j + 8, ~state_second);
        }
      }
      if (j < last) {  // one block of eight left
        const __m128i sum = block_sum(block);
        const __m128i result = _mm_or_si128(sum, pending);
        pending = _mm_srli_si128(sum, 8);
        report(j, ~static_cast<std::uint64_t>(_mm_cvtsi128_si64(result)));
        j += 8;
      }
    }
  }
  // The contributions still pending are bytes 1.. of the chain state below.
  state = static_cast<std::uint64_t>(_mm_cvtsi128_si64(pending)) << 8;
#endif
  for (; j < pairs; ++j) {
    state = (state >> 8) | table[pair_at(data + j)];
    const unsigned fit = static_cast<std::uint8_t>(~state);
    if (fit != 0) [[unlikely]] {
      verify(text, j, fit, hits);
    }
  }
}

void TriggerScanner::scan_bytes_portable(std::string_view text, Hits* hits) const {
  if (classes_.empty() && !detect_exotic_fold_) return;
  ByteScan scan(*this, text, hits);
  scan.bytes_from(0, 0);
}

#if defined(__x86_64__)
namespace {

// The bytes of v whose nibbles both fit a common bit of the tables (Shufti).
__attribute__((target("ssse3"), always_inline)) inline std::uint32_t nibble_candidates(
    __m128i v, __m128i lo_table, __m128i hi_table, __m128i low_nibble, __m128i zero) {
  const __m128i lo = _mm_and_si128(v, low_nibble);
  const __m128i hi = _mm_and_si128(_mm_srli_epi16(v, 4), low_nibble);
  const __m128i m = _mm_and_si128(_mm_shuffle_epi8(lo_table, lo), _mm_shuffle_epi8(hi_table, hi));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(m, zero))) ^ 0xFFFFu;
}

// The same for 32 bytes.
__attribute__((target("avx2"), always_inline)) inline std::uint32_t nibble_candidates32(
    __m256i v, __m256i lo_table, __m256i hi_table, __m256i low_nibble) {
  const __m256i lo = _mm256_and_si256(v, low_nibble);
  const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low_nibble);
  const __m256i m =
      _mm256_and_si256(_mm256_shuffle_epi8(lo_table, lo), _mm256_shuffle_epi8(hi_table, hi));
  return ~static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(m, _mm256_setzero_si256())));
}

// Out of line, so that the vector loop below stays small; popcnt like the loop.
__attribute__((target("popcnt"), noinline)) void handle_block(TriggerScanner::ByteScan* scan,
                                                              std::size_t block,
                                                              std::uint32_t candidates,
                                                              std::uint32_t solid,
                                                              std::uint32_t nonspace) {
  scan->block(block, candidates, solid, nonspace);
}

}  // namespace

__attribute__((target("ssse3,popcnt"))) void TriggerScanner::scan_bytes_vector(
    std::string_view text, Hits* hits) const {
  if (classes_.empty() && !detect_exotic_fold_) return;
  ByteScan scan_state(*this, text, hits);
  ByteScan* const scan = &scan_state;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const __m128i low_nibble = _mm_set1_epi8(0x0F);
  const __m128i zero = _mm_setzero_si128();
  const __m128i lo_table = _mm_load_si128(reinterpret_cast<const __m128i*>(nibble_lo_.data()));
  const __m128i hi_table = _mm_load_si128(reinterpret_cast<const __m128i*>(nibble_hi_.data()));
  std::size_t i = 0;
  std::uint32_t nonspace = 0;
  if (!need_nonspace_) {
    for (; i + kBlock <= n; i += kBlock) {
      const auto candidates =
          nibble_candidates(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)), lo_table,
                            hi_table, low_nibble, zero);
      if (candidates != 0) [[unlikely]] {
        handle_block(scan, i / kBlock, candidates, 0, 0);
      }
    }
  } else {
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i tab = _mm_set1_epi8(0x09);
    const __m128i four = _mm_set1_epi8(4);
    const __m128i continuation = _mm_set1_epi8(-64);
    for (; i + kBlock <= n; i += kBlock) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      const auto candidates = nibble_candidates(v, lo_table, hi_table, low_nibble, zero);
      // No units: ' ', 0x09..0x0D (v - 9 <= 4, unsigned) and continuation bytes (below -64,
      // signed).
      const __m128i shifted = _mm_sub_epi8(v, tab);
      const __m128i ws =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmplt_epi8(v, continuation)),
                       _mm_cmpeq_epi8(_mm_min_epu8(shifted, four), shifted));
      const auto solid = static_cast<std::uint32_t>(_mm_movemask_epi8(ws)) ^ 0xFFFFu;
      if (candidates != 0) [[unlikely]] {
        handle_block(scan, i / kBlock, candidates, solid, nonspace);
      }
      nonspace += static_cast<std::uint32_t>(std::popcount(solid));
    }
  }
  scan->bytes_from(i, nonspace);
}

// The same 32 bytes at a time (the nibble tables repeat in both halves); each 16-byte half is one
// block of the handler. Prose has few candidates, so most of the time goes to this loop.
__attribute__((target("avx2,popcnt"))) void TriggerScanner::scan_bytes_avx2(std::string_view text,
                                                                            Hits* hits) const {
  if (classes_.empty() && !detect_exotic_fold_) return;
  ByteScan scan_state(*this, text, hits);
  ByteScan* const scan = &scan_state;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i lo_table = _mm256_broadcastsi128_si256(
      _mm_load_si128(reinterpret_cast<const __m128i*>(nibble_lo_.data())));
  const __m256i hi_table = _mm256_broadcastsi128_si256(
      _mm_load_si128(reinterpret_cast<const __m128i*>(nibble_hi_.data())));
  constexpr std::size_t kWide = 2 * kBlock;
  std::size_t i = 0;
  std::uint32_t nonspace = 0;
  if (!need_nonspace_) {
    for (; i + kWide <= n; i += kWide) {
      const std::uint32_t candidates =
          nibble_candidates32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i)),
                              lo_table, hi_table, low_nibble);
      if (candidates != 0) [[unlikely]] {
        if ((candidates & 0xFFFF) != 0) handle_block(scan, i / kBlock, candidates & 0xFFFF, 0, 0);
        if ((candidates >> 16) != 0) handle_block(scan, i / kBlock + 1, candidates >> 16, 0, 0);
      }
    }
  } else {
    const __m256i space = _mm256_set1_epi8(' ');
    const __m256i tab = _mm256_set1_epi8(0x09);
    const __m256i four = _mm256_set1_epi8(4);
    const __m256i continuation = _mm256_set1_epi8(-64);
    for (; i + kWide <= n; i += kWide) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i));
      const std::uint32_t candidates = nibble_candidates32(v, lo_table, hi_table, low_nibble);
      // No units: ' ', 0x09..0x0D (v - 9 <= 4, unsigned) and continuation bytes (below -64,
      // signed).
      const __m256i shifted = _mm256_sub_epi8(v, tab);
      const __m256i ws = _mm256_or_si256(
          _mm256_or_si256(_mm256_cmpeq_epi8(v, space), _mm256_cmpgt_epi8(continuation, v)),
          _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, four), shifted));
      const std::uint32_t solid = ~static_cast<std::uint32_t>(_mm256_movemask_epi8(ws));
      if (candidates != 0) [[unlikely]] {
        if ((candidates & 0xFFFF) != 0) {
          handle_block(scan, i / kBlock, candidates & 0xFFFF, solid & 0xFFFF, nonspace);
        }
        if ((candidates >> 16) != 0) {
          handle_block(scan, i / kBlock + 1, candidates >> 16, solid >> 16,
                       nonspace + static_cast<std::uint32_t>(std::popcount(solid & 0xFFFF)));
        }
      }
      nonspace += static_cast<std::uint32_t>(std::popcount(solid));
    }
  }
  // The last bytes (a whole short prompt) the same way, from a padded copy: one at a time they
  // cost as much as the rest of a short scan. Lanes past the text are masked off.
  if (i < n) {
    alignas(32) unsigned char tail[kWide] = {};
    std::memcpy(tail, data + i, n - i);
    const __m256i v = _mm256_load_si256(reinterpret_cast<const __m256i*>(tail));
    const std::uint32_t valid = (std::uint32_t{1} << (n - i)) - 1;  // n - i < 32
    const std::uint32_t candidates = nibble_candidates32(v, lo_table, hi_table, low_nibble) & valid;
    std::uint32_t solid = 0;
    if (need_nonspace_) {
      const __m256i shifted = _mm256_sub_epi8(v, _mm256_set1_epi8(0x09));
      const __m256i ws = _mm256_or_si256(
          _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')),
                          _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v)),
          _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, _mm256_set1_epi8(4)), shifted));
      solid = ~static_cast<std::uint32_t>(_mm256_movemask_epi8(ws)) & valid;
    }
    if ((candidates & 0xFFFF) != 0) {
      handle_block(scan, i / kBlock, candidates & 0xFFFF, solid & 0xFFFF, nonspace);
    }
    if ((candidates >> 16) != 0) {
      handle_block(scan, i / kBlock + 1, candidates >> 16, solid >> 16,
                   nonspace + static_cast<std::uint32_t>(std::popcount(solid & 0xFFFF)));
    }
  }
}
#endif

void TriggerScanner::scan(std::string_view text, Hits* hits, Unit unit) const {
  hits->by_class.resize(classes_.size());
  for (auto& v : hits->by_class) v.clear();
  hits->literals.clear();
  hits->exotic_fold = false;
#if defined(__x86_64__)
  if (unit == Unit::kBest && has_avx2()) {
    scan_bytes_avx2(text, hits);
  } else if (unit != Unit::kPortable && has_vector_unit()) {
    scan_bytes_vector(text, hits);
  } else {
    scan_bytes_portable(text, hits);
  }
#else
  (void)unit;
  scan_bytes_portable(text, hits);
#endif
  scan_literals(text, hits);
}

}  // namespace switchyard::policy
