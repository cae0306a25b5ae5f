// The type palette (render/palette.hpp): a type's colour follows the whole table's counts, so a
// type filter never recolours the types it keeps; the coarse-date tint.
#include "render/palette.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>

using namespace eventmap;

namespace {

// Twelve invented types, TYPE_A the most frequent (12 events) down to TYPE_L (1 event), in
// an order of their own in type_names so that the ranks are not the indices.
mapdata::EventTable twelve_types() {
    mapdata::EventTable t;
    const std::vector<std::string> by_rank = {"TYPE_A", "TYPE_B", "TYPE_C", "TYPE_D",
                                              "TYPE_E", "TYPE_F", "TYPE_G", "TYPE_H",
                                              "TYPE_I", "TYPE_J", "TYPE_K", "TYPE_L"};
    t.type_names = {"TYPE_K", "TYPE_C", "TYPE_A", "TYPE_L", "TYPE_J", "TYPE_B", "TYPE_E",
                    "TYPE_D", "TYPE_G", "TYPE_F", "TYPE_I", "TYPE_H", "UNUSED"};
    for (std::size_t rank = 0; rank < by_rank.size(); ++rank) {
        const auto index = static_cast<std::uint16_t>(
            std::find(t.type_names.begin(), t.type_names.end(), by_rank[rank]) -
            t.type_names.begin());
        for (std::size_t k = 0; k < 12 - rank; ++k) {
            t.resize(t.size() + 1);
            t.type.back() = index;
        }
    }
    return t;
}

std::size_t slot_of(const render::TypeSlots& s, const mapdata::EventTable& t,
                    const std::string& name) {
    const auto at = std::find(t.type_names.begin(), t.type_names.end(), name);
    REQUIRE(at != t.type_names.end());
    return s.slot_of_type[static_cast<std::size_t>(at - t.type_names.begin())];
}

bool same(render::Rgba a, render::Rgba b) {
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

} // namespace

TEST_CASE("type colours follow the whole table and a filter keeps the colours it keeps",
          "[render]") {
    const auto t = twelve_types();
    const auto all = render::assign_type_slots(t);
    // The nine most frequent types take the nine colours in order; the rest share grey.
    const char* ranked[] = {"TYPE_A", "TYPE_B", "TYPE_C", "TYPE_D", "TYPE_E",
                            "TYPE_F", "TYPE_G", "TYPE_H", "TYPE_I"};
    for (std::size_t s = 0; s < 9; ++s) {
        CHECK(slot_of(all, t, ranked[s]) == s);
        CHECK(all.slots[s].name == ranked[s]);
    }
    CHECK(slot_of(all, t, "TYPE_J") == 9);
    CHECK(slot_of(all, t, "TYPE_L") == 9);
    CHECK(all.slots[9].name == "Other types");
    CHECK(slot_of(all, t, "UNUSED") == render::hidden_slot); // no event: no colour

    // One type ticked (the viewer's filter, the CLI's --type): its colour is unchanged.
    for (std::size_t s = 0; s < 9; ++s) {
        const auto one = render::assign_type_slots(t, {ranked[s]});
        INFO(ranked[s]);
        CHECK(slot_of(one, t, ranked[s]) == s);
        CHECK(same(one.slots[s].color, all.slots[s].color));
        CHECK(slot_of(one, t, "TYPE_A") == (s == 0 ? 0 : render::hidden_slot));
    }

    // Types beyond the palette take the colours the filter left free, most frequent first and
    // lowest slot first; the kept types with colours keep theirs.
    const auto some = render::assign_type_slots(t, {"TYPE_L", "TYPE_B", "TYPE_F", "TYPE_J"});
    CHECK(slot_of(some, t, "TYPE_B") == 1);
    CHECK(slot_of(some, t, "TYPE_F") == 5);
    CHECK(slot_of(some, t, "TYPE_J") == 0); // TYPE_A's colour, free under this filter
    CHECK(slot_of(some, t, "TYPE_L") == 2);
    CHECK(slot_of(some, t, "TYPE_A") == render::hidden_slot);
    CHECK(slot_of(some, t, "TYPE_K") == render::hidden_slot);
    CHECK(some.slots[0].name == "TYPE_J");
    CHECK(some.slots[2].name == "TYPE_L");
    CHECK(some.slots[3].name.empty()); // no kept type there: no legend row
    CHECK(some.slots[9].name.empty());

    // Every colour still taken by a kept type: the extra type stays grey.
    std::vector<std::string> nine_and_more(std::begin(ranked), std::end(ranked));
    nine_and_more.emplace_back("TYPE_K");
    const auto full = render::assign_type_slots(t, nine_and_more);
    for (std::size_t s = 0; s < 9; ++s) {
        CHECK(slot_of(full, t, ranked[s]) == s);
    }
    CHECK(slot_of(full, t, "TYPE_K") == 9);
    CHECK(slot_of(full, t, "TYPE_J") == render::hidden_slot);
    CHECK(full.slots[9].name == "Other types");
}

TEST_CASE("a coarse date's colour is its type's mixed toward white and still opaque", "[render]") {
    CHECK(render::coarse_date(mapdata::DatePrecision::month));
    CHECK(render::coarse_date(mapdata::DatePrecision::year));
    CHECK_FALSE(render::coarse_date(mapdata::DatePrecision::day));
    CHECK_FALSE(render::coarse_date(mapdata::DatePrecision::unknown));
    const auto indigo = render::rgb_hex(0x332288);
    const auto light = render::lighter_for_coarse_date(indigo);
    CHECK(light.r > indigo.r);
    CHECK(light.g > indigo.g);
    CHECK(light.b > indigo.b);
    CHECK(light.a == 1.0F);
    CHECK(light.r == Approx(indigo.r + (1 - indigo.r) * render::coarse_date_white));
    CHECK(render::lighter_for_coarse_date(render::rgb_hex(0xffffff)).g == 1.0F);
}
