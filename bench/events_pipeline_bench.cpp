// Whole-pipeline throughput (issue 5 target: at least 500 articles/s per core): geoparse,
// dates and events on synthetic 3-5 KB news articles, one thread, so the figure is per core.
// Also the share of each stage.
//   events_pipeline_bench [ARTICLES]     (default 400)
#include "dates/date_tagger.hpp"
#include "events/extractor.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Sentence templates in the style of wire copy; {P} a place, {D} a date, {N} a person,
// {A} a demonym.
const std::vector<std::string> templates{
    "Government forces shelled the {P} district on {D}, residents said.",
    "{A} Foreign Minister {N} met his counterpart in {P} on {D} to discuss the ceasefire.",
    "At least twelve people were killed in an air strike on a market in {P}, rescue workers said.",
    "Hundreds of people protested in {P} against rising prices, witnesses said.",
    "Officials said the two sides would meet again in {P} around {D}.",
    "Police arrested six suspects in {P} after clashes overnight.",
    "The army said it had deployed reinforcements to {P} after an attack on a checkpoint.",
    "{A} President {N} welcomed the agreement and called it an important step.",
    "Aid agencies said convoys were still waiting outside {P} for permission to enter.",
    "Analysts said the fighting around {P} was likely to continue through the winter.",
    "The United Nations said it was alarmed by reports of shelling in {P} on {D}.",
    "Talks in {P} ended without a deal, a spokesman for the delegation said.",
    "Residents of {P} said electricity had been cut for the third day in a row.",
    "The ministry said it would not comment on reports from {P}.",
};
const std::vector<std::string> places{
    "Aleppo",  "Homs",       "Idlib", "Damascus", "Jobar",    "Douma",  "Kharkiv",
    "Bakhmut", "Kramatorsk", "Mopti", "Gao",      "Menaka",   "Djibo",  "Niamey",
    "Geneva",  "Vienna",     "Doha",  "Tripoli",  "Mosul",    "Kirkuk", "Gaza",
    "Rafah",   "Sanaa",      "Aden",  "Kabul",    "Kandahar", "Goma",   "Bunia"};
const std::vector<std::string> dates{"Monday",  "Tuesday",   "Wednesday",     "Thursday", "Friday",
                                     "March 3", "last week", "June 12, 2021", "Saturday"};
const std::vector<std::string> people{"Ali Haidar", "Maria Lopez", "John Smith", "Anna Berg"};
const std::vector<std::string> demonyms{"Syrian", "Russian", "Turkish", "French", "Malian"};

std::string fill(std::string s, std::mt19937& rng) {
    auto pick = [&rng](const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    for (const auto& [slot, list] : {std::pair{"{P}", &places}, std::pair{"{D}", &dates},
                                     std::pair{"{N}", &people}, std::pair{"{A}", &demonyms}}) {
        for (std::size_t at = s.find(slot); at != std::string::npos; at = s.find(slot)) {
            s.replace(at, 3, pick(*list));
        }
    }
    return s;
}

std::vector<eventmap::Article> synthetic_articles(std::size_t n) {
    std::mt19937 rng(20130913);
    std::vector<eventmap::Article> out;
    for (std::size_t i = 0; i < n; ++i) {
        eventmap::Article a;
        a.id = "synthetic-" + std::to_string(i);
        a.published = "2021-06-" + std::to_string(10 + i % 18);
        const std::size_t target = std::uniform_int_distribution<std::size_t>(3000, 5000)(rng);
        a.text = "Fighting flares as talks stall\n\n";
        while (a.text.size() < target) {
            for (int k = 0; k < 3 && a.text.size() < target; ++k) {
                a.text += fill(templates[std::uniform_int_distribution<std::size_t>(
                                   0, templates.size() - 1)(rng)],
                               rng);
                a.text += ' ';
            }
            a.text += "\n\n";
        }
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 400;
    const auto g = eventmap::gazetteer::open_or_build(eventmap::gazetteer::default_index_path(),
                                                      eventmap::gazetteer::default_sources(), true);
    const eventmap::geoparse::Geoparser parser(g);
    const eventmap::events::EventExtractor extractor(parser);
    const auto articles = synthetic_articles(n);
    std::size_t bytes = 0;
    for (const auto& a : articles) {
        bytes += a.text.size();
    }
    for (std::size_t i = 0; i < 20 && i < articles.size(); ++i) {
        (void)extractor.extract(articles[i]); // warm caches and page in the index
    }

    std::size_t events = 0;
    const auto t0 = Clock::now();
    for (const auto& a : articles) {
        events += extractor.extract(a).size();
    }
    const double total = seconds_since(t0);

    // Stage shares, measured separately.
    double geoparse_s = 0;
    double dates_s = 0;
    double events_s = 0;
    for (const auto& a : articles) {
        auto t = Clock::now();
        const auto mentions = parser.parse(a);
        geoparse_s += seconds_since(t);
        t = Clock::now();
        const auto found_dates = eventmap::dates::tag_dates(a, {});
        dates_s += seconds_since(t);
        t = Clock::now();
        (void)extractor.extract(a, mentions, found_dates);
        events_s += seconds_since(t);
    }

    std::printf("events_pipeline_bench: %zu synthetic articles, %.1f KB average\n", n,
                static_cast<double>(bytes) / static_cast<double>(n) / 1024.0);
    std::printf("  whole pipeline, 1 thread: %.0f articles/s per core (%.3f ms/article), "
                "%.1f events/article\n",
                static_cast<double>(n) / total, 1000.0 * total / static_cast<double>(n),
                static_cast<double>(events) / static_cast<double>(n));
    std::printf("  stages (ms/article): geoparse %.3f, dates %.3f, events %.3f\n",
                1000.0 * geoparse_s / static_cast<double>(n),
                1000.0 * dates_s / static_cast<double>(n),
                1000.0 * events_s / static_cast<double>(n));
    std::printf("  target: >= 500 articles/s per core: %s\n",
                static_cast<double>(n) / total >= 500.0 ? "met" : "NOT met");
    return 0;
}
