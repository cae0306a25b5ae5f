// `eventmap eval dates`: runs the date tagger over a gold corpus and measures it — TempEval-3
// extraction and value scores, publication-date inference with the creation time hidden, and
// (for SemEval-2015 TimeLine gold) how often a sentence's expression dates its events.
#pragma once

#include "eval/dates_corpus.hpp"
#include "eval/dates_scorer.hpp"

#include <ostream>
#include <string>

namespace eventmap::eval {

struct DatesEvalOptions {
    std::string corpus; // file or directory
    CorpusFormat format = CorpusFormat::meantime;
    std::string timelines; // optional TimeLines_Gold_Standard directory
    bool show_errors = false;
};

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
    TimexCounts all;
    TimexCounts without_creation_time;
    InferenceCounts inference_as_is;
    InferenceCounts inference_no_dateline;
    TimelineCounts timeline;
    std::vector<std::string> error_lines; // with show_errors
};

DatesEvalReport evaluate_dates(const DatesEvalOptions& options);
void print_report(std::ostream& out, const DatesEvalOptions& options, const DatesEvalReport& r);

} // namespace eventmap::eval
