// Resolution with hierarchy qualifiers, on invented sentences and the real gazetteer.
#include "geoparse/geoparser.hpp"
#include "geoparse_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using namespace eventmap::test;

namespace {

const geoparse::Mention* mention(const std::vector<geoparse::Mention>& all,
                                 const std::string& text) {
    for (const auto& m : all) {
        if (m.text == text) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("places in brackets after a name qualify it, past a district the gazetteer lacks",
          "[geoparse][resolver]") {
    const auto plain = default_geoparser().parse(article_of("Storms hit Paris on Monday."));
    REQUIRE(mention(plain, "Paris") != nullptr);
    CHECK(mention(plain, "Paris")->country == "FR");

    const auto qualified = default_geoparser().parse(
        article_of("Storms hit Paris (Quorvant district, Texas) on Monday."));
    const auto* paris = mention(qualified, "Paris");
    REQUIRE(paris != nullptr);
    CHECK(paris->country == "US");
    CHECK(paris->admin1 == "TX");
}
