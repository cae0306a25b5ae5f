// GeoNames' main table (cities500.txt, allCountries.txt): 19 tab-separated columns per row,
// from a dump anyone can hand to `gazetteer build --geonames`. Bad rows go to Diagnostics; what
// was read then goes (for one input in eight) through the index builder and loader.
#include "fuzz_support.hpp"

using namespace eventmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("geonames.txt", data, size);
    fuzz::expect_clean([&] {
        gazetteer::IndexBuilder builder;
        gazetteer::SourceIndex index;
        gazetteer::Diagnostics diag;
        gazetteer::read_geonames_table(path, builder, index, diag);
        if (fuzz::sampled(data, size, 8)) {
            fuzz::build_and_query(builder);
        }
    });
    return 0;
}
