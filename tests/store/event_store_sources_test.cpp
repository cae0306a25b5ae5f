// The bound on source sentences kept per event (issue 13): a story every wire repeats for
// months must not grow one row without end (each append parsed and rewrote the whole list, so
// throughput fell as the ingest went on). The event keeps its first max_sources_per_event and
// counts every report (source_count); merging into stored events follows a MergeRule.
#include "store/store_test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("an event keeps at most max_sources_per_event sources", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_source_bound");
    store::EventStore s(dir + "/events.gpkg", store::OpenMode::create);
    const model::Event first = test::sample_event("a0", 1, 33.5, 36.3);
    s.begin();
    REQUIRE(s.add_article(test::sample_article("a0"), {first}, {}));
    s.commit();
    const std::size_t bound = store::EventStore::max_sources_per_event;
    for (std::size_t i = 1; i <= 3 * bound; ++i) {
        const std::string article = "a" + std::to_string(i);
        CHECK(s.append_sources(first.id, {{article, "Shelling hit the town again.", 0, 28}}));
    }
    const auto stored = s.find_event(first.id);
    REQUIRE(stored);
    REQUIRE(stored->sources.size() == bound);
    CHECK(stored->sources.front().article_id == "a0"); // the first reports are the ones kept
    CHECK(stored->sources.back().article_id == "a" + std::to_string(bound - 1));
    CHECK(stored->source_count == 1 + 3 * bound); // every report counted, listed or not
}

// A merge rule for these tests: same type and place merge (the pipeline's is events::merge_key).
store::MergeRule by_place() {
    store::MergeRule rule;
    rule.key = [](const model::Event& e) {
        return e.event_loc.geonameid == 0
                   ? std::string()
                   : std::string(model::to_string(e.event)) + "@" +
                         std::to_string(e.event_loc.geonameid) + "@" + model::iso_date(e);
    };
    rule.compatible = [](const model::Event&, const model::Event&) { return true; };
    rule.merge = [](model::Event& into, model::Event&& report) {
        for (auto& s : report.sources) {
            into.sources.push_back(std::move(s));
        }
    };
    return rule;
}

TEST_CASE("reports merged into a stored event keep a capped list and a full count",
          "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_merge_bound");
    const std::string path = dir + "/events.gpkg";
    const std::size_t bound = store::EventStore::max_sources_per_event;
    const std::size_t reports = 3 * bound + 2;
    std::vector<std::size_t> new_rows;
    // Several runs, as a daily feed: each report of one event merges into the first stored.
    for (std::size_t run = 0; run < 3; ++run) {
        store::EventStore s(path, store::OpenMode::create);
        s.set_merge_rule(by_place());
        s.begin();
        for (std::size_t i = run * reports / 3; i < (run + 1) * reports / 3; ++i) {
            const std::string article = "r" + std::to_string(i);
            model::Event e = test::sample_event(article, 1, 36.2, 37.1);
            std::vector<model::Event> fresh;
            REQUIRE(s.add_article(test::sample_article(article), {e}, {}, &fresh));
            new_rows.push_back(fresh.size());
        }
        s.commit();
    }
    store::EventStore s(path, store::OpenMode::read);
    REQUIRE(s.count_events() == 1);
    CHECK(new_rows.front() == 1);
    CHECK(std::count(new_rows.begin(), new_rows.end(), 0U) ==
          static_cast<std::ptrdiff_t>(reports - 1));
    const auto kept = s.find_event("r0-e1");
    REQUIRE(kept);
    CHECK(kept->sources.size() == bound);
    CHECK(kept->source_count == reports);
    CHECK(s.count_articles() == reports); // every report's article is stored
}

TEST_CASE("events without a place never merge across articles", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_merge_unlocated");
    store::EventStore s(dir + "/events.gpkg", store::OpenMode::create);
    s.set_merge_rule(by_place());
    for (int i = 0; i < 3; ++i) {
        const std::string article = "u" + std::to_string(i);
        model::Event e = test::sample_event(article, 1, 0, 0);
        e.event_loc = {};
        REQUIRE(s.add_article(test::sample_article(article), {e}, {}));
    }
    CHECK(s.count_events() == 3);
}

TEST_CASE("the typed event's mode, place basis, unresolved name and trigger span are stored",
          "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_new_fields");
    store::EventStore s(dir + "/events.gpkg", store::OpenMode::create);
    model::Event e = test::sample_event("f0", 1, 36.2, 37.1);
    e.mode = "shelling/artillery";
    e.trigger_start = 7;
    e.trigger_end = 15;
    e.event_loc.basis = "clause";
    e.event_loc.unresolved = "Brambly camp";
    REQUIRE(s.add_article(test::sample_article("f0"), {e}, {}));
    const auto back = s.find_event(e.id);
    REQUIRE(back);
    CHECK(back->mode == "shelling/artillery");
    CHECK(back->trigger_start == 7);
    CHECK(back->trigger_end == 15);
    CHECK(back->event_loc.basis == "clause");
    CHECK(back->event_loc.unresolved == "Brambly camp");
    CHECK(back->source_count == 1);
}
