// The bound on source sentences kept per event (issue 13): a story every wire repeats for
// months must not grow one row without end (each append parsed and rewrote the whole list, so
// throughput fell as the ingest went on). The event keeps its first max_sources_per_event.
#include "store/store_test_support.hpp"

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
}
