// Resolution with hierarchy qualifiers, on invented sentences and the real gazetteer.
#include "geoparse/geoparser.hpp"
#include "geoparse_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using namespace eventmap::test;

namespace {

const geoparse::Mention* mention(const std::vector<geoparse::Mention>& all,
                                 const std::string& text) {
    for (const auto& m : all) {
        if (m.text == text) {
            return &m;
        }
    }
    return nullptr;
}

// The mention of `name` in `text` parsed as an article of its own; the test stops where the
// text has none.
geoparse::Mention resolved(const std::string& text, const std::string& name) {
    const auto parsed = default_geoparser().parse(article_of(text));
    const auto* found = mention(parsed, name);
    INFO("no mention of " << name << " in: " << text);
    REQUIRE(found != nullptr);
    return *found;
}

} // namespace

TEST_CASE("places in brackets after a name qualify it, past a district the gazetteer lacks",
          "[geoparse][resolver]") {
    CHECK(resolved("Storms hit Paris on Monday.", "Paris").country == "FR");

    const auto paris = resolved("Storms hit Paris (Quorvant district, Texas) on Monday.", "Paris");
    CHECK(paris.country == "US");
    CHECK(paris.admin1 == "TX");
}

TEST_CASE("a comma chain qualifies a name past a unit the gazetteer lacks",
          "[geoparse][resolver]") {
    const auto paris = resolved("Storms hit Paris, Quorvant district, Texas on Monday.", "Paris");
    CHECK(paris.country == "US");
    CHECK(paris.admin1 == "TX");
    CHECK_FALSE(paris.unlisted);
}

TEST_CASE("'X in Y' qualifies X when Y contains one of its namesakes", "[geoparse][resolver]") {
    const auto paris = resolved("Storms hit Paris in Texas on Monday.", "Paris");
    CHECK(paris.country == "US");
    CHECK(paris.admin1 == "TX");
}

TEST_CASE("a list of peers is not a qualifier chain", "[geoparse][resolver]") {
    const auto parsed = default_geoparser().parse(
        article_of("Cases were reported in Ohio, Indiana, Michigan, Kentucky and Oregon."));
    for (const char* state : {"Ohio", "Indiana", "Michigan", "Kentucky"}) {
        const auto* m = mention(parsed, state);
        REQUIRE(m != nullptr);
        CHECK(m->country == "US");
        CHECK(m->precision == gazetteer::Precision::admin1);
        CHECK_FALSE(m->unlisted);
    }
}

TEST_CASE("a name with no namesake inside its explicit qualifiers lands on the finest one",
          "[geoparse][resolver]") {
    SECTION("brackets, past a district the gazetteer lacks") {
        const auto paris = resolved(
            "Gunmen attacked Paris (Quorvant district, Nasarawa state) on Sunday.", "Paris");
        CHECK(paris.unlisted);
        CHECK(paris.country == "NG");
        CHECK(paris.precision == gazetteer::Precision::admin1);
        CHECK(paris.radius_km > 20);
        CHECK(paris.text == "Paris");
    }
    SECTION("brackets naming a district the gazetteer holds") {
        const auto paris =
            resolved("Gunmen attacked Paris (Awe district, Nasarawa state) on Sunday.", "Paris");
        CHECK(paris.unlisted);
        CHECK(paris.country == "NG");
        CHECK(paris.precision == gazetteer::Precision::admin2);
        CHECK(paris.name == "Awe");
    }
    SECTION("a comma chain") {
        const auto paris =
            resolved("Gunmen attacked Paris, Awe district, Nasarawa state, on Sunday.", "Paris");
        CHECK(paris.unlisted);
        CHECK(paris.country == "NG");
        CHECK(paris.precision == gazetteer::Precision::admin2);
    }
    SECTION("a lone region closing the phrase after a small place") {
        const auto town =
            resolved("Gunmen attacked Bozeman, Nasarawa, on Sunday, police said.", "Bozeman");
        CHECK(town.unlisted);
        CHECK(town.country == "NG");
    }
    SECTION("a lone region opening a list is no unit") {
        const auto town =
            resolved("Storms hit Bozeman, Nasarawa and Ontario on Sunday.", "Bozeman");
        CHECK_FALSE(town.unlisted);
        CHECK(town.country == "US");
    }
    SECTION("a lone region in the possessive or inside a longer name is no unit") {
        for (const char* text : {"Police caught a man in Bozeman, Ontario's premier said.",
                                 "A bomb hit Bozeman, Ontario Quorvant in the north."}) {
            const auto town = resolved(text, "Bozeman");
            CHECK_FALSE(town.unlisted);
            CHECK(town.country == "US");
        }
    }
    SECTION("a qualifier that agrees leaves the name alone") {
        const auto lafia = resolved("Gunmen attacked Lafia, Nasarawa state.", "Lafia");
        CHECK_FALSE(lafia.unlisted);
        CHECK(lafia.precision == gazetteer::Precision::city);
    }
}

