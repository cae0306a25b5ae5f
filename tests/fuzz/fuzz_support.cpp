#include "fuzz_support.hpp"

#include "gazetteer/build.hpp"
#include "gazetteer/fixture_sources.hpp" // tests/gazetteer: the tests' fixture index sources

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace eventmap::fuzz {

namespace {
void remove_scratch_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_dir(), ignored);
}
} // namespace

const std::string& scratch_dir() {
    // Never destroyed: remove_scratch_dir() runs at exit, after static destructors may have.
    static const std::string& dir = *new std::string([] {
        // Memory-backed /dev/shm where there is one: a file is written per execution.
        const char* tmp = std::getenv("TMPDIR");
        const std::string base = tmp != nullptr && *tmp != '\0'              ? tmp
                                 : std::filesystem::is_directory("/dev/shm") ? "/dev/shm"
                                                                             : "/tmp";
        std::string d = base + "/eventmap-fuzz-" + std::to_string(::getpid());
        std::filesystem::create_directories(d);
        return d;
    }());
    static const int registered = std::atexit(remove_scratch_dir);
    (void)registered;
    return dir;
}

std::string write_scratch(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const std::string path = scratch_dir() + "/" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        std::fprintf(stderr, "fuzz harness: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path;
}

std::string fixture(const std::string& relative) {
    return std::string(EVENTMAP_FUZZ_FIXTURES) + "/" + relative;
}

namespace {

gazetteer::Gazetteer open_fuzz_gazetteer() {
    const char* env = std::getenv("EVENTMAP_GAZETTEER");
    if (env != nullptr && *env != '\0') {
        return gazetteer::Gazetteer::open(env);
    }
    gazetteer::BuildOptions options;
    options.sources = test::fixture_sources_in(fixture("gazetteer"));
    options.index_path = scratch_dir() + "/fixture-gazetteer.emg";
    gazetteer::build_index(options);
    return gazetteer::Gazetteer::open(options.index_path);
}

} // namespace

const gazetteer::Gazetteer& fuzz_gazetteer() {
    static const gazetteer::Gazetteer g = open_fuzz_gazetteer();
    return g;
}

const SourceBase& fixture_sources() {
    static const SourceBase base = [] {
        SourceBase b;
        gazetteer::Diagnostics diag;
        gazetteer::read_geonames_table(fixture("gazetteer/geonames.txt"), b.builder, b.index, diag);
        gazetteer::read_world_countries(fixture("gazetteer/countries.json"), b.builder, b.index,
                                        diag);
        gazetteer::read_admin1(fixture("gazetteer/admin1CodesASCII.txt"), "", b.builder, b.index,
                               diag);
        return b;
    }();
    return base;
}

// Not instrumented for coverage (clang): the loop is the harness, not code under test, and
// traced it cost a fifth of store_open_fuzz's time (a comparison callback per byte of a
// 40-160 KB store) while feeding libFuzzer nothing but noise.
#if defined(__clang__)
__attribute__((no_sanitize("coverage")))
#endif
bool sampled(const std::uint8_t* data, std::size_t size, unsigned one_in) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < size; ++i) {
        h = (h ^ data[i]) * 1099511628211ULL;
    }
    return h % one_in == 0;
}

void build_and_query(gazetteer::IndexBuilder& builder) {
    const std::string path = scratch_dir() + "/built.emg";
    builder.write(path, 0);
    const gazetteer::Gazetteer g = gazetteer::Gazetteer::open(path);
    for (std::uint32_t i = 0; i < g.size(); ++i) {
        g.lookup(g.place(i).name);
    }
}

void escaped(const char* what) {
    std::fprintf(stderr, "fuzz finding: exception other than eventmap::Error escaped: %s\n", what);
    std::abort();
}

void require_invariant(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz finding: invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace eventmap::fuzz
