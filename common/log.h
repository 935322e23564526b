// Structured logs: one JSON object per line on stderr, with a level. Never pass prompt text,
// matched values or keys as fields.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

namespace switchyard::log {

enum class Level { kDebug, kInfo, kWarn, kError };

using Field = std::pair<std::string_view, std::string_view>;

void set_min_level(Level level);
Level min_level();
// "debug" | "info" | "warn" | "error" (also "warning"), case-sensitive; nullopt otherwise.
std::optional<Level> parse_level(std::string_view text);
// The minimum level starts from SWITCHYARD_LOG_LEVEL when set and valid (default info).
inline constexpr const char* kLevelEnv = "SWITCHYARD_LOG_LEVEL";
void write(Level level, std::string_view message, std::initializer_list<Field> fields = {});

inline void debug(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kDebug, m, f);
}
inline void info(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kInfo, m, f);
}
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kWarn, m, f);
}
inline void error(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kError, m, f);
}

}  // namespace switchyard::log
