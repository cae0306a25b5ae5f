// Sentences of an article: the unit the events stage reads. Each sentence knows its byte span
// (what the geoparser's and date tagger's byte offsets are compared with), its code-point span
// (what the event record reports) and its paragraph (a sentence's narrative time is looked for
// only in earlier sentences of the same paragraph).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace eventmap::events {

struct Sentence {
    std::size_t byte_begin = 0; // [byte_begin, byte_end) in the article text, trimmed
    std::size_t byte_end = 0;
    std::size_t start = 0; // the same span in Unicode code points
    std::size_t end = 0;
    std::size_t paragraph = 0; // 0-based; a blank line, or a line break after a finished
                               // sentence or a short line (headline, dateline), starts one
};

// Splits valid UTF-8 text into sentences, in order. A full stop ends a sentence only when
// followed by whitespace and a capital, digit or opening quote, and not after an abbreviation
// ("U.S.", "Sen.", "Gen.", "Md.", "Jan.") or an initial ("John F. Kennedy"); closing quotes
// and brackets after the stop belong to the sentence. Empty sentences are never returned.
std::vector<Sentence> split_sentences(std::string_view text);

} // namespace eventmap::events
