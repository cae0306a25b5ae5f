// The publication date an article's relative expressions are resolved against: taken from the
// input when given (--published, the jsonl field, a "Date:" header line, a dateline), otherwise
// inferred from the text and marked as such, with a confidence and the reasoning in `evidence`.
#pragma once

#include "common/article.hpp"
#include "dates/grammar.hpp"
#include "dates/time_expression.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::dates {

// A date written in a free-form field ("2013-09-13", "Fri, 13 Sep 2013 10:02:00 GMT",
// "September 13, 2013"); nullopt when it names no single valid day.
std::optional<long> parse_date_field(std::string_view field, const KnownEvents& events,
                                     const GrammarOptions& options);

// The value of a "Date:" header line among the first lines of the text (an e-mail or
// newswire header block), if any.
std::optional<std::string> date_header(std::string_view text);

// A month and day given by a dateline without its year: "GENEVA, Sept 13 (Reuters) -" at the
// top of the text, or a dateline field such as "GENEVA, September 13".
struct MonthDay {
    int month = 0;
    int day = 0;
};
std::optional<MonthDay> dateline_month_day(const std::vector<Token>& tokens,
                                           const std::vector<Mention>& mentions);

// Infers the publication day from what the text says (see publication.cpp for the scoring).
// `dateline`: a month and day the dateline gives, which the chosen day must match if it can.
PublicationDate infer_publication(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<Mention>& mentions,
                                  std::optional<MonthDay> dateline = std::nullopt);

} // namespace eventmap::dates
