// Trigger finding on the real geoparser and date tagger: which words report an event, one
// rule per case, each with invented sentences.
#include "events/events_support.hpp"
#include "events/extractor.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using eventmap::events::Event;
using namespace eventmap::test;

namespace {

std::vector<Event> extract(const std::string& text) {
    return default_extractor().extract(text_article(text, "2016-06-02"));
}

} // namespace

TEST_CASE("events trigger: a no-break space between a light verb and its noun keeps them one event",
          "[events][trigger]") {
    const std::string text = "Rebels began their\xC2\xA0"
                             "attack on Homs on Friday.";
    const auto found = events_at(extract(text), "ASSAULT", "Homs");
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_start == text.find("began"));
}

namespace {

// The one event at `place`, reported from the word `from` on.
void check_reported_from(const std::string& text, const std::string& type, const std::string& place,
                         const std::string& from) {
    const auto found = events_at(extract(text), type, place);
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_start == text.find(from));
}

} // namespace

TEST_CASE("events trigger: an event noun after a light verb and modifiers is its object",
          "[events][trigger]") {
    check_reported_from("Rebels launched brutal attacks on Homs on Friday.", "ASSAULT", "Homs",
                        "launched");
    check_reported_from("Militants mounted large-scale raids on Homs on Friday.", "ASSAULT", "Homs",
                        "mounted");
}

TEST_CASE("events trigger: expanding and stepping up operations are light verbs",
          "[events][trigger]") {
    check_reported_from("Troops expanded their military operations in Homs on Friday.", "ASSAULT",
                        "Homs", "expanded");
    check_reported_from("Troops stepped up raids in Homs on Friday.", "ASSAULT", "Homs", "stepped");
    // "step" alone is none: the talks are reported on their own word.
    check_reported_from("The minister took a step toward talks in Homs on Friday.", "CONSULT",
                        "Homs", "talks");
}

TEST_CASE("events trigger: a verb of aspect joins the event verb after it", "[events][trigger]") {
    check_reported_from("Rebels began shelling Homs on Friday.", "ASSAULT", "Homs", "began");
    check_reported_from("Rebels continued to shell Homs on Friday.", "ASSAULT", "Homs",
                        "continued");
}

TEST_CASE("events trigger: an event noun whose relative clause says it happened is reported",
          "[events][trigger]") {
    const auto events =
        extract("The mayor was blamed for the riots that broke out in Homs on Friday.");
    CHECK(events_at(events, "PROTEST", "Homs").size() == 1);
    // Without the relative clause the riots are what the blame is about.
    CHECK(events_at(extract("The mayor was blamed for the riots in Homs on Friday."), "PROTEST",
                    "Homs")
              .empty());
}

TEST_CASE("events trigger: a preposition ends the object that tells captured in another sense",
          "[events][trigger]") {
    CHECK(events_at(extract("A pilot was captured in Homs during the final days of the war."),
                    "ASSAULT", "Homs")
              .size() == 1);
    CHECK(extract("The Varnok team captured the final in Homs on Friday.").empty());
}

TEST_CASE("events trigger: finding bodies reports a killing, actively or in the passive",
          "[events][trigger]") {
    check_reported_from("Police found the bodies of two farmers near Homs on Friday.", "ASSAULT",
                        "Homs", "found");
    check_reported_from("The bodies of two farmers were found near Homs on Friday.", "ASSAULT",
                        "Homs", "found");
    // Finding something else is no event.
    CHECK(extract("A new well was found near Homs on Friday.").empty());
}

TEST_CASE("events trigger: wounds sustained, deaths caused and taking to the streets are events",
          "[events][trigger]") {
    check_reported_from("Nine guards sustained serious injuries in Homs on Friday.", "ASSAULT",
                        "Homs", "sustained");
    check_reported_from("The fire caused the death of nine guards in Homs on Friday.", "ASSAULT",
                        "Homs", "caused");
    check_reported_from("Thousands took to the streets of Homs on Friday.", "PROTEST", "Homs",
                        "took");
}

TEST_CASE("events trigger: open fire takes modifiers before its object", "[events][trigger]") {
    check_reported_from("Gunmen opened heavy fire in Homs on Friday.", "ASSAULT", "Homs", "opened");
}

