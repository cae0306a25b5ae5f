// The events stage on the real geoparser and date tagger: an invented article with the five
// kinds of event the seed article reports (tests/fixtures/events/seed-like.txt: its own story,
// places and order), then one phenomenon per case.
#include "events/events_support.hpp"
#include "events/extractor.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using eventmap::events::Event;
using namespace eventmap::model;
using namespace eventmap::test;

namespace {

std::vector<Event> extract(const std::string& text, const std::string& published = {}) {
    return default_extractor().extract(text_article(text, published));
}

bool any_source_contains(const Event& e, const std::string& words) {
    return std::any_of(e.sources.begin(), e.sources.end(),
                       [&](const auto& s) { return s.sentence.find(words) != std::string::npos; });
}

// How many events of `type` at `place` `text` reports, published on `published`.
std::size_t count_events(const std::string& text, const std::string& published,
                         const std::string& type, const std::string& place) {
    return events_at(extract(text, published), type, place).size();
}

// How many assaults on Homs `text` reports, published 2016-06-02 (the phrase-rule cases).
std::size_t homs_assaults(const std::string& text) {
    return count_events(text, "2016-06-02", "ASSAULT", "Homs");
}

// The one event of `type` at `place` in `text` (published 2016-03-02) is reported on words that
// reach into `word`.
void check_trigger_reaches(const std::string& text, const std::string& type,
                           const std::string& place, const std::string& word) {
    const auto found = events_at(extract(text, "2016-03-02"), type, place);
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_end >= text.find(word) + 1);
}

// The one assault on Homs in `text` is reported from the word `from` on.
void check_homs_assault_from(const std::string& text, const std::string& from) {
    const auto found = events_at(extract(text, "2016-06-02"), "ASSAULT", "Homs");
    REQUIRE(found.size() == 1);
    CHECK(found[0].trigger_start == text.find(from));
}

} // namespace

TEST_CASE("seed-like article: strike, agreement, meetings, planned summit, shelling",
          "[events][extractor]") {
    eventmap::Article article = text_article(read_file(fixture("events/seed-like.txt")));
    article.id = "seed-like";
    const auto events = default_extractor().extract(article);

    // The last paragraph's drone strike, in the city across the river from the capital rather
    // than the capital, on its explicit date.
    const auto strike = events_at(events, "ASSAULT", "Omdurman");
    REQUIRE(strike.size() == 1);
    CHECK(iso_date(strike[0]) == "2023-03-04");
    CHECK(strike[0].date_precision == DatePrecision::day);
    CHECK(strike[0].date_source == DateSource::explicit_date);
    CHECK(strike[0].event_loc.country_code == "SD");
    CHECK(strike[0].event_loc.resolution >= 4);                  // a town or district, not Sudan
    CHECK(events_at(events, "ASSAULT", "Khartoum").size() <= 1); // only says where Omdurman is

    // The ministers' agreement: "agreed on Tuesday", the publication date inferred from the
    // planned summit, at the dateline, reported twice and merged.
    const auto agree = events_at(events, "AGREE", "Addis Ababa");
    REQUIRE(agree.size() == 1);
    CHECK(iso_date(agree[0]) == "2023-03-14");
    CHECK(agree[0].date_source == DateSource::inferred);
    CHECK_FALSE(agree[0].planned);
    CHECK(agree[0].sources.size() >= 2);
    CHECK(std::find(agree[0].actor.begin(), agree[0].actor.end(), "Tarik Wolde (ET)") !=
          agree[0].actor.end());

    // Monday's meeting in Addis Ababa.
    const auto consult = events_at(events, "CONSULT", "Addis Ababa");
    const auto monday = std::find_if(consult.begin(), consult.end(),
                                     [](const Event& e) { return iso_date(e) == "2023-03-13"; });
    REQUIRE(monday != consult.end());
    CHECK_FALSE(monday->planned);

    // The planned summit in Nairobi around March 24.
    const auto summit = events_at(events, "CONSULT", "Nairobi");
    REQUIRE(summit.size() == 1);
    CHECK(summit[0].planned);
    CHECK(iso_date(summit[0]) == "2023-03-24");

    // Bombing, shelling and clashes in the Bahri district: one event on the publication date.
    const auto shelling = events_at(events, "ASSAULT", "Bahri");
    REQUIRE(shelling.size() == 1);
    CHECK(iso_date(shelling[0]) == "2023-03-14");
    CHECK(shelling[0].date_source == DateSource::inferred);
    CHECK(any_source_contains(shelling[0], "bombing and shelling"));
    CHECK(shelling[0].event_loc.resolution == 5);

    // "ending Sudan's war" names no place of an event.
    for (const auto& e : events) {
        CHECK(e.event_loc.resolved_place != "Sudan");
        CHECK(e.article_id == "seed-like");
        CHECK(e.id.size() == 16);
        CHECK_FALSE(e.sources.empty());
        CHECK(e.quad_code != QuadClass::none);
    }
}

