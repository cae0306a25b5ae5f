// Resolution: one gazetteer entry per recognised name, chosen with the evidence a careful
// reader uses, and the metonymy rule that marks capitals standing for their governments.
#pragma once

#include "geoparse/document.hpp"
#include "geoparse/geoparser.hpp"
#include "geoparse/lexicon.hpp"

#include <vector>

namespace eventmap::geoparse::detail {

// Chooses Match::chosen and Match::confidence for every match that was not dropped.
// `dateline_places` are places named by the article's dateline field (jsonl "dateline").
void resolve(ResolverKind kind, const std::vector<gazetteer::PlaceView>& dateline_places,
             Document& doc);

// Sets Match::actor for capitals and countries that act: "Damascus formally applied",
// "Washington and Moscow differ", "if Washington was not satisfied".
void mark_actors(const Lexicon& lex, Document& doc);

} // namespace eventmap::geoparse::detail
