#include "common/utf8.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("sanitize replaces each invalid byte with U+FFFD and counts it", "[utf8]") {
    auto s = utf8::sanitize(std::string("ab\xFF"
                                        "c\xC3",
                                        5));
    CHECK(s.text == "ab\xEF\xBF\xBD"
                    "c\xEF\xBF\xBD");
    CHECK(s.replaced == 2);
    CHECK(utf8::is_valid(s.text));
}

TEST_CASE("sanitize rejects overlong forms and surrogates", "[utf8]") {
    CHECK(utf8::sanitize("\xC0\xAF").replaced == 2);     // overlong '/'
    CHECK(utf8::sanitize("\xED\xA0\x80").replaced == 3); // UTF-16 surrogate
    CHECK(utf8::sanitize("Ḩarastā").replaced == 0);
}

TEST_CASE("code-point cursor converts byte offsets", "[utf8]") {
    const std::string text = "Dūmā and Ghūţah";
    utf8::CodepointCursor cursor(text);
    CHECK(cursor.to_codepoint(0) == 0);
    CHECK(cursor.to_codepoint(text.find(" and")) == 4);
    CHECK(cursor.to_codepoint(text.size()) == utf8::count_codepoints(text));
    CHECK(cursor.to_codepoint(1) == 1); // going backwards restarts
}

TEST_CASE("binary data is recognised", "[utf8]") {
    CHECK(utf8::looks_binary(std::string("PK\x03\x04\0\0", 6)));
    CHECK_FALSE(utf8::looks_binary("An ordinary sentence.\nAnother one.\n"));
}
