#include "common/data_dir.hpp"

#include "build_config.hpp"

#include <cstdlib>
#include <filesystem>

namespace eventmap {

namespace fs = std::filesystem;

namespace {

struct Resolved {
    std::string dir;
    bool installed = false;
};

Resolved resolve() {
    const char* env = std::getenv("EVENTMAP_DATA_DIR");
    if (env != nullptr && *env != '\0') {
        return {env, true};
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path share = exe.parent_path().parent_path() / "share" / "eventmap";
        if (fs::is_directory(share / "assets", ec)) {
            return {share.string(), true};
        }
    }
    return {build_config::source_root, false};
}

// Resolved once: the answer cannot change while the process runs.
const Resolved& resolved() {
    static const Resolved r = resolve();
    return r;
}

} // namespace

std::string data_dir() {
    return resolved().dir;
}

std::string asset_path(const std::string& relative) {
    return data_dir() + "/assets/" + relative;
}

bool data_dir_is_installed() {
    return resolved().installed;
}

} // namespace eventmap
