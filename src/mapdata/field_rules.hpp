// The rules that turn a source's fields into EventTable columns, shared by the OGR loader and
// the direct GeoJSON reader (geojson_reader.hpp) so that both read a file the same way.
// Internal to mapdata.
#pragma once

#include "mapdata/event_table.hpp"

#include <cstdint>
#include <vector>

namespace eventmap::mapdata::detail {

// Candidate field names per column, best first (compared with the field's name in lower case);
// the date field's are mapdata::date_field_names.
extern const std::vector<const char*> end_field_names;
extern const std::vector<const char*> type_field_names;
extern const std::vector<const char*> quad_field_names;
extern const std::vector<const char*> count_field_names;
extern const std::vector<const char*> precision_field_names;

// "day", "month", "year" (any case); `fallback` for anything else.
DatePrecision precision_from_text(const char* text, DatePrecision fallback);
// Distinct values among the hashes (sorts them).
std::uint64_t distinct(std::vector<std::uint64_t>& hashes);

} // namespace eventmap::mapdata::detail
