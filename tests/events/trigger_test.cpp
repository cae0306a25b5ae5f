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

namespace {

// The one event of `type` at `place`, reported from `from` through `to`.
void check_span(const std::string& text, const std::string& type, const std::string& place,
                const std::string& from, const std::string& to) {
    const auto found = events_at(extract(text), type, place);
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_start == text.find(from));
    CHECK(found[0].trigger_end == text.find(to) + to.size());
}

} // namespace

TEST_CASE("events trigger: a phrase of who, whom and where between an event noun and its verb",
          "[events][trigger]") {
    check_span("The raids by bandits on herders in Kohat have occurred every week.", "ASSAULT",
               "Kohat", "raids", "occurred");
    check_span("Fighting in the northern hills of Kohat has left 12 dead.", "ASSAULT", "Kohat",
               "Fighting", "left");
    // A longer phrase of where: the verb ten words after the preposition.
    check_span(
        "Aerial bombardment of the farms around Kohat in the eastern hills has left six dead.",
        "ASSAULT", "Kohat", "bombardment", "left");
    // The passive of a light verb past the phrase.
    check_span("The last assault of the campaign was launched against Kohat on Monday.", "ASSAULT",
               "Kohat", "assault", "launched");
    // A name the gazetteer lacks inside the phrase is still the event's place.
    const auto unlisted = unlocated_extractor().extract(text_article(
        "Clashes on the wooded slopes near Quorvath have left 12 dead.", "2016-06-02"));
    REQUIRE(unlisted.size() == 1);
    CHECK(unlisted[0].trigger.rfind("left") != std::string::npos);
    CHECK(unlisted[0].event_loc.extracted_place == "Quorvath");
    // A clause of its own ends the phrase: the fire started, not the attack.
    const std::string text = "Police recalled the attack on the depot where the fire started.";
    for (const auto& e : extract(text)) {
        CHECK(e.trigger_end <= text.find("where"));
    }
}

TEST_CASE("events trigger: a plural the verb after it says happened is a noun, not a verb",
          "[events][trigger]") {
    // No determiner before "protests": the verb after it says it is the noun.
    check_span("Large protests also took place in Kohat on Friday.", "PROTEST", "Kohat", "protests",
               "place");
    check_span("Reprisal raids by bandits against herders have occurred often in Kohat.", "ASSAULT",
               "Kohat", "raids", "occurred");
    // A plural followed by its object stays a verb: "protests the ruling".
    const auto verb =
        events_at(extract("The union protests the ruling in Kohat."), "PROTEST", "Kohat");
    REQUIRE(verb.size() == 1);
    CHECK(verb[0].trigger == "protests");
}

namespace {

// The one event of `type` at `place` in `text`, its trigger as written.
std::string trigger_at(const std::string& text, const std::string& type, const std::string& place) {
    const auto found = events_at(extract(text), type, place);
    REQUIRE(found.size() == 1);
    return found[0].trigger;
}

} // namespace

TEST_CASE("events trigger: light verbs of taking part and resorting, irregular and misspelt forms",
          "[events][trigger]") {
    CHECK(trigger_at("Their jets participated in an airstrike on Kohat.", "ASSAULT", "Kohat") ==
          "participated in an airstrike");
    // "violence" alone is no event; resorting to it is.
    CHECK(trigger_at("Police resorted to violence in Kohat on Friday.", "ASSAULT", "Kohat") ==
          "resorted to violence");
    CHECK(trigger_at("Heavy firing broke out in Kohat on Friday.", "ASSAULT", "Kohat") ==
          "firing broke out");
    CHECK(trigger_at("Militants laid siege on Kohat on Friday.", "ASSAULT", "Kohat") ==
          "laid siege");
    CHECK(trigger_at("Villages near Kohat were targetted on Friday.", "ASSAULT", "Kohat") ==
          "targetted");
    // The participle after the passive of finding bodies is the same event.
    CHECK(trigger_at("Two bodies were found dumped near a canal in Kohat.", "ASSAULT", "Kohat") ==
          "found dumped");
    // A bomb's explosion is a remote explosive, not a bombing from the air.
    const auto blast =
        events_at(extract("Twin bomb explosions hit Kohat on Friday."), "ASSAULT", "Kohat");
    REQUIRE(blast.size() == 1);
    CHECK(blast[0].mode == "remote explosive");
}

namespace {

std::size_t count_at(const std::string& text, const std::string& type, const std::string& place) {
    return events_at(extract(text), type, place).size();
}

} // namespace

