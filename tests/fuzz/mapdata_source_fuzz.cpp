// The map's source loaders (src/mapdata), which read GeoJSON, GeoJSONSeq and CSV files from
// anyone: the direct readers first, OGR where they step aside. The first byte picks the file
// name (and so the reader), the rest is the file. A load must refuse with an eventmap::Error or
// give a table whose columns agree in length and whose rows lie on the globe; nothing escapes,
// nothing crashes. One input in eight is read through OGR as well (LoadOptions::through_ogr),
// so GDAL's drivers see the same hostile files.
#include "fuzz_support.hpp"
#include "mapdata/map_source.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace eventmap;

namespace {

const char* const file_names[] = {"source.geojson", "source.geojsons", "source.csv", "source.json"};

void check(const mapdata::EventTable& table) {
    const std::size_t n = table.size();
    if (table.lon.size() != n || table.lat.size() != n) {
        std::fprintf(stderr, "fuzz finding: columns of different lengths (%zu rows)\n", n);
        std::abort();
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!(std::fabs(table.lat[i]) <= 90.0) || !(std::fabs(table.lon[i]) <= 360.0)) {
            std::fprintf(stderr, "fuzz finding: row %zu off the globe (%f, %f)\n", i, table.lon[i],
                         table.lat[i]);
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const char* name = file_names[data[0] % 4];
    const std::string path = fuzz::write_scratch(name, data + 1, size - 1);
    fuzz::expect_clean([&] { check(mapdata::load_events(path)); });
    if (fuzz::sampled(data, size, 8)) {
        mapdata::LoadOptions through_ogr;
        through_ogr.through_ogr = true;
        fuzz::expect_clean([&] { check(mapdata::load_events(path, through_ogr)); });
    }
    return 0;
}
