// The time stage's entry point: finds and normalises the temporal expressions of an article and
// settles its publication date. Also the queries the events stage asks ("which expressions fall
// in this sentence", "is it planned") and the stable JSON Lines writers of `eventmap dates`.
#pragma once

#include "common/article.hpp"
#include "dates/grammar.hpp"
#include "dates/time_expression.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace eventmap::dates {

class KnownEvents;

struct DateOptions {
    std::string published; // YYYY-MM-DD from --published; overrides every other source
    NumericOrder numeric_order = NumericOrder::month_first; // for 03/04/2013; 21/08/2013 is clear
    const KnownEvents* known_events = nullptr; // nullptr: assets/dates/known_events.tsv
    bool infer_published = true;               // infer a missing publication date from the text
};

// Tags one article. The publication date comes from options.published, then article.published,
// a "Date:" header line in the text, article.dateline, and is otherwise inferred (marked
// inferred, with a confidence). Expressions are in text order with code-point and byte offsets.
// Never throws on any text; throws DataError only when the shipped lexicon cannot be read.
DateResult tag_dates(const Article& article, const DateOptions& options);

// Tags a bare string (tests, the events stage's own snippets) as an article with that text.
DateResult tag_text(const std::string& text, const DateOptions& options);

// Indices into result.expressions of those lying wholly inside the byte range [begin, end),
// e.g. one sentence. Logarithmic in the number of expressions.
std::vector<std::size_t> expressions_in(const DateResult& result, std::size_t byte_begin,
                                        std::size_t byte_end);

// The expression a sentence's events are anchored to: the first DATE or TIME inside the range
// whose value names a calendar period; nullptr when the sentence has none.
const TimeExpression* sentence_anchor(const DateResult& result, std::size_t byte_begin,
                                      std::size_t byte_end);

// True when the text places the expression after its reference ("would meet ... around
// September 28", "next week") — a planned or expected event rather than a reported one.
inline bool is_future(const TimeExpression& e) {
    return e.future;
}

const char* type_name(TimexType type); // DATE, TIME, DURATION, SET

// The stable `eventmap dates` JSON Lines records.
nlohmann::json expression_json(const std::string& doc, const TimeExpression& e);
nlohmann::json publication_json(const std::string& doc, const PublicationDate& p);
// A range's non-consuming DURATION: {"id","type","value","start","end","text",
// "begin_point_id","end_point_id","begin_point","end_point"}; written as the "range" field of
// its first end's line.
nlohmann::json range_json(const DateResult& result, const TimeRange& r);
// Writes the publication line, then one line per expression.
void write_jsonl(std::ostream& out, const std::string& doc, const DateResult& result);

} // namespace eventmap::dates
