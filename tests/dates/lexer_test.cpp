#include "dates/lexer.hpp"
#include "dates/tense.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::dates;

TEST_CASE("numbers keep their grouping, ordinals and decades", "[dates][lexer]") {
    std::string lower;
    const auto t = tokenize("1,400 people, 100,000 more; the 12th, 1990s and 2.5", lower);
    REQUIRE(t[0].kind == TokenKind::number);
    CHECK(t[0].grouped);
    CHECK(t[0].value == 1400);
    CHECK(t[0].digits == 4);
    CHECK(t[3].grouped);
    CHECK(t[3].value == 100000);
    CHECK(t[7].ordinal);
    CHECK(t[7].value == 12);
    CHECK(t[9].decade_s);
    CHECK(t[9].value == 1990);
    CHECK(t[11].decimal);
}

TEST_CASE("curly quotes and dashes are punctuation, non-breaking spaces are spaces",
          "[dates][lexer]") {
    std::string lower;
    const auto t = tokenize("Assad\xE2\x80\x99s forces\xC2\xA0on Friday \xE2\x80\x94 again", lower);
    REQUIRE(t.size() == 8); // Assad ' s forces on Friday - again
    CHECK(t[1].kind == TokenKind::punct);
    CHECK(t[1].punct == '\'');
    CHECK(t[4].space_before); // after the non-breaking space
    CHECK(t[5].lex == Lex::weekday);
    CHECK(t[6].punct == '-');
}

TEST_CASE("a full month name before a full stop ends the sentence, an abbreviation does not",
          "[dates][lexer]") {
    std::string lower;
    const auto t = tokenize("It rose in June. Sales fell on Aug. 5. Then May. Next", lower);
    const auto s = sentence_ids(lower, t);
    REQUIRE(t.size() == s.size());
    // It rose in June . | Sales fell on Aug . 5 . | Then May . | Next
    REQUIRE(t.size() == 16);
    CHECK(s[4] == 0);  // the stop after June
    CHECK(s[5] == 1);  // Sales
    CHECK(s[10] == 1); // 5: "Aug." did not end the sentence
    CHECK(s[12] == 2); // Then
    CHECK(s[15] == 3); // Next
}
