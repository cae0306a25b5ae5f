// Which capitalised runs of a sentence can be the name of a place the gazetteer lacks: the
// words a name is made of, and the runs that name a body, an event, a group or a person
// instead (used by find_unlisted_places in place_phrases.cpp).
#pragma once

#include "events/token.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::events::detail {

// A word that begins a capitalised run without being a name ("The", "On Monday", "Mullah").
bool starts_no_name(const std::string& key);

// Whether token `t` can be a word of a place's name (capitalised, "al-X", "T-7"; not an
// acronym, a creed or an adjective such as "X-majority").
bool name_word(std::string_view text, const Token& t);

// "the X News Agency", "Y Petroleum": a run ending in the head of a body, a firm or a paper.
bool organisation_head(const Token& t);

// "the X Day Parade", "Operation Y": a run [first, last] naming an event, a war or an accord.
bool names_event(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

// "members of X", "the fighters of the Y", "X suspects": a run starting at `first` names a
// group.
bool members_of(const std::vector<Token>& tokens, std::size_t first);

// "X was overrun by rebels", "X was captured in an assault by militants": a run ending at
// `last` that is the passive subject of a verb whose patient is ground (only ground is overrun
// or shelled; a town, not a person, is captured in an offensive) is a place, even first in
// the sentence.
bool ground_subject(const std::vector<Token>& tokens, std::size_t last);

} // namespace eventmap::events::detail
