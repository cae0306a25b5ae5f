// world-countries' countries.json: a JSON array whose objects may lack any field or carry the
// wrong type anywhere.
#include "fuzz_support.hpp"

using namespace eventmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("countries.json", data, size);
    fuzz::expect_clean([&] {
        gazetteer::IndexBuilder builder;
        gazetteer::SourceIndex index;
        gazetteer::Diagnostics diag;
        gazetteer::read_world_countries(path, builder, index, diag);
        if (fuzz::sampled(data, size, 8)) {
            fuzz::build_and_query(builder);
        }
    });
    return 0;
}
