// TempEval-3 measures for temporal expressions: strict (exact span) and relaxed (overlapping)
// extraction precision/recall/F1, and value F1 (relaxed F1 times the fraction of matched
// expressions that also carry the gold normalised value) — the task's ranking measure.
#pragma once

#include "dates/time_expression.hpp"
#include "eval/dates_corpus.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace eventmap::eval {

struct PRF {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};

PRF make_prf(std::size_t true_system, std::size_t system, std::size_t true_gold, std::size_t gold);

struct TimexCounts {
    std::size_t gold = 0;
    std::size_t system = 0;
    std::size_t strict = 0;        // one-to-one exact span matches
    std::size_t relaxed = 0;       // one-to-one overlapping matches
    std::size_t value_correct = 0; // relaxed matches with the gold value
    std::size_t type_correct = 0;  // relaxed matches with the gold type

    void add(const TimexCounts& other);
    PRF strict_prf() const { return make_prf(strict, system, strict, gold); }
    PRF relaxed_prf() const { return make_prf(relaxed, system, relaxed, gold); }
    PRF value_prf() const { return make_prf(value_correct, system, value_correct, gold); }
    double value_accuracy() const { return relaxed ? double(value_correct) / relaxed : 0; }
    double type_accuracy() const { return relaxed ? double(type_correct) / relaxed : 0; }
};

// One mismatch, for --show-errors: what the gold says and what we said at that place.
struct TimexError {
    std::string kind; // missed, spurious, value
    std::string gold_text, gold_value, system_text, system_value;
};

// Scores one document's expressions against its gold. When `skip_creation_time` is set, gold
// creation-time expressions and the system expressions overlapping them are left out.
TimexCounts score_document(const GoldDocument& gold,
                           const std::vector<dates::TimeExpression>& system,
                           bool skip_creation_time, std::vector<TimexError>* errors);

} // namespace eventmap::eval