TEST_CASE("a small foreign namesake in a one-country article lands on that country",
          "[geoparse][resolver]") {
    const std::string home =
        "Nigeria's army said gunmen raided Bozeman overnight. Police in Kano and Lafia said "
        "the attackers fled towards Jos. Nigeria has seen such raids before, officials in "
        "Abuja said.";
    const auto town = resolved(home, "Bozeman");
    CHECK(town.unlisted);
    CHECK(town.country == "NG");
    CHECK(town.precision == gazetteer::Precision::country);

    // Without one country dominating, the name keeps its own entry.
    const auto own = resolved(
        "Officials in Abuja, Denver and Helena said the storm reached Bozeman.", "Bozeman");
    CHECK_FALSE(own.unlisted);
    CHECK(own.country == "US");
}

TEST_CASE("a region in the possessive before a name qualifies it", "[geoparse][resolver]") {
    const auto paris = resolved("Heavy rain hit Texas's Paris.", "Paris");
    CHECK(paris.country == "US");
    CHECK(paris.admin1 == "TX");
    CHECK_FALSE(paris.unlisted);

    const auto town = resolved(
        "Gunmen attacked a bus in Ontario's southern Bozeman district on Sunday.", "Bozeman");
    CHECK(town.unlisted);
    CHECK(town.country == "CA");
    CHECK(town.precision == gazetteer::Precision::admin1);
}

TEST_CASE("a generic head starting a longer name never lands on the head's namesake",
          "[geoparse][resolver]") {
    SECTION("the place the text names as containing it") {
        const auto name =
            resolved("Shelling hit Ain Quorvan in Raqqa province on Tuesday.", "Ain Quorvan");
        CHECK(name.unlisted);
        CHECK(name.country == "SY");
        CHECK(name.precision == gazetteer::Precision::admin1);
    }
    SECTION("a place beside it in the sentence") {
        const auto name =
            resolved("Jets struck Tal al-Quorvan near Aleppo on Tuesday.", "Tal al-Quorvan");
        CHECK(name.unlisted);
        CHECK(name.country == "SY");
    }
    SECTION("nothing around it: no place rather than a namesake") {
        const auto parsed =
            default_geoparser().parse(article_of("Jets struck Ain Quorvan on Tuesday."));
        CHECK(mention(parsed, "Ain Quorvan") == nullptr);
        CHECK(mention(parsed, "Ain") == nullptr);
    }
}

TEST_CASE("a one-country article takes the home namesake of a small place over one abroad",
          "[geoparse][resolver]") {
    const std::string home =
        "Pakistan's army said gunmen raided Aliabad overnight. Police in Lahore and Karachi "
        "said the attackers fled towards Quetta. Pakistan has seen such raids before, officials "
        "in Islamabad said.";
    const auto town = resolved(home, "Aliabad");
    CHECK(town.country == "PK");
    CHECK_FALSE(town.unlisted);
}
