// Sentences and tense over tokens: where sentences end, and the tense of the clause around an
// expression, which decides which way a relative date points ("Friday" in "will meet Friday").
#pragma once

#include "dates/lexer.hpp"
#include "dates/mention.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace eventmap::dates {

// Sentence index of each token (a sentence ends at . ! ? or a blank line / line break).
std::vector<std::uint32_t> sentence_ids(std::string_view lower, const std::vector<Token>& tokens);

// Tense of the clause around tokens [first, last): the nearest tense cue to the left within the
// sentence, else to the right up to a subordinating word.
Tense clause_tense(std::string_view lower, const std::vector<Token>& tokens,
                   const std::vector<std::uint32_t>& sentences, std::size_t first,
                   std::size_t last);

} // namespace eventmap::dates
