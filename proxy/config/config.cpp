// Strict loading of the configuration file: every error is collected with its position and field
// path, so one run of `switchyard serve` shows everything that is wrong.
#include "proxy/config/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <set>
#include <span>
#include <sstream>
#include <type_traits>

#include "common/load_errors.h"

namespace switchyard::proxy {

std::string_view to_string(UpstreamKind kind) {
  switch (kind) {
    case UpstreamKind::kOpenAi:
      return "openai";
    case UpstreamKind::kAnthropic:
      return "anthropic";
    case UpstreamKind::kMock:
      return "mock";
  }
  return "openai";
}

std::string_view to_string(Trust trust) {
  return trust == Trust::kInternal ? "internal" : "vendor";
}

adapters::Dialect UpstreamConfig::target_dialect(adapters::Dialect client) const {
  if (serves(client)) return client;
  return kind == UpstreamKind::kAnthropic ? adapters::Dialect::kAnthropic
                                          : adapters::Dialect::kOpenAi;
}

std::optional<std::string_view> UpstreamConfig::rename(std::string_view model) const {
  if (auto it = models.find(model); it != models.end()) return std::string_view(it->second);
  if (model_wildcard) return std::string_view(*model_wildcard);
  return std::nullopt;
}

int Config::upstream_index(std::string_view name) const {
  for (std::size_t i = 0; i < upstreams.size(); ++i) {
    if (upstreams[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

std::string join_lines(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += '\n';
    out += e;
  }
  return out;
}

}  // namespace

ConfigError::ConfigError(std::vector<std::string> errors)
    : std::runtime_error(join_lines(errors)), errors_(std::move(errors)) {}

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  ListenAddress out;
  std::string_view host;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return std::nullopt;  // v6 needs brackets
  }
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || port.empty() || value > 65535) {
    return std::nullopt;
  }
  out.host = host.empty() ? "127.0.0.1" : std::string(host);
  out.port = static_cast<std::uint16_t>(value);
  return out;
}

namespace {

using Keys = std::span<const std::string_view>;

// Collects errors while walking the YAML tree; nothing here throws except yaml-cpp's own parser.
class Loader {
 public:
  Loader(std::string file_name, std::filesystem::path base_dir)
      : file_(std::move(file_name)), base_dir_(std::move(base_dir)) {}

  std::vector<std::string>& errors() { return errors_; }

  void error(const YAML::Node& node, std::string_view path, std::string_view message) {
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    error_at(mark, path, message);
  }
  void error_at(const YAML::Mark& mark, std::string_view path, std::string_view message) {
    const int line = mark.is_null() ? -1 : mark.line + 1;  // -1: no position
    errors_.push_back(load_errors::located(file_, line, mark.column + 1, path, message));
  }

  // Unknown keys name the closest valid key and list them all.
  bool check_map(const YAML::Node& node, const std::string& path, Keys allowed) {
    if (!node.IsMap()) {
      error(node, path, "expected a mapping");
      return false;
    }
    std::set<std::string, std::less<>> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto key = it->first.Scalar();
      if (!seen.insert(key).second) {
        error(it->first, child(path, key), "duplicate key");
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key '" + key + "'";
      const std::string_view best = load_errors::closest(key, allowed, 3, /*ignore_case=*/false);
      if (!best.empty()) message += " (did you mean '" + std::string(best) + "'?)";
      message += "; valid keys: " + load_errors::join(allowed);
      error(it->first, child(path, key), message);
    }
    return true;
  }

  static std::string child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  static std::string index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

