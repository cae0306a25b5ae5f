// One event: what happened, where, when, who, with the sentences that say so. Field names
// follow PLOVER where it has them (event, quad_code, actor, recipient, event_loc...).
#pragma once

#include "common/geo.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::model {

// Where the event happened (PLOVER event_loc).
struct EventLocation {
    std::string extracted_place; // as written in the sentence
    std::string resolved_place;  // gazetteer name
    std::uint64_t geonameid = 0; // gazetteer id
    LatLon position;
    std::string country_code;
    std::string feature_class;
    std::string feature_code;
    int resolution = 0; // 1 country, 2 admin1, 3 admin2, 4 city, 5 sub-city; 0 continent/region
    float radius_km = 0;
};

// A sentence that reports the event, with where to find it.
struct EventSource {
    std::string article_id;
    std::string sentence;
    std::size_t start = 0; // code-point offsets of the sentence in the article text
    std::size_t end = 0;
};

struct Event {
    std::string id;      // stable: derived from article content hash and the trigger span
    std::string date;    // ISO 8601 date (YYYY-MM-DD) or datetime with Z; first day when coarser
    std::string enddate; // last day the date covers (date itself for day precision)
    std::string date_precision; // day | month | year
    std::string date_source;    // explicit | relative | publication | inferred
    std::string event;          // PLOVER type: ASSAULT, AGREE, CONSULT...
    int quad_code = 0; // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    std::string cameo_root; // two-digit CAMEO root, empty when none maps
    std::string trigger;    // the word that triggered it ("shelling")
    std::vector<std::string> actor;
    std::vector<std::string> recipient;
    bool planned = false; // future or planned ("would meet around September 28")
    double confidence = 0;
    EventLocation event_loc;
    std::string event_text; // the first source sentence
    std::string article_id;
    std::string article_title;
    std::string article_url;
    std::string published;            // the article's publication date
    std::vector<EventSource> sources; // every sentence reporting it, after merging
};

} // namespace eventmap::model
