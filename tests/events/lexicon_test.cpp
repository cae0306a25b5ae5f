#include "common/error.hpp"
#include "events/lexicon.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using eventmap::events::EventLexicon;

namespace {

bool has(const std::vector<std::string>& forms, const std::string& f) {
    return std::find(forms.begin(), forms.end(), f) != forms.end();
}

} // namespace

TEST_CASE("verb inflection", "[events][lexicon]") {
    using eventmap::events::verb_forms;
    const auto attack = verb_forms("attack");
    CHECK(has(attack, "attacks"));
    CHECK(has(attack, "attacked"));
    CHECK(has(attack, "attacking"));
    CHECK(has(verb_forms("agree"), "agreed"));
    CHECK(has(verb_forms("agree"), "agreeing"));
    CHECK(has(verb_forms("welcome"), "welcoming"));
    CHECK(has(verb_forms("rally"), "rallied"));
    CHECK(has(verb_forms("rally"), "rallies"));
    CHECK(has(verb_forms("clash"), "clashes"));
    CHECK(has(verb_forms("ban"), "banned"));
    CHECK(has(verb_forms("deploy"), "deployed"));
    // Two syllables, stress first: no doubling (open -> opened, not "openned").
    CHECK(has(verb_forms("open"), "opened"));
    CHECK(has(verb_forms("open"), "opening"));
    CHECK_FALSE(has(verb_forms("open"), "openned"));
    CHECK(has(verb_forms("hit"), "hitting"));
    CHECK(has(verb_forms("blow"), "blowing"));
    CHECK(has(verb_forms("find"), "found"));
    CHECK(has(verb_forms("lay"), "laid"));
    // -ie: die -> died, dying (not "ding").
    CHECK(has(verb_forms("die"), "died"));
    CHECK(has(verb_forms("die"), "dying"));
    CHECK_FALSE(has(verb_forms("die"), "ding"));
    CHECK(has(eventmap::events::noun_forms("airstrike"), "airstrikes"));
    CHECK(has(eventmap::events::noun_forms("casualty"), "casualties"));
}

TEST_CASE("the shipped lexicon covers the issue's triggers with PLOVER types",
          "[events][lexicon]") {
    const EventLexicon lex = EventLexicon::load(EventLexicon::default_directory());
    REQUIRE(lex.types().size() == 16);
    auto type_of = [&](const std::string& first, std::size_t words = 1) -> std::string {
        const auto* list = lex.triggers_starting(first);
        if (list == nullptr) {
            return "";
        }
        for (const auto i : *list) {
            if (lex.triggers()[i].words.size() == words) {
                return lex.types()[lex.triggers()[i].type].name;
            }
        }
        return "";
    };
    CHECK(type_of("attacked") == "ASSAULT");
    CHECK(type_of("shelling") == "ASSAULT");
    CHECK(type_of("clashes") == "ASSAULT");
    CHECK(type_of("airstrikes") == "ASSAULT");
    CHECK(type_of("met") == "CONSULT");
    CHECK(type_of("talks") == "CONSULT");
    CHECK(type_of("agreed") == "AGREE");
    CHECK(type_of("protesters") == "PROTEST");
    CHECK(type_of("killed") == "ASSAULT");
    CHECK(type_of("applied", 3) == "AGREE");
    CHECK(type_of("arrested") == "COERCE");
    CHECK(type_of("welcomed") == "SUPPORT");
    CHECK(type_of("hailed") == "SUPPORT");
    CHECK(type_of("blamed") == "ACCUSE");
    CHECK(type_of("threatened") == "THREATEN");
    CHECK(type_of("sanctions") == "SANCTION");
    for (const auto& t : lex.types()) {
        CHECK(t.quad_code >= 1);
        CHECK(t.quad_code <= 4);
    }
}

TEST_CASE("a bad lexicon row is reported with its file and line", "[events][lexicon]") {
    const std::string dir = eventmap::test::scratch_dir("events_lexicon_bad");
    const std::string shipped = EventLexicon::default_directory();
    for (const char* f : {"plover_types.tsv", "actors.tsv", "titles.txt"}) {
        eventmap::test::write_file(dir + "/" + f, eventmap::test::read_file(shipped + "/" + f));
    }
    eventmap::test::write_file(
        dir + "/triggers.tsv",
        "# comment\nattack\tverb\tASSAULT\t18\t0.8\nriot\tverb\tRIOT\t14\t0.8\n");
    try {
        (void)EventLexicon::load(dir);
        FAIL("expected an InputError");
    } catch (const eventmap::InputError& e) {
        CHECK(e.line() == 3);
        CHECK(e.file() == dir + "/triggers.tsv");
        CHECK(std::string(e.what()).find("RIOT") != std::string::npos);
    }
    eventmap::test::write_file(dir + "/triggers.tsv", "attack\tverb\tASSAULT\t18\t7\n");
    CHECK_THROWS_AS(EventLexicon::load(dir), eventmap::InputError);
    CHECK_THROWS_AS(EventLexicon::load(dir + "/missing"), eventmap::InputError);
}

TEST_CASE("a lightnoun row is a noun in both numbers, marked light-only", "[events][lexicon]") {
    const std::string dir = eventmap::test::scratch_dir("events_lexicon_lightnoun");
    const std::string shipped = EventLexicon::default_directory();
    for (const char* f : {"plover_types.tsv", "actors.tsv", "titles.txt"}) {
        eventmap::test::write_file(dir + "/" + f, eventmap::test::read_file(shipped + "/" + f));
    }
    eventmap::test::write_file(dir + "/triggers.tsv", "turmoil\tlightnoun\tASSAULT\t18\t0.6\n"
                                                      "raid\tnoun\tASSAULT\t18\t0.8\n");
    const EventLexicon lex = EventLexicon::load(dir);
    for (const char* form : {"turmoil", "turmoils"}) {
        const auto* list = lex.triggers_starting(form);
        REQUIRE(list != nullptr);
        CHECK(lex.triggers()[list->front()].light_only);
        CHECK(lex.triggers()[list->front()].nominal);
    }
    CHECK_FALSE(lex.triggers()[lex.triggers_starting("raids")->front()].light_only);
    // One word only, as a noun.
    eventmap::test::write_file(dir + "/triggers.tsv",
                               "civil strife\tlightnoun\tASSAULT\t18\t0.6\n");
    CHECK_THROWS_AS(EventLexicon::load(dir), eventmap::InputError);
}
