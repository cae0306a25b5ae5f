// Place phrases the gazetteer cannot answer, on invented sentences: the tokens alone, with
// mentions marked by hand where a test needs a container.
#include "events/place_phrases.hpp"
#include "events/token.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace eventmap::events;

namespace {

struct Parsed {
    std::string text;
    std::vector<Token> tokens;
    std::vector<int> mention_at;
    std::vector<bool> blocked;
};

// `mentions`: words of the text that are gazetteer places (each its own mention index).
Parsed parse(const std::string& text, const std::vector<std::string>& mentions = {}) {
    Parsed p{text, tokenize(text, 0, text.size()), {}, {}};
    p.mention_at.assign(p.tokens.size(), -1);
    p.blocked.assign(p.tokens.size(), false);
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        for (std::size_t k = 0; k < p.tokens.size(); ++k) {
            if (text.compare(p.tokens[k].begin, p.tokens[k].end - p.tokens[k].begin, mentions[m]) ==
                0) {
                p.mention_at[k] = static_cast<int>(m);
            }
        }
    }
    return p;
}

std::vector<std::string> names(const Parsed& p) {
    std::vector<std::string> out;
    for (const auto& u : find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked)) {
        out.push_back(
            p.text.substr(p.tokens[u.first].begin, p.tokens[u.last].end - p.tokens[u.first].begin));
    }
    return out;
}

} // namespace

TEST_CASE("type words mark names the gazetteer lacks as places", "[events][place_phrases]") {
    CHECK(names(parse("Gunmen stormed the village of Quorra at dawn.")) ==
          std::vector<std::string>{"Quorra"});
    CHECK(names(parse("A bomb went off in Velmarsh district on Friday.")) ==
          std::vector<std::string>{"Velmarsh"});
    CHECK(names(parse("Troops shelled positions near Tarn Ridge Airport.")) ==
          std::vector<std::string>{"Tarn Ridge Airport"});
    CHECK(names(parse("Police patrolled al-Suwari camp overnight.")) ==
          std::vector<std::string>{"al-Suwari"});
}

TEST_CASE("a name's container is the place the phrase names after it or owns it",
          "[events][place_phrases]") {
    auto p = parse("Fighters attacked Quorra town in Ardenia province.", {"Ardenia"});
    auto found = find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked);
    REQUIRE(found.size() == 1);
    CHECK(found[0].container == 0);

    p = parse("Riots broke out in Ardenia's Velmarsh neighbourhood.", {"Ardenia"});
    found = find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked);
    REQUIRE(found.size() == 1);
    CHECK(found[0].container == 0);

    p = parse("A mine exploded in Velmarsh, Ardenia, on Monday.", {"Ardenia"});
    found = find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked);
    REQUIRE(found.size() == 1);
    CHECK(found[0].container == 0);
}

TEST_CASE("capitalised words that are no places are left alone", "[events][place_phrases]") {
    // Sentence-initial words, owners, institutions and blocked tokens (actors, times).
    CHECK(names(parse("Quorra said the talks would resume.")).empty());
    CHECK(names(parse("They attacked the Northern Legion's positions.")).empty());
    CHECK(names(parse("He spoke in Parliament on Tuesday.")).empty());
    auto p = parse("Rebels were seen near Brenn Valley.");
    CHECK(names(p) == std::vector<std::string>{"Brenn Valley"});
    p.blocked.assign(p.tokens.size(), true);
    CHECK(names(p).empty());
}

TEST_CASE("verbs whose object is the place", "[events][place_phrases]") {
    CHECK(is_locative_verb("shelled"));
    CHECK(is_locative_verb("patrolling"));
    CHECK(is_locative_verb("stormed"));
    CHECK(is_locative_verb("targeting"));
    CHECK_FALSE(is_locative_verb("said"));
}

