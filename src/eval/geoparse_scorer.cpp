#include "eval/geoparse_scorer.hpp"

#include "common/article.hpp"
#include "common/geo.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace eventmap::eval {

namespace {

constexpr double accuracy_radius_km = 161.0;
constexpr double max_error_km = 20039.0; // half the Earth's circumference: the worst error

std::size_t overlap(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
    const std::size_t lo = std::max(a0, b0);
    const std::size_t hi = std::min(a1, b1);
    return hi > lo ? hi - lo : 0;
}

} // namespace

void score_article(const GoldArticle& gold, const std::vector<geoparse::Mention>& predicted,
                   std::vector<double>& matched_errors, GeoparseScore& score,
                   std::vector<GeoparseErrorRecord>* errors) {
    std::vector<const geoparse::Mention*> places;
    for (const auto& m : predicted) {
        if (m.type == geoparse::MentionType::place) {
            places.push_back(&m);
        }
    }
    score.gold += gold.toponyms.size();
    score.predicted += places.size();
    // Greedy one-to-one matching by largest overlap; both lists are short per article.
    std::vector<bool> used(places.size(), false);
    for (const GoldToponym& g : gold.toponyms) {
        std::size_t best = places.size();
        std::size_t best_overlap = 0;
        for (std::size_t i = 0; i < places.size(); ++i) {
            const std::size_t o = overlap(g.start, g.end, places[i]->start, places[i]->end);
            if (!used[i] && o > best_overlap) {
                best_overlap = o;
                best = i;
            }
        }
        GeoparseErrorRecord rec;
        rec.doc = gold.id;
        rec.start = g.start;
        rec.end = g.end;
        rec.gold_name = g.name;
        if (best == places.size()) {
            rec.kind = "miss";
        } else {
            used[best] = true;
            const geoparse::Mention& m = *places[best];
            const double error = distance_km(m.position, g.position);
            ++score.matched;
            matched_errors.push_back(error);
            if (error <= accuracy_radius_km) {
                ++score.within_161;
            }
            rec.kind = error <= accuracy_radius_km ? "ok" : "far";
            rec.predicted_name = m.name;
            rec.predicted_text = m.text;
            rec.predicted_country = m.country;
            rec.error_km = error;
        }
        if (errors != nullptr) {
            errors->push_back(std::move(rec));
        }
    }
    if (errors != nullptr) {
        for (std::size_t i = 0; i < places.size(); ++i) {
            if (!used[i]) {
                GeoparseErrorRecord rec;
                rec.doc = gold.id;
                rec.kind = "spurious";
                rec.start = places[i]->start;
                rec.end = places[i]->end;
                rec.predicted_name = places[i]->name;
                rec.predicted_text = places[i]->text;
                rec.predicted_country = places[i]->country;
                errors->push_back(std::move(rec));
            }
        }
    }
}

void finish_score(std::vector<double> e, GeoparseScore& score) {
    if (e.empty()) {
        return;
    }
    std::sort(e.begin(), e.end());
    score.mean_error_km = std::accumulate(e.begin(), e.end(), 0.0) / static_cast<double>(e.size());
    const std::size_t n = e.size();
    score.median_error_km = n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2.0;
    // AUC of the sorted, normalised log errors (Gritta et al.): 0 is perfect, 1 the worst.
    if (n == 1) {
        score.auc = std::log1p(e[0]) / std::log1p(max_error_km);
        return;
    }
    double area = 0;
    for (std::size_t i = 1; i < n; ++i) {
        area += (std::log1p(e[i - 1]) + std::log1p(e[i])) / 2.0;
    }
    score.auc = area / (static_cast<double>(n - 1) * std::log1p(max_error_km));
}

GeoparseScore score_geoparser(const geoparse::Geoparser& parser, const GoldCorpus& corpus,
                              std::vector<GeoparseErrorRecord>* errors) {
    GeoparseScore score;
    std::vector<double> matched_errors;
    double seconds = 0;
    for (const GoldArticle& g : corpus.articles) {
        Article a;
        a.id = g.id;
        a.text = g.text;
        const auto t0 = std::chrono::steady_clock::now();
        const auto predicted = parser.parse(a);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        score_article(g, predicted, matched_errors, score, errors);
    }
    finish_score(std::move(matched_errors), score);
    score.seconds = seconds;
    return score;
}

} // namespace eventmap::eval
