// A place mention found in an article and resolved to one gazetteer entry: the geoparser's
// output and the events stage's input. Its JSON form (geoparse/mention_json.cpp) is the stable
// `eventmap geoparse` interface.
#pragma once

#include "common/geo.hpp"
#include "gazetteer/place.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::geoparse {

enum class MentionType { place, demonym };
enum class Role { location, actor }; // actor: a capital standing for its government

struct Alternative {
    std::uint64_t gazetteer_id = 0;
    std::string name;
    std::string country;
    LatLon position;
    double score = 0;
};

struct Mention {
    std::size_t start = 0; // Unicode code-point offsets into the article text, end exclusive
    std::size_t end = 0;
    std::size_t byte_start = 0; // the same span in bytes of the (sanitised) UTF-8 text
    std::size_t byte_end = 0;
    std::string text; // as written in the article
    // The chosen gazetteer entry.
    std::string name;
    std::uint64_t gazetteer_id = 0;
    LatLon position;
    std::string country; // ISO 3166-1 alpha-2
    std::string admin1;
    char feature_class = ' ';
    std::string feature_code;
    std::string feature; // "P.PPLC": class and code as the JSON `feature` field writes them
    gazetteer::Precision precision = gazetteer::Precision::city;
    float radius_km = 0;
    std::uint64_t population = 0;
    MentionType type = MentionType::place;
    Role role = Role::location;
    double confidence = 0; // 0..1
    bool dateline = false; // named in the article's dateline ("GENEVA -")
    // The gazetteer lacks the name where the text places it ("Dunmore (Kelvin district,
    // Ontario)" with no Dunmore there): the place above is the most precise containing unit
    // the text names, with that unit's precision and radius; `text` keeps the name.
    bool unlisted = false;
    std::vector<Alternative> alternatives; // runners-up, best first
};

} // namespace eventmap::geoparse
