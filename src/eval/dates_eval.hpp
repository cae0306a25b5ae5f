// `eventmap eval dates`: runs the date tagger over a gold corpus and measures it — TempEval-3
// extraction and value scores on a fixed dev half and test half of the documents,
// publication-date inference with the creation time hidden, and (for SemEval-2015 TimeLine
// gold) how often a sentence's expression dates its events.
//
// The split: the corpus' distinct document ids sorted bytewise, the 1st, 3rd, 5th... in the dev
// half and the 2nd, 4th... in the test half. It depends on nothing but the ids, so it is the
// same on every machine and run; rules are tuned on dev and the test half only reported.
#pragma once

#include "eval/dates_corpus.hpp"
#include "eval/dates_scorer.hpp"

#include <ostream>
#include <string>

namespace eventmap::eval {

enum class Half { dev, test, all };

struct DatesEvalOptions {
    std::string corpus; // file or directory
    CorpusFormat format = CorpusFormat::meantime;
    std::string timelines; // optional TimeLines_Gold_Standard directory
    bool show_errors = false;
    Half errors_from = Half::dev; // which half's errors show_errors lists
};

// Which half a document falls in: its position among the corpus' sorted distinct ids.
inline Half half_of(std::size_t sorted_position) {
    return sorted_position % 2 == 0 ? Half::dev : Half::test;
}

struct InferenceCounts {
    std::size_t documents = 0; // with a valid gold creation date
    std::size_t exact = 0;
    std::size_t within_one_day = 0;
    std::size_t none = 0; // nothing inferred
};

struct TimelineCounts {
    std::size_t events = 0;        // gold events with a (partly) known date
    std::size_t sentence_date = 0; // correct with the sentence's expression, else the DCT
    std::size_t dct_only = 0;      // correct with the creation date alone (baseline)
    std::size_t narrative = 0; // sentence's expression, else the last earlier sentence's, else DCT
    std::size_t missing_docs = 0; // events whose document was not in the corpus
};

struct DatesEvalReport {
    std::size_t documents = 0;
    std::size_t duplicates = 0; // same document id seen twice (skipped)
    std::size_t dev_documents = 0;
    std::size_t test_documents = 0;
    TimexCounts all;
    TimexCounts without_creation_time;
    TimexCounts dev, test;               // all gold expressions, by half
    TimexCounts dev_no_dct, test_no_dct; // without the creation-time expression
    InferenceCounts inference_as_is;
    InferenceCounts inference_no_dateline;
    TimelineCounts timeline;
    std::vector<std::string> error_lines; // with show_errors
};

DatesEvalReport evaluate_dates(const DatesEvalOptions& options);
void print_report(std::ostream& out, const DatesEvalOptions& options, const DatesEvalReport& r);

// The per-corpus table: strict F1, relaxed F1, type accuracy and value F1 for the dev half,
// the test half and both, one block per corpus.
void print_split_table(std::ostream& out,
                       const std::vector<std::pair<std::string, DatesEvalReport>>& corpora);

// Formats a score with three decimals whatever the locale ("0.866").
std::string three_decimals(double value);

} // namespace eventmap::eval
