// Place attachment rules for the syntax of news sentences (EventExtractor::event_at): owned
// places and buildings, participles continuing a clause, fronted phrases. Invented sentences,
// real gazetteer.
#include "events/events_support.hpp"
#include "events/extractor.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::test;

TEST_CASE("a district right after its owner's possessive is the place", "[events][attachment]") {
    // The gazetteer's Belleville is a namesake elsewhere; the owner says which one is meant.
    CHECK(place_of("Police clashed with youths in Paris's Belleville district on Friday.",
                   "clashed") == "Belleville");
    // A name before a building's noun names the building, which stands in its owner.
    CHECK(place_of("A doctor was shot outside Paris's Belleville hospital.", "shot") == "Paris");
}

TEST_CASE("a fronted place sets the scene of every predicate after it", "[events][attachment]") {
    // The second of two coordinated verbs takes it, though the first is nearer.
    CHECK(place_of("In Mosul, aid teams are patrolling the river banks and visiting every "
                   "shelter to help families.",
                   "visiting") == "Mosul");
    // An event noun inside the fronted phrase does not keep it to itself.
    CHECK(place_of("In a riot in northern Basra, police shot dead a man after crowds attacked a "
                   "police post.",
                   "shot") == "Basra");
    CHECK(place_of("In Lyon, the mayor refused to change the curfew.", "change") == "Lyon");
    // A phrase of topic is no scene.
    CHECK(place_of("In the case of Norden Mining, investigators moved quickly, detaining workers "
                   "and raiding offices.",
                   "raiding")
              .empty());
}

TEST_CASE("events a temporal subordinator joins share their place", "[events][attachment]") {
    // The subordinate clause keeps the subject: where the trader was, he was shot.
    CHECK(place_of("The trader was shot while resisting arrest near the town of Tikrit.", "shot") ==
          "Tikrit");
    CHECK(place_of("A farmer was shot while he was visiting his fields in Kirkuk province.",
                   "shot") == "Kirkuk");
    // The subordinate clause's event happens where the main clause's does.
    CHECK(
        place_of("Two guards were patrolling the main market in Kirkuk when snipers shot at them.",
                 "shot") == "Kirkuk");
    // Another subject elsewhere: no shared scene.
    CHECK(place_of("Gunmen wounded a guard near the border with Syria on Monday while the "
                   "governor was visiting Basra.",
                   "wounded")
              .empty());
    // ", while" contrasts (whereas).
    CHECK(
        place_of("Six rebels were killed, while their comrades retreated towards Mosul.", "killed")
            .empty());
}

TEST_CASE("every participle of a chain continues the main clause", "[events][attachment]") {
    CHECK(place_of("Police clashed with students in Lyon on Friday, firing tear gas and arresting "
                   "dozens.",
                   "arresting") == "Lyon");
    CHECK(place_of("Crowds rioted in Basra on Sunday, blocking roads, setting fire to tyres and "
                   "looting shops.",
                   "looting") == "Basra");
}

TEST_CASE("a place in an aside describing the subject yields to the predicate's",
          "[events][attachment]") {
    CHECK(place_of("Karel Vorn, 28, of the hamlet of Tarvel near Hebron, detonated a device hidden "
                   "inside a large sports bag at a crowded bakery in the old market of downtown "
                   "Haifa, killing three.",
                   "detonated") == "Haifa");
    CHECK(place_of("Vorn, once a judge in Kashmir, was gunned down while speaking to voters at a "
                   "meeting in the hill village of Tarvel.",
                   "gunned") == "Tarvel");
    // With no place of its own, the aside's is the best the sentence gives.
    CHECK(place_of("Vorn, a former minister in Kashmir, was shot on Monday.", "shot") == "Kashmir");
}

TEST_CASE("a listed city or state after 'the <name> <type> of' is the type's place",
          "[events][attachment]") {
    // A capitalised word the gazetteer lacks only qualifies the city.
    CHECK(place_of("Police detained five men in a dawn search of a warehouse in the Industrial "
                   "city of Lahore.",
                   "detained") == "Lahore");
    // A district's own name before its type word stays the place.
    CHECK(place_of("Troops shelled the Karrada district of Baghdad.", "shelled") == "Karrada");
}