  // A scalar string with ${VAR} (and ${VAR:-default}) expanded; $$ is a literal $.
  std::optional<std::string> string(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined()) {
      error(node, path, "required");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      error(node, path, "expected a string");
      return std::nullopt;
    }
    const std::string& raw = node.Scalar();
    std::string out;
    out.reserve(raw.size());
    bool ok = true;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '$' || i + 1 >= raw.size()) {
        out += raw[i];
        continue;
      }
      if (raw[i + 1] == '$') {
        out += '$';
        ++i;
        continue;
      }
      if (raw[i + 1] != '{') {
        out += raw[i];
        continue;
      }
      const auto close = raw.find('}', i + 2);
      if (close == std::string::npos) {
        error(node, path, "unterminated ${ in value");
        return std::nullopt;
      }
      std::string_view inner(raw.data() + i + 2, close - i - 2);
      std::optional<std::string_view> fallback;
      if (const auto dash = inner.find(":-"); dash != std::string_view::npos) {
        fallback = inner.substr(dash + 2);
        inner = inner.substr(0, dash);
      }
      const bool valid_name = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
      if (!valid_name) {
        error(node, path, "invalid variable name in ${" + std::string(inner) + "}");
        ok = false;
      } else if (const char* value = std::getenv(std::string(inner).c_str());
                 value != nullptr && (*value != '\0' || !fallback)) {
        out += value;
      } else if (fallback) {
        out += *fallback;
      } else {
        error(node, path, "environment variable " + std::string(inner) + " is not set");
        ok = false;
      }
      i = close;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<std::string> nonempty_string(const YAML::Node& node, const std::string& path) {
    auto value = string(node, path);
    if (value && value->empty()) {
      error(node, path, "must not be empty");
      return std::nullopt;
    }
    return value;
  }

  // Integers accept the suffixes KiB, MiB, GiB (sizes) for readability.
  std::optional<std::uint64_t> unsigned_int(const YAML::Node& node, const std::string& path,
                                            std::uint64_t min, std::uint64_t max) {
    auto text = string(node, path);
    if (!text) return std::nullopt;
    std::string_view digits = *text;
    std::uint64_t multiplier = 1;
    for (auto [suffix, factor] : {std::pair{"KiB", 1ull << 10}, std::pair{"MiB", 1ull << 20},
                                  std::pair{"GiB", 1ull << 30}}) {
      const std::string_view s(suffix);
      if (digits.size() > s.size() && digits.substr(digits.size() - s.size()) == s) {
        digits.remove_suffix(s.size());
        multiplier = factor;
        break;
      }
    }
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
      error(node, path, "expected a non-negative integer, got '" + *text + "'");
      return std::nullopt;
    }
    if (value > max / multiplier || value * multiplier < min || value * multiplier > max) {
      error(node, path, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return std::nullopt;
    }
    return value * multiplier;
  }

  std::optional<bool> boolean(const YAML::Node& node, const std::string& path) {
    auto text = string(node, path);
    if (!text) return std::nullopt;
    if (*text == "true") return true;
    if (*text == "false") return false;
    error(node, path, "expected true or false");
    return std::nullopt;
  }

  template <class T>
  std::optional<T> choice(const YAML::Node& node, const std::string& path,
                          std::initializer_list<std::pair<std::string_view, T>> options) {
    auto text = string(node, path);
    if (!text) return std::nullopt;
    std::string valid;
    for (const auto& [name, value] : options) {
      if (*text == name) return value;
      if (!valid.empty()) valid += ", ";
      valid += name;
    }
    error(node, path, "unknown value '" + *text + "'; valid values: " + valid);
    return std::nullopt;
  }

  std::string resolve_path(const std::string& value) const {
    std::filesystem::path p(value);
    if (p.is_relative()) p = base_dir_ / p;
    return p.lexically_normal().string();
  }

  void milliseconds(const YAML::Node& map, const std::string& path, std::string_view key,
                    std::chrono::milliseconds& out, std::uint64_t min = 1) {
    const auto node = map[std::string(key)];
    if (!node) return;
    if (auto v = unsigned_int(node, child(path, key), min, 7ull * 24 * 3600 * 1000)) {
      out = std::chrono::milliseconds(*v);
    }
  }

 private:
  std::string file_;
  std::filesystem::path base_dir_;
  std::vector<std::string> errors_;
};

constexpr std::string_view kTopKeys[] = {
    "listen",        "admin_listen", "tls",         "policy", "upstreams",
    "routes",        "clients",      "audit",       "limits", "responses_state",
    "shadow_policy", "attachments",  "pseudonymize"};
