// A direct reader for CSV point files such as the project's own CSV exports (longitude and
// latitude columns), skipping OGR: GDAL's CSV driver builds an OGRFeature with every field of
// every row, where this splits the file over the cores and keeps only the columns the map
// uses. It applies load_events' rules (row_rules.hpp) with OGR's conversions, and reads a file
// as OGR's CSV driver does with the open options load_events gives it: the first line names
// the fields, every field is text, longitude/lon/lng/x and latitude/lat/y (any case) make the
// point and are no fields, features are numbered from 1, blank lines are skipped, and quotes
// toggle anywhere in a field ("" inside quotes is one quote).
//
// It answers only where it can match OGR exactly: anything else (another separator, a .csvt
// file of field types, a quoted line break, a short row, a coordinate that is neither empty nor
// a plain number, an ambiguous or unnamed header, a WKT column, no named date field, no usable
// row) returns nullopt, and load_events takes OGR's path, which also words the errors.
#pragma once

#include "mapdata/event_table.hpp"

#include <optional>
#include <string>

namespace eventmap::mapdata {

// True for names the reader may take: .csv (any case).
bool direct_csv_candidate(const std::string& path);

// The events of a CSV file, or nullopt when OGR must read it. Read in `parts` pieces in
// parallel; 0: one per core, none under 4 MiB.
std::optional<EventTable> read_csv_directly(const std::string& path, unsigned parts = 0);

// The first column name the CSV file's header repeats (any case), or nullopt. GDAL 3.6's CSV
// driver crashes reading a file whose point column appears twice (found by mapdata_source_fuzz),
// so such a file is refused before OGR opens it. Reads the header line only.
std::optional<std::string> repeated_csv_column(const std::string& path);

// The point columns OGR should take, as its X_POSSIBLE_NAMES / Y_POSSIBLE_NAMES open options:
// the first name of the preference order (longitude, lon, lng, x; latitude, lat, y) that the
// header holds, alone, or the whole list when it holds none. GDAL 3.6's CSV driver crashes when
// two header columns match its list ("lon" and "longitude": found by mapdata_source_fuzz).
struct CsvPointNames {
    std::string x, y;
};
CsvPointNames csv_point_names(const std::string& path);

} // namespace eventmap::mapdata