TEST_CASE("negated and hypothetical triggers are not events", "[events][extractor]") {
    const auto events = extract("Police did not arrest anyone in Aleppo on Monday. The army "
                                "could attack Idlib next month.",
                                "2016-03-02");
    CHECK(events_at(events, "COERCE", "Aleppo").empty());
    CHECK(events_at(events, "ASSAULT", "Idlib").empty());
}

TEST_CASE("comparatives, failed attacks and the month of May are no modality",
          "[events][extractor]") {
    const auto events = extract("No fewer than nine people were killed in Aleppo on Monday. In "
                                "May rebels shelled Idlib. A failed assault killed two guards "
                                "in Homs.",
                                "2016-06-02");
    CHECK(events_at(events, "ASSAULT", "Aleppo").size() == 1);
    CHECK(events_at(events, "ASSAULT", "Idlib").size() == 1);
    CHECK_FALSE(events_at(events, "ASSAULT", "Homs").empty());
    // A real negation still drops the event.
    CHECK(extract("No civilians were killed in Hama on Monday.", "2016-06-02").empty());
}

TEST_CASE("a verb-object phrase takes modifiers before its object", "[events][extractor]") {
    CHECK(homs_assaults("A gunman threw a hand grenade at a bus stop in Homs on Friday.") == 1);
    // A preposition between ends the phrase: the grenade is no object of "threw".
    CHECK(homs_assaults("A boy threw a ball to a dog near a grenade crater in Homs on Friday.") ==
          0);
}

TEST_CASE("a light verb five words before its event noun joins it", "[events][extractor]") {
    check_homs_assault_from("Rebels started the morning with a sudden assault on Homs.", "started");
}

TEST_CASE("an adverb may stand inside a verb-particle phrase", "[events][extractor]") {
    CHECK(homs_assaults("Gunmen fired wildly into a crowd in Homs on Friday.") == 1);
    CHECK(homs_assaults("Troops fired heavy artillery at villages near Homs on Friday.") == 1);
}

TEST_CASE("leaving people dead reports an attack", "[events][extractor]") {
    CHECK(homs_assaults("A mob torched stalls in Homs on Friday, leaving at least four traders "
                        "dead.") == 1);
    // Leaving a place is no attack.
    CHECK(homs_assaults("Pilgrims were leaving Homs on Friday.") == 0);
}

TEST_CASE("an event word right after a light verb is its object noun", "[events][extractor]") {
    check_homs_assault_from("The militia has intensified raids near Homs.", "intensified");
}

TEST_CASE("a short aside between commas may split a light verb from its noun",
          "[events][extractor]") {
    check_homs_assault_from("Rebels launched, late on Friday, a fierce attack on Homs.",
                            "launched");
}

