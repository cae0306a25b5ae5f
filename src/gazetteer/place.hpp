// What the gazetteer knows about one place, as every later stage sees it.
#pragma once

#include "common/geo.hpp"

#include <cstdint>
#include <string_view>

namespace eventmap::gazetteer {

// Where an entry came from (the `source` column of `gazetteer info`).
enum class Source : std::uint8_t {
    geonames = 0,   // GeoNames table (cities500.txt, allCountries.txt, a per-country file)
    country = 1,    // world-countries
    admin1 = 2,     // GeoNames admin1 names + country-state-city coordinates and ISO 3166-2
    admin2 = 3,     // GeoNames admin2 names, points from their member places
    supplement = 4, // gazetteer/supplement.tsv, written by the project
};
std::string_view to_string(Source s);

// How precise a place is, coarsest first; the geoparser prefers finer ones and the map draws
// coarse ones as areas rather than points.
enum class Precision : std::uint8_t {
    continent = 0,
    region = 1, // macro-region: Middle East, Sahel, Gulf, Donbas
    country = 2,
    admin1 = 3,
    admin2 = 4,
    city = 5,
    district = 6, // a named part of a city: Barzeh, Jobar
    point = 7,    // a spot: a building, a crossing
};
std::string_view to_string(Precision p);

// How a name in the index refers to its place.
enum class NameKind : std::uint8_t {
    name = 0,         // the place's own name or a variant of it
    abbreviation = 1, // U.S., Ky., NSW
    demonym = 2,      // Syrian, Syrians
};
std::string_view to_string(NameKind k);

// A read-only view of one entry in an opened index. Strings point into the mapped file and
// live as long as the Gazetteer that returned them.
struct PlaceView {
    std::uint32_t index = 0;       // position in this index (dense, 0..size-1)
    std::uint64_t id = 0;          // stable id: the GeoNames id where one exists, else see README
    std::string_view name;         // display name
    char feature_class = ' ';      // GeoNames class: A, P, H, L, T...
    std::string_view feature_code; // GeoNames code: PPLC, ADM1, PCLI, RGN, SEA...
    std::string_view country;      // ISO 3166-1 alpha-2, empty for seas and continents
    std::string_view admin1;       // GeoNames admin1 code ("13", "TX")
    std::string_view admin2;
    std::string_view iso3166_2; // "SY-DI", "US-TX" for first-level divisions when known
    std::uint64_t population = 0;
    LatLon position;
    float radius_km = 0; // extent: how far the place reaches from its point
    Precision precision = Precision::city;
    Source source = Source::geonames;
    float importance = 0; // prior used for ranking (higher is more likely a priori)
};

} // namespace eventmap::gazetteer
