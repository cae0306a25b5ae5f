// Place attachment given the event word (EventExtractor::event_at, what `eval events` scores):
// which place of a sentence an event takes, following the sentence's syntax. Invented
// sentences, real gazetteer.
#include "events/events_support.hpp"
#include "events/extractor.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::test;
using eventmap::events::Event;

TEST_CASE("a place inside a relative clause belongs to that clause", "[events][attachment]") {
    CHECK(place_of("Troops detained a man who had fought in Mosul.", "detained").empty());
    CHECK(place_of("Troops detained a man in Basra who had fought in Mosul.", "detained") ==
          "Basra");
    // Before the trigger, closed by a comma: where the man was born, not where he was shot.
    CHECK(place_of("The trader, who was born in Basra, was shot on Monday.", "shot").empty());
}

TEST_CASE("a place after 'and later <verb>' is that verb's", "[events][attachment]") {
    CHECK(place_of("A trader was shot on Monday and later died in a Basra hospital.", "shot")
              .empty());
    // Coordinated triggers of one event share the place.
    CHECK(place_of("Gunmen shot and wounded two guards in Basra.", "shot") == "Basra");
}

TEST_CASE("a participle after a comma opens its own predicate", "[events][attachment]") {
    CHECK(place_of("Rebels launched an offensive in Hama on Sunday, targeting Mosul.",
                   "launched") == "Hama");
    CHECK(place_of("Rebels launched an offensive in Hama on Sunday, targeting Mosul.",
                   "targeting") == "Mosul");
    // "including" is no predicate.
    CHECK(place_of("Protests spread across several cities on Friday, including Basra.",
                   "Protests") == "Basra");
}

TEST_CASE("a chain of places names its first place", "[events][attachment]") {
    // The finer place is the event's, the ones after it only say where it is.
    CHECK(place_of("Guards shot two inmates fleeing the Basra prison in southern Iraq.", "shot") ==
          "Basra");
    // "the X district of Y" names the district, inside Y.
    CHECK(place_of("Artillery shelled the Barzeh district of Damascus.", "shelled") == "Barzeh");
}

TEST_CASE("district notation, countryside, area of, outskirts", "[events][attachment]") {
    CHECK(place_of("Troops raided homes in Damascus - Barzeh on Monday.", "raided") == "Barzeh");
    CHECK(place_of("Rebels shelled the Idlib countryside on Monday.", "shelled") == "Idlib");
    CHECK(place_of("Clashes broke out in the Jobar area of Damascus.", "Clashes") == "Jobar");
    CHECK(place_of("Artillery pounded the outskirts of Hama on Monday.", "pounded") == "Hama");
    // A dash between clauses still splits them: the second clause's place is not the first's.
    CHECK(place_of("Police detained three men - a raid followed in Mosul.", "detained").empty());
}

TEST_CASE("an owned place and a place naming an event", "[events][attachment]") {
    CHECK(place_of("Protesters marched in Baghdad's Karrada district on Friday.", "marched") ==
          "Karrada");
    CHECK(place_of("Two officers were hurt in the Basra shootout on Friday.", "hurt") == "Basra");
}

TEST_CASE("a verb in another sense reports no event place", "[events][attachment]") {
    CHECK(place_of("The champion captured her third title in Doha on Sunday.", "captured").empty());
    // The object's head may come late.
    CHECK(place_of("The champion captured her fourth straight doubles title in Doha.", "captured")
              .empty());
    // "died in the town of X" is no death "of" an illness.
    CHECK(place_of("Nine people died in the town of Mosul on Monday.", "died") == "Mosul");
    CHECK(place_of("Rebels captured the airport in Doha on Sunday.", "captured") == "Doha");
}

