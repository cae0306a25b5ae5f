#include "gazetteer/place_store.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using eventmap::gazetteer::ChunkedVector;
using eventmap::gazetteer::TextArena;

namespace {

struct Wide { // as large as a stored place, so its first chunk starts at 51 elements
    std::uint64_t value = 0;
    char padding[72] = {};
};

} // namespace

// The first chunk grows by doubling up to a full chunk, then whole chunks follow: every value
// must survive each move of the first chunk and the step to the second one, in copies too.
TEST_CASE("a chunked vector keeps its values across the first chunk's growth", "[sources]") {
    ChunkedVector<Wide> v;
    const std::size_t n = 2 * ChunkedVector<Wide>::chunk_size + 7;
    for (std::size_t i = 0; i < n; ++i) {
        v.push_back(Wide{i * 3, {}});
        if (i == 50 || i == 51 || i == 4000) { // just before and after a doubling
            const ChunkedVector<Wide> copy(v);
            REQUIRE(copy.size() == i + 1);
            CHECK(copy[0].value == 0);
            CHECK(copy[i].value == i * 3);
        }
    }
    REQUIRE(v.size() == n);
    bool all = true;
    for (std::size_t i = 0; i < n; ++i) {
        all = all && v[i].value == i * 3;
    }
    CHECK(all);

    // A copy of a small vector grows on its own; the original stays as it was.
    ChunkedVector<Wide> small;
    for (std::size_t i = 0; i < 10; ++i) {
        small.push_back(Wide{i, {}});
    }
    ChunkedVector<Wide> grown(small);
    for (std::size_t i = 10; i < 70000; ++i) {
        grown.push_back(Wide{i, {}});
    }
    CHECK(small.size() == 10);
    CHECK(small[9].value == 9);
    CHECK(grown[9].value == 9);
    CHECK(grown[65535].value == 65535);
    CHECK(grown[69999].value == 69999);

    // Moved from: empty, and usable again.
    ChunkedVector<Wide> moved(std::move(grown));
    CHECK(moved.size() == 70000);
    CHECK(grown.size() == 0); // NOLINT(bugprone-use-after-move): the moved-from state is tested
    grown.push_back(Wide{42, {}});
    CHECK(grown[0].value == 42);
}

TEST_CASE("a text arena's references stay valid as its blocks grow", "[sources]") {
    TextArena arena;
    std::vector<std::uint64_t> refs;
    // 3 MiB of names: past the first blocks (64 KiB, doubling), plus one longer than a block.
    for (int i = 0; i < 200000; ++i) {
        refs.push_back(arena.add("name-" + std::to_string(i)));
    }
    const std::string huge(std::size_t{3} << 20, 'x');
    const std::uint64_t huge_ref = arena.add(huge);
    const std::uint64_t after = arena.add("after");
    CHECK(arena.at(refs[0]) == "name-0");
    CHECK(arena.at(refs[123456]) == "name-123456");
    CHECK(arena.at(huge_ref).size() == huge.size());
    CHECK(arena.at(after) == "after");
    // Strings added one after another are found with next(), across block boundaries too.
    bool chained = true;
    for (std::size_t i = 0; i + 1 < refs.size(); ++i) {
        chained = chained && arena.next(refs[i]) == refs[i + 1];
    }
    CHECK(chained);
    CHECK(arena.next(huge_ref) == after);

    const TextArena copy(arena);
    CHECK(copy.at(refs[199999]) == "name-199999");
    CHECK(copy.at(after) == "after");
}
