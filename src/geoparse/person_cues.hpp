// News syntax that shows a gazetteer match to be a person or a group: kin after a
// possessive, "X, 24,", "X, who", "the killing of X", "X was arrested", "members of X"...
// Each cue is for a lone small place's name (the caller checks that).
#pragma once

#include "geoparse/document.hpp"

namespace eventmap::geoparse::detail {

// Whether a person cue of news syntax surrounds the match.
bool person_cue(const Document& doc, const Match& m);

// "members of X", "the followers of the X": a group, not a place.
bool members_of_before(const Document& doc, const Match& m);

} // namespace eventmap::geoparse::detail
