#include "geoparse/mention_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace eventmap::geoparse {

std::string_view to_string(MentionType t) {
    return t == MentionType::demonym ? "demonym" : "place";
}

std::string_view to_string(Role r) {
    return r == Role::actor ? "actor" : "location";
}

namespace {

// Coordinates to 1e-5 degrees (about a metre), scores to three decimals: enough for every
// consumer, and stable across platforms' last-bit differences.
double rounded(double v, double scale) {
    return std::round(v * scale) / scale;
}

} // namespace

std::string to_json_line(std::string_view doc, const Mention& m) {
    nlohmann::ordered_json j;
    j["doc"] = doc;
    j["start"] = m.start;
    j["end"] = m.end;
    j["text"] = m.text;
    j["name"] = m.name;
    j["lat"] = rounded(m.position.lat, 1e5);
    j["lon"] = rounded(m.position.lon, 1e5);
    j["gazetteer_id"] = m.gazetteer_id;
    j["country"] = m.country;
    j["feature"] = m.feature;
    j["type"] = to_string(m.type);
    j["role"] = to_string(m.role);
    j["confidence"] = rounded(m.confidence, 1e3);
    if (m.unlisted) {
        j["unlisted"] = true; // the place is the containing unit the text names
    }
    auto alternatives = nlohmann::ordered_json::array();
    for (const Alternative& a : m.alternatives) {
        nlohmann::ordered_json alt;
        alt["gazetteer_id"] = a.gazetteer_id;
        alt["name"] = a.name;
        alt["country"] = a.country;
        alt["lat"] = rounded(a.position.lat, 1e5);
        alt["lon"] = rounded(a.position.lon, 1e5);
        alt["score"] = rounded(a.score, 1e3);
        alternatives.push_back(std::move(alt));
    }
    j["alternatives"] = std::move(alternatives);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace eventmap::geoparse