constexpr std::string_view kUpstreamKeys[] = {
    "name",        "api",     "apis",     "base_url",        "trust",           "models",
    "api_key_env", "ca_file", "timeouts", "max_connections", "gates_readiness", "documents"};
constexpr std::string_view kAttachmentKeys[] = {"max_bytes",
                                                "max_count",
                                                "max_pages",
                                                "max_pixels",
                                                "ocr_time_ms",
                                                "timeout_ms",
                                                "jobs",
                                                "queue",
                                                "ocr",
                                                "ocr_languages",
                                                "ocr_data",
                                                "scan_dpi",
                                                "scan_text_threshold"};
constexpr std::string_view kTimeoutKeys[] = {"connect_ms", "first_byte_ms", "idle_ms", "total_ms"};
constexpr std::string_view kRouteKeys[] = {"internal", "vendor", "vendor_fallback"};
constexpr std::string_view kVendorRouteKeys[] = {"openai", "anthropic"};
constexpr std::string_view kClientKeys[] = {"name", "key_sha256"};
constexpr std::string_view kAuditKeys[] = {"path",          "fsync",          "hmac_key_env",
                                           "key_id",        "rotate_bytes",   "rotate_daily",
                                           "store_prompts", "queue_capacity", "zero_fill_bytes"};
constexpr std::string_view kLimitKeys[] = {
    "max_header_bytes", "max_body_bytes",    "max_headers", "read_timeout_ms",
    "write_timeout_ms", "shutdown_grace_ms", "workers"};
constexpr std::string_view kTlsKeys[] = {"cert", "key"};
constexpr std::string_view kResponsesStateKeys[] = {"max_entries", "ttl_s"};
constexpr std::string_view kPseudonymizeKeys[] = {"key_env"};

bool valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

std::optional<std::array<unsigned char, 32>> parse_sha256_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  std::array<unsigned char, 32> out{};
  for (std::size_t i = 0; i < 32; ++i) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, value, 16);
    if (ec != std::errc() || end != hex.data() + 2 * i + 2) return std::nullopt;
    out[i] = static_cast<unsigned char>(value);
  }
  return out;
}

