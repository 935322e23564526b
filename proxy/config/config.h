// The configuration file of `switchyard serve` (design section 5), loaded strictly: unknown keys
// (with a did-you-mean), wrong types, dangling route names and unset ${VAR}s are all reported at
// once as "FILE:LINE:COL: field.path: message". Loading throws ConfigError; the result is immutable
// and shared read-only by every worker.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/attachments/attachment_limits.h"
#include "audit/config.h"

namespace switchyard::proxy {

// Timeouts of one exchange with an upstream.
struct UpstreamTimeouts {
  std::chrono::milliseconds connect{5000};
  std::chrono::milliseconds first_byte{60000};  // request sent -> response header
  std::chrono::milliseconds idle{60000};        // between two body chunks
  std::chrono::milliseconds total{600000};      // whole exchange
};

// What an upstream speaks on the wire; `mock` answers locally in whatever API the client used.
enum class UpstreamKind : std::uint8_t { kOpenAi, kAnthropic, kMock };
// Where content may go: internal upstreams may see everything, vendors only what the policy allows.
enum class Trust : std::uint8_t { kInternal, kVendor };

std::string_view to_string(UpstreamKind kind);
std::string_view to_string(Trust trust);

struct UpstreamConfig {
  std::string name;
  UpstreamKind kind = UpstreamKind::kOpenAi;
  bool serves_openai = false;  // client dialects served natively (the `api` plus `apis`)
  bool serves_anthropic = false;
  std::string base_url;  // empty for mock
  Trust trust = Trust::kVendor;
  std::map<std::string, std::string, std::less<>> models;  // explicit renames, without "*"
  std::optional<std::string> model_wildcard;               // models["*"]
  std::string api_key_env;                                 // empty: no key of its own
  std::string ca_file;  // absolute after loading; empty: system store only
  UpstreamTimeouts timeouts;
  std::size_t max_connections = 256;
  // /readyz fails while this upstream refuses connections (off by default: reachability is only
  // reported, so one upstream's outage does not take every replica out of its load balancer).
  bool gates_readiness = false;
  // `documents: text`: PDF and text-file attachments reach this upstream as the text the proxy
  // extracted (many internal model servers take no file parts). Default: text for internal
  // upstreams, native for vendors.
  bool documents_as_text = false;

  bool serves(adapters::Dialect dialect) const {
    return dialect == adapters::Dialect::kOpenAi ? serves_openai : serves_anthropic;
  }
  // The dialect a request from a `client` dialect is sent in: the same when served natively.
  adapters::Dialect target_dialect(adapters::Dialect client) const;
  // The upstream's name for `model`: the explicit entry, else "*", else nullopt (keep the name).
  std::optional<std::string_view> rename(std::string_view model) const;
  bool lists_model(std::string_view model) const { return models.contains(model); }
};

struct ClientConfig {
  std::string name;
  std::array<unsigned char, 32> key_sha256{};
};

// Routes as indices into Config::upstreams; -1 when absent.
struct RoutesConfig {
  int internal = -1;
  int vendor_openai = -1;     // for OpenAI-dialect clients
  int vendor_anthropic = -1;  // for Anthropic-dialect clients
  int vendor_fallback = -1;   // internal upstream used when a vendor fails; never the reverse

  int vendor_for(adapters::Dialect dialect) const {
    return dialect == adapters::Dialect::kOpenAi ? vendor_openai : vendor_anthropic;
  }
};

struct LimitsConfig {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 8 * 1024 * 1024;
  std::size_t max_headers = 100;
  std::chrono::milliseconds read_timeout{30000};   // reading one request; also keep-alive idle
  std::chrono::milliseconds write_timeout{30000};  // one write to the client
  std::chrono::milliseconds shutdown_grace{10000};
  unsigned workers = 0;  // 0: one per hardware thread
};

// Handling `pseudonymize`: the environment variable holding the deployment's pseudonym key (the
// key itself never sits in the file). `explicit_key_env`: the file names it, so it must be set.
struct PseudonymizeConfig {
  std::string key_env = "SWITCHYARD_PSEUDONYM_KEY";
  bool explicit_key_env = false;
};

struct ResponsesStateConfig {
  std::size_t max_entries = 100000;
  std::chrono::seconds ttl{24 * 3600};
};

struct TlsConfig {
  std::string cert;  // PEM chain, absolute after loading
  std::string key;
};

struct ListenAddress {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
};

struct Config {
  std::filesystem::path file;  // the config file itself
  ListenAddress listen;
  std::optional<ListenAddress> admin_listen;
  std::optional<TlsConfig> tls;
  std::filesystem::path policy;  // absolute
  // Judges every request too, in the audit record and metrics only: never changes the route.
  std::optional<std::filesystem::path> shadow_policy;  // absolute
  std::vector<UpstreamConfig> upstreams;
  RoutesConfig routes;
  bool clients_configured =
      false;  // `clients:` present: client keys are checked, vendor keys injected
  std::vector<ClientConfig> clients;
  audit::AuditConfig audit;
  LimitsConfig limits;
  ResponsesStateConfig responses_state;
  attachments::AttachmentLimits attachments;  // `attachments:` (docs/attachments.md)
  PseudonymizeConfig pseudonymize;

  int upstream_index(std::string_view name) const;
};

class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> errors);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

// Reads and validates FILE. Relative paths resolve against the file's directory.
Config load_config(const std::filesystem::path& file);
// The same from text (tests); `file` names the source in messages and anchors relative paths.
Config parse_config(std::string_view yaml, const std::filesystem::path& file);

// "host:port", "[v6]:port" or ":port" (127.0.0.1). Nullopt when malformed.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace switchyard::proxy
