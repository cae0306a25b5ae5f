// Right-to-left text for the glyph-by-glyph drawers: Arabic presentation forms, visual order,
// Latin runs kept left to right, Latin text untouched. Words are invented examples.
#include "render/bidi_text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace eventmap::render;

namespace {

std::string utf8_of(const std::u32string& text) {
    std::string out;
    for (const char32_t cp : text) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

// beh yeh teh: a house; seen lam alef meem: lam-alef joins into one ligature; hah lam beh.
const std::string house = utf8_of(U"\u0628\u064A\u062A");
const std::string peace = utf8_of(U"\u0633\u0644\u0627\u0645");
const std::string city = utf8_of(U"\u062D\u0644\u0628");

} // namespace

TEST_CASE("Arabic letters take their joined forms, drawn right to left", "[render][text]") {
    // initial beh FE91, medial yeh FEF4, final teh FE96; leftmost glyph first.
    CHECK(shape_for_display(house) == utf8_of(U"\uFE96\uFEF4\uFE91"));
    // initial seen FEB3, final lam-alef ligature FEFC, isolated meem FEE1 (alef never joins
    // the letter after it): four letters, three glyphs.
    CHECK(shape_for_display(peace) == utf8_of(U"\uFEE1\uFEFC\uFEB3"));
    // lam alef alone: the isolated ligature.
    CHECK(shape_for_display(utf8_of(U"\u0644\u0627")) == utf8_of(U"\uFEFB"));
    // One letter alone keeps its isolated form.
    CHECK(shape_for_display(utf8_of(U"\u0628")) == utf8_of(U"\uFE8F"));
    // Presentation forms in the text are kept as written, only put in visual order.
    CHECK(shape_for_display(utf8_of(U"\uFEA3\uFEE0\uFE90")) == utf8_of(U"\uFE90\uFEE0\uFEA3"));
    CHECK(shape_for_display(utf8_of(U"\uFE90")) == utf8_of(U"\uFE90"));
}

TEST_CASE("Hebrew is reversed into visual order, with no shaping", "[render][text]") {
    // shin lamed vav final-mem
    CHECK(shape_for_display(utf8_of(U"\u05E9\u05DC\u05D5\u05DD")) ==
          utf8_of(U"\u05DD\u05D5\u05DC\u05E9"));
}

TEST_CASE("mixed text keeps Latin runs and numbers left to right", "[render][text]") {
    // A Latin sentence: the Arabic name alone is reversed, in place.
    CHECK(shape_for_display("Attack in " + city + " on Monday") ==
          "Attack in " + utf8_of(U"\uFE90\uFEE0\uFEA3") + " on Monday");
    // An Arabic sentence: right to left, the number and the Latin word read left to right.
    CHECK(shape_for_display(house + " 12 ABC") == "ABC 12 " + utf8_of(U"\uFE96\uFEF4\uFE91"));
    // Each line is its own paragraph.
    CHECK(shape_for_display(house + "\nabc") == utf8_of(U"\uFE96\uFEF4\uFE91") + "\nabc");
    // Direction marks are dropped (the fonts have no glyph for them).
    CHECK(shape_for_display(utf8_of(U"a\u200Fb")) == "ab");
}

TEST_CASE("Latin text is unchanged and never reaches ICU", "[render][text]") {
    for (const std::string text :
         {"", "Aleppo", "Ḩamāh, Dayr az Zawr (2018)", "Москва", "a -> b", "naïve café"}) {
        INFO(text);
        CHECK_FALSE(needs_bidi(text));
        CHECK(shape_for_display(text) == text);
        CHECK_FALSE(is_right_to_left(text));
    }
    CHECK(needs_bidi(city));
    CHECK(needs_bidi("x " + utf8_of(U"\u05D0")));
}

TEST_CASE("wrapped lines put their words in visual order", "[render][text]") {
    CHECK(is_right_to_left(house + " ABC"));
    CHECK_FALSE(is_right_to_left("ABC " + house));
    // Attack(0) in(1) house(2) city(3) on(4): the two Arabic words swap.
    const std::string latin_line = "Attack in " + house + " " + city + " on";
    const std::vector<std::size_t> latin_starts = {0, 7, 10, 10 + house.size() + 1,
                                                   10 + house.size() + 1 + city.size() + 1};
    CHECK(visual_word_order(latin_line, latin_starts) == std::vector<std::size_t>{0, 1, 3, 2, 4});
    // house(0) city(1) ABC(2) DEF(3): right to left, the Latin pair still reads ABC DEF.
    const std::string arabic_line = house + " " + city + " ABC DEF";
    const std::vector<std::size_t> arabic_starts = {
        0, house.size() + 1, house.size() + city.size() + 2, house.size() + city.size() + 6};
    CHECK(visual_word_order(arabic_line, arabic_starts) == std::vector<std::size_t>{2, 3, 1, 0});
    CHECK(visual_word_order("a b", {0, 2}) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a line drawn word by word reads as the whole line reordered", "[render][text]") {
    // The viewer draws wrapped sentences word by word (for highlights): each word shaped in
    // the paragraph's direction and the words in visual_word_order must give the same glyphs
    // as reordering the whole line, brackets and quotes at word edges included.
    const auto word_by_word = [](const std::string& line) {
        const Direction direction =
            is_right_to_left(line) ? Direction::right_to_left : Direction::left_to_right;
        std::vector<std::string> words;
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i <= line.size();) {
            const std::size_t end = std::min(line.find(' ', i), line.size());
            starts.push_back(i);
            words.push_back(line.substr(i, end - i));
            i = end + 1;
        }
        std::string out;
        for (const std::size_t k : visual_word_order(line, starts, direction)) {
            out += (out.empty() ? "" : " ") + shape_for_display(words[k], direction);
        }
        return out;
    };
    for (const std::string& line :
         {city + " (written \"" + city + "\")", "Attack in " + city + ", on Monday",
          house + " 12 ABC (" + city + ")", std::string("plain words only")}) {
        INFO(line);
        CHECK(word_by_word(line) == shape_for_display(line));
    }
    // The direction given wins over the first letter's: a Latin word in an Arabic paragraph.
    CHECK(shape_for_display("(abc", Direction::right_to_left) == "abc)");
    CHECK(shape_for_display("(abc", Direction::left_to_right) == "(abc");
}
