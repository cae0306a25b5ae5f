#include "mapdata/event_cache.hpp"

#include "common/ascii.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace eventmap::mapdata {

namespace {

// Bump when EventTable's columns or the loader's rules change, so old entries are rebuilt.
constexpr char magic[8] = {'E', 'M', 'E', 'V', 'T', '0', '0', '1'};
constexpr std::size_t max_cached_rows = 2'000'000;

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : text) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

bool cacheable(const std::string& source) {
    const std::string low = ascii_lower(source);
    for (const char* ext : {".geojson", ".json", ".geojsonl", ".geojsons", ".geojsonseq", ".jsonl",
                            ".ndjson", ".csv", ".fgb"}) {
        const std::string e = ext;
        if (low.size() > e.size() && low.compare(low.size() - e.size(), e.size(), e) == 0) {
            return true;
        }
    }
    return false;
}

// Empty when the source is not a cacheable regular file.
std::string cache_path(const std::string& source, const LoadOptions& options) {
    const std::string dir = cache_dir();
    std::error_code ec;
    const auto path = std::filesystem::absolute(source, ec);
    if (dir.empty() || ec || !cacheable(source) || !std::filesystem::is_regular_file(path, ec)) {
        return {};
    }
    const auto size = std::filesystem::file_size(path, ec);
    const auto time = std::filesystem::last_write_time(path, ec);
    if (ec) {
        return {};
    }
    const std::string key = std::string(magic, sizeof magic) + path.string() + "\n" +
                            std::to_string(size) + ":" +
                            std::to_string(time.time_since_epoch().count()) + "\n" + options.layer;
    char name[64];
    std::snprintf(name, sizeof name, "events-%016llx.bin",
                  static_cast<unsigned long long>(fnv1a(key)));
    return dir + "/" + name;
}

template <class T> void put(std::ofstream& out, const std::vector<T>& v) {
    const std::uint64_t n = v.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}

void put(std::ofstream& out, const std::string& s) {
    put(out, std::vector<char>(s.begin(), s.end()));
}

void put(std::ofstream& out, std::uint64_t v) {
    out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

template <class T> bool get(std::ifstream& in, std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!in.read(reinterpret_cast<char*>(&n), sizeof n) || n > (1ULL << 31)) {
        return false;
    }
    v.resize(n);
    return static_cast<bool>(
        in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))));
}

bool get(std::ifstream& in, std::string& s) {
    std::vector<char> chars;
    if (!get(in, chars)) {
        return false;
    }
    s.assign(chars.begin(), chars.end());
    return true;
}

bool get(std::ifstream& in, std::uint64_t& v) {
    return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v));
}

template <class T> bool get_or_put(std::ifstream& in, T& v) {
    return get(in, v);
}
template <class T> bool get_or_put(std::ofstream& out, const T& v) {
    put(out, v);
    return true;
}

// Every column, in one order for writing and reading.
template <class Stream, class Table> bool columns(Stream& s, Table& t) {
    return get_or_put(s, t.fid) && get_or_put(s, t.lon) && get_or_put(s, t.lat) &&
           get_or_put(s, t.day_start) && get_or_put(s, t.day_end) && get_or_put(s, t.precision) &&
           get_or_put(s, t.type) && get_or_put(s, t.quad) && get_or_put(s, t.sources) &&
           get_or_put(s, t.planned) && get_or_put(s, t.confidence) && get_or_put(s, t.radius_km);
}

bool load(const std::string& path, EventTable& t) {
    std::ifstream in(path, std::ios::binary);
    char head[sizeof magic];
    if (!in || !in.read(head, sizeof head) ||
        std::string(head, sizeof head) != std::string(magic, sizeof magic)) {
        return false;
    }
    std::uint64_t names = 0;
    if (!get(in, t.source) || !get(in, t.layer) || !get(in, t.data_source) || !columns(in, t) ||
        !get(in, t.article_count) || !get(in, t.skipped_rows) || !get(in, names) || names > 65536) {
        return false;
    }
    t.type_names.resize(names);
    for (auto& name : t.type_names) {
        if (!get(in, name)) {
            return false;
        }
    }
    const std::size_t n = t.lon.size();
    // A truncated or mixed-up entry must not reach the renderer: every column one row each.
    return n > 0 && t.fid.size() == n && t.lat.size() == n && t.day_start.size() == n &&
           t.day_end.size() == n && t.precision.size() == n && t.type.size() == n &&
           t.quad.size() == n && t.sources.size() == n && t.planned.size() == n &&
           t.confidence.size() == n && t.radius_km.size() == n &&
           std::all_of(t.type.begin(), t.type.end(),
                       [&](std::uint16_t type) { return type < t.type_names.size(); });
}

void store(const std::string& path, const EventTable& t) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const std::string temp = path + ".tmp-" + std::to_string(static_cast<long>(getpid()));
    {
        std::ofstream out(temp, std::ios::binary);
        out.write(magic, sizeof magic);
        put(out, t.source);
        put(out, t.layer);
        put(out, t.data_source);
        columns(out, t);
        put(out, t.article_count);
        put(out, t.skipped_rows);
        put(out, static_cast<std::uint64_t>(t.type_names.size()));
        for (const auto& name : t.type_names) {
            put(out, name);
        }
        if (!out) {
            std::filesystem::remove(temp, ec);
            return;
        }
    }
    std::filesystem::rename(temp, path, ec); // atomic: readers see the old entry or the new
    if (ec) {
        std::filesystem::remove(temp, ec);
    }
}

} // namespace

std::string cache_dir() {
    if (const char* dir = std::getenv("EVENTMAP_CACHE_DIR"); dir != nullptr && *dir != 0) {
        return dir;
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != 0) {
        return std::string(xdg) + "/eventmap";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != 0) {
        return std::string(home) + "/.cache/eventmap";
    }
    return {};
}

EventTable load_events_cached(const std::string& source, const LoadOptions& options, bool* hit) {
    const std::string path = cache_path(source, options);
    if (hit != nullptr) {
        *hit = false;
    }
    if (!path.empty()) {
        EventTable cached;
        if (load(path, cached)) {
            cached.source = source; // as the caller named it (relative or absolute)
            if (hit != nullptr) {
                *hit = true;
            }
            return cached;
        }
    }
    EventTable table = load_events(source, options);
    if (!path.empty() && table.size() <= max_cached_rows) {
        store(path, table);
    }
    return table;
}

} // namespace eventmap::mapdata
