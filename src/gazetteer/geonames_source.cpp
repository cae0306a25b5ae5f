// GeoNames: the main table (cities500.txt, allCountries.txt...) and its alternate names.
#include "common/geo.hpp"
#include "gazetteer/source_rows.hpp"
#include "gazetteer/sources.hpp"

#include <string_view>

namespace eventmap::gazetteer {

using source_rows::for_each_tsv_row;
using source_rows::parse_number;
using source_rows::split_list;
using source_rows::valid_position;

namespace {

Precision precision_for(char feature_class, std::string_view code) {
    auto starts = [&](std::string_view p) { return code.substr(0, p.size()) == p; };
    switch (feature_class) {
    case 'A':
        if (starts("PCL")) {
            return Precision::country;
        }
        return code == "ADM1" ? Precision::admin1 : Precision::admin2;
    case 'P':
        return code == "PPLX" ? Precision::district : Precision::city;
    case 'L':
        if (code == "CONT") {
            return Precision::continent;
        }
        return (code == "RGN" || code == "RGNE" || code == "AREA") ? Precision::region
                                                                   : Precision::point;
    case 'H':
        return (code == "OCN" || code == "SEA" || code == "GULF" || code == "BAY")
                   ? Precision::region
                   : Precision::point;
    case 'T':
        return (code == "MTS" || code == "DSRT" || code == "PEN" || code == "PLN")
                   ? Precision::region
                   : Precision::point;
    default:
        return Precision::point;
    }
}

} // namespace

std::size_t read_geonames_table(const std::string& path, IndexBuilder& builder, SourceIndex& index,
                                Diagnostics& diag) {
    std::size_t added = 0;
    for_each_tsv_row(
        path, diag, [&](const std::vector<std::string_view>& cols, std::uint64_t line_no) {
            if (cols.size() != 19) {
                diag.error(path, line_no,
                           "expected 19 tab-separated columns, found " +
                               std::to_string(cols.size()));
                return;
            }
            PlaceEntry p;
            double lat = 0;
            double lon = 0;
            if (!parse_number(cols[0], p.id) || p.id == 0) {
                diag.error(path, line_no, "bad geonameid '" + std::string(cols[0]) + "'");
                return;
            }
            if (!parse_number(cols[4], lat) || !parse_number(cols[5], lon) ||
                !valid_position(lat, lon)) {
                diag.error(path, line_no, "bad latitude/longitude");
                return;
            }
            if (!cols[14].empty() && !parse_number(cols[14], p.population)) {
                diag.error(path, line_no, "bad population '" + std::string(cols[14]) + "'");
                return;
            }
            if (cols[1].empty() || cols[6].size() > 1) {
                diag.error(path, line_no, "missing name or bad feature class");
                return;
            }
            p.name = std::string(cols[1]);
            p.alternate_names = split_list(cols[3], ',');
            if (!cols[2].empty() && cols[2] != cols[1]) {
                p.alternate_names.emplace_back(cols[2]);
            }
            p.position = LatLon{lat, lon};
            p.feature_class = cols[6].empty() ? ' ' : cols[6][0];
            p.feature_code = std::string(cols[7].substr(0, 7));
            p.country = std::string(cols[8]);
            p.admin1 = std::string(cols[10]);
            p.admin2 = std::string(cols[11]);
            p.precision = precision_for(p.feature_class, p.feature_code);
            p.source = Source::geonames;
            const std::uint64_t id = p.id;
            index.geonames[id] = builder.add_place(p);
            ++added;
        });
    return added;
}

std::size_t read_geonames_alternate_names(const std::string& path, IndexBuilder& builder,
                                          const SourceIndex& index, Diagnostics& diag) {
    std::size_t added = 0;
    for_each_tsv_row(
        path, diag, [&](const std::vector<std::string_view>& cols, std::uint64_t line_no) {
            if (cols.size() < 4 || cols.size() > 10) {
                diag.error(path, line_no,
                           "expected 4 to 10 tab-separated columns, found " +
                               std::to_string(cols.size()));
                return;
            }
            std::uint64_t geonameid = 0;
            if (!parse_number(cols[1], geonameid)) {
                diag.error(path, line_no, "bad geonameid '" + std::string(cols[1]) + "'");
                return;
            }
            const std::string_view lang = cols[2];
            // Links, postal codes and airport codes are not names a news text uses.
            if (lang == "link" || lang == "post" || lang == "iata" || lang == "icao" ||
                lang == "faac" || lang == "wkdt" || lang == "unlc" || lang == "tcid") {
                return;
            }
            const auto it = index.geonames.find(geonameid);
            if (it == index.geonames.end()) {
                return; // a place not in the selected table (cities500 lacks most of them)
            }
            builder.add_name(it->second, cols[3],
                             lang == "abbr" ? NameKind::abbreviation : NameKind::name);
            ++added;
        });
    return added;
}

} // namespace eventmap::gazetteer
