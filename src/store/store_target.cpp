#include "store/store_target.hpp"

#include "common/error.hpp"

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <unistd.h>

namespace eventmap::store {

namespace fs = std::filesystem;

bool is_pg_target(const std::string& target) {
    return target.rfind("PG:", 0) == 0;
}

// The target as messages show it: a PG password never reaches stderr.
std::string display_name(const std::string& target) {
    if (!is_pg_target(target)) {
        return target;
    }
    std::string out = target;
    const std::string key = "password=";
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + 1)) {
        const std::size_t value = at + key.size();
        std::size_t stop = out.find(' ', value);
        if (stop == std::string::npos) {
            stop = out.size();
        }
        out.replace(value, stop - value, "***");
    }
    return out;
}

std::string parent_dir(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// access(2) asks with the real uid, which is what decides for a store opened by this process.
void require_writable(const std::string& path) {
    if (::access(path.c_str(), W_OK) != 0) {
        throw OutputError(std::string("store is read-only (") + std::strerror(errno) +
                              "); open it for reading only or fix its permissions",
                          path);
    }
    const std::string dir = parent_dir(path);
    // SQLite writes its rollback journal beside the file: a read-only directory is a
    // read-only store too, only discovered at the first commit.
    if (::access(dir.c_str(), W_OK) != 0) {
        throw OutputError("store directory " + dir + " is read-only (" + std::strerror(errno) +
                              "); SQLite needs to write its journal there",
                          path);
    }
}

std::string utc_now_iso() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    std::array<char, 32> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer.data();
}

} // namespace eventmap::store
