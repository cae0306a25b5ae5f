// GeoNames' main table (cities500.txt, allCountries.txt): 19 tab-separated columns per row,
// from a dump anyone can hand to `gazetteer build --geonames`. Bad rows go to Diagnostics; what
// was read then goes (for one input in eight) through the index builder and loader.
#include "fuzz_support.hpp"

using namespace eventmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("geonames.txt", data, size);
    fuzz::read_source_and_query(
        data, size, fuzz::SourceBase{}, [&](fuzz::SourceBase& base, gazetteer::Diagnostics& diag) {
            gazetteer::read_geonames_table(path, base.builder, base.index, diag);
        });
    return 0;
}
