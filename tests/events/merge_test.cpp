#include "events/merge.hpp"

#include <catch2/catch.hpp>

using eventmap::events::Event;
using eventmap::events::EventSource;

namespace {

Event make(const std::string& id, const std::string& type, std::uint64_t place,
           const std::string& date, const std::string& article, std::size_t start) {
    Event e;
    e.id = id;
    e.event = eventmap::model::parse_plover_type(type).value();
    e.event_loc.geonameid = place;
    e.event_loc.resolved_place = "P" + std::to_string(place);
    e.date = e.enddate = eventmap::model::parse_day(date).value();
    e.date_source = eventmap::model::DateSource::publication;
    e.confidence = 0.5;
    e.sources.push_back(
        EventSource{article, "sentence " + std::to_string(start), start, start + 10});
    return e;
}

} // namespace

TEST_CASE("same type, place and date merge, keeping every source", "[events][merge]") {
    std::vector<Event> events{make("a", "ASSAULT", 1, "2013-09-13", "x", 0),
                              make("b", "ASSAULT", 1, "2013-09-13", "x", 20),
                              make("c", "ASSAULT", 1, "2013-09-12", "x", 40),
                              make("d", "CONSULT", 1, "2013-09-13", "x", 60),
                              make("e", "ASSAULT", 2, "2013-09-13", "x", 80)};
    events[1].actor = {"Syria"};
    events[1].date_source = eventmap::model::DateSource::explicit_date;
    events[1].confidence = 0.9;
    events[1].trigger = "shelling";
    eventmap::events::merge_events(events);
    REQUIRE(events.size() == 4);
    CHECK(events[0].id == "a");
    REQUIRE(events[0].sources.size() == 2);
    CHECK(events[0].sources[1].start == 20);
    CHECK(events[0].actor == std::vector<std::string>{"Syria"});
    CHECK(events[0].date_source == eventmap::model::DateSource::explicit_date);
    CHECK(events[0].confidence == Approx(0.9));
    CHECK(events[0].trigger == "shelling");
}

TEST_CASE("planned and reported events stay apart, unlocated events never merge",
          "[events][merge]") {
    std::vector<Event> events{make("a", "CONSULT", 1, "2013-09-28", "x", 0),
                              make("b", "CONSULT", 1, "2013-09-28", "x", 20),
                              make("c", "CONSULT", 0, "2013-09-28", "x", 40),
                              make("d", "CONSULT", 0, "2013-09-28", "x", 60)};
    events[1].planned = true;
    eventmap::events::merge_events(events);
    CHECK(events.size() == 4);
}

TEST_CASE("across articles, one source per sentence and article", "[events][merge]") {
    eventmap::events::EventMerger merger;
    merger.add({make("a", "ASSAULT", 7, "2019-05-07", "one", 0)});
    merger.add({make("b", "ASSAULT", 7, "2019-05-07", "two", 0),
                make("c", "ASSAULT", 7, "2019-05-07", "one", 0)});
    REQUIRE(merger.events().size() == 1);
    CHECK(merger.merged() == 2);
    const auto& sources = merger.events()[0].sources;
    REQUIRE(sources.size() == 2);
    CHECK(sources[0].article_id == "one");
    CHECK(sources[1].article_id == "two");
    const auto taken = merger.take();
    CHECK(taken.size() == 1);
    CHECK(merger.events().empty());
}

TEST_CASE("different actors or unresolved places keep events apart", "[events][merge]") {
    std::vector<Event> events{make("a", "ASSAULT", 1, "2020-05-02", "x", 0),
                              make("b", "ASSAULT", 1, "2020-05-02", "y", 0),
                              make("c", "ASSAULT", 1, "2020-05-02", "z", 0),
                              make("d", "ASSAULT", 1, "2020-05-02", "w", 0),
                              make("e", "ASSAULT", 1, "2020-05-02", "v", 0)};
    events[0].actor = {"Army of the North"};
    events[1].actor = {"River Militia"};         // someone else: another clash
    events[2].recipient = {"Army of the North"}; // the same side, named passively: merges
    events[3].actor = {"Coast Guard"};
    events[3].recipient = {"Smugglers"};
    events[4].event_loc.unresolved = "Quorra"; // a village on the same district
    eventmap::events::merge_events(events);
    REQUIRE(events.size() == 4);
    CHECK(events[0].sources.size() == 2);
    CHECK(events[1].id == "b");
    CHECK(events[2].id == "d");
    CHECK(events[3].id == "e");
}
