// Numbers as text do not follow setlocale: a GUI toolkit that sets a comma-decimal locale
// must not turn "P2.5Y" into "P2,5Y" or make "2.5" read as 2.
#include "common/numbers.hpp"
#include "dates/date_tagger.hpp"

#include <catch2/catch.hpp>
#include <clocale>
#include <string>

using namespace eventmap;

namespace {

// Switches the C locale for one test and restores it, whatever happens.
class LocaleScope {
  public:
    explicit LocaleScope(const char* name) : saved_(std::setlocale(LC_ALL, nullptr)) {
        active_ = std::setlocale(LC_ALL, name) != nullptr;
    }
    ~LocaleScope() { std::setlocale(LC_ALL, saved_.c_str()); }
    LocaleScope(const LocaleScope&) = delete;
    LocaleScope& operator=(const LocaleScope&) = delete;
    bool active() const { return active_; }

  private:
    std::string saved_;
    bool active_ = false;
};

} // namespace

TEST_CASE("numbers format and parse with a point", "[common][numbers]") {
    CHECK(format_number(2.5) == "2.5");
    CHECK(format_number(0.1) == "0.1");
    CHECK(format_fixed(33.51, 4) == "33.5100");
    CHECK(format_fixed(-0.125, 2) == "-0.12"); // round half to even, as to_chars does
    CHECK(parse_number("2.5") == 2.5);
    CHECK(parse_number("+36.3") == 36.3);
    CHECK(parse_number("-1e3") == -1000.0);
    CHECK_FALSE(parse_number(""));
    CHECK_FALSE(parse_number("2,5"));
    CHECK_FALSE(parse_number(" 2"));
    CHECK_FALSE(parse_number("nan"));
    CHECK_FALSE(parse_number("+-2"));
}

TEST_CASE("numbers ignore a comma-decimal locale", "[common][numbers][locale]") {
    LocaleScope german("de_DE.UTF-8");
    // scripts/setup generates this locale; without it the test cannot test anything.
    REQUIRE(german.active());
    REQUIRE(std::string(std::localeconv()->decimal_point) == ",");
    CHECK(format_number(2.5) == "2.5");
    CHECK(format_fixed(33.51, 4) == "33.5100");
    CHECK(parse_number("2.5") == 2.5);
    CHECK_FALSE(parse_number("2,5"));
    // A fractional duration stays ISO 8601.
    const auto r = dates::tag_text("The truce held for 2.5 years before the talks.", {});
    bool found = false;
    for (const auto& e : r.expressions) {
        if (e.value.rfind("P", 0) == 0) {
            CHECK(e.value == "P2.5Y");
            found = true;
        }
    }
    CHECK(found);
}
