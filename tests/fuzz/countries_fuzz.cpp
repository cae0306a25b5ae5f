// world-countries' countries.json: a JSON array whose objects may lack any field or carry the
// wrong type anywhere.
#include "fuzz_support.hpp"

using namespace eventmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("countries.json", data, size);
    fuzz::read_source_and_query(
        data, size, fuzz::SourceBase{}, [&](fuzz::SourceBase& base, gazetteer::Diagnostics& diag) {
            gazetteer::read_world_countries(path, base.builder, base.index, diag);
        });
    return 0;
}
