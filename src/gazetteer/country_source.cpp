// Countries: world-countries' countries.json, placed with Natural Earth's shapes.
#include "common/error.hpp"
#include "common/geo.hpp"
#include "gazetteer/country_shapes.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/source_rows.hpp"
#include "gazetteer/sources.hpp"

#include <algorithm>
#include <string_view>

namespace eventmap::gazetteer {

using source_rows::json_string;
using source_rows::parse_number;
using source_rows::read_json;

std::size_t read_world_countries(const std::string& path, IndexBuilder& builder, SourceIndex& index,
                                 Diagnostics& diag,
                                 const std::unordered_map<std::string, CountryShape>* shapes) {
    const nlohmann::json doc = read_json(path);
    if (!doc.is_array()) {
        throw InputError("expected a JSON array of countries", path);
    }
    std::size_t added = 0;
    std::uint64_t record = 0;
    for (const auto& c : doc) {
        ++record;
        try {
            PlaceEntry p;
            const std::string cca2 = json_string(c, "cca2");
            const auto& latlng = c.at("latlng");
            if (cca2.size() != 2 || !latlng.is_array() || latlng.size() != 2) {
                diag.error(path, record, "country without cca2 or latlng");
                continue;
            }
            p.position = LatLon{latlng[0].get<double>(), latlng[1].get<double>()};
            if (!is_valid(p.position)) {
                diag.error(path, record, "bad latlng");
                continue;
            }
            std::uint64_t numeric = 0;
            const std::string ccn3 = json_string(c, "ccn3");
            if (!parse_number(std::string_view(ccn3), numeric)) {
                numeric = 1000 + (fnv1a(cca2) % 1000);
            }
            p.id = country_id_base + numeric;
            p.area_km2 = std::max(0.0, c.value("area", 0.0));
            if (shapes != nullptr) {
                // The polygon point is better when it agrees with the table's to within the
                // country's own extent; otherwise (parts split across the antimeridian, a
                // largest part that is not where the country is) the table's point stays.
                const auto shape = shapes->find(ccn3);
                const double extent = area_radius_km(p.area_km2);
                if (shape != shapes->end() &&
                    distance_km(shape->second.point, p.position) <= 1.5 * extent + 300.0) {
                    p.position = shape->second.point;
                }
            }
            p.name = c.at("name").at("common").get<std::string>();
            p.alternate_names.push_back(c.at("name").at("official").get<std::string>());
            const nlohmann::json spellings = c.value("altSpellings", nlohmann::json::array());
            for (const auto& alt : spellings) {
                p.alternate_names.push_back(alt.get<std::string>());
            }
            const nlohmann::json natives = c.at("name").value("native", nlohmann::json::object());
            for (const auto& [lang, native] : natives.items()) {
                p.alternate_names.push_back(json_string(native, "common"));
                p.alternate_names.push_back(json_string(native, "official"));
            }
            p.feature_class = 'A';
            const auto independent = c.find("independent");
            p.feature_code =
                independent != c.end() && independent->is_boolean() && !independent->get<bool>()
                    ? "PCLD"
                    : "PCLI";
            p.country = cca2;
            p.precision = Precision::country;
            p.source = Source::country;
            const std::uint32_t place = builder.add_place(p);
            index.countries[cca2] = place;
            if (auto d = c.find("demonyms"); d != c.end() && d->contains("eng")) {
                const std::string m = json_string((*d)["eng"], "m");
                const std::string f = json_string((*d)["eng"], "f");
                if (!m.empty()) {
                    builder.add_name(place, m, NameKind::demonym);
                }
                if (!f.empty() && f != m) {
                    builder.add_name(place, f, NameKind::demonym);
                }
            }
            ++added;
        } catch (const nlohmann::json::exception& e) {
            diag.error(path, record, std::string("bad country record: ") + e.what());
        }
    }
    return added;
}

} // namespace eventmap::gazetteer
