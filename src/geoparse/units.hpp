// Names the gazetteer lacks where the text puts them: a village whose only namesakes lie
// outside the units its sentence names, a small foreign namesake in a one-country article, a
// generic-headed name ("Tal Quorvan"). Such a name lands on the most precise containing unit
// the text gives (Match::unit), keeping its text, instead of on a namesake. Runs after the
// resolver's choice, on its groups. Rules and examples: docs/geoparse.md.
#pragma once

#include "geoparse/document.hpp"

#include <cstddef>
#include <vector>

namespace eventmap::geoparse::detail {

// Mentions of one name resolved together, as the resolver weighs them as evidence.
struct NameGroup {
    std::vector<std::size_t> members; // indices into doc.matches
    double weight = 1.0;
    bool dateline = false;
};

// Sets Match::unit (and drops generic-headed names with nowhere to go).
void land_on_units(Document& doc, const std::vector<NameGroup>& groups);

} // namespace eventmap::geoparse::detail