TEST_CASE("not only states the act it introduces", "[events][extractor]") {
    const auto events = extract("Villagers not only threw stones at soldiers in Nablus on "
                                "Friday but also burned a jeep.",
                                "2016-06-02");
    CHECK(events_at(events, "PROTEST", "Nablus").size() == 1);
    // "not" alone still negates.
    CHECK(count_events("Villagers did not throw stones in Nablus on Friday.", "2016-06-02",
                       "PROTEST", "Nablus") == 0);
}

TEST_CASE("a qualified name is the qualified place, the relative date resolves",
          "[events][extractor]") {
    const auto events = extract(
        "About two hundred residents protested in Damascus, Md., on Tuesday.", "2021-05-12");
    const auto protest = events_at(events, "PROTEST", "Damascus");
    REQUIRE(protest.size() == 1);
    CHECK(protest[0].event_loc.country_code == "US");
    CHECK(iso_date(protest[0]) == "2021-05-11");
    CHECK(protest[0].date_source == DateSource::relative);
}

TEST_CASE("a district is preferred over its city", "[events][extractor]") {
    const auto events = extract(
        "Government artillery shelled the Jobar district of Damascus on Tuesday.", "2014-02-05");
    REQUIRE(events.size() == 1);
    CHECK(events[0].event == PloverType::assault);
    CHECK(events[0].event_loc.extracted_place == "Jobar");
    CHECK(events[0].event_loc.resolution == 5);
    CHECK(iso_date(events[0]) == "2014-02-04");
}

TEST_CASE("a capital standing for its government is an actor, not the place",
          "[events][extractor]") {
    const auto events = extract("Moscow welcomed the decision on Friday.", "2013-09-13");
    for (const auto& e : events) {
        CHECK(e.event_loc.resolved_place != "Moscow");
    }
}

TEST_CASE("planned events are flagged and dated in the future", "[events][extractor]") {
    const auto events = extract("Foreign ministers will meet in Vienna on Monday to discuss the "
                                "ceasefire.",
                                "2015-07-10");
    const auto meet = events_at(events, "CONSULT", "Vienna");
    REQUIRE(meet.size() == 1);
    CHECK(meet[0].planned);
    CHECK(iso_date(meet[0]) > "2015-07-10");
}

TEST_CASE("month precision covers the month", "[events][extractor]") {
    const auto events = extract("Clashes erupted in Aleppo in March 2012.", "2012-06-01");
    const auto clashes = events_at(events, "ASSAULT", "Aleppo");
    REQUIRE(clashes.size() == 1);
    CHECK(iso_date(clashes[0]) == "2012-03-01");
    CHECK(iso_enddate(clashes[0]) == "2012-03-31");
    CHECK(clashes[0].date_precision == DatePrecision::month);
    CHECK(clashes[0].date_source == DateSource::explicit_date);
}

TEST_CASE("no date in the text: the given publication date", "[events][extractor]") {
    const auto events = extract("Protesters rallied in Bamako against the junta.", "2022-06-20");
    const auto rally = events_at(events, "PROTEST", "Bamako");
    REQUIRE(rally.size() == 1);
    CHECK(iso_date(rally[0]) == "2022-06-20");
    CHECK(rally[0].date_source == DateSource::publication);
}

TEST_CASE("people via titles and demonyms become actor and recipient", "[events][extractor]") {
    const auto events = extract("U.S. Secretary of State Anna Berg met Russian Foreign Minister "
                                "Oleg Sokolov in Geneva on Thursday.",
                                "2013-09-13");
    const auto met = events_at(events, "CONSULT", "Geneva");
    REQUIRE(met.size() == 1);
    CHECK(iso_date(met[0]) == "2013-09-12");
    CHECK(met[0].actor == std::vector<std::string>{"Anna Berg (US)"});
    CHECK(met[0].recipient == std::vector<std::string>{"Oleg Sokolov (RU)"});
}