void load_upstream(Loader& in, const YAML::Node& node, const std::string& path,
                   UpstreamConfig& up) {
  if (!in.check_map(node, path, kUpstreamKeys)) return;
  if (!node["name"]) {
    in.error(node, Loader::child(path, "name"), "required");
  } else if (auto name = in.nonempty_string(node["name"], Loader::child(path, "name"))) {
    if (!valid_name(*name)) {
      in.error(node["name"], Loader::child(path, "name"),
               "use letters, digits, '-', '_' and '.' only");
    }
    up.name = *name;
  }
  const auto api_node = node["api"];
  if (!api_node) {
    in.error(node, Loader::child(path, "api"), "required (openai, anthropic or mock)");
  } else if (auto kind = in.choice<UpstreamKind>(api_node, Loader::child(path, "api"),
                                                 {{"openai", UpstreamKind::kOpenAi},
                                                  {"anthropic", UpstreamKind::kAnthropic},
                                                  {"mock", UpstreamKind::kMock}})) {
    up.kind = *kind;
  }
  up.serves_openai = up.kind == UpstreamKind::kOpenAi || up.kind == UpstreamKind::kMock;
  up.serves_anthropic = up.kind == UpstreamKind::kAnthropic || up.kind == UpstreamKind::kMock;
  if (const auto apis = node["apis"]) {
    const auto apis_path = Loader::child(path, "apis");
    if (!apis.IsSequence()) {
      in.error(apis, apis_path, "expected a list such as [openai, anthropic]");
    } else {
      for (std::size_t i = 0; i < apis.size(); ++i) {
        auto d = in.choice<adapters::Dialect>(
            apis[i], Loader::index(apis_path, i),
            {{"openai", adapters::Dialect::kOpenAi}, {"anthropic", adapters::Dialect::kAnthropic}});
        if (d == adapters::Dialect::kOpenAi) up.serves_openai = true;
        if (d == adapters::Dialect::kAnthropic) up.serves_anthropic = true;
      }
    }
  }
  const auto base_url = node["base_url"];
  const auto base_path = Loader::child(path, "base_url");
  if (up.kind == UpstreamKind::kMock) {
    if (base_url) in.error(base_url, base_path, "a mock upstream has no base_url");
  } else if (!base_url) {
    in.error(node, base_path, "required for api " + std::string(to_string(up.kind)));
  } else if (auto url = in.nonempty_string(base_url, base_path)) {
    const auto parsed = boost::urls::parse_absolute_uri(*url);
    if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
        parsed->encoded_host().empty() || parsed->has_query() || parsed->has_fragment()) {
      in.error(
          base_url, base_path,
          "expected http(s)://host[:port][/path] without query or fragment, got '" + *url + "'");
    } else {
      up.base_url = *url;
    }
  }
  const auto trust = node["trust"];
  if (!trust) {
    in.error(node, Loader::child(path, "trust"), "required (internal or vendor)");
  } else if (auto t =
                 in.choice<Trust>(trust, Loader::child(path, "trust"),
                                  {{"internal", Trust::kInternal}, {"vendor", Trust::kVendor}})) {
    up.trust = *t;
  }
  if (const auto models = node["models"]) {
    const auto models_path = Loader::child(path, "models");
    if (!models.IsMap()) {
      in.error(models, models_path, "expected a mapping from requested model to upstream model");
    } else {
      for (auto it = models.begin(); it != models.end(); ++it) {
        const std::string key = it->first.Scalar();
        auto value = in.nonempty_string(it->second, Loader::child(models_path, key));
        if (!value) continue;
        if (key == "*") {
          up.model_wildcard = *value;
        } else {
          up.models.emplace(key, *value);
        }
      }
    }
  }
  if (const auto env = node["api_key_env"]) {
    if (auto v = in.nonempty_string(env, Loader::child(path, "api_key_env"))) up.api_key_env = *v;
  }
  if (const auto ca = node["ca_file"]) {
    if (auto v = in.nonempty_string(ca, Loader::child(path, "ca_file"))) {
      up.ca_file = in.resolve_path(*v);
    }
  }
  if (const auto t = node["timeouts"]) {
    const auto tpath = Loader::child(path, "timeouts");
    if (in.check_map(t, tpath, kTimeoutKeys)) {
      in.milliseconds(t, tpath, "connect_ms", up.timeouts.connect);
      in.milliseconds(t, tpath, "first_byte_ms", up.timeouts.first_byte);
      in.milliseconds(t, tpath, "idle_ms", up.timeouts.idle);
      in.milliseconds(t, tpath, "total_ms", up.timeouts.total);
    }
  }
  if (const auto mc = node["max_connections"]) {
    if (auto v = in.unsigned_int(mc, Loader::child(path, "max_connections"), 1, 100000)) {
      up.max_connections = *v;
    }
  }
  if (const auto gates = node["gates_readiness"]) {
    const auto gates_path = Loader::child(path, "gates_readiness");
    if (up.kind == UpstreamKind::kMock) {
      in.error(gates, gates_path, "a mock upstream is never probed, so it cannot gate readiness");
    } else if (auto v = in.boolean(gates, gates_path)) {
      up.gates_readiness = *v;
    }
  }
  up.documents_as_text = up.trust == Trust::kInternal && up.kind != UpstreamKind::kMock;
  if (const auto documents = node["documents"]) {
    if (auto v = in.choice<bool>(documents, Loader::child(path, "documents"),
                                 {{"native", false}, {"text", true}})) {
      up.documents_as_text = *v;
    }
  }
}