TEST_CASE("events trigger: senses told by the words around the verb", "[events][trigger]") {
    // A passive of "demonstrate" shows something; a protest has none.
    CHECK(count_at("Their resolve was amply demonstrated in Lima on Sunday.", "PROTEST", "Lima") ==
          0);
    CHECK(count_at("Students were demonstrating in Lima on Sunday.", "PROTEST", "Lima") == 1);
    // A retort after a quotation is speech; troops shooting back is fire.
    CHECK(count_at("\"Lies,\" the envoy shot back in Geneva on Monday.", "ASSAULT", "Geneva") == 0);
    CHECK(count_at("Soldiers shot back at the gunmen in Kohat on Monday.", "ASSAULT", "Kohat") ==
          1);
    CHECK(count_at("The singer shot to fame in Lagos in 2010.", "ASSAULT", "Lagos") == 0);
    // Bomb disposal is no attack.
    CHECK(count_at("Army sappers detonated a wartime bomb near Dresden on Sunday.", "ASSAULT",
                   "Dresden") == 0);
    CHECK(count_at("Militants detonated a bomb near Kohat on Sunday.", "ASSAULT", "Kohat") == 1);
    // Cameras and scenes are captured on film.
    CHECK(count_at("Television cameras captured the minister in Boston on Friday.", "ASSAULT",
                   "Boston") == 0);
    CHECK(count_at("The scene was captured by a news crew in Boston on Friday.", "ASSAULT",
                   "Boston") == 0);
    // A possessive inside the object: the skater's medal, not a town.
    CHECK(count_at("The skater captured her country's first gold medal in Turin on Wednesday.",
                   "ASSAULT", "Turin") == 0);
    // A title's name after "the" is no word of the object; a people's name elsewhere is.
    CHECK(count_at("The boxer captured the Regional Boxing Federation junior welterweight title in "
                   "Lagos on Saturday.",
                   "ASSAULT", "Lagos") == 0);
    CHECK(count_at("Troops captured three Zembian generals watching a football match in Kohat on "
                   "Saturday.",
                   "ASSAULT", "Kohat") == 1);
    CHECK(count_at("Rebels captured the hill town near Kohat on Wednesday.", "ASSAULT", "Kohat") ==
          1);
}

TEST_CASE("events trigger: a film's scenes are shot, a person is shot", "[events][trigger]") {
    CHECK(count_at("The first episodes were shot near Lyon in May.", "ASSAULT", "Lyon") == 0);
    CHECK(count_at("Two farmers were shot near Lyon in May.", "ASSAULT", "Lyon") == 1);
}

TEST_CASE("events trigger: hijacking, strafing, grenades, setting alight, labour strikes, vigils "
          "and blocked highways",
          "[events][trigger]") {
    const auto mode_at = [](const std::string& text, const std::string& type) {
        const auto found = events_at(extract(text), type, "Kohat");
        REQUIRE(found.size() == 1);
        return found[0].mode;
    };
    CHECK(mode_at("Gunmen hijacked a bus near Kohat on Monday.", "ASSAULT") == "abduction");
    CHECK(mode_at("Fighter jets strafed a convoy near Kohat on Monday.", "ASSAULT") ==
          "air/drone strike");
    CHECK(mode_at("A grenade attack wounded three people in Kohat on Monday.", "ASSAULT") ==
          "remote explosive");
    CHECK(mode_at("Gunmen set three houses alight in Kohat on Monday.", "ASSAULT") ==
          "property destruction");
    CHECK(mode_at("Militants slit the throats of two shepherds near Kohat.", "ASSAULT") ==
          "attack");
    // A labour strike is a protest, not the verb "strike".
    CHECK(mode_at("Workers went on strike in Kohat on Monday.", "PROTEST") == "peaceful protest");
    CHECK(count_at("Workers went on strike in Kohat on Monday.", "ASSAULT", "Kohat") == 0);
    CHECK(mode_at("Residents held a candlelight vigil in Kohat on Monday.", "PROTEST") ==
          "peaceful protest");
    // Protesters blocking a highway protest; they reject nothing.
    CHECK(count_at("Farmers blocked the highway in Kohat on Monday.", "PROTEST", "Kohat") == 1);
    CHECK(count_at("Farmers blocked the highway in Kohat on Monday.", "REJECT", "Kohat") == 0);
}

TEST_CASE("events trigger: the passive of a verb-object phrase, from the object to the participle",
          "[events][trigger]") {
    CHECK(trigger_at("A grenade was thrown into a wedding party in Kohat on Monday.", "ASSAULT",
                     "Kohat") == "grenade was thrown");
    // Past an adverb; the bare noun "rockets" takes the phrase's type.
    CHECK(trigger_at("Two rockets were reportedly fired from the hills near Kohat on Monday.",
                     "ASSAULT", "Kohat") == "rockets were reportedly fired");
    CHECK(trigger_at("Stones were thrown at police in Kohat on Monday.", "PROTEST", "Kohat") ==
          "Stones were thrown");
    // Not a road blocked (by snow as often as by protesters).
    CHECK(count_at("The road was blocked by snow near Kohat on Monday.", "PROTEST", "Kohat") == 0);
}
