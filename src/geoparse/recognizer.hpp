// Recognition: which spans of an article name a place in the gazetteer, and which of those
// are people, organisations or ordinary words instead. Works on a detail::Document.
#pragma once

#include "geoparse/document.hpp"
#include "geoparse/geoparser.hpp"
#include "geoparse/lexicon.hpp"

namespace eventmap::geoparse::detail {

// Tokenises the text and looks every token up in the gazetteer's token table once.
void tokenize(const gazetteer::Gazetteer& g, std::string_view text, Document& doc);

// One pass over the tokens with the gazetteer's token trie: at each capitalised token the
// longest complete name starting there is taken, and matching resumes after it.
void find_matches(const gazetteer::Gazetteer& g, Document& doc);

// Candidates of every match (the postings of its trie node), demonym flags, datelines and
// qualifier links ("Damascus, Md.").
void load_candidates(const gazetteer::Gazetteer& g, Document& doc);
void mark_datelines(Document& doc);
void link_qualifiers(Document& doc);

// Sets Match::dropped on what is not a place, rule by rule as switched on in `rules`.
void filter_matches(const Lexicon& lex, const FilterRules& rules, Document& doc);

} // namespace eventmap::geoparse::detail
