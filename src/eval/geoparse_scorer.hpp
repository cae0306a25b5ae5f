// Scoring a geoparser against a gold corpus: recognition by span overlap, then distance
// between the predicted and the gold point. The figure that matters is end-to-end
// accuracy@161 km over ALL gold toponyms, missed ones counting as wrong.
#pragma once

#include "eval/geoparse_corpus.hpp"
#include "geoparse/geoparser.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace eventmap::eval {

struct GeoparseScore {
    std::size_t gold = 0;      // gold toponyms with coordinates
    std::size_t predicted = 0; // predicted place mentions (demonyms not counted)
    std::size_t matched = 0;   // one-to-one overlapping pairs
    std::size_t within_161 = 0;
    double mean_error_km = 0;   // over matched
    double median_error_km = 0; // over matched
    double auc = 0;             // area under the curve of normalised log error, matched only
    double seconds = 0;         // geoparsing time, excluding corpus reading

    double precision() const { return predicted ? double(matched) / double(predicted) : 0.0; }
    double recall() const { return gold ? double(matched) / double(gold) : 0.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    double accuracy_matched() const { return matched ? double(within_161) / double(matched) : 0.0; }
    double accuracy_end_to_end() const { return gold ? double(within_161) / double(gold) : 0.0; }
};

// One line per gold toponym or spurious prediction, for error analysis (--errors).
struct GeoparseErrorRecord {
    std::string doc;
    std::string kind; // "miss", "far", "ok", "spurious"
    std::size_t start = 0, end = 0;
    std::string gold_name, predicted_name, predicted_text, predicted_country;
    double error_km = 0;
};

// Runs `parser` over every article and scores it. `errors`, when given, receives a record
// per gold toponym and per unmatched prediction.
GeoparseScore score_geoparser(const geoparse::Geoparser& parser, const GoldCorpus& corpus,
                              std::vector<GeoparseErrorRecord>* errors = nullptr);

// Scores given predictions of one article against its gold (the core of the above, for tests).
void score_article(const GoldArticle& gold, const std::vector<geoparse::Mention>& predicted,
                   std::vector<double>& matched_errors, GeoparseScore& score,
                   std::vector<GeoparseErrorRecord>* errors);

// Fills mean, median and AUC from the matched errors.
void finish_score(std::vector<double> matched_errors, GeoparseScore& score);

} // namespace eventmap::eval