TEST_CASE("distance and direction before a place give an offset point", "[events][place_phrases]") {
    const auto p = parse("A convoy was ambushed about 40 km (25 miles) north-west of Ardenia.");
    std::size_t place = 0;
    for (std::size_t k = 0; k < p.tokens.size(); ++k) {
        if (p.tokens[k].key == "ardenia") {
            place = k;
        }
    }
    const RelativeOffset o = relative_offset(p.tokens, place);
    REQUIRE(o.found);
    CHECK(o.km == Approx(40.0));
    CHECK(o.bearing_deg == Approx(315.0));
    CHECK(p.tokens[o.first].key == "about");
    CHECK_FALSE(relative_offset(parse("Troops moved north of Ardenia.").tokens, 4).found);

    const eventmap::LatLon from{10.0, 20.0};
    const eventmap::LatLon north = offset_point(from, 111.2, 0);
    CHECK(north.lat == Approx(11.0).margin(0.01));
    CHECK(north.lon == Approx(20.0).margin(0.001));
    CHECK(eventmap::distance_km(from, offset_point(from, 40, 315)) == Approx(40).margin(0.1));
}

TEST_CASE("holders and people are no unlisted places, and a possessive owner is the container",
          "[events][place_phrases]") {
    // A verb's object alone names no place ("captured" a person).
    CHECK(names(parse("Troops captured Hamdan Varoul near the border.")).empty());
    // "the X held village of Y": Y is the place, X holds it.
    CHECK(names(parse("Tanks shelled the Northern Legion held village of Quorra.")) ==
          std::vector<std::string>{"Quorra"});
    const auto p =
        parse("A bomb exploded in Ardenia's northern neighbourhood of Velmarsh.", {"Ardenia"});
    const auto found = find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked);
    REQUIRE(found.size() == 1);
    CHECK(found[0].container == 0);
}

TEST_CASE("a noun that is itself where something happens makes its of-phrase a place",
          "[events][place_phrases]") {
    CHECK(names(parse("Rebels captured the airport of Velmarsh on Monday.")) ==
          std::vector<std::string>{"Velmarsh"});
    CHECK(names(parse("Police said the mayor of Velmarsh resigned.")).empty());
}

TEST_CASE("acronyms and names of peoples are no unlisted places", "[events][place_phrases]") {
    CHECK(names(parse("A bomb went off in the KLF company compound.")).empty());
    CHECK(names(parse("Gunmen raided Quorran village near the river.")) ==
          std::vector<std::string>{"Quorran"});
    CHECK(names(parse("A settler attacked a Jewish settlement near the road.")).empty());
}

TEST_CASE("a facility's own name ends in its kind", "[events][place_phrases]") {
    CHECK(names(parse("Rebels stormed the Quorra Gas Fields at dawn.")) ==
          std::vector<std::string>{"Quorra Gas Fields"});
    CHECK(names(parse("Fighters advanced on the Velmar Airbase overnight.")) ==
          std::vector<std::string>{"Velmar Airbase"});
    CHECK(names(parse("Shells fell near the Tarvo Bridge on Monday.")) ==
          std::vector<std::string>{"Tarvo Bridge"});
    // A capitalised run with no kind after a plain verb stays unmarked.
    CHECK(names(parse("Fighters advanced on Velmar Rossi overnight.")).empty());
}

TEST_CASE("an opening quote glued to a name is no boundary", "[events][place_phrases]") {
    CHECK(names(parse("Gunmen attacked the town of \xE2\x80\x98"
                      "Ardel on Sunday.")) == std::vector<std::string>{"Ardel"});
    CHECK(names(parse("Shells fell in \xE2\x80\x98"
                      "Ayn Morra at night.")) == std::vector<std::string>{"Ayn Morra"});
}

TEST_CASE("the object of a verb that only takes ground is a place", "[events][place_phrases]") {
    CHECK(names(parse("Police were patrolling Varneck on Saturday.")) ==
          std::vector<std::string>{"Varneck"});
    CHECK(names(parse("Troops stormed Osterlo at dawn.")) == std::vector<std::string>{"Osterlo"});
    // Capture and attack take people and groups as well.
    CHECK(names(parse("Troops captured Varoul at dawn.")).empty());
    CHECK(names(parse("Gunmen attacked Varoul at dawn.")).empty());
}

