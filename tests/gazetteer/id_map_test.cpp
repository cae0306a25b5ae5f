#include "gazetteer/id_map.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using eventmap::gazetteer::IdMap;

TEST_CASE("the GeoNames id map finds every id through its growth", "[sources]") {
    IdMap map;
    for (std::uint64_t id = 1; id <= 200000; ++id) {
        map[id * 7919] = static_cast<std::uint32_t>(id);
    }
    map[7919] = 5; // assigning again replaces
    CHECK(map.size() == 200000);
    CHECK(map.at(7919) == 5);
    CHECK(map.at(7919 * 123456) == 123456);
    REQUIRE(map.find(7919 * 200000) != map.end());
    CHECK(map.find(7919 * 200000)->second == 200000);
    CHECK(map.find(7919 * 200001) == map.end());
    CHECK(map.find(0) == map.end());
    CHECK(map.find(3) == map.end());
    CHECK_THROWS_AS(map.at(3), std::out_of_range);
    CHECK(IdMap().find(1) == IdMap().end());
}
