// Hierarchy qualifiers: the places a sentence names as containing another one, wherever it
// writes them. "Dunmore (Kelvin district, Ontario)", "Dunmore, Kelvin district, Ontario",
// "Dunmore in Ontario", "the Kelvin district of Ontario", and one written before the name:
// "Ontario's Dunmore". The resolver uses them twice: a
// candidate inside a qualifier wins, and a name with no candidate inside its explicit
// qualifiers lands on the most precise of them instead of on a namesake elsewhere.
#pragma once

#include "geoparse/document.hpp"

#include <cstddef>
#include <vector>

namespace eventmap::geoparse::detail {

struct QualifierLink {
    std::size_t match = 0; // index into doc.matches
    // The text says plainly that this is a containing unit: it stands in brackets after the
    // name, carries a type word ("Kelvin district", "Ontario province"), nests in its
    // neighbour in a chain ("X, Kelvin, Ontario"), or is a lone region or country closing the
    // phrase after a small place ("X, Ontario, on Sunday"). Only explicit qualifiers may
    // replace a name's own candidates; the others only favour the candidates they contain.
    bool explicit_unit = false;
};

// "state", "province", "district", "county", "governorate", "region"...: words that name the
// kind of an administrative unit.
bool is_unit_word(const std::string& key);

// The matches the text names as containing match `k`: the possessive before it, then those
// after it, nearest first.
std::vector<QualifierLink> textual_qualifiers(const Document& doc, std::size_t k);

} // namespace eventmap::geoparse::detail
