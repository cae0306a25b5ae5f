// Synthetic news articles for the events benches: 3-5 KB of wire-style sentences built from
// templates with real place names, dates, people and demonyms; deterministic (fixed seed).
#pragma once

#include "common/article.hpp"

#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::bench {

// Sentence templates in the style of wire copy; {P} a place, {D} a date, {N} a person,
// {A} a demonym.
inline const std::vector<std::string> templates{
    "Government forces shelled the {P} district on {D}, residents said.",
    "{A} Foreign Minister {N} met his counterpart in {P} on {D} to discuss the ceasefire.",
    "At least twelve people died when an air strike hit a market in {P}, rescue workers said.",
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
inline const std::vector<std::string> places{
    "Aleppo",  "Homs",       "Idlib", "Damascus", "Jobar",    "Douma",  "Kharkiv",
    "Bakhmut", "Kramatorsk", "Mopti", "Gao",      "Menaka",   "Djibo",  "Niamey",
    "Geneva",  "Vienna",     "Doha",  "Tripoli",  "Mosul",    "Kirkuk", "Gaza",
    "Rafah",   "Sanaa",      "Aden",  "Kabul",    "Kandahar", "Goma",   "Bunia"};
inline const std::vector<std::string> dates{"Monday",    "Tuesday",       "Wednesday",
                                            "Thursday",  "Friday",        "March 3",
                                            "last week", "June 12, 2021", "Saturday"};
inline const std::vector<std::string> people{"Ali Haidar", "Maria Lopez", "John Smith",
                                             "Anna Berg"};
inline const std::vector<std::string> demonyms{"Syrian", "Russian", "Turkish", "French", "Malian"};

inline std::string fill(std::string s, std::mt19937& rng) {
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

// Article `i` of a deterministic series drawn from `rng` (ids "synthetic-<i>").
inline eventmap::Article synthetic_article(std::size_t i, std::mt19937& rng) {
    eventmap::Article a;
    a.id = "synthetic-" + std::to_string(i);
    // Publication dates spread over ten years, so relative dates (and with them the merge
    // keys of type, place and date) are as varied as in a real archive.
    char published[11];
    std::snprintf(published, sizeof published, "%04d-%02d-%02d",
                  static_cast<int>(std::uniform_int_distribution<>(2015, 2024)(rng)),
                  static_cast<int>(std::uniform_int_distribution<>(1, 12)(rng)),
                  static_cast<int>(std::uniform_int_distribution<>(1, 28)(rng)));
    a.published = published;
    const std::size_t target = std::uniform_int_distribution<std::size_t>(3000, 5000)(rng);
    a.text = "Fighting flares as talks stall\n\n";
    while (a.text.size() < target) {
        for (int k = 0; k < 3 && a.text.size() < target; ++k) {
            a.text += fill(
                templates[std::uniform_int_distribution<std::size_t>(0, templates.size() - 1)(rng)],
                rng);
            a.text += ' ';
        }
        a.text += "\n\n";
    }
    return a;
}

inline std::vector<eventmap::Article> synthetic_articles(std::size_t n) {
    std::mt19937 rng(20130913);
    std::vector<eventmap::Article> out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(synthetic_article(i, rng));
    }
    return out;
}

} // namespace eventmap::bench
