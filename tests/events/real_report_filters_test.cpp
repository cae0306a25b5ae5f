// Place filters checked against wording a real report uses where the filtered place is the
// event's: a local source's town, a subject's own advance or return, troops' post.
// (events/place_filters.cpp). Invented sentences, real gazetteer.
#include "events/events_support.hpp"
#include "events/extractor.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::test;

TEST_CASE("a local source's town is where the event it reports happened", "[events][filters]") {
    CHECK(place_of("Three night guards were killed as a buried mine went off, according to a "
                   "security source in Kirkuk.",
                   "killed") == "Kirkuk");
    CHECK(place_of("Gunmen shot dead a baker at dawn, according to a source in Mosul.", "shot") ==
          "Mosul");
    CHECK(place_of("Shells hit a crowded bakery, according to medical sources in Homs.", "hit") ==
          "Homs");
    CHECK(place_of("Gunmen killed four farmers, according to a statement released in Kirkuk.",
                   "killed") == "Kirkuk");
    // Where the sentence names the event's own place, the statement's town stays a fallback.
    CHECK(place_of("Gunmen killed four farmers in Mosul, according to a statement issued in "
                   "Baghdad.",
                   "killed") == "Mosul");
    // A news outlet's office still says nothing of where.
    CHECK(place_of("Gunmen killed four farmers, a witness told Radio Norden in Cairo.", "killed")
              .empty());
}

TEST_CASE("the subject's own advance or return is where the event happens", "[events][filters]") {
    CHECK(place_of("Fighting erupted as rebels moved into Homs on Sunday.", "Fighting") == "Homs");
    CHECK(place_of("Heavy clashes broke out as the militia moved into Sirte.", "clashes") ==
          "Sirte");
    // A captive taken elsewhere afterwards still is no place of the arrest.
    CHECK(place_of("Police arrested a smuggler and sent him to Spain.", "arrested").empty());
    CHECK(place_of("He was arrested in Madrid and extradited to France.", "arrested") == "Madrid");
}

TEST_CASE("troops stationed in a place are attacked there", "[events][filters]") {
    CHECK(place_of("US soldiers stationed in Kandahar were attacked with rockets.", "attacked") ==
          "Kandahar");
    CHECK(place_of("Peacekeepers garrisoned in Goma were shot at on Monday.", "shot") == "Goma");
    // Where a unit or a group is based is still no place of what befalls its people.
    CHECK(place_of("A captain of a regiment based in Odessa was shot dead.", "shot").empty());
}

TEST_CASE("a town captured in an offensive is the place of the capture", "[events][filters]") {
    CHECK(place_of("Ramadi was captured in a lightning offensive by militants.", "captured") ==
          "Ramadi");
    CHECK(place_of("Kobani was captured in a dawn raid, activists said.", "raid") == "Kobani");
    // A one-word name captured in a building still is a person (the town's name no place).
    CHECK(place_of("Patino was captured last night in a seaside hotel.", "captured").empty());
}

TEST_CASE("a place that comes under or witnesses an attack is where it happened",
          "[events][filters]") {
    CHECK(place_of("Homs came under heavy shelling on Monday.", "shelling") == "Homs");
    CHECK(place_of("Kabul has witnessed a wave of bombings this month.", "bombings") == "Kabul");
    CHECK(place_of("Quetta has suffered repeated bombings since June.", "bombings") == "Quetta");
    // A state that acts in the perfect still is no place of its act.
    CHECK(place_of("Turkey has shelled Kurdish positions near Afrin.", "shelled") == "Afrin");
}

TEST_CASE("an arrest during protests or on a return is where those happened", "[events][filters]") {
    CHECK(place_of("Police arrested twelve people during protests in Kirkuk.", "arrested") ==
          "Kirkuk");
    CHECK(place_of("Troops detained a reporter amid clashes in Mosul on Friday.", "detained") ==
          "Mosul");
    CHECK(place_of("Police arrested the man when he returned to Homs last week.", "arrested") ==
          "Homs");
    // A protest against a town's policy still names no place of the arrest.
    CHECK(
        place_of("Police arrested six people during protests against Cairo.", "arrested").empty());
}

TEST_CASE("a town the gazetteer lacks that is overrun or captured in an assault is a place",
          "[events][filters]") {
    CHECK(place_of("Tarvel was captured in an assault by rebel fighters.", "captured") == "Tarvel");
    CHECK(place_of("Norden was overrun by militants on Sunday.", "overrun") == "Norden");
    // A person captured by rebels is no place ("in an assault" is what marks ground).
    CHECK(place_of("Vansel was captured by rebel fighters on Sunday.", "captured").empty());
}

TEST_CASE("a migrant entering a town is no attack, troops entering it are a move of force",
          "[events][filters]") {
    const auto assaults_at = [](const std::string& text, const std::string& place) {
        const auto found = default_extractor().process(text_article(text, "2019-09-14"));
        return events_at(found.events, "ASSAULT", place).size();
    };
    CHECK(assaults_at("A migrant who tried to enter Melilla drowned on Sunday.", "Melilla") == 0);
    CHECK(assaults_at("Hundreds of refugees entered Tarvel on foot on Monday.", "Tarvel") == 0);
    CHECK(assaults_at("Government troops entered Homs on Monday.", "Homs") == 1);
}
