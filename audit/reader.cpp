// Verification of audit logs and the per-request join behind query, summary and report.
#include "audit/reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace switchyard::audit {
namespace {

namespace json = boost::json;

// ---------- fast head parsing ----------

bool eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// A JSON string body without escapes, up to its closing quote.
bool plain_string(std::string_view& s, std::string_view& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      out = s.substr(0, i);
      s.remove_prefix(i + 1);
      return true;
    }
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return false;
}

std::string string_member(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return {};
  if (v->is_string()) return std::string(v->get_string());
  if (v->is_int64()) return std::to_string(v->get_int64());
  if (v->is_uint64()) return std::to_string(v->get_uint64());
  if (v->is_object()) {
    // e.g. client: {"name": ...}, error: {"code": ..., "message": ...}
    for (const char* inner : {"name", "code", "type", "message", "id"}) {
      if (const auto* s = v->get_object().if_contains(inner); s != nullptr && s->is_string()) {
        return std::string(s->get_string());
      }
    }
  }
  return {};
}

std::optional<double> number_member(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_double()) return v->get_double();
  if (v->is_int64()) return static_cast<double>(v->get_int64());
  if (v->is_uint64()) return static_cast<double>(v->get_uint64());
  return std::nullopt;
}

std::optional<std::int64_t> integer_member(const json::object& o,
                                           std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    if (const auto n = number_member(o, key)) return static_cast<std::int64_t>(*n);
  }
  return std::nullopt;
}

// ---------- verification ----------

struct LineRef {
  std::uint32_t file;
  std::uint64_t number;
  std::string_view text;
  bool complete;
};

class Verifier {
 public:
  Verifier(std::span<const LogFile> files, const VerifyKeys& keys) : files_(files) {
    for (const auto& [kid, key] : keys.by_kid) {
      keys_.emplace(kid, std::make_unique<HmacSha256>(key));
    }
    if (keys.fallback) fallback_ = std::make_unique<HmacSha256>(*keys.fallback);
    for (std::uint32_t f = 0; f < files.size(); ++f) {
      const std::size_t zeros = unwritten_tail(files[f].content);
      summary_.bytes += files[f].content.size() - zeros;
      std::uint64_t last = 0;
      for_each_line(files[f].content, [&](std::string_view text, std::uint64_t n, bool complete) {
        lines_.push_back({f, n, text, complete});
        last = n;
      });
      if (zeros > 0) zero_tails_.push_back({f, last, zeros});
    }
    summary_.files = files.size();
    last_event_.assign(files.size(), {});
  }

