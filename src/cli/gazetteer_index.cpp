#include "cli/gazetteer_index.hpp"

#include "common/error.hpp"

#include <iostream>

namespace eventmap::cli {

gazetteer::Gazetteer open_or_build(const std::string& index_path,
                                   const gazetteer::SourcePaths& sources, bool rebuild) {
    std::string problem;
    try {
        gazetteer::Gazetteer g = gazetteer::Gazetteer::open(index_path);
        std::uint64_t want = 0;
        try {
            want = gazetteer::sources_fingerprint(sources);
        } catch (const InputError&) {
            return g; // sources not present (an installed copy): the index is all there is
        }
        if (g.stats().source_fingerprint == want) {
            return g;
        }
        problem = "was built from other source files";
    } catch (const DataError& e) {
        problem = e.what();
    }
    if (!rebuild) {
        throw DataError("gazetteer index " + problem +
                            "; rebuild it with `eventmap gazetteer build`",
                        index_path);
    }
    std::cerr << "eventmap: gazetteer index " << index_path << ": " << problem
              << "; rebuilding it\n";
    gazetteer::BuildOptions options;
    options.sources = sources;
    options.index_path = index_path;
    const gazetteer::BuildReport report = gazetteer::build_index(options);
    if (!report.index_written) {
        throw DataError("gazetteer rebuild failed: " + std::to_string(report.diagnostics.count()) +
                            " malformed source rows",
                        index_path);
    }
    return gazetteer::Gazetteer::open(index_path);
}

} // namespace eventmap::cli
