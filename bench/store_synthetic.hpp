// Synthetic articles and events for the store and export benchmarks: deterministic, varied
// enough (places, dates, types, text lengths) that the store's indexes and the writers see
// realistic values. Not test fixtures: nothing here is checked.
#pragma once

#include "bench_support.hpp"
#include "model/event.hpp"
#include "store/event_store.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace eventmap::bench {

inline std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

inline store::ArticleRecord synthetic_article(std::uint64_t n) {
    store::ArticleRecord a;
    a.id = "art" + std::to_string(n);
    a.content_hash = std::to_string(mix(n)) + "-" + std::to_string(n);
    a.title = "Synthetic article number " + std::to_string(n);
    a.url = "https://news.example.org/2013/09/" + std::to_string(n);
    a.published = "2013-09-" + std::to_string(10 + n % 20);
    a.source_path = "bench/articles-" + std::to_string(n / 1000) + ".jsonl";
    return a;
}

inline model::Event synthetic_event(std::uint64_t article, int k) {
    using model::PloverType;
    static const PloverType types[] = {PloverType::assault, PloverType::protest,
                                       PloverType::consult, PloverType::agree,
                                       PloverType::coerce,  PloverType::aid};
    const std::uint64_t r = mix(article * 16 + static_cast<std::uint64_t>(k));
    model::Event e;
    e.id = "art" + std::to_string(article) + "-ev" + std::to_string(k);
    const int day = 1 + static_cast<int>(r % 28);
    e.date = e.enddate = model::day_number(2013, 9, day);
    e.date_precision = model::DatePrecision::day;
    e.date_source =
        (r >> 8) % 2 == 0 ? model::DateSource::explicit_date : model::DateSource::relative;
    e.event = types[(r >> 12) % 6];
    e.quad_code = static_cast<model::QuadClass>(1 + (r >> 16) % 4);
    e.cameo_root = std::to_string(10 + (r >> 20) % 10);
    e.trigger = "shelling";
    e.actor = {"Government forces"};
    e.recipient = {"Opposition fighters", "civilians"};
    e.planned = (r >> 24) % 10 == 0;
    e.confidence = static_cast<double>((r >> 28) % 100) / 100.0;
    e.event_loc.extracted_place = "Place " + std::to_string((r >> 32) % 5000);
    e.event_loc.resolved_place = e.event_loc.extracted_place;
    e.event_loc.geonameid = 100000 + (r >> 32) % 5000;
    e.event_loc.position.lat = -60.0 + static_cast<double>((r >> 20) % 1200000) / 10000.0;
    e.event_loc.position.lon = -180.0 + static_cast<double>((r >> 5) % 3600000) / 10000.0;
    e.event_loc.country_code = "SY";
    e.event_loc.feature_class = "P";
    e.event_loc.feature_code = "PPL";
    e.event_loc.resolution = 4;
    e.event_loc.radius_km = 5.0F;
    e.event_text = "Government forces shelled the town on " + model::format_day(e.date) +
                   ", killing several people, officials said.";
    e.article_id = "art" + std::to_string(article);
    e.article_title = "Synthetic article number " + std::to_string(article);
    e.article_url = "https://news.example.org/2013/09/" + std::to_string(article);
    e.published = "2013-09-28";
    e.sources = {{e.article_id, e.event_text, 100 + static_cast<std::size_t>(k) * 80,
                  180 + static_cast<std::size_t>(k) * 80}};
    return e;
}

inline store::MentionRecord synthetic_mention(std::uint64_t article, int k) {
    const std::uint64_t r = mix(article * 32 + static_cast<std::uint64_t>(k) + 7);
    store::MentionRecord m;
    m.start = 50 + static_cast<std::uint64_t>(k) * 40;
    m.end = m.start + 8;
    m.text = "Place " + std::to_string(r % 5000);
    m.name = m.text;
    m.gazetteer_id = 100000 + r % 5000;
    m.position = LatLon{static_cast<double>(r % 1200) / 10.0 - 60,
                        static_cast<double>(r % 3600) / 10.0 - 180};
    m.country = "SY";
    m.feature_code = "PPL";
    m.type = "place";
    m.role = "location";
    m.confidence = 0.8;
    return m;
}

// A GeoPackage store of `events` synthetic events, four to an article, committed in batches
// of 2,500 articles; prints how long it took.
inline void build_store(const std::string& path, std::uint64_t events) {
    std::filesystem::remove(path);
    store::EventStore s(path, store::OpenMode::create);
    const int per_article = 4;
    const std::uint64_t articles = (events + per_article - 1) / per_article;
    std::vector<model::Event> batch;
    const auto start = Clock::now();
    for (std::uint64_t n = 0; n < articles; ++n) {
        if (n % 2500 == 0) {
            s.begin();
        }
        batch.clear();
        for (int k = 0; k < per_article && n * per_article + static_cast<std::uint64_t>(k) < events;
             ++k) {
            batch.push_back(synthetic_event(n, k));
        }
        s.add_article(synthetic_article(n), batch, {});
        if ((n + 1) % 2500 == 0 || n + 1 == articles) {
            s.commit();
        }
    }
    std::printf("built %s: %llu events in %.1f s\n", path.c_str(),
                static_cast<unsigned long long>(events), seconds_since(start));
}

} // namespace eventmap::bench