// Resolves one route name to an upstream index with the required trust.
int route_to(Loader& in, const Config& config, const YAML::Node& node, const std::string& path,
             Trust required) {
  auto name = in.nonempty_string(node, path);
  if (!name) return -1;
  const int index = config.upstream_index(*name);
  if (index < 0) {
    std::string known;
    for (const auto& up : config.upstreams) {
      if (!known.empty()) known += ", ";
      known += up.name;
    }
    in.error(node, path, "no upstream named '" + *name + "'; upstreams: " + known);
    return -1;
  }
  if (config.upstreams[index].trust != required) {
    in.error(node, path,
             "upstream '" + *name + "' has trust " +
                 std::string(to_string(config.upstreams[index].trust)) +
                 "; this route needs trust " + std::string(to_string(required)));
    return -1;
  }
  return index;
}

void load_routes(Loader& in, const YAML::Node& node, Config& config) {
  const std::string path = "routes";
  if (!node) {
    in.error_at(YAML::Mark::null_mark(), path, "required (internal and vendor)");
    return;
  }
  if (!in.check_map(node, path, kRouteKeys)) return;
  if (const auto internal = node["internal"]) {
    config.routes.internal = route_to(in, config, internal, "routes.internal", Trust::kInternal);
  } else {
    in.error(node, "routes.internal", "required: the upstream that receives sensitive traffic");
  }
  if (const auto vendor = node["vendor"]) {
    if (vendor.IsScalar()) {
      const int index = route_to(in, config, vendor, "routes.vendor", Trust::kVendor);
      config.routes.vendor_openai = config.routes.vendor_anthropic = index;
    } else if (in.check_map(vendor, "routes.vendor", kVendorRouteKeys)) {
      if (const auto o = vendor["openai"]) {
        config.routes.vendor_openai =
            route_to(in, config, o, "routes.vendor.openai", Trust::kVendor);
      }
      if (const auto a = vendor["anthropic"]) {
        config.routes.vendor_anthropic =
            route_to(in, config, a, "routes.vendor.anthropic", Trust::kVendor);
      }
      if (!vendor["openai"] && !vendor["anthropic"]) {
        in.error(vendor, "routes.vendor", "name a vendor upstream for openai and/or anthropic");
      }
      // A client dialect without its own vendor uses the other one, translated.
      if (config.routes.vendor_openai < 0)
        config.routes.vendor_openai = config.routes.vendor_anthropic;
      if (config.routes.vendor_anthropic < 0)
        config.routes.vendor_anthropic = config.routes.vendor_openai;
    }
  } else {
    in.error(node, "routes.vendor", "required: {openai: NAME, anthropic: NAME} or one NAME");
  }
  if (const auto fallback = node["vendor_fallback"]) {
    config.routes.vendor_fallback =
        route_to(in, config, fallback, "routes.vendor_fallback", Trust::kInternal);
  }
}

void load_audit(Loader& in, const YAML::Node& node, audit::AuditConfig& audit) {
  if (!in.check_map(node, "audit", kAuditKeys)) return;
  if (const auto n = node["path"]) {
    if (auto v = in.nonempty_string(n, "audit.path")) audit.path = in.resolve_path(*v);
  }
  if (const auto n = node["fsync"]) {
    if (auto v = in.choice<audit::FsyncMode>(n, "audit.fsync",
                                             {{"always", audit::FsyncMode::kAlways},
                                              {"batch", audit::FsyncMode::kBatch},
                                              {"never", audit::FsyncMode::kNever}})) {
      audit.fsync = *v;
    }
  }
  if (const auto n = node["hmac_key_env"]) {
    if (auto v = in.nonempty_string(n, "audit.hmac_key_env")) audit.hmac_key_env = *v;
  }
  if (const auto n = node["key_id"]) {
    if (auto v = in.nonempty_string(n, "audit.key_id")) audit.key_id = *v;
  }
  if (const auto n = node["rotate_bytes"]) {
    if (auto v = in.unsigned_int(n, "audit.rotate_bytes", 0, 1ull << 40)) audit.rotate_bytes = *v;
  }
  if (const auto n = node["zero_fill_bytes"]) {
    if (auto v = in.unsigned_int(n, "audit.zero_fill_bytes", 0, 1ull << 32)) {
      audit.zero_fill_bytes = *v;
    }
  }
  if (const auto n = node["rotate_daily"]) {
    if (auto v = in.boolean(n, "audit.rotate_daily")) audit.rotate_daily = *v;
  }
  if (const auto n = node["store_prompts"]) {
    if (auto v = in.choice<audit::StorePrompts>(
            n, "audit.store_prompts",
            {{"none", audit::StorePrompts::kNone}, {"redacted", audit::StorePrompts::kRedacted}})) {
      audit.store_prompts = *v;
    }
  }
  if (const auto n = node["queue_capacity"]) {
    if (auto v = in.unsigned_int(n, "audit.queue_capacity", 1, 1ull << 24))
      audit.queue_capacity = *v;
  }
}

