// The events scorer on invented sentences (tests/fixtures/events/event_location_sample.jsonl)
// with the real gazetteer, geoparser and extractor.
#include "eval/events_scorer.hpp"
#include "events/events_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

const events::EventExtractor& eval_extractor() {
    static const geoparse::Geoparser parser(test::events_gazetteer());
    static const events::EventExtractor extractor(parser, [] {
        events::ExtractOptions o;
        o.keep_unlocated = true;
        o.merge = false;
        return o;
    }());
    return extractor;
}

eval::EventSentence sentence(const std::string& text, const std::string& verb,
                             const std::vector<std::string>& places) {
    eval::EventSentence s;
    s.text = text;
    s.verb = {text.find(verb), text.find(verb) + verb.size()};
    for (const auto& p : places) {
        s.locations.push_back({text.find(p), text.find(p) + p.size()});
    }
    return s;
}

} // namespace

TEST_CASE("a place governing the gold verb is a right link", "[eval][events]") {
    eval::EventLinkScore score;
    const auto s = sentence("Police arrested twelve protesters in Nairobi after the rally.",
                            "arrested", {"Nairobi"});
    CHECK(eval::score_sentence(eval_extractor(), s, score).empty());
    CHECK(score.sentences == 1);
    CHECK(score.triggers == 1);
    CHECK(score.linked == 1);
    CHECK(score.linked_placed == 1);
    CHECK(score.end_to_end == 1);
}

TEST_CASE("a place where the gold names none is a spurious link", "[eval][events]") {
    eval::EventLinkScore score;
    // Gold (deliberately wrong here) says the sentence names no place for the verb.
    const auto s =
        sentence("Police arrested twelve protesters in Nairobi after the rally.", "arrested", {});
    eval::EventMiss miss;
    CHECK(eval::score_sentence(eval_extractor(), s, score, &miss) == "spurious-place");
    CHECK(miss.predicted == "Nairobi");
    CHECK(score.linked == 0);
}

TEST_CASE("no place for a sentence that names none is right", "[eval][events]") {
    eval::EventLinkScore score;
    const auto s = sentence("Two guards were killed when a parcel bomb went off.", "killed", {});
    CHECK(eval::score_sentence(eval_extractor(), s, score).empty());
    CHECK(score.linked == 1);
    CHECK(score.linked_placed == 0);
    CHECK(score.linking_unlocated() == 1.0);
}

TEST_CASE("the other place of the sentence is a wrong link", "[eval][events]") {
    eval::EventLinkScore score;
    const auto s = sentence("Gunmen opened fire on a bus in Peshawar, officials in Lahore said.",
                            "opened", {"Lahore"});
    eval::EventMiss miss;
    CHECK(eval::score_sentence(eval_extractor(), s, score, &miss) == "wrong-place");
    CHECK(miss.predicted == "Peshawar");
}

TEST_CASE("the whole fixture is scored by half and by source", "[eval][events]") {
    const auto all = eval::read_event_corpus(std::string(EVENTMAP_TEST_FIXTURES) +
                                                 "/events/event_location_sample.jsonl",
                                             eval::EventSplit::both);
    std::vector<eval::EventMiss> misses;
    const auto report = eval::score_events(eval_extractor(), all, &misses);
    CHECK(report.total.sentences == 5);
    CHECK(report.total.located == 4);
    CHECK(report.by_source.at("invented").sentences == 5);
    CHECK(report.total.linked + misses.size() >= 5);
    CHECK(report.total.linking() >= 0.8); // the invented sentences are plain news syntax
}

TEST_CASE("a dot on the gold place counts as near, one on another continent as far",
          "[eval][events]") {
    eval::EventLinkScore near;
    const auto s = sentence("Police arrested twelve protesters in Nairobi after the rally.",
                            "arrested", {"Nairobi"});
    eval::score_sentence(eval_extractor(), s, near);
    CHECK(near.any_event == 1);
    CHECK(near.dots == 1);
    CHECK(near.dots_near == 1);
    CHECK(near.dots_far == 0);

    // The gold (deliberately) names the speakers' city: the dot on the other city is far.
    eval::EventLinkScore far;
    const auto t = sentence("Gunmen opened fire on a bus in Peshawar, officials in Nairobi said.",
                            "opened", {"Nairobi"});
    eval::score_sentence(eval_extractor(), t, far);
    CHECK(far.dots == 1);
    CHECK(far.dots_near == 0);
    CHECK(far.dots_far == 1);
    CHECK(far.far_share() == 1.0);
}

TEST_CASE("a sentence with no event and no place gives no dot", "[eval][events]") {
    eval::EventLinkScore score;
    const auto s =
        sentence("The committee will publish its annual report next spring.", "publish", {});
    eval::score_sentence(eval_extractor(), s, score);
    CHECK(score.any_event == 0);
    CHECK(score.dots == 0);
    CHECK(score.near_share() == 0.0);
}
