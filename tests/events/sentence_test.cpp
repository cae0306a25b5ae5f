#include "events/sentence.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

std::vector<std::string> texts(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : eventmap::events::split_sentences(text)) {
        out.push_back(text.substr(s.byte_begin, s.byte_end - s.byte_begin));
    }
    return out;
}

} // namespace

TEST_CASE("abbreviations and initials do not end a sentence", "[events][sentence]") {
    const auto s = texts("The U.S. Senate met. Sen. Lee and Gen. Odierno spoke in Damascus, Md. "
                         "on Jan. 5 with John F. Kennedy Jr. present. Then it rained.");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "The U.S. Senate met.");
    CHECK(s[1] == "Sen. Lee and Gen. Odierno spoke in Damascus, Md. on Jan. 5 with John F. "
                  "Kennedy Jr. present.");
    CHECK(s[2] == "Then it rained.");
}

TEST_CASE("closing quotes stay with their sentence, a lowercase continuation does not split",
          "[events][sentence]") {
    const auto s = texts("He said: \"We are ready.\" Officials agreed. \"Why?\" he asked. "
                         "\xE2\x80\x9CNo.\xE2\x80\x9D She left.");
    REQUIRE(s.size() == 5);
    CHECK(s[0] == "He said: \"We are ready.\"");
    CHECK(s[1] == "Officials agreed.");
    CHECK(s[2] == "\"Why?\" he asked.");
    CHECK(s[3] == "\xE2\x80\x9CNo.\xE2\x80\x9D");
    CHECK(s[4] == "She left.");
}

TEST_CASE("numbers and dotted names do not split", "[events][sentence]") {
    const auto s = texts("Prices rose 3.5 percent at example.com today. Next one.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Prices rose 3.5 percent at example.com today.");
}

TEST_CASE("paragraphs: blank lines, headlines and finished lines", "[events][sentence]") {
    const std::string text = "Shelling hits Jobar\n\nGENEVA - Talks began. Delegates from both "
                             "sides kept talking through the night and well into\n"
                             "the morning.\nA new line here.\n\n\nLast paragraph";
    const auto all = eventmap::events::split_sentences(text);
    REQUIRE(all.size() == 5);
    CHECK(all[0].paragraph == 0);
    CHECK(all[1].paragraph == 1);
    CHECK(text.substr(all[2].byte_begin, all[2].byte_end - all[2].byte_begin) ==
          "Delegates from both sides kept talking through the night and well into\nthe "
          "morning.");
    CHECK(all[2].paragraph == 1);
    CHECK(all[3].paragraph == 2);
    CHECK(all[4].paragraph == 3);
}

TEST_CASE("spans are bytes and code points, trimmed", "[events][sentence]") {
    // "Zürich" has a two-byte ü: code points lag bytes by one after it.
    const std::string text = "  Zürich voted. Geneva too.  ";
    const auto s = eventmap::events::split_sentences(text);
    REQUIRE(s.size() == 2);
    CHECK(s[0].byte_begin == 2);
    CHECK(s[0].start == 2);
    CHECK(s[0].byte_end == 16);
    CHECK(s[0].end == 15);
    CHECK(s[1].byte_begin == 17);
    CHECK(s[1].start == 16);
}

TEST_CASE("empty and whitespace-only text has no sentences", "[events][sentence]") {
    CHECK(eventmap::events::split_sentences("").empty());
    CHECK(eventmap::events::split_sentences(" \n\n \t").empty());
    CHECK(texts("No full stop at all") == std::vector<std::string>{"No full stop at all"});
}
