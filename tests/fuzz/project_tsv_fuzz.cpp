// The project's own TSVs (gazetteer/supplement.tsv, gazetteer/aliases.tsv), which users edit by
// hand: the first byte picks the reader, the rest is the file.
#include "fuzz_support.hpp"

using namespace eventmap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::fixture_sources();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const bool aliases = (data[0] & 1) != 0;
    const std::string path =
        fuzz::write_scratch(aliases ? "aliases.tsv" : "supplement.tsv", data + 1, size - 1);
    fuzz::read_source_and_query(
        data, size, fuzz::fixture_sources(),
        [&](fuzz::SourceBase& base, gazetteer::Diagnostics& diag) {
            if (aliases) {
                gazetteer::read_aliases(path, base.builder, base.index, diag);
            } else {
                gazetteer::read_supplement(path, base.builder, base.index, diag);
            }
        });
    return 0;
}
