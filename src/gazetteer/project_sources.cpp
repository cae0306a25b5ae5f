// The project's own sources: the supplement, the user gazetteer (same format) and aliases.
#include "common/error.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/source_rows.hpp"
#include "gazetteer/sources.hpp"

#include <optional>
#include <string_view>

namespace eventmap::gazetteer {

using source_rows::for_each_tsv_row;
using source_rows::parse_number;
using source_rows::split_list;
using source_rows::valid_position;

namespace {

bool parse_precision(std::string_view s, Precision& out) {
    for (int i = 0; i <= static_cast<int>(Precision::point); ++i) {
        if (to_string(static_cast<Precision>(i)) == s) {
            out = static_cast<Precision>(i);
            return true;
        }
    }
    return false;
}

// Reads a project TSV file: '#' comments, a header line that must match `header`, rows with
// exactly that many columns. Calls row(cols, line) for each data row.
template <typename Row>
void read_project_tsv(const std::string& path, const std::vector<std::string_view>& header,
                      Diagnostics& diag, Row&& row) {
    bool header_seen = false;
    for_each_tsv_row(
        path, diag, [&](const std::vector<std::string_view>& cols, std::uint64_t line_no) {
            if (!header_seen) {
                if (cols != header) {
                    throw InputError("unexpected header; expected the columns documented in "
                                     "gazetteer/README.md",
                                     path, line_no);
                }
                header_seen = true;
                return;
            }
            if (cols.size() != header.size()) {
                diag.error(path, line_no,
                           "expected " + std::to_string(header.size()) +
                               " tab-separated columns, found " + std::to_string(cols.size()));
                return;
            }
            row(cols, line_no);
        });
}

} // namespace

std::size_t read_supplement(const std::string& path, IndexBuilder& builder, SourceIndex& index,
                            Diagnostics& diag, bool corrections) {
    // clang-format off
    static const std::vector<std::string_view> header = {
        "key", "name", "alternate_names", "feature_class", "feature_code", "country", "admin1",
        "lat", "lon", "radius_km", "precision", "population", "source", "geonameid"};
    // clang-format on
    std::size_t added = 0;
    read_project_tsv(
        path, header, diag, [&](const std::vector<std::string_view>& c, std::uint64_t line_no) {
            PlaceEntry p;
            double lat = 0;
            double lon = 0;
            float radius = 0;
            if (c[0].empty() || c[1].empty()) {
                diag.error(path, line_no, "missing key or name");
                return;
            }
            if (index.supplement.count(std::string(c[0])) > 0) {
                diag.error(path, line_no, "duplicate key '" + std::string(c[0]) + "'");
                return;
            }
            if (!parse_number(c[7], lat) || !parse_number(c[8], lon) || !valid_position(lat, lon)) {
                diag.error(path, line_no, "bad lat/lon");
                return;
            }
            if (!parse_number(c[9], radius) || radius < 0) {
                diag.error(path, line_no, "bad radius_km '" + std::string(c[9]) + "'");
                return;
            }
            if (!parse_precision(c[10], p.precision)) {
                diag.error(path, line_no, "bad precision '" + std::string(c[10]) + "'");
                return;
            }
            if (!c[11].empty() && !parse_number(c[11], p.population)) {
                diag.error(path, line_no, "bad population '" + std::string(c[11]) + "'");
                return;
            }
            if (c[3].size() != 1 || c[4].empty() || (c[5].size() != 0 && c[5].size() != 2)) {
                diag.error(path, line_no, "bad feature class/code or country");
                return;
            }
            p.id = supplement_id_base + fnv1a(c[0]) % 1'000'000'000;
            if (!c[13].empty() && (!parse_number(c[13], p.id) || p.id == 0)) {
                diag.error(path, line_no, "bad geonameid '" + std::string(c[13]) + "'");
                return;
            }
            p.name = std::string(c[1]);
            p.alternate_names = split_list(c[2], '|');
            p.feature_class = c[3][0];
            p.feature_code = std::string(c[4].substr(0, 7));
            p.country = std::string(c[5]);
            p.admin1 = std::string(c[6]);
            // Accept the admin1 code with its country prefix too ("SY.08" as well as "08").
            if (p.admin1.size() > 3 && p.admin1.compare(0, 2, p.country) == 0 &&
                p.admin1[2] == '.') {
                p.admin1.erase(0, 3);
            }
            p.position = LatLon{lat, lon};
            p.radius_km = radius;
            p.source = Source::supplement;
            // A user's row naming the GeoNames id of a place already read corrects that
            // place (a village put in the wrong district, a town with the wrong point)
            // instead of adding a second one under the same id.
            if (const auto* known =
                    !corrections || c[13].empty() ? nullptr : index.geonames.find(p.id)) {
                builder.correct_place(known->second, p);
                index.supplement[std::string(c[0])] = known->second;
                ++added;
                return;
            }
            index.supplement[std::string(c[0])] = builder.add_place(p);
            ++added;
        });
    return added;
}

std::size_t read_aliases(const std::string& path, IndexBuilder& builder, const SourceIndex& index,
                         Diagnostics& diag) {
    static const std::vector<std::string_view> header = {"alias", "kind", "target", "source"};
    std::size_t added = 0;
    read_project_tsv(
        path, header, diag, [&](const std::vector<std::string_view>& c, std::uint64_t line_no) {
            NameKind kind;
            if (c[1] == "abbreviation") {
                kind = NameKind::abbreviation;
            } else if (c[1] == "demonym" || c[1] == "demonym_plural") {
                kind = NameKind::demonym;
            } else if (c[1] == "variant") {
                kind = NameKind::name;
            } else {
                diag.error(path, line_no, "bad kind '" + std::string(c[1]) + "'");
                return;
            }
            const std::string_view target = c[2];
            const std::size_t colon = target.find(':');
            const std::string_view scheme = target.substr(0, colon);
            const std::string value(colon == std::string_view::npos ? std::string_view()
                                                                    : target.substr(colon + 1));
            std::optional<std::uint32_t> place;
            auto find_in = [&](const auto& map, const auto& key) {
                const auto it = map.find(key);
                if (it != map.end()) {
                    place = it->second;
                }
            };
            if (scheme == "country") {
                find_in(index.countries, value);
            } else if (scheme == "admin1") {
                find_in(index.admin1, value);
            } else if (scheme == "supplement") {
                find_in(index.supplement, value);
            } else if (scheme == "geonames") {
                std::uint64_t id = 0;
                if (parse_number(std::string_view(value), id)) {
                    find_in(index.geonames, id);
                }
            }
            if (!place || c[0].empty()) {
                diag.error(path, line_no, "unknown target '" + std::string(target) + "'");
                return;
            }
            builder.add_name(*place, c[0], kind);
            ++added;
        });
    return added;
}

} // namespace eventmap::gazetteer
