// Place phrases of news sentences that the gazetteer cannot answer: names of villages, camps,
// neighbourhoods, hills and facilities that a phrase marks as places ("the village of X",
// "X district", "X refugee camp", "at X Airport", "Y's X neighbourhood"), each with the
// containing place the sentence names for it ("X district of Y", "X town in Y", "X, Y",
// "Y's X"), so that the event can sit on the most precise unit the text gives while the
// name itself is kept.
#pragma once

#include "common/geo.hpp"
#include "events/token.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::events {

struct UnlistedPlace {
    std::size_t first = 0; // tokens of the name
    std::size_t last = 0;
    int container = -1; // mention index of the containing place the phrase names, or -1
};

// `mention_at[k]`: the place mention on token k or -1; `blocked[k]`: token k belongs to an
// actor, a time expression or a trigger and cannot be part of a place name.
std::vector<UnlistedPlace> find_unlisted_places(std::string_view text,
                                                const std::vector<Token>& tokens,
                                                const std::vector<int>& mention_at,
                                                const std::vector<bool>& blocked);

// "20 km north of X", "about 40 km (25 miles) south-west of X": the offset a phrase gives
// before the place whose first token is `place_first`.
struct RelativeOffset {
    bool found = false;
    double km = 0;
    double bearing_deg = 0; // clockwise from north
    std::size_t first = 0;  // the phrase's first token ("about" or the number)
};
RelativeOffset relative_offset(const std::vector<Token>& tokens, std::size_t place_first);

// Whether ", about 20 km north of Y" follows the name ending at token `last`: the phrase
// says where that name lies, so the name is a place.
bool offset_apposition(const std::vector<Token>& tokens, std::size_t last);

// The point `km` from `from` along `bearing_deg` (great circle).
LatLon offset_point(LatLon from, double km, double bearing_deg);

// Whether tokens [first, last] hold a building's noun ("hospital", "hotel", "mosque"): "Y's
// Grand Hotel" names a building, which news places in the town that owns it.
bool names_building(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

// Words naming a kind of place: "village", "district", "camp", "province"...
bool is_place_type(const std::string& key);

// Whether the name at token `name` is a member of a list a plural type word opens with a colon
// or a dash: "raided three villages: X, Y and Z", "two towns -- X and Y -- in W".
bool in_place_list(const std::vector<Token>& tokens, std::size_t name);

// Whether the colon or dash at token `i` opens or closes such a list (no clause boundary).
bool place_list_mark(const std::vector<Token>& tokens, std::size_t i);

// Verbs whose object is where the event happened: "shelled X", "stormed X", "patrolled X".
bool is_locative_verb(const std::string& key);
// Verbs whose object is always a piece of ground: "patrolled", "stormed", "shelled".
bool is_place_only_verb(const std::string& key);

} // namespace eventmap::events