TEST_CASE("the same event reported twice in an article is merged", "[events][extractor]") {
    const auto events = extract("Shelling hit Aleppo on Monday, residents said.\n\nThe shelling "
                                "of Aleppo on Monday killed three people, doctors said.",
                                "2016-03-02");
    const auto shelling = events_at(events, "ASSAULT", "Aleppo");
    REQUIRE(shelling.size() == 1);
    CHECK(shelling[0].sources.size() == 2);
    CHECK(iso_date(shelling[0]) == "2016-02-29");
}

TEST_CASE("ids are stable for the same text and differ for another", "[events][extractor]") {
    const std::string text = "Rebels attacked an army post in Homs on Sunday.";
    const auto a = extract(text, "2016-03-02");
    const auto b = extract(text, "2016-03-02");
    const auto c = extract(text + " ", "2016-03-02");
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    REQUIRE(c.size() == 1);
    CHECK(a[0].id == b[0].id);
    CHECK(a[0].id != c[0].id);
}

TEST_CASE("odd input never throws", "[events][extractor]") {
    CHECK(extract("").empty());
    CHECK_NOTHROW(extract("\xFF\xFE attack in \xC3 Aleppo \x80 on Monday."));
    CHECK_NOTHROW(extract(std::string(5000, '.')));
    CHECK_NOTHROW(extract("attack attack attack"));
}

TEST_CASE("news syntax attaches places: passive subjects, light verbs, modifiers, names the "
          "gazetteer lacks",
          "[events][extractor]") {
    const auto passive =
        extract("Aleppo was shelled heavily on Monday, residents said.", "2016-03-02");
    CHECK(events_at(passive, "ASSAULT", "Aleppo").size() == 1);

    const auto light = extract("Rebels launched a fierce assault on Homs on Sunday.", "2016-03-02");
    const auto assault = events_at(light, "ASSAULT", "Homs");
    REQUIRE(assault.size() == 1);
    CHECK(assault[0].trigger == "launched a fierce assault");
    CHECK(assault[0].event_loc.basis == "clause");

    const auto modified =
        extract("Gunmen shot dead two traders in suburban Nairobi on Friday.", "2016-03-02");
    REQUIRE(events_at(modified, "ASSAULT", "Nairobi").size() == 1);
    CHECK(events_at(modified, "ASSAULT", "Nairobi")[0].mode == "attack");

    // A village the gazetteer lacks keeps its name and sits on the district its phrase names.
    const auto village = extract(
        "Militants stormed the village of Qorvantu in Kandahar province on Tuesday.", "2016-03-02");
    REQUIRE(village.size() == 1);
    CHECK(village[0].event_loc.extracted_place == "Qorvantu");
    CHECK(village[0].event_loc.unresolved == "Qorvantu");
    CHECK(village[0].event_loc.resolved_place.find("Kandahar") != std::string::npos);
    CHECK(village[0].event_loc.resolution <= 3);
}

TEST_CASE("a distance and direction move the event's point", "[events][extractor]") {
    const auto near =
        extract("A convoy was ambushed 40 km north of Kandahar on Tuesday.", "2016-03-02");
    const auto ambush = events_at(near, "ASSAULT", "Kandahar");
    REQUIRE(ambush.size() == 1);
    const auto plain = extract("A convoy was ambushed in Kandahar on Tuesday.", "2016-03-02");
    REQUIRE(events_at(plain, "ASSAULT", "Kandahar").size() == 1);
    const auto city = events_at(plain, "ASSAULT", "Kandahar")[0].event_loc;
    CHECK(eventmap::distance_km(ambush[0].event_loc.position, city.position) ==
          Approx(40).margin(15)); // the city's or the province's point, moved 40 km
    CHECK(ambush[0].event_loc.radius_km >= 10);
    CHECK(ambush[0].event_loc.resolution <= 3);
}

