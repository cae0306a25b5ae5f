// The small hand-written gazetteer sources under tests/fixtures/gazetteer, as one SourcePaths:
// what the gazetteer and index-builder tests and the fuzz targets' fixture gazetteer
// (tests/fuzz/fuzz_support.cpp, which has its own fixture root) build their indexes from.
#pragma once

#include "gazetteer/build.hpp"
#include "support/test_support.hpp"

namespace eventmap::test {

// The sources in `dir` (a copy of tests/fixtures/gazetteer).
inline gazetteer::SourcePaths fixture_sources_in(const std::string& dir) {
    gazetteer::SourcePaths s;
    s.geonames = {dir + "/geonames.txt"};
    s.alternate_names = {dir + "/alternateNames.txt"};
    s.countries = dir + "/countries.json";
    s.country_shapes = dir + "/country_shapes.geojson";
    s.admin1 = dir + "/admin1CodesASCII.txt";
    s.states = dir + "/states.json";
    s.admin2 = dir + "/admin2Codes.txt";
    s.supplement = dir + "/supplement.tsv";
    s.aliases = dir + "/aliases.tsv";
    return s;
}

inline gazetteer::SourcePaths fixture_sources() {
    return fixture_sources_in(fixture("gazetteer"));
}

} // namespace eventmap::test
