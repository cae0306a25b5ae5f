// Randomised and adversarial input: the tagger must never throw, crash or report a span
// outside the text, whatever bytes arrive (a fixed seed keeps failures reproducible).
#include "common/utf8.hpp"
#include "dates/date_tagger.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <sstream>

using namespace eventmap;

namespace {

void check_invariants(const std::string& text, const dates::DateResult& r) {
    std::size_t previous_end = 0;
    for (const auto& e : r.expressions) {
        REQUIRE(e.byte_start < e.byte_end);
        REQUIRE(e.byte_end <= text.size());
        REQUIRE(e.byte_start >= previous_end); // in order, never overlapping
        REQUIRE(e.start <= e.end);
        REQUIRE(e.text == text.substr(e.byte_start, e.byte_end - e.byte_start));
        REQUIRE_FALSE(e.value.empty());
        previous_end = e.byte_end;
    }
}

// Words and marks the grammar keys on, to build nearly-valid expressions at random.
const char* const kPieces[] = {"May",
                               "March",
                               "August",
                               "Sept.",
                               "21",
                               "21st",
                               "2013",
                               "'82",
                               "1990s",
                               "1,400",
                               "2.5",
                               "on",
                               "in",
                               "the",
                               "a",
                               "an",
                               "day",
                               "days",
                               "week",
                               "after",
                               "before",
                               "ago",
                               "later",
                               "last",
                               "next",
                               "this",
                               "Friday",
                               "Thursday",
                               "anniversary",
                               "of",
                               "September",
                               "11",
                               "attacks",
                               "12th",
                               "about",
                               "around",
                               "two",
                               "and",
                               "half",
                               "every",
                               "/",
                               "-",
                               ":",
                               ",",
                               ".",
                               "'",
                               "p",
                               "m",
                               "a.m.",
                               "noon",
                               "UTC",
                               "14",
                               "30",
                               "0800",
                               "Q",
                               "3",
                               "quarter",
                               "early",
                               "mid",
                               "late",
                               "end",
                               "would",
                               "will",
                               "was",
                               "yesterday",
                               "today",
                               "tonight",
                               "morning",
                               "night",
                               "Christmas",
                               "Easter",
                               "New",
                               "Year",
                               "s",
                               "Eve",
                               "since",
                               "from",
                               "to",
                               "between",
                               "9/11",
                               "February",
                               "30",
                               "31",
                               "\n",
                               "\xE2\x80\x94",
                               "\xC2\xA0",
                               "31/02",
                               "2013-02-30",
                               "00",
                               "99",
                               "000000000000000000000",
                               "-5",
                               "$",
                               "%",
                               "fiscal",
                               "H",
                               "2"};

} // namespace

TEST_CASE("random bytes never break the tagger", "[dates][fuzz]") {
    std::mt19937 rng(20130913);
    std::uniform_int_distribution<int> length(0, 400);
    std::uniform_int_distribution<int> byte(0, 255);
    dates::DateOptions options;
    options.published = "2013-09-13";
    for (int round = 0; round < 400; ++round) {
        std::string raw(static_cast<std::size_t>(length(rng)), '\0');
        for (char& c : raw) {
            c = static_cast<char>(byte(rng));
        }
        // Articles arrive sanitised; the tagger must also survive raw bytes.
        const std::string clean = utf8::sanitize(raw).text;
        dates::DateOptions infer; // and inference over garbage
        REQUIRE_NOTHROW(check_invariants(clean, dates::tag_text(clean, options)));
        REQUIRE_NOTHROW(check_invariants(clean, dates::tag_text(clean, infer)));
        REQUIRE_NOTHROW(dates::tag_text(raw, options));
    }
}

TEST_CASE("adversarial sequences of temporal words never break the tagger", "[dates][fuzz]") {
    std::mt19937 rng(911);
    std::uniform_int_distribution<std::size_t> piece(0, sizeof kPieces / sizeof kPieces[0] - 1);
    std::uniform_int_distribution<int> count(1, 60);
    std::uniform_int_distribution<int> glue(0, 3);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int n = count(rng);
        for (int i = 0; i < n; ++i) {
            if (!text.empty() && glue(rng) != 0) {
                text += ' ';
            }
            text += kPieces[piece(rng)];
        }
        dates::DateOptions options;
        if (round % 2 == 0) {
            options.published = "2013-09-13";
        }
        dates::DateResult r;
        REQUIRE_NOTHROW(r = dates::tag_text(text, options));
        INFO(text);
        check_invariants(text, r);
        for (const auto& e : r.expressions) {
            // No impossible calendar day ever comes out.
            if (e.value.size() >= 10 && e.value[4] == '-' && e.value[7] == '-' &&
                e.value[0] != 'X') {
                CHECK(e.value.substr(5, 5) != "02-30");
                CHECK(e.value.substr(5, 5) != "02-31");
            }
        }
    }
}

TEST_CASE("huge and degenerate inputs", "[dates][fuzz]") {
    dates::DateOptions options;
    options.published = "2013-09-13";
    CHECK(dates::tag_text("", options).expressions.empty());
    CHECK_NOTHROW(dates::tag_text(std::string(200000, '9'), options));
    CHECK_NOTHROW(dates::tag_text(std::string(100000, '\''), options));
    std::string many;
    for (int i = 0; i < 20000; ++i) {
        many += "on Friday two days later ";
    }
    const auto r = dates::tag_text(many, options);
    CHECK(r.expressions.size() == 40000);
    dates::DateOptions infer;
    CHECK_NOTHROW(dates::tag_text(many + " on August 21, 2013.", infer));
}

TEST_CASE("long self-nesting chains neither exhaust the stack nor go quadratic", "[dates][fuzz]") {
    dates::DateOptions options;
    options.published = "2013-09-13";
    for (const char* link :
         {"the day after ", "a day after ", "two weeks before the ", "the end of the ",
          "the 12th anniversary of the ", "about ", "the day after the 2nd anniversary of "}) {
        std::string chain;
        for (int i = 0; i < 50000; ++i) {
            chain += link;
        }
        chain += "Christmas 2012.";
        dates::DateResult r;
        REQUIRE_NOTHROW(r = dates::tag_text(chain, options));
        check_invariants(chain, r);
    }
    // Within the bound, nesting still composes.
    const auto r =
        dates::tag_text("It fell on the day after the day after Christmas 2012.", options);
    REQUIRE_FALSE(r.expressions.empty());
    CHECK(r.expressions[0].value == "2012-12-27");
}

TEST_CASE("JSON lines stay valid for text that is not valid UTF-8", "[dates][fuzz]") {
    // The API does not require sanitised text; the writer must still not throw.
    const std::string raw = "On Friday \xFF\xFE (\xC3) August 21, 2013 \xE2\x82 ok";
    const auto r = dates::tag_text(raw, dates::DateOptions{});
    std::ostringstream out;
    REQUIRE_NOTHROW(dates::write_jsonl(out, "doc\xFF", r));
    std::istringstream in(out.str());
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        CHECK_NOTHROW(nlohmann::json::parse(line));
        ++lines;
    }
    CHECK(lines == 1 + static_cast<int>(r.expressions.size()));
}
