#include "common/error.hpp"
#include "eval/events_corpus.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using eval::EventSplit;

namespace {
const std::string fixture =
    std::string(EVENTMAP_TEST_FIXTURES) + "/events/event_location_sample.jsonl";
}

TEST_CASE("event corpus lines give text, verb and place spans in code points", "[eval][events]") {
    const auto s = eval::parse_event_line(
        R"({"text": "Protesters in Z\u00fcrich marched.", "verb": [21, 28], "locations": [[14, 20]], "source": "x"})",
        "f.jsonl", 3);
    CHECK(s.text == "Protesters in Z\xC3\xBCrich marched.");
    CHECK(s.verb.start == 21);
    CHECK(s.verb.end == 28);
    REQUIRE(s.locations.size() == 1);
    CHECK(s.locations[0].start == 14);
    CHECK(s.source == "x");
    CHECK(s.line == 3);
}

TEST_CASE("malformed event corpus lines name the file and line", "[eval][events]") {
    const auto fails = [](const std::string& line) {
        try {
            eval::parse_event_line(line, "gold.jsonl", 7);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK_FALSE(fails("{not json").empty());
    CHECK_FALSE(fails(R"({"text": "a b", "locations": []})").empty()); // no verb
    const std::string beyond = fails(R"({"text": "a b", "verb": [0, 9], "locations": []})");
    CHECK(beyond.find("beyond the text") != std::string::npos);
    CHECK_FALSE(fails(R"({"text": "ab", "verb": [0, 1], "locations": [[1, 1]]})").empty());
    CHECK_FALSE(
        fails(std::string(R"({"text": "a)") + "\xFF" + R"(", "verb": [0, 1], "locations": []})")
            .empty());
    try {
        eval::read_event_corpus("/nonexistent/gold.jsonl", EventSplit::both);
        FAIL("a missing corpus must throw");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("cannot read") != std::string::npos);
    }
}

TEST_CASE("the dev and test halves are fixed and partition the corpus", "[eval][events]") {
    const auto all = eval::read_event_corpus(fixture, EventSplit::both);
    const auto dev = eval::read_event_corpus(fixture, EventSplit::dev);
    const auto test = eval::read_event_corpus(fixture, EventSplit::test);
    REQUIRE(all.size() == 5);
    CHECK(dev.size() + test.size() == all.size());
    for (const auto& s : dev) {
        CHECK(eval::split_of(s.text) == EventSplit::dev);
    }
    for (const auto& s : test) {
        CHECK(eval::split_of(s.text) == EventSplit::test);
    }
    // Many different sentences fall on both sides, about evenly.
    std::size_t devs = 0;
    for (int i = 0; i < 1000; ++i) {
        devs += eval::split_of("sentence number " + std::to_string(i)) == EventSplit::dev;
    }
    CHECK(devs > 400);
    CHECK(devs < 600);
}
