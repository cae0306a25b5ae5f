// Recognition: which spans of an article name a place in the gazetteer. Works on a
// detail::Document; candidates.hpp loads what each span may name, filters.hpp drops the spans
// that are people, organisations or ordinary words instead.
#pragma once

#include "geoparse/document.hpp"

namespace eventmap::geoparse::detail {

// Tokenises the text and looks every token up in the gazetteer's token table once.
void tokenize(const gazetteer::Gazetteer& g, std::string_view text, Document& doc);

// One pass over the tokens with the gazetteer's token trie: at each capitalised token the
// longest complete name starting there is taken, and matching resumes after it.
void find_matches(const gazetteer::Gazetteer& g, Document& doc);

} // namespace eventmap::geoparse::detail
