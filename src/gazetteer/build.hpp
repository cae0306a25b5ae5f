// Building the index from its sources, and deciding when an existing index is stale.
#pragma once

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/sources.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace eventmap::gazetteer {

struct SourcePaths {
    std::vector<std::string> geonames;        // GeoNames main-table files
    std::vector<std::string> alternate_names; // alternateNamesV2.txt files (optional)
    std::string countries;                    // world-countries countries.json
    std::string country_shapes;               // world-atlas countries-50m.json (optional)
    std::string admin1;                       // admin1.json or admin1CodesASCII.txt
    std::string states;                       // country-state-city state.json (optional)
    std::string admin2;                       // admin2.json or admin2Codes.txt (optional)
    std::string supplement;                   // gazetteer/supplement.tsv
    std::string aliases;                      // gazetteer/aliases.tsv
    // Places a user adds (villages, camps, neighbourhoods news names), in the supplement's
    // format: $EVENTMAP_USER_GAZETTEER, else gazetteer/user.tsv; optional.
    std::string user;

    // The pinned defaults under a checkout: gazetteer/sources/node_modules/... and gazetteer/.
    static SourcePaths defaults(const std::string& source_root);
    std::vector<std::string> all() const;
};

struct BuildOptions {
    SourcePaths sources;
    std::string index_path;
    // Malformed rows tolerated before the build fails (and leaves any old index in place).
    std::size_t max_errors = 1000;
    // Memory the name sort holds before it spills a sorted run to a scratch folder beside the
    // index (the full GeoNames dump: ~3 GB of names, a few runs).
    std::size_t sort_budget = std::size_t{512} << 20;
};

struct BuildReport {
    std::map<std::string, std::size_t> places_per_source;
    std::size_t names_added = 0; // alias and alternate-name rows
    WriteSummary written;
    bool index_written = false;
    Diagnostics diagnostics;
    double seconds = 0;
};

// Reads every source and writes the index. Throws InputError for a missing source (naming
// it and how to fetch it). Malformed rows go to the report; past max_errors the index is not
// written and report.index_written is false.
BuildReport build_index(const BuildOptions& options);

// Identifies the exact source files (path, size, modification time) and the format version.
// Throws InputError naming the first missing file.
std::uint64_t sources_fingerprint(const SourcePaths& sources);

// True when `index_path` opens, passes verify() (every section read), and was built from these
// sources.
bool index_is_current(const std::string& index_path, const SourcePaths& sources);

// The index a command uses unless told otherwise: $EVENTMAP_GAZETTEER, else the build tree's.
std::string default_index_path();

// The sources next to this build's checkout.
SourcePaths default_sources();

// Opening an index that may be stale, and rebuilding it (seconds of work, with a message), is
// the command line's business: cli/gazetteer_index.hpp. Code a UI calls uses Gazetteer::open
// and index_is_current, and never blocks on a rebuild.

} // namespace eventmap::gazetteer
