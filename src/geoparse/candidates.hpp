// The gazetteer entries each recognised name may stand for, and the links between names that
// the filters and the resolver read (demonyms, datelines, "Damascus, Md." qualifiers).
#pragma once

#include "geoparse/document.hpp"

namespace eventmap::geoparse::detail {

// Candidates of every match (the postings of its trie node), demonym flags, datelines and
// qualifier links ("Damascus, Md.").
void load_candidates(const gazetteer::Gazetteer& g, Document& doc);
void mark_datelines(Document& doc);
void link_qualifiers(Document& doc);

} // namespace eventmap::geoparse::detail