TEST_CASE("a light verb joins the event noun after 'another' and 'several'", "[events][triggers]") {
    const auto events = default_extractor().extract(
        text_article("Rebels launched another fierce assault in Hama on Monday.", "2021-04-10"));
    REQUIRE(events.size() == 1);
    CHECK(events[0].trigger.rfind("launched", 0) == 0);
    const auto patrol = default_extractor().extract(
        text_article("A buried mine hit their patrol outside Mosul on Monday.", "2021-04-10"));
    for (const Event& e : patrol) {
        CHECK(e.event != eventmap::model::PloverType::mobilize); // the patrol is who was hit
    }
}

TEST_CASE("the subject of a passive attack is where, even read as a government",
          "[events][attachment]") {
    CHECK(place_of("Damascus was shelled again on Tuesday.", "shelled") == "Damascus");
    CHECK(place_of("Kosovo is patrolled by foreign troops.", "patrolled") == "Kosovo");
}

TEST_CASE("a place its owner introduces is inside the owner", "[events][attachment]") {
    CHECK(place_of("A bomb exploded in Baghdad's eastern district of Sadr City.", "exploded") ==
          "Sadr City");
    CHECK(place_of("Gunmen shot a judge in Kenya's capital, Nairobi, on Friday.", "shot") ==
          "Nairobi");
    // A capital after a comma that only qualifies another place is no place of its own.
    CHECK(place_of("Villagers in Kakamega district, outside the capital, Nairobi, captured a "
                   "thief.",
                   "captured") == "Kakamega");
}

TEST_CASE("a place before an infinitive belongs to the verb it completes", "[events][attachment]") {
    CHECK(place_of("Students marched in the Iraqi city of Basra to demand jobs.", "marched") ==
          "Basra");
}

TEST_CASE("a verb of saying takes the speaker's place, not what was said", "[events][attachment]") {
    CHECK(
        place_of("A mine killed four herders in Basra on Monday, officials said.", "said").empty());
    CHECK(place_of("The governor said that rockets hit Mosul overnight.", "said").empty());
    CHECK(place_of("Aid workers in Mosul said the road was closed.", "said") == "Mosul");
    CHECK(place_of("The minister told reporters in Amman that talks would resume.", "told") ==
          "Amman");
}

TEST_CASE("a participle of force after a comma is where its main clause is",
          "[events][attachment]") {
    CHECK(place_of(
              "A parked van exploded beside a bus stop in Kirkuk on Monday, killing four people.",
              "killing") == "Kirkuk");
    // A verbal act is where its speaker is.
    CHECK(place_of("Thousands protested in Basra on Friday, accusing the council of theft.",
                   "accusing")
              .empty());
}

TEST_CASE("a creed before a place word names no place", "[events][attachment]") {
    CHECK(place_of("Gunmen shot two guards at a Sunni mosque in Basra.", "shot") == "Basra");
}

TEST_CASE("unlisted villages: an apposition and a chain of divisions", "[events][attachment]") {
    CHECK(place_of("Troops killed five herders in Dandaro, a village in Borno State.", "killed") ==
          "Dandaro");
    CHECK(place_of("Gunmen raided Dandaro village in Gwoza LGA of Borno State on Monday.",
                   "raided") == "Dandaro");
    CHECK(place_of("Nine people died in fighting at the refugee camp of Dandaro near Mosul.",
                   "died") == "Dandaro");
}

TEST_CASE("what a protest is against is no place of it", "[events][attachment]") {
    CHECK(place_of("Students protested against the bombing of Mosul.", "protested").empty());
    CHECK(place_of("Students protested against the new law in Amman on Friday.", "protested") ==
          "Amman");
    CHECK(place_of("Workers were protesting the closure of Basra's port.", "protesting").empty());
    CHECK(place_of("Farmers demonstrated on a square of Amman against new taxes.",
                   "demonstrated") == "Amman");
}

