// `eventmap eval events` as a user runs it: both halves printed, misses listed on request,
// bad corpora refused with the file and line.
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::test;

TEST_CASE("eval events prints both halves and lists misses", "[eval][events][cli]") {
    const auto r = run_eventmap("eval events '" + fixture("events/event_location_sample.jsonl") +
                                "' --misses 3 --by-source");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("dev half") != std::string::npos);
    CHECK(r.out.find("test half") != std::string::npos);
    CHECK(r.out.find("invented") != std::string::npos);
    CHECK(r.out.find("misses (first") != std::string::npos);

    const auto dev = run_eventmap("eval events '" + fixture("events/event_location_sample.jsonl") +
                                  "' --split dev");
    REQUIRE(dev.exit_code == 0);
    CHECK(dev.out.find("test half") == std::string::npos);
}

TEST_CASE("eval events refuses missing and malformed corpora", "[eval][events][cli]") {
    const std::string dir = scratch_dir("eval_events_cli");
    const auto missing = run_eventmap("eval events '" + dir + "/none.jsonl'");
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("none.jsonl") != std::string::npos);

    write_file(dir + "/bad.jsonl",
               "{\"text\": \"Rebels marched.\", \"verb\": [7, 14], \"locations\": []}\n"
               "{\"text\": \"short\", \"verb\": [0, 40], \"locations\": []}\n");
    const auto bad = run_eventmap("eval events '" + dir + "/bad.jsonl'");
    CHECK(bad.exit_code == 3);
    CHECK(bad.err.find("bad.jsonl:2") != std::string::npos);

    const auto split = run_eventmap("eval events '" + dir + "/bad.jsonl' --split other");
    CHECK(split.exit_code == 2);
}
