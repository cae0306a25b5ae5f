// Whether a place mention stands where something happens: after a locative preposition, "of"
// after an area noun ("the outskirts of X"), a verb like "hit" or "visit", or "on"/"against"/
// "of" right after an event word ("strikes on X"), with at most four modifiers between.
#pragma once

#include "events/token.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace eventmap::events {

// Nouns after which "of" introduces where: "the outskirts of X", "the city of Y".
bool is_area_noun(const std::string& key);

// Words allowed between a preposition and the place: "in the northern X district", "in
// rebel-held Y". Verbs are not: "aimed at ending Z's war" is no place.
bool is_place_modifier(const Token& t);

// Creeds and peoples that qualify a part of a place: "in Catholic west X".
bool is_community(const std::string& key);

// Whether the area noun at `noun` follows a possessive or "the", modifiers between: "X's
// largest city", "the provincial capital".
bool owned_noun(const std::vector<Token>& tokens, std::size_t noun);

// Whether a locative preposition governs the name starting at `first`, place modifiers
// between: "in northern X", "at the Y". Such a name is no acting subject even when a verb
// follows ("a bomb in northern X has killed six").
bool governed_by_preposition(const std::vector<Token>& tokens, std::size_t first);

// `trigger_at` marks the tokens that are event triggers.
bool locative_context(const std::vector<Token>& tokens, std::size_t first,
                      const std::vector<bool>& trigger_at, int depth = 0);

} // namespace eventmap::events