TEST_CASE("a capital named in apposition and a mission's owner", "[events][attachment]") {
    CHECK(place_of("Police patrolled markets in the capital, Nairobi, on Sunday.", "patrolled") ==
          "Nairobi");
    CHECK(place_of("Thousands marched in the Kenya capital Nairobi on Sunday.", "marched") ==
          "Nairobi");
    CHECK(place_of("Troops patrolled the capital of Kenya, Nairobi, on Sunday.", "patrolled") ==
          "Nairobi");
    CHECK(place_of("Students protested outside the embassy of Kenya in Amman.", "protested") ==
          "Amman");
    CHECK(place_of("Peacekeepers are patrolling the war-torn Mogadishu.", "patrolling") ==
          "Mogadishu");
}

TEST_CASE("an adjunct participle leaves the place before it to the main verb",
          "[events][attachment]") {
    CHECK(place_of("Thousands marched in Basra on Friday demanding jobs.", "marched") == "Basra");
}

TEST_CASE("a light verb given as the event keeps its noun's phrases", "[events][attachment]") {
    CHECK(place_of("Gunmen staged an assault on Mosul before dawn.", "staged") == "Mosul");
}

TEST_CASE("a distance after a typed place only says where it is", "[events][attachment]") {
    CHECK(place_of("Fighting killed six in Dandaro town, 40 km west of the capital, Kampala.",
                   "killed") == "Dandaro");
}

TEST_CASE("'here' after the verb points at the dateline, not the sentence's places",
          "[events][attachment]") {
    CHECK(place_of("About 300 nurses demonstrated here on Saturday against the war in Basra.",
                   "demonstrated")
              .empty());
    CHECK(place_of("About 300 nurses demonstrated here in Paris on Saturday.", "demonstrated") ==
          "Paris");
}

TEST_CASE("a direction after a comma, even with 'just', only says where the place before is",
          "[events][attachment]") {
    CHECK(place_of(
              "A bomb blew up near a bakery in Hilla, a short drive from Baghdad, killing three.",
              "killing") == "Hilla");
}

TEST_CASE("a place inside an organisation's name is no place of the event",
          "[events][attachment]") {
    CHECK(place_of("Fighters of the Liberation Front of Ardenia attacked a convoy on Monday.",
                   "attacked")
              .empty());
    CHECK(place_of("Fighters of the Liberation Front of Ardenia attacked Mosul on Monday.",
                   "attacked") == "Mosul");
}

TEST_CASE("a place named after its owner's area noun, modifiers between, is the owned place",
          "[events][attachment]") {
    CHECK(place_of("Gunmen wounded 7 guards in Sindh's largest city, Karachi.", "wounded") ==
          "Karachi");
    CHECK(place_of("Bombs were detonated outside a shop in Thailand's southern province Pattani.",
                   "detonated") == "Pattani");
    CHECK(place_of("Soldiers were patrolling the capital of Mali, Bamako, at dawn.",
                   "patrolling") == "Bamako");
    CHECK(
        place_of("Marines patrolled the quiet streets of the provincial capital, Ambon, at night.",
                 "patrolled") == "Ambon");
    CHECK(place_of("A bomb was detonated in a poor district of the seaside resort of "
                   "Cartagena.",
                   "detonated") == "Cartagena");
}

TEST_CASE("a destination after 'to' is no place of an attack or an arrest",
          "[events][attachment]") {
    CHECK(place_of("A cook was shot in the arm and then evacuated to Nairobi.", "shot").empty());
    CHECK(place_of("She was arrested in 1997 and sent to Cairo for questioning.", "arrested")
              .empty());
    // "close to X" says where.
    CHECK(place_of("Sappers destroyed two old depots close to Jaffna on Monday.", "destroyed") ==
          "Jaffna");
    // A march goes where it is headed.
    CHECK(place_of("Thousands marched to Nairobi on Monday.", "marched") == "Nairobi");
}

TEST_CASE("a whole conflict's place as the subject gives a toll, no event's place",
          "[events][attachment]") {
    CHECK(place_of("The war in Yemen has killed some 4,300 herders.", "killed").empty());
    // Other subjects' places are where: gunmen in a city shot there.
    CHECK(place_of("Gunmen in Mogadishu shot a fish trader dead on Monday.", "shot") ==
          "Mogadishu");
}

