// GeoNames' alternateNamesV2.txt rows against the fixture places: ids that exist, ids that do
// not, languages, flags and names of any bytes.
#include "fuzz_support.hpp"

using namespace eventmap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::fixture_sources();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("alternateNames.txt", data, size);
    fuzz::read_source_and_query(data, size, fuzz::fixture_sources(),
                                [&](fuzz::SourceBase& base, gazetteer::Diagnostics& diag) {
                                    gazetteer::read_geonames_alternate_names(path, base.builder,
                                                                             base.index, diag);
                                });
    return 0;
}