TEST_CASE("events trigger: an operation or an advance is an event as a light verb's object",
          "[events][trigger]") {
    check_reported_from("Troops conducted a sweeping operation in Homs on Friday.", "ASSAULT",
                        "Homs", "conducted");
    check_reported_from("Rebels continued their advance on Homs on Friday.", "ASSAULT", "Homs",
                        "continued");
    // Alone, "operations" has other senses.
    CHECK(extract("The company expanded its business operations in Homs on Friday.").empty());
}

TEST_CASE("events trigger: a passive light verb or an auxiliary after an event noun joins it",
          "[events][trigger]") {
    check_reported_from("The murders were committed on Friday in the town of Homs.", "ASSAULT",
                        "Homs", "murders");
    const std::string text = "Fierce clashes are still occurring in Homs.";
    const auto found = events_at(extract(text), "ASSAULT", "Homs");
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_end == text.find("occurring") + std::string("occurring").size());
}

TEST_CASE("events trigger: slaughtering, clubbing and onslaughts are killings",
          "[events][trigger]") {
    check_reported_from("Militiamen slaughtered nine herders near Homs on Friday.", "ASSAULT",
                        "Homs", "slaughtered");
    check_reported_from("A guard was clubbed to death in Homs on Friday.", "ASSAULT", "Homs",
                        "clubbed");
    check_reported_from("A fierce onslaught hit Homs on Friday.", "ASSAULT", "Homs", "onslaught");
}

TEST_CASE(
    "events trigger: an aspect verb, set off and take part in join an event noun's light verb",
    "[events][trigger]") {
    check_reported_from("Jets began launching airstrikes on Homs on Friday.", "ASSAULT", "Homs",
                        "began");
    check_reported_from("Insurgents set off three car bombs in Homs on Friday.", "ASSAULT", "Homs",
                        "set");
    check_reported_from("Militias took part in the offensive on Homs on Friday.", "ASSAULT", "Homs",
                        "took");
    // Setting off on a journey is no event.
    CHECK(extract("The team set off for Homs on Friday.").empty());
}

TEST_CASE("events trigger: a verb phrase of three words takes a modifier before its last",
          "[events][trigger]") {
    check_reported_from("Troops came under heavy fire in Homs on Friday.", "ASSAULT", "Homs",
                        "came");
}

TEST_CASE("events trigger: claiming responsibility for an attack reports the attack",
          "[events][trigger]") {
    check_reported_from("A rebel faction claimed responsibility for the ambush in Homs on Sunday.",
                        "ASSAULT", "Homs", "claimed");
    // A claim for something that is no event reports nothing.
    CHECK(extract("The firm claimed responsibility for the delay in Homs on Friday.").empty());
}

TEST_CASE("events trigger: a generic word of violence is an event only with a light verb",
          "[events][trigger]") {
    check_reported_from("Violence erupted in Homs on Friday.", "ASSAULT", "Homs", "Violence");
    check_reported_from("Deadly violence flared in Homs on Friday.", "ASSAULT", "Homs", "violence");
    check_reported_from("Heavy gunfire broke out in Homs on Friday.", "ASSAULT", "Homs", "gunfire");
    // Alone it is what another verb is about, or background: no event of its own.
    const auto condemned = extract("The mayor condemned the violence in Homs on Friday.");
    CHECK(events_at(condemned, "ACCUSE", "Homs").size() == 1);
    CHECK(events_at(condemned, "ASSAULT", "Homs").empty());
    CHECK(extract("Homs has a long history of violence, the mayor wrote.").empty());
}

TEST_CASE("events trigger: forced entry, fending off, dropped munitions, spraying with gunfire "
          "and sacked settlements are attacks",
          "[events][trigger]") {
    check_reported_from("Gunmen broke into a house in Homs on Friday.", "ASSAULT", "Homs", "broke");
    check_reported_from("Defenders fended off rebels near Homs on Friday.", "ASSAULT", "Homs",
                        "fended");
    check_reported_from("Helicopters dropped explosive barrels on Homs on Friday.", "ASSAULT",
                        "Homs", "dropped");
    check_reported_from("Worshippers were sprayed with gunfire in Homs on Friday.", "ASSAULT",
                        "Homs", "sprayed");
    check_reported_from("Raiders sacked six villages near Homs on Friday.", "ASSAULT", "Homs",
                        "sacked");
    const auto strike =
        events_at(extract("Jets dropped two bombs on Homs on Friday."), "ASSAULT", "Homs");
    REQUIRE(strike.size() == 1);
    CHECK(strike[0].mode == "air/drone strike");
    // Other senses, told by the object.
    CHECK(extract("The crowd broke into tears in Homs on Friday.").empty());
    CHECK(extract("The club sacked its coach in Homs on Friday.").empty());
    CHECK(extract("Prosecutors dropped the charges in Homs on Friday.").empty());
}