TEST_CASE("a trigger in a 'where' clause happens at the place the clause hangs on",
          "[events][attachment]") {
    CHECK(place_of("The worst blast was in the Karrada district, where a car bomb killed 20 "
                   "people.",
                   "killed") == "Karrada");
}

TEST_CASE("a hometown of X is X, and a patrol after a determined place name is a noun",
          "[events][attachment]") {
    CHECK(place_of("In his hometown of Quetta on Friday, troops patrolled the streets.",
                   "patrolled") == "Quetta");
    CHECK(place_of("A mine exploded as a U.S. convoy drove past near Basra.", "exploded") ==
          "Basra");
}

TEST_CASE("a unit's name is no place", "[events][attachment]") {
    CHECK(
        place_of("Led by the 9th Armoured Division, troops began their assault on Monday.", "began")
            .empty());
}

TEST_CASE("'on' before a body of water or an island says where", "[events][attachment]") {
    CHECK(place_of("Gunmen bombed a ferry on Manila Bay last year.", "bombed") == "Manila Bay");
}

TEST_CASE("a name compounded with a participle says who runs it, not where",
          "[events][attachment]") {
    CHECK(place_of("Mortars hit a U.S.-run prison at dawn, killing two guards.", "hit").empty());
    CHECK(place_of("Mortars hit a U.S.-run prison near Basra on Tuesday.", "hit") == "Basra");
}

TEST_CASE("an abbreviated country before a common noun is an adjective", "[events][attachment]") {
    CHECK(place_of("Two mines detonated near a U.S. convoy on Monday.", "detonated").empty());
    CHECK(place_of("Two mines detonated near a U.S. convoy in Basra.", "detonated") == "Basra");
    // Not before a preposition: "in the U.S. on Monday" is where.
    CHECK(place_of("Police arrested two men in the U.S. on Monday.", "arrested") == "U.S.");
}

TEST_CASE("after 'on' or 'to' right after an event word, a name the phrase locates is a place",
          "[events][attachment]") {
    CHECK(place_of("Gunmen staged the assault on Kulvar in West Darfur state on Monday.",
                   "staged") == "Kulvar");
    CHECK(place_of("Thousands marched to Khorev in southern Pulwama district on Monday.",
                   "marched") == "Khorev");
}

TEST_CASE("'of' after a part of ground (portion, flank, corridor, zone) names where",
          "[events][attachment]") {
    CHECK(place_of("Soldiers patrolled a border town in Ardenia's portion of Kashmir on Monday.",
                   "patrolled") == "Kashmir");
    CHECK(place_of("Militia fighters stormed two hilltops on the eastern flank of Homs on Friday.",
                   "stormed") == "Homs");
}

TEST_CASE("a subject's origin after 'from' and a person is no place of the event",
          "[events][attachment]") {
    // The sentence says where the man comes from, not where he was shot.
    CHECK(place_of("A man from the village of Dorvesk in Kisumu county was shot dead on Monday.",
                   "shot")
              .empty());
    // Qualifiers of the origin ("near Y", "in Y") are the origin's too; the fronted place is
    // where.
    CHECK(place_of("In Kisumu, a 40-year-old from the town of Dorvesk near Nakuru was stabbed.",
                   "stabbed") == "Kisumu");
    // Without a person before "from", the typed place stays the event's.
    CHECK(place_of("A man was shot dead in the village of Dorvesk in Kisumu county on Monday.",
                   "shot") == "Dorvesk");
}

TEST_CASE("a place inside an apposition to a fronted place describes it", "[events][attachment]") {
    // Kano only says where the village lies; the march was in the village.
    CHECK(place_of("In Varek, the village where the general was born north of Kano, dozens of "
                   "people demonstrated.",
                   "demonstrated") == "Varek");
    // A clause after the comma is no apposition: its place stays a candidate.
    CHECK(place_of("According to officers in Kano, the army shelled rebel posts in Zaria, killing "
                   "ten.",
                   "killing") == "Zaria");
}

