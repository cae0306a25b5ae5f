// The date grammar: finds temporal expressions in tokenized English news text and records their
// meaning as Mentions (see mention.hpp), independent of any reference date.
#pragma once

#include "dates/known_events.hpp"
#include "dates/lexer.hpp"
#include "dates/mention.hpp"
#include "dates/tense.hpp"

#include <string_view>
#include <vector>

namespace eventmap::dates {

// How to read an ambiguous all-numeric date such as 03/04/2013. Unambiguous ones (21/08/2013)
// are read the only valid way whatever this says.
enum class NumericOrder { month_first, day_first };

struct GrammarOptions {
    NumericOrder numeric_order = NumericOrder::month_first;
};

// Recognises every temporal expression, in text order, without overlaps (longest match wins).
// `lower` is the lowercased text from tokenize(). Never throws on any token sequence.
std::vector<Mention> recognise(std::string_view text, std::string_view lower,
                               const std::vector<Token>& tokens, const KnownEvents& events,
                               const GrammarOptions& options);

} // namespace eventmap::dates