TEST_CASE("verbs of violence in another sense report no event", "[events][extractor]") {
    CHECK(count_events("Nadal captured the trophy in Paris on Sunday.", "2016-03-02", "ASSAULT",
                       "Paris") == 0);
    CHECK(count_events("Fuel costs shot up in Lagos on Monday.", "2016-03-02", "ASSAULT",
                       "Lagos") == 0);
    CHECK(count_events("The turnout demonstrated the resolve of voters in Lima.", "2016-03-02",
                       "PROTEST", "Lima") == 0);
    CHECK(count_events("Rebels captured the town of Idlib on Sunday.", "2016-03-02", "ASSAULT",
                       "Idlib") == 1);
}

TEST_CASE("triggers by phrase: firing, advancing, stone throwing, sieges, and a light verb after "
          "an adverb",
          "[events][extractor]") {
    CHECK(count_events("Militants fired rockets at Sderot on Sunday.", "2016-03-02", "ASSAULT",
                       "Sderot") == 1);
    // "fired" alone may mean dismissed: no event.
    CHECK(count_events("The club fired its coach in Madrid on Sunday.", "2016-03-02", "ASSAULT",
                       "Madrid") == 0);
    CHECK(count_events("Rebels were advancing on Homs on Sunday.", "2016-03-02", "ASSAULT",
                       "Homs") == 1);
    CHECK(count_events("Youths threw stones at police in Nablus on Friday.", "2016-03-02",
                       "PROTEST", "Nablus") == 1);
    CHECK(count_events("Troops laid siege to Misrata on Friday.", "2016-03-02", "ASSAULT",
                       "Misrata") == 1);
    // The event is reported on the verb the noun's light verb follows past an adverb.
    check_trigger_reaches("Heavy fighting also erupted in Kandahar on Monday.", "ASSAULT",
                          "Kandahar", "erupted");
    // Past a day named between the noun and its verb.
    check_trigger_reaches("A car bomb on Friday ripped through a depot in Kandahar.", "ASSAULT",
                          "Kandahar", "ripped");
    // Past who fought: "clashes between X and Y erupted".
    check_trigger_reaches("Clashes between rebels and troops erupted in Kandahar on Monday.",
                          "ASSAULT", "Kandahar", "erupted");
}

TEST_CASE("found dead, hacked, rammed, set on fire, and hacking a website is no attack",
          "[events][extractor]") {
    CHECK(count_events("Two men were found dead in Kandahar on Monday.", "2016-03-02", "ASSAULT",
                       "Kandahar") == 1);
    CHECK(count_events("Attackers hacked a farmer to death in Jos on Monday.", "2016-03-02",
                       "ASSAULT", "Jos") == 1);
    CHECK(count_events("Students hacked the university website in Jos on Monday.", "2016-03-02",
                       "ASSAULT", "Jos") == 0);
    CHECK(count_events("Rioters set on fire two shops in Jos on Monday.", "2016-03-02", "ASSAULT",
                       "Jos") == 1);
}

TEST_CASE("a bomb that went off, military operations, counter-assaults", "[events][extractor]") {
    check_trigger_reaches("A bomb went off at a busy square in Kohat on Monday.", "ASSAULT",
                          "Kohat", "off");
    // "went off" without an event noun is no event: "the alarm went off".
    CHECK(count_events("The alarm went off in Kohat on Monday.", "2016-03-02", "ASSAULT",
                       "Kohat") == 0);
    CHECK(count_events("The army continued its military operations in Kohat on Monday.",
                       "2016-03-02", "ASSAULT", "Kohat") == 1);
}

TEST_CASE("came under attack, and an attack that left people dead", "[events][extractor]") {
    CHECK(count_events("Two clinics came under attack in Kohat on Monday.", "2016-03-02", "ASSAULT",
                       "Kohat") == 1);
    check_trigger_reaches("The fighting has left 36 dead in Kohat since Monday.", "ASSAULT",
                          "Kohat", "left");
}