TEST_CASE("a clause without a place takes its participle of force's place",
          "[events][attachment]") {
    // The bomb went off where the guards were killed.
    CHECK(place_of("A truck bomb exploded beside a convoy, killing seven guards at a market "
                   "in the capital, Nairobi, officials said.",
                   "exploded") == "Nairobi");
    // The main clause's own place comes first.
    CHECK(place_of("A bomb exploded in Kisumu, killing six guards near Nakuru.", "exploded") ==
          "Kisumu");
}

TEST_CASE("a town naming the street an event was on is where", "[events][attachment]") {
    CHECK(place_of("A judge was shot dead on a Nairobi street on Friday.", "shot") == "Nairobi");
    // "on" before a name and no street noun names no place.
    CHECK(place_of("A judge was shot dead on Friday.", "shot").empty());
}

TEST_CASE("'wider', 'greater' and 'midtown' modify a place after a preposition",
          "[events][attachment]") {
    CHECK(place_of("Riot police patrolled in the wider Kisumu area on Monday.", "patrolled") ==
          "Kisumu");
    CHECK(place_of("Nurses marched through midtown Nairobi on Monday.", "marched") == "Nairobi");
}

TEST_CASE("a shantytown or a slum is a kind of place", "[events][attachment]") {
    CHECK(place_of("Ten people have been shot in the seaside Dorvo shantytown near Kisumu.",
                   "shot") == "Dorvo");
    CHECK(place_of("Police raided the Kessalu slum in Nairobi on Monday.", "raided") == "Kessalu");
}

TEST_CASE("the first of two names before a plural type word is a place", "[events][attachment]") {
    CHECK(place_of("Crowds protested in Kisumu's Dorvo and Kessa neighbourhoods on Monday.",
                   "protested") == "Dorvo");
    // A listed town alone stays the place.
    CHECK(place_of("Crowds protested in Kisumu on Monday.", "protested") == "Kisumu");
}

TEST_CASE("a list of names after a plural type word and a colon or dashes is of places",
          "[events][attachment]") {
    CHECK(place_of("Gunmen raided three villages: Tumbaro, Kelidu and Wasanga at dawn.",
                   "raided") == "Tumbaro");
    // The dashes keep the list in the verb's clause; the place after it contains them all.
    CHECK(place_of("Armed men attacked three villages -- Tumbaro, Kelidu, and Wasanga -- in "
                   "Kisumu County, killing four.",
                   "attacked") == "Tumbaro");
    // A list of things is no list of places.
    CHECK(
        place_of("Gunmen stole three cars: Tumbaro, Kelidu and Wasanga at dawn.", "stole").empty());
}

TEST_CASE("'like' after a plural type word lists places", "[events][attachment]") {
    CHECK(place_of("In towns like Kisumu and Nakuru, soldiers burned down shops.", "burned") ==
          "Kisumu");
    CHECK(place_of("Fans of singers like Kisumu burned down shops.", "burned").empty());
}

TEST_CASE("a state that no longer exists is a place", "[events][attachment]") {
    CHECK(place_of("Snipers shot two soldiers throughout the former Yugoslavia.", "shot") ==
          "Yugoslavia");
    CHECK(place_of("Two dissidents were arrested in the Soviet Union in 1979.", "arrested") ==
          "Soviet Union");
}

TEST_CASE("a name owned by a place after a locative preposition is inside it",
          "[events][attachment]") {
    CHECK(place_of("A shopkeeper was stabbed in north Kisumu's Dorvo Heights on Monday.",
                   "stabbed") == "Dorvo Heights");
    // A building's name leaves the event in the town that owns it.
    CHECK(place_of("A monk was shot at Kisumu's Church of the Saviour on Monday.", "shot") ==
          "Kisumu");
}

