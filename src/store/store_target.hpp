// Store targets (internal to src/store): a GeoPackage path or a "PG:" connection string, the
// name messages show for it (never a password), and the checks a writable file store needs.
#pragma once

#include <string>

namespace eventmap::store {

bool is_pg_target(const std::string& target);
// The target as messages show it: a PG password never reaches stderr.
std::string display_name(const std::string& target);
std::string parent_dir(const std::string& path);
// Throws OutputError when the file or its directory (where SQLite writes its journal) is not
// writable by this process.
void require_writable(const std::string& path);
std::string utc_now_iso();

} // namespace eventmap::store
