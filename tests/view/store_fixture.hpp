// A small eventmap store written by the test through the store's own API: a few events around
// invented articles, at real places (so PROJ puts them where a map shows those cities).
#pragma once

#include "events/event.hpp"
#include "store/event_store.hpp"
#include "support/test_support.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace eventmap::test {

inline events::Event fixture_event(const std::string& id, const std::string& date,
                                   const std::string& type, int quad, const std::string& place,
                                   double lat, double lon, const std::string& country,
                                   const std::string& text) {
    events::Event e;
    e.id = id;
    model::set_iso_dates(e, date, date, "day");
    e.date_source = model::DateSource::explicit_date;
    e.event = model::parse_plover_type(type).value_or(model::PloverType::none);
    e.quad_code = model::parse_quad_code(quad).value_or(model::QuadClass::none);
    e.trigger = "struck";
    e.actor = {"Army"};
    e.confidence = 0.8;
    e.event_loc.extracted_place = place;
    e.event_loc.resolved_place = place;
    e.event_loc.position = {lat, lon};
    e.event_loc.country_code = country;
    e.event_loc.geonameid = 1;
    e.event_loc.resolution = 4;
    e.event_text = text;
    e.article_id = "art-" + id;
    e.article_title = "Invented report " + id;
    e.sources = {{e.article_id, text, 0, text.size()}};
    return e;
}

// Adds `e` to an open batch as the one event of its invented article, published on the event's
// date unless `published` says otherwise.
inline void add_fixture_article(store::EventStore& s, const events::Event& e,
                                const std::string& published = "") {
    store::ArticleRecord a;
    a.id = e.article_id;
    a.content_hash = "hash-" + e.id;
    a.title = e.article_title;
    a.published = published.empty() ? model::iso_date(e) : published;
    s.add_article(a, {e}, {});
}

// Stores `events`, one invented article each, in one batch: what an ingest commits.
inline void ingest_fixture_events(const std::string& target,
                                  const std::vector<events::Event>& events) {
    store::EventStore s(target, store::OpenMode::create);
    s.begin();
    for (const auto& e : events) {
        add_fixture_article(s, e);
    }
    s.commit();
}

// The fixture's four events (Damascus, Geneva, Douma, Cairo) into `target`: a GeoPackage path
// or a PG: target.
inline void write_fixture_events(const std::string& target) {
    ingest_fixture_events(
        target,
        {fixture_event("ev-damascus", "2018-02-20", "ASSAULT", 4, "Damascus", 33.5102, 36.2913,
                       "SY", "Shells struck a crowded market in Damascus on Tuesday."),
         fixture_event("ev-geneva", "2018-02-25", "CONSULT", 1, "Geneva", 46.2022, 6.1457, "CH",
                       "Envoys met in Geneva to talk about a ceasefire."),
         fixture_event("ev-douma", "2018-03-10", "ASSAULT", 4, "Douma", 33.5711, 36.4027, "SY",
                       "Aircraft struck Douma at dawn."),
         fixture_event("ev-cairo", "2018-03-15", "PROTEST", 3, "Cairo", 30.0444, 31.2357, "EG",
                       "Students protested near the market in Cairo.")});
}

// Writes the store and returns its path (fresh for each call with that name).
inline std::string write_fixture_store(const std::string& name) {
    const std::string path = scratch_dir(name) + "/events.gpkg";
    write_fixture_events(path);
    return path;
}

} // namespace eventmap::test
