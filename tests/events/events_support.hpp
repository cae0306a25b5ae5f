// Shared by the events tests: the real gazetteer, geoparser and extractor (built once), and
// lookups over extracted events. No stage is mocked: the tests assert what matters (type,
// place, date, planned) and stay robust to small ranking changes elsewhere.
#pragma once

#include "cli/gazetteer_index.hpp"
#include "common/article.hpp"
#include "events/extractor.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace eventmap::test {

inline const gazetteer::Gazetteer& events_gazetteer() {
    static const gazetteer::Gazetteer g =
        cli::open_or_build(gazetteer::default_index_path(), gazetteer::default_sources(), true);
    return g;
}

inline const events::EventExtractor& default_extractor() {
    static const geoparse::Geoparser parser(events_gazetteer());
    static const events::EventExtractor extractor(parser);
    return extractor;
}

inline Article text_article(const std::string& text, const std::string& published = {}) {
    Article a;
    a.id = "test";
    a.text = text;
    a.published = published;
    return a;
}

// Events of `type` whose resolved place or extracted place contains `place`.
inline std::vector<events::Event> events_at(const std::vector<events::Event>& all,
                                            const std::string& type, const std::string& place) {
    std::vector<events::Event> out;
    for (const auto& e : all) {
        const auto& loc = e.event_loc;
        if (model::to_string(e.event) == type &&
            (loc.resolved_place.find(place) != std::string::npos ||
             loc.extracted_place.find(place) != std::string::npos)) {
            out.push_back(e);
        }
    }
    return out;
}

// The place EventExtractor::event_at gives the first occurrence of `verb` in `text` (what
// `eval events` scores), as written; "" when none.
inline std::string place_of(const std::string& text, const std::string& verb,
                            const std::string& published = "2021-04-10") {
    const Article article = text_article(text, published);
    const auto& extractor = default_extractor();
    const auto found = extractor.process(article);
    const std::size_t at = text.find(verb);
    REQUIRE(at != std::string::npos);
    const auto event =
        extractor.event_at(article, found.mentions, found.dates, at, at + verb.size());
    REQUIRE(event.has_value());
    return event->event_loc.extracted_place;
}

} // namespace eventmap::test