TEST_CASE("a people's name held, controlled or occupied modifies the place",
          "[events][attachment]") {
    CHECK(place_of("Gunmen shot dead two guards in Indian-controlled Kashmir on Friday.", "shot") ==
          "Kashmir");
    CHECK(place_of("A farmer was wounded in Turkish-occupied northern Cyprus on Sunday.",
                   "wounded") == "Cyprus");
}

TEST_CASE("four modifiers may stand between a locative verb and its place",
          "[events][attachment]") {
    CHECK(place_of("Coast guards patrolled the northern coastal city Karachi.", "patrolled") ==
          "Karachi");
}

TEST_CASE("'the city's X', 'the country's Y' own a place where the owner is",
          "[events][attachment]") {
    CHECK(place_of("A cashier was wounded during a hold-up in the city's Brixton section.",
                   "wounded") == "Brixton");
    CHECK(place_of("Thousands demonstrated on Saturday in the country's main port, Basra, against "
                   "the government.",
                   "demonstrated") == "Basra");
}

TEST_CASE("a name opening with a generic place word is a place the gazetteer lacks",
          "[events][attachment]") {
    CHECK(place_of("Last week, the army captured Kafr Tarvel from the rebels.", "captured") ==
          "Kafr Tarvel");
    CHECK(place_of("Rebels launched an assault on Jabal Norden inside the mountains on Saturday.",
                   "launched") == "Jabal Norden");
    // A family name is no such word: the object of "captured" is a person.
    CHECK(place_of("Police captured Khan Abdul after a chase.", "captured").empty());
}

TEST_CASE("a relative clause of circumstance places the event when it names none",
          "[events][attachment]") {
    // What the victims were doing at the time.
    CHECK(place_of("Police shot dead three men who were protesting the new tax in the Karrada "
                   "district of Baghdad.",
                   "shot") == "Karrada");
    // What the attackers did.
    CHECK(place_of("A judge was killed by gunmen who ambushed her convoy near Kirkuk.", "killed") ==
          "Kirkuk");
    // A past deed of the object is another event; a side is an allegiance.
    CHECK(place_of("Troops detained a man who had fought in Mosul.", "detained").empty());
    CHECK(place_of("A soldier was captured by militias who fought on Iran's side during the war.",
                   "captured")
              .empty());
}

TEST_CASE("a listed district before 'district of' an unknown name is the place",
          "[events][attachment]") {
    CHECK(place_of("In the Paghman district of Kabulistan, a mine was detonated beside a culvert.",
                   "detonated") == "Paghman");
    // A city before the part's noun names the part after "of".
    CHECK(place_of("Gunmen shot a guard in the Sarajevo suburb of Tarvelja on Monday.", "shot") ==
          "Tarvelja");
}

TEST_CASE("a country a preposition governs is a place though a verb follows it",
          "[events][attachment]") {
    CHECK(place_of("A roadside bomb in northern Syria has killed four soldiers.", "killed") ==
          "Syria");
    CHECK(place_of("Last week, a village in western Kenya was burned down during clashes.",
                   "burned") == "Kenya");
    CHECK(place_of("A French aid worker in eastern Chad was shot dead by bandits.", "shot") ==
          "Chad");
}

TEST_CASE("'both' before a pair of places is a modifier", "[events][attachment]") {
    CHECK(place_of("Aircraft struck fuel depots in both the Basra and Kirkuk areas on Monday.",
                   "struck") == "Basra");
}

TEST_CASE("a place after 'of' that completes a located noun phrase is where",
          "[events][attachment]") {
    // Adjectives and a coordinated noun between the article and the noun before "of".
    CHECK(place_of("Soldiers were patrolling in the alleys and markets of Mosul on Monday.",
                   "patrolling") == "Mosul");
    CHECK(place_of("Two warships will patrol over the open waters of the Black Sea next week.",
                   "patrol") == "Black Sea");
    // A verb whose object is always ground governs the phrase as a preposition would.
    CHECK(place_of("Troops stormed both the eastern and western farms of Kirkuk on Monday.",
                   "stormed") == "Kirkuk");
    CHECK(place_of("Police patrolled the narrow lanes of Mosul on Monday.", "patrolled") ==
          "Mosul");
    // Without the article the phrase counts people, not ground: no place.
    CHECK(place_of("At least ten members of the Tarvel Workers Union were arrested on Monday.",
                   "arrested")
              .empty());
    CHECK(place_of("Over fifty supporters of Nairobi Football Club demonstrated on Friday.",
                   "demonstrated")
              .empty());
}
