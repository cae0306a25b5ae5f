#include "gazetteer/normalize.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::gazetteer;

TEST_CASE("diacritics and case fold away", "[normalize]") {
    CHECK(normalize_name("Ḩarastā") == normalize_name("Harasta"));
    CHECK(normalize_name("Genève") == "geneve");
    CHECK(normalize_name("SÃO PAULO") == "sao paulo");
    CHECK(normalize_name("Łódź") == "lodz");
    CHECK(normalize_name("Straße") == normalize_name("Strasse"));
    CHECK(normalize_name("Øresund") == "oresund");
}

TEST_CASE("transliteration variants of one Arabic name meet", "[normalize]") {
    const std::string ghouta = normalize_name("Ghouta");
    CHECK(normalize_name("Ghuta") == ghouta);
    CHECK(normalize_name("Ghūţah") == ghouta);
    CHECK(normalize_name("GHOUTA") == ghouta);
    CHECK(normalize_name("Mossul") == normalize_name("Mosul"));
    // Distinct consonants stay distinct.
    CHECK(normalize_name("Homs") != normalize_name("Hama"));
}

TEST_CASE("the Arabic article is a separate token and recognised in its forms", "[normalize]") {
    const auto tokens = normalize_tokens("Al-Ghouta");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0] == "al");
    CHECK(tokens[1] == normalize_name("Ghouta"));
    CHECK(normalize_name("al Ghouta") == normalize_name("Al-Ghouta"));
    CHECK(is_arabic_article("al"));
    CHECK(is_arabic_article("ash"));
    CHECK(is_arabic_article("el"));
    CHECK_FALSE(is_arabic_article("new"));
}

TEST_CASE("punctuation, hyphens and apostrophes", "[normalize]") {
    CHECK(normalize_name("U.S.") == "us");
    CHECK(normalize_name("W.Va.") == "wva");
    CHECK(normalize_name("Winston-Salem") == normalize_name("Winston Salem"));
    CHECK(normalize_name("Shi'ite") == normalize_name("Shiite"));
    CHECK(normalize_name("Ma‘arrat") == normalize_name("Maarrat"));
    CHECK(normalize_name("  St. Louis ") == "st luis");
    CHECK(normalize_name("!!!").empty());
}

TEST_CASE("text tokenizer keeps spans, flags and barriers", "[normalize]") {
    const std::string text = "In Syria's capital, the U.S. envoy met Ky. officials. GENEVA - talks";
    std::vector<TextToken> tokens;
    tokenize_text(text, tokens);
    auto surface = [&](const TextToken& t) { return text.substr(t.begin, t.end - t.begin); };
    std::vector<std::string> words;
    for (const auto& t : tokens) {
        words.push_back(t.key.empty() ? "|" : surface(t));
    }
    const std::vector<std::string> expected = {"In",   "Syria",  "capital", "|",   "the",
                                               "U.S.", "envoy",  "met",     "Ky.", "officials",
                                               "|",    "GENEVA", "talks"};
    CHECK(words == expected);
    CHECK(tokens[1].key == "syria"); // possessive dropped
    CHECK(tokens[1].capitalized);
    CHECK(tokens[5].key == "us");
    CHECK(tokens[5].has_period);
    CHECK(tokens[8].key == "ky");
    CHECK(tokens[11].all_caps);
    CHECK_FALSE(tokens[2].capitalized);
}

TEST_CASE("sentence-final period does not stick to long words", "[normalize]") {
    std::vector<TextToken> tokens;
    tokenize_text("They fled Damascus.", tokens);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[2].key == "damascus");
    CHECK_FALSE(tokens[2].has_period);
    CHECK(tokens[3].key.empty());
}

TEST_CASE("tokenizer survives arbitrary bytes after sanitising", "[normalize]") {
    std::vector<TextToken> tokens;
    const std::string odd = "\xEF\xBF\xBD\xEF\xBF\xBD .. -- ' '' Al- -al \xE2\x80\x99s";
    tokenize_text(odd, tokens);
    for (const auto& t : tokens) {
        CHECK(t.begin <= t.end);
        CHECK(t.end <= odd.size());
    }
}