void load_limits(Loader& in, const YAML::Node& node, LimitsConfig& limits) {
  if (!in.check_map(node, "limits", kLimitKeys)) return;
  if (const auto n = node["max_header_bytes"]) {
    if (auto v = in.unsigned_int(n, "limits.max_header_bytes", 1024, 1 << 20)) {
      limits.max_header_bytes = *v;
    }
  }
  if (const auto n = node["max_body_bytes"]) {
    if (auto v = in.unsigned_int(n, "limits.max_body_bytes", 1024, 1ull << 30)) {
      limits.max_body_bytes = *v;
    }
  }
  if (const auto n = node["max_headers"]) {
    if (auto v = in.unsigned_int(n, "limits.max_headers", 8, 10000)) limits.max_headers = *v;
  }
  in.milliseconds(node, "limits", "read_timeout_ms", limits.read_timeout);
  in.milliseconds(node, "limits", "write_timeout_ms", limits.write_timeout);
  in.milliseconds(node, "limits", "shutdown_grace_ms", limits.shutdown_grace, 0);
  if (const auto n = node["workers"]) {
    if (auto v = in.unsigned_int(n, "limits.workers", 0, 1024)) {
      limits.workers = static_cast<unsigned>(*v);
    }
  }
}

// Tesseract's "chi_sim" is Debian's tesseract-ocr-chi-sim.
std::string debian_name(std::string language) {
  std::replace(language.begin(), language.end(), '_', '-');
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return language;
}

void load_attachments(Loader& in, const YAML::Node& node, attachments::AttachmentLimits& limits) {
  const std::string path = "attachments";
  if (!in.check_map(node, path, kAttachmentKeys)) return;
  auto size = [&](std::string_view key, auto& out, std::uint64_t min, std::uint64_t max) {
    if (const auto n = node[std::string(key)]) {
      if (auto v = in.unsigned_int(n, Loader::child(path, key), min, max)) {
        out = static_cast<std::remove_reference_t<decltype(out)>>(*v);
      }
    }
  };
  size("max_bytes", limits.max_bytes, 1, 1ull << 30);
  size("max_count", limits.max_count, 1, 10000);
  size("max_pages", limits.max_pages, 1, 100000);
  size("max_pixels", limits.max_pixels, 1, 1ull << 32);
  size("jobs", limits.jobs, 0, 256);
  size("queue", limits.queue, 0, 1u << 20);
  size("scan_dpi", limits.scan_dpi, 50, 600);
  size("scan_text_threshold", limits.scan_text_threshold, 0, 100000);
  in.milliseconds(node, path, "ocr_time_ms", limits.ocr_time);
  in.milliseconds(node, path, "timeout_ms", limits.timeout);
  if (const auto n = node["ocr"]) {
    if (auto v = in.boolean(n, "attachments.ocr")) limits.ocr = *v;
  }
  if (const auto n = node["ocr_data"]) {
    if (auto v = in.nonempty_string(n, "attachments.ocr_data"))
      limits.ocr_data = in.resolve_path(*v);
  }
  if (const auto n = node["ocr_languages"]) {
    const std::string lpath = "attachments.ocr_languages";
    if (!n.IsSequence() || n.size() == 0) {
      in.error(n, lpath, "expected a non-empty list of Tesseract languages, e.g. [eng, deu]");
    } else {
      limits.ocr_languages.clear();
      for (std::size_t i = 0; i < n.size(); ++i) {
        if (auto v = in.nonempty_string(n[i], Loader::index(lpath, i))) {
          limits.ocr_languages.push_back(*v);
        }
      }
    }
  }
  // A language without its data would fail every OCR at run time: refuse it at startup instead.
  if (limits.ocr) {
    for (std::size_t i = 0; i < limits.ocr_languages.size(); ++i) {
      const std::string& language = limits.ocr_languages[i];
      const bool valid_name = std::all_of(language.begin(), language.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
      if (!valid_name || !std::filesystem::exists(std::filesystem::path(limits.ocr_data) /
                                                  (language + ".traineddata"))) {
        std::string installed;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(limits.ocr_data, ec)) {
          if (entry.path().extension() != ".traineddata") continue;
          if (!installed.empty()) installed += ", ";
          installed += entry.path().stem().string();
        }
        const auto n = node["ocr_languages"];
        in.error(n ? n : node, "attachments.ocr_languages",
                 "no OCR data for '" + language + "' in " + limits.ocr_data +
                     " (Debian: tesseract-ocr-" + debian_name(language) +
                     "); installed: " + (installed.empty() ? std::string("none") : installed));
      }
    }
  }
}