TEST_CASE("events trigger: an -ing form after a comma with its object is a participle, not a "
          "noun another verb is about",
          "[events][trigger]") {
    // "withdrew" (a retreat) comes first in the clause; "killing" is still reported.
    const std::string text =
        "Police withdrew from two posts in Homs on Friday, killing four looters as they left.";
    const auto found = extract(text);
    CHECK(std::any_of(found.begin(), found.end(), [&](const Event& e) {
        return e.trigger_start == text.find("killing") &&
               eventmap::model::to_string(e.event) == std::string("ASSAULT");
    }));
    // The noun with "of" stays what the condemnation is about.
    const auto condemned =
        extract("The mayor condemned the killing of a priest in Homs on Friday.");
    CHECK(events_at(condemned, "ASSAULT", "Homs").empty());
    CHECK(events_at(condemned, "ACCUSE", "Homs").size() == 1);
}

namespace {

const eventmap::events::EventExtractor& unlocated_extractor() {
    static const eventmap::geoparse::Geoparser parser(events_gazetteer());
    static const eventmap::events::EventExtractor extractor(parser, [] {
        eventmap::events::ExtractOptions o;
        o.keep_unlocated = true;
        return o;
    }());
    return extractor;
}

} // namespace

TEST_CASE("events trigger: a weak trigger with a place the text names but the gazetteer lacks "
          "is kept as surely as a located one",
          "[events][trigger]") {
    // "entered" weighs 0.5: halved as unlocated, a date's factor dropped it below 0.25.
    const std::string text = "Troops entered the village of Zorbakhan on Thursday.";
    const auto found = unlocated_extractor().extract(text_article(text, "2016-06-02"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger == "entered");
    CHECK(found[0].event_loc.extracted_place == "Zorbakhan");
    CHECK(found[0].event_loc.geonameid == 0);
    // Without a named place the same trigger is still too weak to report.
    CHECK(unlocated_extractor()
              .extract(text_article("Troops entered on Thursday.", "2016-06-02"))
              .empty());
    // Users who want located events only still get none for it.
    CHECK(extract(text).empty());
}

TEST_CASE("events trigger: a light verb after an event noun past a closing quote or a "
          "participle's aside joins it",
          "[events][trigger]") {
    const std::string quoted = "Residents said the \"clashes\" erupted in Homs on Friday.";
    const auto erupted = events_at(extract(quoted), "ASSAULT", "Homs");
    REQUIRE(erupted.size() == 1);
    CHECK(erupted[0].trigger_end == quoted.find("erupted") + 7);
    const std::string text =
        "The attack, attributed to a local militia, took place in Homs on Friday.";
    const auto found = events_at(extract(text), "ASSAULT", "Homs");
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_end == text.find("place") + 5);
    const std::string riots = "Violent riots, sparked by a disputed vote, broke out in Homs.";
    const auto broke = events_at(extract(riots), "PROTEST", "Homs");
    REQUIRE(broke.size() == 1);
    CHECK(broke[0].trigger_end == riots.find("out") + 3);
}

TEST_CASE("events trigger: a light verb after an event noun joins it past an aside between "
          "dashes or brackets",
          "[events][trigger]") {
    for (const std::string text :
         {"The blast -- which also wrecked two shops -- occurred in Homs on Friday.",
          "The blast _ which also wrecked two shops _ occurred in Homs on Friday.",
          "The blast (which also wrecked two shops) occurred in Homs on Friday."}) {
        const auto found = events_at(extract(text), "ASSAULT", "Homs");
        REQUIRE(found.size() == 1);
        CHECK(found[0].trigger_end == text.find("occurred") + 8);
    }
}

TEST_CASE("events trigger: sweeps with a light verb and counter operations are operations",
          "[events][trigger]") {
    check_reported_from("Troops stepped up sweeps near Homs on Friday.", "ASSAULT", "Homs",
                        "stepped");
    check_reported_from("Troops continued their counter operations near Homs on Friday.", "ASSAULT",
                        "Homs", "continued");
    // A sweep alone is no event: "a clean sweep" of a vote.
    CHECK(extract("The party won a clean sweep of the seats in Homs on Friday.").empty());
}
