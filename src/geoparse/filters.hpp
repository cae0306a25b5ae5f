// The recognition filters: which matches are people, organisations or ordinary words rather
// than places.
#pragma once

#include "geoparse/document.hpp"
#include "geoparse/geoparser.hpp"
#include "geoparse/lexicon.hpp"

namespace eventmap::geoparse::detail {

// Sets Match::dropped on what is not a place, rule by rule as switched on in `rules`.
void filter_matches(const Lexicon& lex, const FilterRules& rules, Document& doc);

} // namespace eventmap::geoparse::detail