  VerifySummary run() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!check(i)) {
        summary_.ok = false;
        break;
      }
    }
    if (summary_.ok) closing_notes();
    summary_.first_ts = std::string(first_ts_);
    summary_.last_ts = std::string(last_ts_);
    return std::move(summary_);
  }

 private:
  HmacSha256* key_for(std::string_view kid) {
    if (auto it = keys_.find(kid); it != keys_.end()) return it->second.get();
    return fallback_.get();
  }

  // The head of a line whose MAC verifies, or nullopt.
  std::optional<RecordHead> verified(const LineRef& line) {
    if (line.text.empty()) return std::nullopt;
    const auto head = parse_head(line.text);
    if (!head) return std::nullopt;
    HmacSha256* key = key_for(head->kid);
    if (key == nullptr || !mac_matches(*key, line.text)) return std::nullopt;
    return head;
  }

  std::string where(const LineRef& line) const {
    return files_[line.file].name + ":" + std::to_string(line.number);
  }

  void fail(const LineRef& line, Problem problem, std::string detail) {
    summary_.problem = Finding{problem, files_[line.file].name, line.number, std::move(detail)};
  }

  void note(const LineRef& line, Problem problem, std::string detail) {
    summary_.notes.push_back(
        Finding{problem, files_[line.file].name, line.number, std::move(detail)});
  }

  bool links(const RecordHead& head) const {
    return have_prev_ && hex_equals(prev_hash_, head.prev);
  }

  bool check(std::size_t i) {
    const LineRef& line = lines_[i];
    const auto head = verified(line);
    if (!line.complete) return incomplete(i, head);
    if (!head) return unverified(i);
    return chained(i, *head);
  }

  bool incomplete(std::size_t i, const std::optional<RecordHead>& head) {
    const LineRef& line = lines_[i];
    if (head) {
      // A whole record that only lacks its newline: judge it like any other record.
      if (!chained(i, *head)) return false;
      note(line, Problem::kTruncatedTail,
           "the last record has no final newline (it verifies; nothing is missing)");
      return true;
    }
    const bool last_file = line.file + 1 == files_.size();
    std::string detail = "truncated tail: the last line is incomplete (" +
                         std::to_string(line.text.size()) + " bytes)";
    if (last_file) {
      note(line, Problem::kTruncatedTail,
           detail +
               ", as a crash in the middle of a write leaves it; it was never reported "
               "durable, and every record before it verifies");
      return true;
    }
    fail(line, Problem::kTruncatedTail,
         detail + " in a file that is not the last one; the file was cut short");
    return false;
  }

  bool unverified(std::size_t i) {
    const LineRef& line = lines_[i];
    const auto loose = line.text.empty() ? std::nullopt : parse_loose_head(line.text);
    if (loose && !loose->kid.empty() && key_for(loose->kid) == nullptr) {
      fail(line, Problem::kWrongKey,
           "no key was given for key id '" + loose->kid + "' (pass --key " + loose->kid +
               "=ENV_NAME)");
      return false;
    }
    if (summary_.records == 0 && !any_verifies(i + 1)) {
      std::string detail = "wrong key: no record verifies with the key given";
      if (loose && !loose->kid.empty()) detail += " (the records name key id '" + loose->kid + "')";
      fail(line, line.text.empty() || !loose ? Problem::kMalformed : Problem::kWrongKey,
           line.text.empty() || !loose ? "not an audit record, and no line verifies" : detail);
      return false;
    }
    // Does the next record link across this line, as if it were not there?
    std::optional<RecordHead> next;
    if (i + 1 < lines_.size()) next = verified(lines_[i + 1]);
    const bool next_skips_this =
        next && (!expected_seq_ || next->seq == *expected_seq_) && (!have_prev_ || links(*next));
    if (line.text.empty()) {
      fail(line, Problem::kInserted, "inserted: an empty line inside the log");
      return false;
    }
    if (next_skips_this) {
      fail(line, Problem::kInserted,
           "inserted: this line is not part of the chain; the next record (seq " +
               std::to_string(next->seq) + ") links to the record before it");
      return false;
    }
    if (!loose) {
      fail(line, Problem::kEdited,
           "edited: the line is no longer a valid audit record (a record was replaced or "
           "damaged)");
      return false;
    }
    const bool seq_fits = loose->seq && (!expected_seq_ || *loose->seq == *expected_seq_);
    if (!next && i + 1 == lines_.size() && !seq_fits) {
      fail(line, Problem::kInserted,
           "inserted: a line appended at the end that does not verify and does not continue "
           "the chain");
      return false;
    }
    std::string detail = "edited: the MAC does not match the content";
    if (loose->seq) detail += " of record seq " + std::to_string(*loose->seq);
    detail += "; the record was changed after it was written";
    fail(line, Problem::kEdited, detail);
    return false;
  }

  bool any_verifies(std::size_t from) {
    for (std::size_t j = from; j < lines_.size(); ++j) {
      if (verified(lines_[j])) return true;
    }
    return false;
  }

  // A record whose MAC verifies: does it continue the chain?
  bool chained(std::size_t i, const RecordHead& head) {
    const LineRef& line = lines_[i];
    const bool new_file = i == 0 || lines_[i - 1].file != line.file;
    if (!expected_seq_) {
      if (head.prev != kGenesisPrev) {
        note(line, Problem::kMissing,
             "the first record (seq " + std::to_string(head.seq) +
                 ") continues a file not given here; verification starts from it");
      }
    } else if (head.seq != *expected_seq_ || !links(head)) {
      return broken(i, head, new_file);
    }
    accept(i, head, new_file);
    return true;
  }

  bool broken(std::size_t i, const RecordHead& head, bool new_file) {
    const LineRef& line = lines_[i];
    const std::uint64_t expected = *expected_seq_;
    const std::string previous_file = new_file && i > 0 ? files_[lines_[i - 1].file].name : "";
    if (head.seq == expected) {
      fail(line, Problem::kBrokenLink,
           new_file ? "broken link: this file does not continue " + previous_file +
                          " (its first record's prev is not the hash of that file's last line)"
                    : "broken link: the record (seq " + std::to_string(head.seq) +
                          ") does not link to the line before it; that line was replaced");
      return false;
    }
    if (head.seq > expected) {
      for (std::size_t j = i + 1; j < lines_.size(); ++j) {
        const auto later = parse_head(lines_[j].text);
        if (later && later->seq == expected && verified(lines_[j])) {
          fail(line, Problem::kReordered,
               "reordered: seq " + std::to_string(head.seq) + " comes before seq " +
                   std::to_string(expected) + ", which is at " + where(lines_[j]));
          return false;
        }
      }
      const std::string range =
          head.seq == expected + 1
              ? "seq " + std::to_string(expected) + " is"
              : "seq " + std::to_string(expected) + " to " + std::to_string(head.seq - 1) + " are";
      fail(line, Problem::kMissing,
           new_file ? "missing: records " + range.substr(4) + " absent between " + previous_file +
                          " and this file (a file or records were removed)"
                    : "missing: " + range + " absent before this line (records were removed)");
      return false;
    }
    // An earlier seq again: a copy of a record already seen, or a record moved down.
    for (std::size_t j = i; j-- > 0;) {
      if (lines_[j].text == line.text) {
        fail(line, Problem::kInserted,
             "inserted: a copy of the record at " + where(lines_[j]) + " (seq " +
                 std::to_string(head.seq) + ")");
        return false;
      }
    }
    fail(line, Problem::kReordered,
         "reordered: seq " + std::to_string(head.seq) + " comes after seq " +
             std::to_string(expected - 1));
    return false;
  }

  void accept(std::size_t i, const RecordHead& head, bool new_file) {
    const LineRef& line = lines_[i];
    if (new_file && i > 0 && summary_.records > 0) {
      // The first record of a rotated file names its predecessor; a copy may have been renamed,
      // so a different name is only a note.
      const auto start = parse_loose_object(line.text);
      const std::string& previous = files_[lines_[i - 1].file].name;
      if (start) {
        const std::string named = string_member(*start, "previous_file");
        const auto slash = previous.find_last_of('/');
        const std::string base = slash == std::string::npos ? previous : previous.substr(slash + 1);
        if (!named.empty() && named != base) {
          note(line, Problem::kBrokenLink,
               "this file names its predecessor '" + named + "' but follows " + previous +
                   " (the chain links, so the file was only renamed)");
        }
      }
    }
    sha_prev(line.text);
    expected_seq_ = head.seq + 1;
    if (summary_.records == 0) {
      summary_.first_seq = head.seq;
      first_ts_ = head.ts;
    }
    summary_.last_seq = head.seq;
    last_ts_ = head.ts;
    ++summary_.records;
    if (std::find(summary_.key_ids.begin(), summary_.key_ids.end(), head.kid) ==
        summary_.key_ids.end()) {
      summary_.key_ids.emplace_back(head.kid);
    }
    last_event_[line.file] = {head.event, line.number};
  }

  void sha_prev(std::string_view text) {
    prev_hash_ = sha_.digest(text);
    have_prev_ = true;
  }

  static std::optional<json::object> parse_loose_object(std::string_view text) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.get_object());
  }

  void closing_notes() {
    for (const auto& tail : zero_tails_) {
      // Not a problem: the writer zero-fills ahead of its records, and a file still being written
      // (or left by a crash) ends in that space.
      note(LineRef{tail.file, tail.after_line, {}, true}, Problem::kTruncatedTail,
           "unwritten space: " + std::to_string(tail.bytes) +
               " zero bytes after the last record (zero-filled ahead of the writer; not content)");
    }
    for (std::uint32_t f = 0; f < files_.size(); ++f) {
      const auto& [event, number] = last_event_[f];
      if (event.empty()) continue;
      if (event != "seal") {
        const LineRef at{f, number, {}, true};
        note(at, Problem::kTruncatedTail,
             f + 1 == files_.size()
                 ? "the last file is not sealed: the proxy is still writing it, or stopped "
                   "without shutting down"
                 : "this file ends without a seal record (the next file still links to it)");
      }
    }
  }

  std::span<const LogFile> files_;
  std::map<std::string, std::unique_ptr<HmacSha256>, std::less<>> keys_;
  std::unique_ptr<HmacSha256> fallback_;
  std::vector<LineRef> lines_;
  struct ZeroTail {
    std::uint32_t file;
    std::uint64_t after_line;
    std::size_t bytes;
  };
  std::vector<ZeroTail> zero_tails_;
  VerifySummary summary_;
  Sha256 sha_;
  Digest prev_hash_{};
  bool have_prev_ = false;
  std::optional<std::uint64_t> expected_seq_;
  std::vector<std::pair<std::string_view, std::uint64_t>> last_event_;  // per file
  std::string_view first_ts_, last_ts_;  // copied into the summary at the end
};

}  // namespace

