// The tense of the clause around an expression and the sentences it is read in, on invented
// sentences: which way a month or weekday without its year points. Publication date in all of
// them: Sunday 1998-10-25.
#include "dates/date_tagger.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

std::string value_of(const std::string& text, const std::string& expression,
                     const std::string& published = "1998-10-25") {
    dates::DateOptions options;
    options.published = published;
    for (const auto& e : dates::tag_text(text, options).expressions) {
        if (e.text == expression) {
            return e.value;
        }
    }
    return "(not found)";
}

} // namespace

TEST_CASE("a comma right after an abbreviation's period continues the sentence", "[dates][tense]") {
    // The past verb after "Ala.," belongs to the clause of January: the January gone.
    CHECK(value_of("In January, a fire in Mobile, Ala., destroyed a school.", "January") ==
          "1998-01");
    // Without a tense January is the nearer one (three months ahead), so the test can fail.
    CHECK(value_of("In January, a fire in Mobile, Ala., a school.", "January") == "1999-01");
}

TEST_CASE("a time fronted before its clause takes the tense of the main verb far after it",
          "[dates][tense]") {
    // February 1998 is eight months back, February 1999 four ahead: untensed, the nearer.
    CHECK(value_of("In February, nine days after the fifth birthday of the Smith v. Jones "
                   "verdict, a blaze at a clinic on the north side of town destroyed the files.",
                   "February") == "1998-02");
    CHECK(value_of("In February, nine days after the fifth birthday of the Smith v. Jones "
                   "verdict, a new clinic on the north side of town will open its doors.",
                   "February") == "1999-02");
    // Not fronted: a month in mid-sentence keeps the short reach, and a verb far off is
    // another clause's.
    CHECK(value_of("The clinic opens in February, nine days after the fifth birthday of the "
                   "Smith v. Jones verdict, as a new wing on the north side of town burned.",
                   "February") == "1999-02");
}

TEST_CASE("the verb last after a modal is no past cue", "[dates][tense]") {
    // Said on Wednesday 2013-09-18: the weekend ahead, not the one just gone.
    CHECK(value_of("The curfew will last through the weekend.", "the weekend", "2013-09-18") ==
          "2013-W38-WE");
    CHECK(value_of("The strike is expected to last until Friday.", "Friday", "2013-09-18") ==
          "2013-09-20");
    // A finite past still reads as past.
    CHECK(value_of("The curfew lasted through the weekend.", "the weekend", "2013-09-18") ==
          "2013-W37-WE");
}