Config load(const YAML::Node& root, const std::filesystem::path& file) {
  Loader in(file.string(), file.parent_path().empty()
                               ? std::filesystem::current_path()
                               : std::filesystem::absolute(file).parent_path());
  Config config;
  config.file = file;
  if (!root || root.IsNull()) {
    throw ConfigError({file.string() + ": the file is empty"});
  }
  if (!in.check_map(root, "", kTopKeys)) throw ConfigError(in.errors());

  if (const auto n = root["listen"]) {
    if (auto v = in.nonempty_string(n, "listen")) {
      if (auto addr = parse_listen_address(*v)) {
        config.listen = *addr;
      } else {
        in.error(n, "listen", "expected HOST:PORT, e.g. 127.0.0.1:8080");
      }
    }
  }
  if (const auto n = root["admin_listen"]) {
    if (auto v = in.nonempty_string(n, "admin_listen")) {
      if (auto addr = parse_listen_address(*v)) {
        config.admin_listen = *addr;
      } else {
        in.error(n, "admin_listen", "expected HOST:PORT, e.g. 127.0.0.1:9090");
      }
    }
  }
  if (const auto n = root["tls"]) {
    if (in.check_map(n, "tls", kTlsKeys)) {
      TlsConfig tls;
      if (!n["cert"]) in.error(n, "tls.cert", "required");
      if (!n["key"]) in.error(n, "tls.key", "required");
      if (n["cert"]) {
        if (auto v = in.nonempty_string(n["cert"], "tls.cert")) tls.cert = in.resolve_path(*v);
      }
      if (n["key"]) {
        if (auto v = in.nonempty_string(n["key"], "tls.key")) tls.key = in.resolve_path(*v);
      }
      config.tls = tls;
    }
  }
  if (const auto n = root["policy"]) {
    if (auto v = in.nonempty_string(n, "policy")) config.policy = in.resolve_path(*v);
  } else {
    in.error(root, "policy", "required: the policy file to enforce");
  }
  if (const auto n = root["shadow_policy"]) {
    if (auto v = in.nonempty_string(n, "shadow_policy")) config.shadow_policy = in.resolve_path(*v);
  }

  const auto upstreams = root["upstreams"];
  if (!upstreams || !upstreams.IsSequence() || upstreams.size() == 0) {
    in.error(upstreams ? upstreams : root, "upstreams", "required: a non-empty list of upstreams");
  } else {
    std::set<std::string, std::less<>> names;
    for (std::size_t i = 0; i < upstreams.size(); ++i) {
      UpstreamConfig up;
      const auto path = Loader::index("upstreams", i);
      load_upstream(in, upstreams[i], path, up);
      if (!up.name.empty() && !names.insert(up.name).second) {
        in.error(upstreams[i]["name"], Loader::child(path, "name"),
                 "duplicate upstream name '" + up.name + "'");
      }
      config.upstreams.push_back(std::move(up));
    }
  }
  load_routes(in, root["routes"], config);

  if (const auto clients = root["clients"]) {
    config.clients_configured = true;
    if (!clients.IsSequence() || clients.size() == 0) {
      in.error(clients, "clients",
               "expected a non-empty list of {name, key_sha256}; remove the key to pass client "
               "keys through to the vendor");
    } else {
      std::set<std::string, std::less<>> names;
      for (std::size_t i = 0; i < clients.size(); ++i) {
        const auto path = Loader::index("clients", i);
        if (!in.check_map(clients[i], path, kClientKeys)) continue;
        ClientConfig client;
        if (!clients[i]["name"]) in.error(clients[i], Loader::child(path, "name"), "required");
        if (!clients[i]["key_sha256"]) {
          in.error(clients[i], Loader::child(path, "key_sha256"), "required");
          continue;
        }
        if (clients[i]["name"]) {
          if (auto name = in.nonempty_string(clients[i]["name"], Loader::child(path, "name"))) {
            client.name = *name;
            if (!names.insert(*name).second) {
              in.error(clients[i]["name"], Loader::child(path, "name"), "duplicate client name");
            }
          }
        }
        const auto key_path = Loader::child(path, "key_sha256");
        if (auto hex = in.nonempty_string(clients[i]["key_sha256"], key_path)) {
          std::string lower = *hex;
          std::transform(lower.begin(), lower.end(), lower.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          if (auto digest = parse_sha256_hex(lower)) {
            client.key_sha256 = *digest;
          } else {
            in.error(clients[i]["key_sha256"], key_path,
                     "expected 64 hex digits (sha256 of the key: printf %s KEY | sha256sum)");
          }
        }
        config.clients.push_back(std::move(client));
      }
    }
  }
  if (const auto n = root["audit"]) {
    load_audit(in, n, config.audit);
  } else {
    config.audit.path = in.resolve_path(config.audit.path);
  }
  if (const auto n = root["limits"]) load_limits(in, n, config.limits);
  if (const auto n = root["responses_state"]) {
    if (in.check_map(n, "responses_state", kResponsesStateKeys)) {
      if (const auto m = n["max_entries"]) {
        if (auto v = in.unsigned_int(m, "responses_state.max_entries", 1, 1ull << 26)) {
          config.responses_state.max_entries = *v;
        }
      }
      if (const auto t = n["ttl_s"]) {
        if (auto v = in.unsigned_int(t, "responses_state.ttl_s", 1, 90ull * 24 * 3600)) {
          config.responses_state.ttl = std::chrono::seconds(*v);
        }
      }
    }
  }
  if (const auto n = root["attachments"]) load_attachments(in, n, config.attachments);
  if (const auto n = root["pseudonymize"]) {
    if (in.check_map(n, "pseudonymize", kPseudonymizeKeys)) {
      if (const auto k = n["key_env"]) {
        if (auto v = in.nonempty_string(k, "pseudonymize.key_env")) {
          const bool name_ok = !std::isdigit(static_cast<unsigned char>((*v)[0])) &&
                               std::all_of(v->begin(), v->end(), [](char c) {
                                 return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                               });
          if (name_ok) {
            config.pseudonymize.key_env = *v;
            config.pseudonymize.explicit_key_env = true;
          } else {
            in.error(k, "pseudonymize.key_env",
                     "expected the name of an environment variable (letters, digits and _), "
                     "e.g. SWITCHYARD_PSEUDONYM_KEY; the key itself never goes in this file");
          }
        }
      }
    }
  }
  if (!in.errors().empty()) throw ConfigError(in.errors());
  return config;
}

}  // namespace

Config parse_config(std::string_view yaml, const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw ConfigError({file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                       std::to_string(e.mark.column + 1) + ": " + e.msg});
  }
  return load(root, file);
}

Config load_config(const std::filesystem::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) throw ConfigError({file.string() + ": cannot open the file"});
  std::ostringstream text;
  text << stream.rdbuf();
  return parse_config(text.str(), file);
}

}  // namespace switchyard::proxy