// ---------- MappedFile ----------

MappedFile::MappedFile(const std::string& path) : path_(path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw std::runtime_error(path + ": " + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw std::runtime_error(path + ": is a directory");
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    void* data =
        ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    const int err = errno;
    ::close(fd);
    if (data == MAP_FAILED) throw std::runtime_error(path + ": " + std::strerror(err));
    ::madvise(data, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(data);
    size_ = static_cast<std::size_t>(st.st_size);
    mapped_ = true;
    return;
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : path_(std::move(other.path_)),
      data_(other.data_),
      size_(other.size_),
      mapped_(other.mapped_) {
  other.data_ = nullptr;
  other.size_ = 0;
  other.mapped_ = false;
}

// ---------- parsing ----------

std::optional<RecordHead> parse_head(std::string_view line) {
  RecordHead head;
  std::string_view s = line;
  if (!eat(s, "{\"seq\":")) return std::nullopt;
  std::size_t digits = 0;
  std::uint64_t seq = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') {
    if (digits >= 19) return std::nullopt;  // keeps seq within uint64
    seq = seq * 10 + static_cast<std::uint64_t>(s[digits] - '0');
    ++digits;
  }
  if (digits == 0 || (digits > 1 && s[0] == '0')) return std::nullopt;
  head.seq = seq;
  s.remove_prefix(digits);
  if (!eat(s, ",\"ts\":\"") || !plain_string(s, head.ts)) return std::nullopt;
  if (!eat(s, ",\"event\":\"") || !plain_string(s, head.event)) return std::nullopt;
  if (!eat(s, ",\"prev\":\"") || !plain_string(s, head.prev)) return std::nullopt;
  if (head.prev.size() != kHexDigestSize) return std::nullopt;
  if (!eat(s, ",\"kid\":\"") || !plain_string(s, head.kid)) return std::nullopt;
  return head;
}

std::optional<LooseHead> parse_loose_head(std::string_view line) {
  boost::system::error_code ec;
  json::value v = json::parse(line, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.get_object();
  LooseHead head;
  if (const auto* seq = o.if_contains("seq")) {
    if (seq->is_uint64()) head.seq = seq->get_uint64();
    if (seq->is_int64() && seq->get_int64() >= 0) {
      head.seq = static_cast<std::uint64_t>(seq->get_int64());
    }
  }
  head.ts = string_member(o, "ts");
  head.event = string_member(o, "event");
  head.prev = string_member(o, "prev");
  head.kid = string_member(o, "kid");
  if (!head.seq && head.event.empty()) return std::nullopt;  // some JSON, but no record
  return head;
}

std::string_view problem_name(Problem problem) {
  switch (problem) {
    case Problem::kEdited:
      return "edited";
    case Problem::kMissing:
      return "missing";
    case Problem::kReordered:
      return "reordered";
    case Problem::kInserted:
      return "inserted";
    case Problem::kTruncatedTail:
      return "truncated tail";
    case Problem::kWrongKey:
      return "wrong key";
    case Problem::kBrokenLink:
      return "broken link";
    case Problem::kMalformed:
      return "malformed";
  }
  return "unknown";
}

std::size_t unwritten_tail(std::string_view content) {
  const auto last = content.find_last_not_of('\0');
  return last == std::string_view::npos ? content.size() : content.size() - last - 1;
}

void for_each_line(std::string_view content,
                   const std::function<void(std::string_view, std::uint64_t, bool)>& visit) {
  content.remove_suffix(unwritten_tail(content));
  std::uint64_t number = 0;
  while (!content.empty()) {
    const void* nl = std::memchr(content.data(), '\n', content.size());
    ++number;
    if (nl == nullptr) {
      visit(content, number, false);
      return;
    }
    const auto length = static_cast<std::size_t>(static_cast<const char*>(nl) - content.data());
    visit(content.substr(0, length), number, true);
    content.remove_prefix(length + 1);
  }
}

VerifySummary verify_logs(std::span<const LogFile> files, const VerifyKeys& keys) {
  Verifier verifier(files, keys);
  return verifier.run();
}

std::vector<std::size_t> chain_order(std::span<const LogFile> files) {
  std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string_view first = files[i].content.substr(0, files[i].content.find('\n'));
    std::uint64_t seq = UINT64_MAX;
    if (const auto head = parse_head(first)) {
      seq = head->seq;
    } else if (const auto loose = parse_loose_head(first); loose && loose->seq) {
      seq = *loose->seq;
    }
    keyed.emplace_back(seq, i);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::size_t> order;
  for (const auto& [seq, i] : keyed) order.push_back(i);
  return order;
}

// ---------- join ----------

Joined join_requests(std::span<const LogFile> files) {
  Joined joined;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& file : files) {
    for_each_line(file.content, [&](std::string_view text, std::uint64_t, bool) {
      boost::system::error_code ec;
      json::value v = json::parse(text, ec);
      if (ec || !v.is_object()) {
        ++joined.unreadable;
        return;
      }
      const auto& o = v.get_object();
      const std::string event = string_member(o, "event");
      if (event != "decision" && event != "outcome") {
        ++joined.other_events[event.empty() ? "(none)" : event];
        return;
      }
      const std::string id = string_member(o, "request_id");
      auto [it, fresh] = index.try_emplace(id, joined.rows.size());
      if (fresh) {
        joined.rows.emplace_back();
        joined.rows.back().request_id = id;
      }
      RequestRow& row = joined.rows[it->second];
      auto fill = [&](std::string& field, std::string_view key) {
        if (field.empty()) field = string_member(o, key);
      };
      const bool decision = event == "decision";
      if (decision || row.ts.empty()) row.ts = string_member(o, "ts");
      fill(row.client, "client");
      fill(row.api, "api");
      fill(row.model, "model");
      fill(row.handling, "handling");
      fill(row.level, "level");
      fill(row.upstream, "upstream");
      fill(row.upstream_model, "upstream_model");
      if (const auto* s = o.if_contains("stream"); s != nullptr && s->is_bool()) {
        row.stream = s->get_bool();
      }
      if (const auto* rules = o.if_contains("rules");
          rules != nullptr && rules->is_array() && row.rules.empty()) {
        for (const auto& rule : rules->get_array()) {
          if (rule.is_string()) {
            row.rules.emplace_back(rule.get_string());
          } else if (rule.is_object()) {
            row.rules.push_back(string_member(rule.get_object(), "id"));
            const std::string category = string_member(rule.get_object(), "category");
            if (!category.empty() && std::find(row.categories.begin(), row.categories.end(),
                                               category) == row.categories.end()) {
              row.categories.push_back(category);
            }
          }
        }
      }
      if (const auto* policy = o.if_contains("policy"); policy != nullptr && policy->is_object()) {
        if (row.policy_version.empty()) {
          row.policy_version = string_member(policy->get_object(), "version");
        }
      }
      if (const auto* shadow = o.if_contains("shadow");
          decision && shadow != nullptr && shadow->is_object()) {
        const auto& so = shadow->get_object();
        row.has_shadow = true;
        row.shadow_handling = string_member(so, "handling");
        row.shadow_level = string_member(so, "level");
        if (const auto* p = so.if_contains("policy"); p != nullptr && p->is_object()) {
          row.shadow_policy_version = string_member(p->get_object(), "version");
        }
        row.shadow_rules.clear();
        if (const auto* rules = so.if_contains("rules"); rules != nullptr && rules->is_array()) {
          for (const auto& rule : rules->get_array()) {
            if (rule.is_object())
              row.shadow_rules.push_back(string_member(rule.get_object(), "id"));
          }
        }
      }
      if (decision) {
        row.has_decision = true;
      } else {
        row.has_outcome = true;
        if (const auto status = integer_member(o, {"status"})) row.status = status;
        row.error = string_member(o, "error");
        row.latency_ms = number_member(o, "latency_ms");
        row.upstream_ms = number_member(o, "upstream_ms");
        row.overhead_ms = number_member(o, "overhead_ms");
        if (const auto* usage = o.if_contains("usage"); usage != nullptr && usage->is_object()) {
          const auto& u = usage->get_object();
          row.input_tokens = integer_member(u, {"input_tokens", "prompt_tokens"});
          row.output_tokens = integer_member(u, {"output_tokens", "completion_tokens"});
        }
      }
    });
  }
  return joined;
}

}  // namespace switchyard::audit
