#include "events/token.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

std::vector<std::string> keys(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& t : eventmap::events::tokenize(text, 0, text.size())) {
        out.push_back(t.key);
    }
    return out;
}

} // namespace

TEST_CASE("words, possessives, acronyms and hyphens", "[events][token]") {
    CHECK(keys("Syria's U.S.-backed rebels didn't attack.") ==
          std::vector<std::string>{"syria", "'s", "u.s.", "-", "backed", "rebels", "didn't",
                                   "attack", "."});
    CHECK(keys("The U.S. said") == std::vector<std::string>{"the", "u.s.", "said"});
    CHECK(keys("Shi\xE2\x80\x99ite Tehran\xE2\x80\x99s \xE2\x80\x9C"
               "ally\xE2\x80\x9D") == std::vector<std::string>{"shi\xE2\x80\x99ite", "tehran", "'s",
                                                               "\xE2\x80\x9C", "ally",
                                                               "\xE2\x80\x9D"});
}

TEST_CASE("tokens carry byte spans into the text and capitalisation", "[events][token]") {
    const std::string text = "xx Kerry met";
    const auto t = eventmap::events::tokenize(text, 3, text.size());
    REQUIRE(t.size() == 2);
    CHECK(t[0].begin == 3);
    CHECK(t[0].end == 8);
    CHECK(t[0].capitalized);
    CHECK_FALSE(t[1].capitalized);
    CHECK(t[1].word);
}

TEST_CASE("events token: unicode spaces separate words like a plain space", "[events][token]") {
    // No-break space (U+00A0), thin space (U+2009), narrow no-break space (U+202F).
    CHECK(keys("launched their\xC2\xA0"
               "attack") == std::vector<std::string>{"launched", "their", "attack"});
    CHECK(keys("20\xE2\x80\x89km north\xE2\x80\xAFof") ==
          std::vector<std::string>{"20", "km", "north", "of"});
    // Other typographic marks stay tokens of their own.
    CHECK(keys("\xC2\xAB"
               "Varnok\xC2\xBB") == std::vector<std::string>{"\xC2\xAB", "varnok", "\xC2\xBB"});
}
