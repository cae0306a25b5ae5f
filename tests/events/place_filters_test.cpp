// Places a sentence names that are no place of its event: the office a title holds, ...
// (events/place_filters.cpp). Invented sentences, real gazetteer.
#include "events/events_support.hpp"
#include "events/extractor.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::test;

TEST_CASE("a place after a title and 'of' names the office, not the event", "[events][filters]") {
    CHECK(
        place_of("Gunmen shot the governor of the restive province of Kandahar on Monday.", "shot")
            .empty());
    CHECK(
        place_of("A drone strike killed the head of the rebel police of Mosul on Friday.", "killed")
            .empty());
    CHECK(place_of("Omar Tellan, commander of the militia's operations in Basra, was killed in "
                   "a raid.",
                   "killed")
              .empty());
    // The event's own place still counts.
    CHECK(place_of("Gunmen shot the governor of Kandahar province in Kabul on Monday.", "shot") ==
          "Kabul");
    // "a commander in X" says where as often as whose post.
    CHECK(place_of("A rebel commander in Basra was killed on Monday.", "killed") == "Basra");
    // A verb between the title and the place opens its own predicate.
    CHECK(place_of("The army chief of staff said rebels were shot in Basra.", "shot") == "Basra");
}

TEST_CASE("a place after a person's name and 'of' is where the person comes from",
          "[events][filters]") {
    CHECK(place_of("Jan K. Morvel of Leeds was shot dead on Monday.", "shot").empty());
    CHECK(place_of("Omar Haddad, 28, of the village of Beit Ummar near Hebron, detonated a bomb "
                   "in a cafe in Tel Aviv.",
                   "detonated") == "Tel Aviv");
    // An article or the head of a place before "of" makes a name of a place.
    CHECK(place_of("In the Gulf of Aden, pirates attacked a tanker.", "attacked").find("Aden") !=
          std::string::npos);
}

TEST_CASE("a state owning an embassy or a mission says whose, not where", "[events][filters]") {
    CHECK(place_of("Hundreds demonstrated in front of Norway's embassy on Friday.", "demonstrated")
              .empty());
    CHECK(
        place_of("Students marched on a Norway diplomatic mission on Friday.", "marched").empty());
    CHECK(place_of("Students marched outside Norway's embassy in central Nairobi on Friday.",
                   "marched") == "Nairobi");
    // A state's own parliament stands in it.
    CHECK(place_of("Hundreds of women marched on Kenya's parliament on Friday.", "marched") ==
          "Kenya");
}

TEST_CASE("a name captured inside a building or another country's town is a person",
          "[events][filters]") {
    CHECK(place_of("Last week Patino was captured in a small hotel in central Madrid.",
                   "captured") == "Madrid");
    CHECK(place_of("Francois was captured by police in Madrid on Monday.", "captured") == "Madrid");
    // A town is captured in a month, by troops of its own country.
    CHECK(place_of("Vukovar was captured by the army in November.", "captured") == "Vukovar");
}

TEST_CASE("an abbreviated state before a base, a currency or a second adjective says whose",
          "[events][filters]") {
    CHECK(place_of("Two squads patrolled beside a U.S. base on Monday.", "patrolled").empty());
    CHECK(place_of("Militants shot at U.S. and Iraqi troops on Monday.", "shot").empty());
    CHECK(place_of("Two cashiers were killed in the raid and nearly US $4,700 went missing.",
                   "killed")
              .empty());
    // The state itself still is a place.
    CHECK(place_of("Gunmen killed two men in the U.S. on Monday.", "killed") == "U.S.");
}

TEST_CASE("the place of who reports an event is no place of the event", "[events][filters]") {
    // A source in a town speaks of what happened there, as local witnesses do
    // (real_report_filters_test.cpp): "according to a source in X," keeps X.
    CHECK(place_of("According to an army source in Aleppo, the army killed 50 fighters.",
                   "killed") == "Aleppo");
    CHECK(place_of("The raid, according to Washington, killed 14 people.", "killed").empty());
    CHECK(place_of("The blast killed nine people, an activist told Tarvel News in Damascus.",
                   "killed")
              .empty());
    // Local witnesses speak of where they are.
    CHECK(place_of("According to residents of Aleppo, the army killed 50 fighters.", "killed") ==
          "Aleppo");
    // A place after the report's phrase is the event's.
    CHECK(place_of("According to an army source, the army killed 50 fighters in Aleppo.",
                   "killed") == "Aleppo");
}

TEST_CASE("the states a relation holds between are its parties, no place", "[events][filters]") {
    CHECK(place_of("The border is patrolled by troops under a deal between Russia and "
                   "Norway.",
                   "patrolled")
              .empty());
    CHECK(place_of("Jets patrolled the coast amid rising tension between Moscow and Washington.",
                   "patrolled")
              .empty());
    // A border or a crossing between two states lies there.
    CHECK(place_of("Troops patrolled the border between Norway and Russia.", "patrolled") != "");
}

TEST_CASE("days, feasts, fractions and a group before its people name no place",
          "[events][filters]") {
    CHECK(place_of("Five guards were killed in Fridays raid.", "killed").empty());
    CHECK(place_of("Some 9,000 soldiers were killed in the 3-1/2 year war.", "killed").empty());
    CHECK(place_of("Troops captured dozens of al-Korlo suspects on Monday.", "captured").empty());
    CHECK(
        place_of("Police captured hundreds of Korlo Jund fighters on Monday.", "captured").empty());
    // A name before a type word still is a place the gazetteer lacks.
    CHECK(place_of("Police captured two men in Korlo Jund village on Monday.", "captured") ==
          "Korlo Jund");
}

TEST_CASE("where a captive is taken or someone tries to go is no place of the event",
          "[events][filters]") {
    CHECK(place_of("Two soldiers were captured by rebels and taken into Lebanon.", "captured")
              .empty());
    CHECK(
        place_of("Police captured and extradited to Spain a bombing suspect.", "captured").empty());
    CHECK(place_of("A reporter was captured in 2004 while he tried to enter Iraq.", "captured")
              .empty());
    CHECK(place_of("A guard was captured in Basra and flown to Kuwait.", "captured") == "Basra");
    // An assault's aim is where it is.
    CHECK(place_of("Rebels launched an assault to enter Aleppo on Monday.", "launched") ==
          "Aleppo");
}

TEST_CASE("an origin after an age in commas, with a bracketed locator, is no place",
          "[events][filters]") {
    CHECK(place_of("Omar Haddad, 25, from the town of Korlo [5 km east of Raqqa city in Raqqa "
                   "province], was killed on Monday.",
                   "killed")
              .empty());
    CHECK(place_of("Omar Haddad, 25, from Raqqa, was killed in Aleppo on Monday.", "killed") ==
          "Aleppo");
}

TEST_CASE("a state acting in a perfect tense is no place of what it did", "[events][filters]") {
    CHECK(place_of("Norway has captured three fishing boats, officials said.", "captured").empty());
    CHECK(place_of("Norway and Sweden have patrolled the skies for years.", "patrolled").empty());
    // A perfect passive's subject is where it was done.
    CHECK(place_of("Aleppo has been shelled for weeks.", "shelled") == "Aleppo");
}

TEST_CASE("where a unit is based is no place of what its people do", "[events][filters]") {
    CHECK(place_of("A captain of a regiment based in the port city of Gdansk was shot on Monday.",
                   "shot")
              .empty());
    CHECK(place_of("A captain of a regiment based in Gdansk was shot near Basra on Monday.",
                   "shot") == "Basra");
}