TEST_CASE("a modifier before 'province of X' makes X the province", "[events][attachment]") {
    CHECK(place_of("A grenade was thrown at a bar in Ardenian western province of Kakamega.",
                   "thrown") == "Kakamega");
}

TEST_CASE("'above' and 'below' say where", "[events][attachment]") {
    CHECK(place_of("A grass fire destroyed twelve homes in the ridges above Nakuru.",
                   "destroyed") == "Nakuru");
    CHECK(place_of("Rebels ambushed a convoy on the road below Kisumu.", "ambushed") == "Kisumu");
}

TEST_CASE("an unlisted name after 'like' or 'including' a plural type word is a place",
          "[events][attachment]") {
    CHECK(place_of("In villages like Tumbaro and Kelidu, militias burned down houses.", "burned") ==
          "Tumbaro");
    // After a plural noun of people, no place.
    CHECK(place_of("Leaders like Tumbaro burned down houses.", "burned").empty());
}

TEST_CASE("a name 'the city' owns after a preposition is a place", "[events][attachment]") {
    CHECK(place_of("Two men were shot in Kisumu on Monday in the city's Dorvo Park.", "shot") ==
          "Dorvo Park");
    // Its buildings stay with the city.
    CHECK(place_of("Two men were shot in Kisumu on Monday at the city's Grand Hotel.", "shot") ==
          "Kisumu");
}

TEST_CASE("a title inside a place's name names no person", "[events][attachment]") {
    CHECK(place_of("Troops shelled the town of Sheikh Barakat on Monday.", "shelled") ==
          "Sheikh Barakat");
    CHECK(place_of("Rebels bombed the Sheikh Tarvel area on Monday.", "bombed") == "Sheikh Tarvel");
    // A title before a name alone is a person.
    CHECK(place_of("Police arrested Sheikh Barakat on Monday.", "arrested").empty());
}

TEST_CASE("a creed or people before a place's part still leaves it a place",
          "[events][attachment]") {
    CHECK(place_of("A guard was shot at a bar in Protestant east Kisumu.", "shot") == "Kisumu");
}

TEST_CASE("'outside of' and 'inside of' say where", "[events][attachment]") {
    CHECK(place_of("Two farmers were stabbed outside of Nakuru on Monday.", "stabbed") == "Nakuru");
}

TEST_CASE("the first of a list before a plural type word is a place", "[events][attachment]") {
    CHECK(place_of("Jets struck the Dorvo, Kessa, and Tumbaro districts of Kisumu.", "struck") ==
          "Dorvo");
    // A list of names without a type word after it names no place of the event.
    CHECK(place_of("Jets struck Dorvo, Kessa, and Tumbaro trucks on Monday.", "struck") != "Dorvo");
}

TEST_CASE("modifiers between a place and 'enclave of Y' leave Y the enclave",
          "[events][attachment]") {
    CHECK(
        place_of("Gunmen attacked a checkpoint in the east Nairobi Christian enclave of Eastleigh.",
                 "attacked") == "Eastleigh");
}

TEST_CASE("one name after 'a' and before a common noun is no place", "[events][attachment]") {
    CHECK(place_of("A bomb was detonated inside a Zorvan van near Nakuru.", "detonated") ==
          "Nakuru");
    // Before a place type it still is one.
    CHECK(place_of("Gunmen raided a Zorvan village on Monday.", "raided") == "Zorvan");
}

TEST_CASE("a name a distance apposition locates is a place", "[events][attachment]") {
    CHECK(place_of("Troops captured two smugglers on Dorvo, about 40 kilometers (25 miles) east "
                   "of Kisumu, on Monday.",
                   "captured") == "Dorvo");
}

TEST_CASE("a participle after 'the' describes the place after it", "[events][attachment]") {
    CHECK(place_of("Police patrolled the walled Kisumu on Monday.", "patrolled") == "Kisumu");
    CHECK(place_of("Nurses demonstrated outside the fortified Dorvo Zone in Nakuru.",
                   "demonstrated") == "Dorvo Zone");
}
