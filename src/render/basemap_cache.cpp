#include "render/basemap_cache.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "mapdata/event_cache.hpp"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <geos_c.h>
#include <proj.h>
#include <sstream>

namespace eventmap::render {

namespace {

// Bump the version when the geometry code changes, so old entries are rebuilt.
constexpr char magic[8] = {'E', 'M', 'B', 'A', 'S', 'E', '0', '8'};

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : text) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

std::string file_stamp(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    const auto time = std::filesystem::last_write_time(path, ec);
    return std::to_string(ec ? 0 : size) + ":" +
           std::to_string(ec ? 0 : time.time_since_epoch().count());
}

std::string cache_path(const Projection& projection, Detail detail, const std::string& atlas_dir) {
    const std::string dir = basemap_cache_dir();
    if (dir.empty()) {
        return {};
    }
    const std::string scale = detail_scale(detail);
    // The libraries that cut, project and tessellate are part of the key: an upgraded GEOS or
    // PROJ may build other geometry from the same files.
    const std::string key = std::string(magic, sizeof magic) + GEOSversion() + proj_info().version +
                            projection.cache_key() + scale +
                            file_stamp(atlas_dir + "/land-" + scale + ".json") +
                            file_stamp(atlas_dir + "/countries-" + scale + ".json");
    char name[64];
    std::snprintf(name, sizeof name, "basemap-%016llx.bin",
                  static_cast<unsigned long long>(fnv1a(key)));
    return dir + "/" + name;
}

template <class T> void write_vector(std::ostream& out, const std::vector<T>& v) {
    const std::uint64_t n = v.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}

template <class T> bool read_vector(std::ifstream& in, std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!in.read(reinterpret_cast<char*>(&n), sizeof n) || n > (1ULL << 32)) {
        return false;
    }
    v.resize(n);
    return static_cast<bool>(
        in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))));
}

bool load(const std::string& path, BasemapGeometry& g) {
    std::ifstream in(path, std::ios::binary);
    char head[sizeof magic];
    if (!in || !in.read(head, sizeof head) ||
        std::string(head, sizeof head) != std::string(magic, sizeof magic)) {
        return false;
    }
    if (!read_vector(in, g.land_triangles) || !read_vector(in, g.borders) ||
        !read_vector(in, g.coastlines)) {
        return false;
    }
    std::uint64_t labels = 0;
    if (!in.read(reinterpret_cast<char*>(&labels), sizeof labels) || labels > 100000) {
        return false;
    }
    g.labels.resize(labels);
    for (auto& label : g.labels) {
        std::vector<char> name;
        double xya[3];
        if (!read_vector(in, name) || !in.read(reinterpret_cast<char*>(xya), sizeof xya)) {
            return false;
        }
        label.name.assign(name.begin(), name.end());
        label.x = xya[0];
        label.y = xya[1];
        label.area = xya[2];
    }
    return true;
}

// Through AtomicFile: a reader sees the old entry or the whole new one, and a link planted
// under the entry's name (the folder may be shared) is refused, never written through. A
// cache that cannot be written is skipped: the map is drawn all the same.
void store(const std::string& path, const BasemapGeometry& g) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ostringstream out(std::ios::binary);
    out.write(magic, sizeof magic);
    write_vector(out, g.land_triangles);
    write_vector(out, g.borders);
    write_vector(out, g.coastlines);
    const std::uint64_t labels = g.labels.size();
    out.write(reinterpret_cast<const char*>(&labels), sizeof labels);
    for (const auto& label : g.labels) {
        write_vector(out, std::vector<char>(label.name.begin(), label.name.end()));
        const double xya[3] = {label.x, label.y, label.area};
        out.write(reinterpret_cast<const char*>(xya), sizeof xya);
    }
    try {
        write_file_atomically(path, out.str());
    } catch (const OutputError&) {
        return;
    }
}

} // namespace

std::string basemap_cache_dir() {
    return mapdata::cache_dir();
}

BasemapGeometry cached_basemap(const Projection& projection, Detail detail,
                               const std::string& atlas_dir) {
    const auto started = std::chrono::steady_clock::now();
    const std::string path = cache_path(projection, detail, atlas_dir);
    BasemapGeometry g;
    if (!path.empty() && load(path, g)) {
        g.build_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return g;
    }
    g = build_basemap(projection, detail, atlas_dir);
    if (!path.empty()) {
        store(path, g);
    }
    return g;
}

} // namespace eventmap::render