TEST_CASE("a name in apposition to a type word is a place inside the name before it",
          "[events][place_phrases]") {
    auto p =
        parse("In another Harare township, Movarra, soldiers patrolled overnight.", {"Harare"});
    const auto found = find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked);
    REQUIRE(found.size() == 1);
    CHECK(p.tokens[found[0].first].key == "movarra");
    CHECK(found[0].container == 0);
}

TEST_CASE("a name after an ordinal is a military unit, no place", "[events][place_phrases]") {
    CHECK(names(parse("Troops of the 9th Armoured Division advanced near Quorra Airport.")) ==
          std::vector<std::string>{"Quorra Airport"});
}

TEST_CASE("plural type words and communities mark names", "[events][place_phrases]") {
    CHECK(names(parse("Militia shot 18 herders in the Ardenia cities of Quorra on Monday.",
                      {"Ardenia"})) == std::vector<std::string>{"Quorra"});
    auto p = parse("Gunmen burnt houses in Tarvo community in Ardenia on Monday.", {"Ardenia"});
    const auto found = find_unlisted_places(p.text, p.tokens, p.mention_at, p.blocked);
    REQUIRE(found.size() == 1);
    CHECK(p.tokens[found[0].first].key == "tarvo");
    CHECK(found[0].container == 0);
}

TEST_CASE("a name joined to a lowercase word is an adjective, no place",
          "[events][place_phrases]") {
    // "Velmar-majority areas" says who lives there; "the Quorra areas" names them.
    CHECK(names(parse("Bombs hit Velmar-majority areas of the capital.")).empty());
    CHECK(names(parse("Gunmen seized the Quorra-protected zone near the dam.")).empty());
    CHECK(names(parse("Bombs hit the Quorra areas of the capital.")) ==
          std::vector<std::string>{"Quorra"});
}

TEST_CASE("a run ending in an organisation's head names no place", "[events][place_phrases]") {
    CHECK(names(parse("Three men were killed at the Velmar News Agency.")).empty());
    CHECK(names(parse("Protesters gathered outside the Quorra Research Institute.")).empty());
    // A type word after the body's name still marks a place: its compound, its base.
    CHECK(names(parse("Rockets hit the Velmar Oil compound.")) ==
          std::vector<std::string>{"Velmar Oil"});
}

TEST_CASE("members of a group are no place", "[events][place_phrases]") {
    CHECK(names(parse("Gunmen targeted the fighters of Jund Velmar near the bridge.")).empty());
    CHECK(names(parse("Police arrested members of Quorra Jamaat in the night.")).empty());
    CHECK(names(parse("Police arrested members of a gang in the village of Quorra.")) ==
          std::vector<std::string>{"Quorra"});
}

TEST_CASE("a verb's object placed by his or her is a person", "[events][place_phrases]") {
    CHECK(names(parse("Troops encircled Varno Kell in his office in Quorra.", {"Quorra"})).empty());
    // A preposition governs the name: a place.
    CHECK(names(parse("He was raised near Velmarsh in his uncle's house in Quorra.", {"Quorra"})) ==
          std::vector<std::string>{"Velmarsh"});
}

TEST_CASE("a run naming an event or an operation is no place", "[events][place_phrases]") {
    CHECK(names(parse("Thousands marched in the Velmar Day Parade on Sunday.")).empty());
    CHECK(names(parse("Rebels were killed in Operation Quorra Shield near the river.")).empty());
    CHECK(names(parse("Thousands marched in the Velmar Day Parade in Quorra district.")) ==
          std::vector<std::string>{"Quorra"});
}

TEST_CASE("a type word without of before a name marks it", "[events][place_phrases]") {
    CHECK(names(parse("Police found two bodies in village Quorrapur on Sunday.")) ==
          std::vector<std::string>{"Quorrapur"});
    // "at villages" is a plural: no single name follows it as its own.
    CHECK(names(parse("Police found two bodies in villages Quorrapur on Sunday.")).empty());
}

TEST_CASE("a run after a military or clerical title is a person", "[events][place_phrases]") {
    CHECK(names(parse("The movement was united around Mullah Varno Kell for years.")).empty());
    CHECK(names(parse("Crowds gathered near Ayatollah Varno Kell at the shrine.")).empty());
}
