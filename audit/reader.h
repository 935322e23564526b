// Reading audit logs back: files mapped into memory, split into lines, verified (chain, MACs, seq
// continuity, file links) with each problem named in words, and decision/outcome records joined per
// request for `switchyard audit query|summary|report`. Pure functions over bytes, so the fuzzer and
// the tests drive them without files.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audit/chain.h"

namespace switchyard::audit {

// A read-only view of one file's bytes (memory-mapped; empty files map to an empty view).
class MappedFile {
 public:
  // Throws std::runtime_error naming the path and the reason.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  std::string_view content() const { return {data_, size_}; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
};

// One input: the name shown to people and the bytes.
struct LogFile {
  std::string name;
  std::string_view content;
};

// The fixed leading members every line starts with (docs/audit.md), read without a JSON parser.
// Views point into the line. Returns nullopt when the line does not start in that exact form.
struct RecordHead {
  std::uint64_t seq = 0;
  std::string_view ts;
  std::string_view event;
  std::string_view prev;
  std::string_view kid;
};
std::optional<RecordHead> parse_head(std::string_view line);

// The same members read with a JSON parser, for lines that do not verify (diagnosis only).
struct LooseHead {
  std::optional<std::uint64_t> seq;
  std::string ts, event, prev, kid;
};
std::optional<LooseHead> parse_loose_head(std::string_view line);

// What `verify` can find, in the words it prints.
enum class Problem : std::uint8_t {
  kEdited,         // MAC does not match the content
  kMissing,        // records absent: seq gap, prev does not link
  kReordered,      // a record out of seq order
  kInserted,       // a line that is not part of the chain (forged or a copy)
  kTruncatedTail,  // an incomplete last line (a crash mid-write, or a cut file)
  kWrongKey,       // no record verifies under the key given
  kBrokenLink,     // a record that verifies but does not link to the one before it
  kMalformed,      // not a record at all (no MAC member, not JSON)
};
std::string_view problem_name(Problem problem);

struct Finding {
  Problem problem;
  std::string file;
  std::uint64_t line = 0;  // 1-based
  std::string detail;      // a sentence for people
};

// Keys by key id; `fallback` serves records whose kid has no entry (the usual single-key case).
struct VerifyKeys {
  std::map<std::string, std::string, std::less<>> by_kid;
  std::optional<std::string> fallback;
};

struct VerifySummary {
  bool ok = true;                  // no problem found (notes do not count)
  std::optional<Finding> problem;  // the first problem; verification stops there
  std::vector<Finding> notes;  // noteworthy but not tampering (e.g. a truncated tail at the end)
  std::uint64_t records = 0;   // records that verified
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  std::uint64_t first_seq = 0, last_seq = 0;
  std::string first_ts, last_ts;
  std::vector<std::string> key_ids;  // distinct kids seen, in order of appearance
};

// Verifies files given in chain order. A truncated last line of the last file is a note (what a
// crash leaves), not a problem; anywhere else it is a problem.
VerifySummary verify_logs(std::span<const LogFile> files, const VerifyKeys& keys);

// Orders files by the seq of their first record (files whose first line has no readable seq go
// last, in their given order). Returns indexes into `files`.
std::vector<std::size_t> chain_order(std::span<const LogFile> files);

// How many bytes at the end of a file are zero: space the writer zero-filled ahead of its records
// (audit/zero_fill.h) and has not reached. A record line never holds a NUL byte, so this is never
// content; every reader stops before it.
std::size_t unwritten_tail(std::string_view content);

// Calls `visit` for every complete line of a file with its 1-based number; an incomplete last
// line (no newline) is passed with complete = false. Zero-filled space at the end is skipped.
void for_each_line(
    std::string_view content,
    const std::function<void(std::string_view line, std::uint64_t number, bool complete)>& visit);

// One request: its decision record joined with its outcome record (either may be missing).
struct RequestRow {
  std::string request_id;
  std::string ts;  // the decision's ts, else the outcome's
  std::string client, api, model, handling, level, upstream, upstream_model;
  bool stream = false;
  std::vector<std::string> rules;       // rule ids
  std::vector<std::string> categories;  // rule categories
  std::string policy_version;
  std::optional<std::int64_t> status;
  std::string error;  // the outcome's error code or message, empty when none
  std::optional<double> latency_ms, upstream_ms, overhead_ms;
  std::optional<std::int64_t> input_tokens, output_tokens;
  bool has_decision = false, has_outcome = false;
  // The shadow policy's verdict on the same request (decision records with `shadow`).
  bool has_shadow = false;
  std::string shadow_handling, shadow_level, shadow_policy_version;
  std::vector<std::string> shadow_rules;
};

// Parses every line of the files (in order) and joins records by request_id. Lines that are not
// JSON objects are skipped and counted in `unreadable`; other events (start, seal, policy_reload)
// are counted in `other_events`.
struct Joined {
  std::vector<RequestRow> rows;  // in order of first appearance
  std::uint64_t unreadable = 0;
  std::map<std::string, std::uint64_t> other_events;
};
Joined join_requests(std::span<const LogFile> files);

// The data of `switchyard audit report`, rendered as one self-contained HTML page (inline CSS and
// JS, no network). `title` names the files covered. Defined in audit_report_html.cpp.
std::string render_html_report(const std::vector<RequestRow>& rows, std::string_view title);

}  // namespace switchyard::audit
