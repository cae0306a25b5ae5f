// The event-location corpus: one JSON object a line, a news sentence, its gold event verb and
// the spans where that event happened (an empty list for a sentence that names no place):
//   {"text": "...", "verb": [b, e], "locations": [[b, e], ...], "source": "..."}
// Offsets are Unicode code points, end exclusive. The corpus is split into two fixed halves
// by a hash of the sentence text, so that rules are tuned on one half and measured on the
// other, and a sentence repeated in the file always falls in the same half.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::eval {

enum class EventSplit { dev, test, both };

struct Span {
    std::size_t start = 0; // code points, end exclusive
    std::size_t end = 0;
};

struct EventSentence {
    std::string text;
    Span verb;
    std::vector<Span> locations; // empty: the sentence does not say where
    std::string source;
    std::uint64_t line = 0; // 1-based line in the file
};

// The half a sentence belongs to: FNV-1a 64 of its UTF-8 text, even -> dev, odd -> test.
EventSplit split_of(const std::string& text);

// Reads the JSONL corpus keeping the sentences of `split`. A malformed line (bad JSON, a
// missing field, a span outside the text, invalid UTF-8) throws InputError naming the file
// and line: gold data with holes would make the figures meaningless.
std::vector<EventSentence> read_event_corpus(const std::string& path, EventSplit split);

// Parses one line (the core of the above, for tests).
EventSentence parse_event_line(const std::string& line, const std::string& path,
                               std::uint64_t number);

} // namespace eventmap::eval
