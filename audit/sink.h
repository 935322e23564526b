// Where the audit records go (design section 6). The proxy hands over the event's fields; the sink
// adds seq, ts, prev and mac, writes from a single writer thread and reports durability back. A
// request is forwarded only after its decision record reported durable.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "audit/config.h"

namespace switchyard::audit {

class AuditSink {
 public:
  // Runs exactly once, on the writer thread: true when the record is durable under the configured
  // fsync mode, false when it could not be queued or written (disk full, permissions, queue full).
  using Done = std::function<void(bool durable)>;

  virtual ~AuditSink() = default;
  // Never blocks the caller. `record` holds at least "event" and "request_id".
  virtual void append(boost::json::object record, Done done) = 0;
  // For a record nobody waits on (the outcome): the sink may hold it briefly and write it with the
  // next urgent record or within a few milliseconds, which saves a writer wake-up (and, under
  // `fsync: batch`, a sync) per request. Durability reporting is the same as append().
  virtual void append_deferred(boost::json::object record, Done done) {
    append(std::move(record), std::move(done));
  }
  // The same record already serialized by the caller (proxy/audit_records.h): `body` is a JSON
  // object "{...}" without the members the sink writes (seq, ts, event, prev, kid, mac), members
  // in the order the file sink writes them. It saves building a DOM per record on the request
  // path. `deferred` as append_deferred(). The default parses it back for append().
  virtual void append_serialized(std::string_view event, std::string_view body, bool deferred,
                                 Done done) {
    boost::system::error_code ec;
    boost::json::value parsed = boost::json::parse(body, ec);
    if (ec || !parsed.is_object()) {
      if (done) done(false);
      return;
    }
    boost::json::object record = std::move(parsed.as_object());
    record["event"] = event;
    if (deferred) {
      append_deferred(std::move(record), std::move(done));
    } else {
      append(std::move(record), std::move(done));
    }
  }
  // The keyed hash recorded instead of the prompt text (HMAC-SHA256 under a key derived from the
  // audit key, hex), so auditors can match a known prompt without the log holding it.
  virtual std::string prompt_digest(std::string_view text) const = 0;
  // prompt_digest of the parts joined by '\n'; a sink that can hash them in turn need not join.
  virtual std::string prompt_digest_joined(std::span<const std::string_view> parts) const {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) joined += '\n';
      joined += parts[i];
    }
    return prompt_digest(joined);
  }
  // False after a write failure until a later write succeeds; /readyz reports it.
  virtual bool healthy() const = 0;
  // Writes a seal record, flushes and stops the writer. Idempotent.
  virtual void close() = 0;
  // Records answered done(false) so far (queue full, write or sync error, after close), for the
  // audit failure metric. Note: a record refused because the queue is full or the sink is closed
  // gets done(false) at once, on the caller's thread, so the caller never waits.
  virtual std::uint64_t failures() const { return 0; }
};

// The file sink of the audit issue: JSON Lines, hash chain, HMAC, rotation. Throws on startup
// errors (unwritable path, missing key).
std::unique_ptr<AuditSink> make_file_audit_sink(const AuditConfig& config);

}  // namespace switchyard::audit
