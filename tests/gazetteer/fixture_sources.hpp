// The small hand-written gazetteer sources under tests/fixtures/gazetteer, as one SourcePaths:
// what the gazetteer and index-builder tests build their indexes from.
#pragma once

#include "gazetteer/build.hpp"
#include "support/test_support.hpp"

namespace eventmap::test {

inline gazetteer::SourcePaths fixture_sources() {
    gazetteer::SourcePaths s;
    s.geonames = {fixture("gazetteer/geonames.txt")};
    s.alternate_names = {fixture("gazetteer/alternateNames.txt")};
    s.countries = fixture("gazetteer/countries.json");
    s.country_shapes = fixture("gazetteer/country_shapes.geojson");
    s.admin1 = fixture("gazetteer/admin1CodesASCII.txt");
    s.states = fixture("gazetteer/states.json");
    s.admin2 = fixture("gazetteer/admin2Codes.txt");
    s.supplement = fixture("gazetteer/supplement.tsv");
    s.aliases = fixture("gazetteer/aliases.tsv");
    return s;
}

} // namespace eventmap::test
