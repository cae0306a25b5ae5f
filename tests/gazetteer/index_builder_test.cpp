// The index builder's external sort and streaming writer: a build whose names go through many
// sorted runs on disk writes the same index as one that sorts them in memory.
#include "gazetteer/build.hpp"
#include "gazetteer/fixture_sources.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_builder.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/name_sort.hpp"
#include "gazetteer/place_store.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

using namespace eventmap;
using namespace eventmap::gazetteer;
using eventmap::test::fixture;
using eventmap::test::fixture_sources;

namespace {

Header read_header(const std::string& path) {
    Header h;
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(&h), sizeof(h));
    REQUIRE(in.gcount() == sizeof(h));
    return h;
}

std::size_t entries_in(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("names sorted through runs on disk give the index sorted in memory",
          "[gazetteer][build]") {
    const std::string dir = test::scratch_dir("index_builder_spill");
    BuildOptions options;
    options.sources = fixture_sources();
    options.index_path = dir + "/memory.emg";
    const BuildReport in_memory = build_index(options);
    REQUIRE(in_memory.index_written);

    options.index_path = dir + "/runs.emg";
    options.sort_budget = 2048; // a few dozen names per run: many runs, a real merge
    const BuildReport on_disk = build_index(options);
    REQUIRE(on_disk.index_written);

    const Header a = read_header(dir + "/memory.emg");
    const Header b = read_header(dir + "/runs.emg");
    CHECK(a.file_size == b.file_size);
    CHECK(a.name_count == b.name_count);
    CHECK(a.posting_count == b.posting_count);
    for (std::uint32_t s = 0; s < Section::count; ++s) {
        CHECK(a.sizes[s] == b.sizes[s]);
        CHECK(a.section_checksums[s] == b.section_checksums[s]);
    }
    CHECK(entries_in(dir) == 2); // the scratch folder of runs is gone
    const Gazetteer g = Gazetteer::open(dir + "/runs.emg");
    CHECK(g.verify() > 0);
    REQUIRE_FALSE(g.lookup("Damascus").empty());
    CHECK(g.lookup("Damascus")[0].place.country == "SY");
}

TEST_CASE("the sorter orders by key, then place, kind and the order names were given",
          "[gazetteer][build]") {
    const std::string dir = test::scratch_dir("name_sorter");
    std::mt19937 rng(5);
    std::vector<std::pair<std::string, std::uint32_t>> given;
    for (int spill_budget : {1 << 20, 300}) { // in memory, then through runs
        NameSorter sorter(dir, static_cast<std::size_t>(spill_budget));
        given.clear();
        for (std::uint32_t i = 0; i < 2000; ++i) {
            const std::string key = "k" + std::to_string(rng() % 50);
            const std::string surface = "Name " + std::to_string(i);
            given.emplace_back(key, i);
            sorter.add(NameRecord{key, static_cast<std::uint32_t>(rng() % 7),
                                  static_cast<NameKind>(rng() % 3), i, surface});
        }
        std::string last_key;
        std::size_t groups = 0;
        std::size_t records = 0;
        sorter.for_each_group([&](std::string_view key, const std::vector<NameRecord>& group) {
            CHECK(std::string(key) > last_key);
            last_key = std::string(key);
            ++groups;
            for (std::size_t i = 0; i < group.size(); ++i) {
                CHECK(group[i].key == key);
                CHECK(group[i].surface == "Name " + std::to_string(group[i].order));
                if (i > 0) {
                    CHECK(record_less(group[i - 1], group[i]));
                }
            }
            records += group.size();
        });
        CHECK(records == 2000);
        CHECK(groups == 50);
        if (spill_budget == 300) {
            CHECK(sorter.runs_written() > 10);
        } else {
            CHECK(sorter.runs_written() == 0);
        }
    }
    CHECK(entries_in(dir) == 0);
}

TEST_CASE("the section checksum is the same over data given in pieces", "[gazetteer][build]") {
    std::vector<unsigned char> data(1000);
    for (std::size_t i = 0; i < data.size(); ++i) {
        data[i] = static_cast<unsigned char>(i * 7 + 3);
    }
    for (const std::size_t size : {0UL, 5UL, 31UL, 32UL, 33UL, 999UL, 1000UL}) {
        const std::uint64_t whole = index_checksum(data.data(), size);
        for (const std::size_t piece : {1UL, 7UL, 32UL, 100UL}) {
            IndexChecksum c;
            for (std::size_t at = 0; at < size; at += piece) {
                c.update(data.data() + at, std::min(piece, size - at));
            }
            CHECK(c.finish() == whole);
        }
    }
    CHECK(index_checksum(data.data(), 64) != index_checksum(data.data() + 1, 64));
}

TEST_CASE("places kept compactly come back as they were added", "[gazetteer][build]") {
    IndexBuilder builder;
    PlaceEntry p;
    p.id = 42;
    p.name = "Ḩarastā";
    p.alternate_names = {"Harasta", "", std::string(100, 'x')};
    p.feature_class = 'P';
    p.feature_code = "PPLA2";
    p.country = "SY";
    p.admin1 = "08";
    p.admin2 = "";
    p.iso3166_2 = "SY-RD";
    p.population = 123456;
    p.position = LatLon{33.55, 36.36};
    p.radius_km = 3.5F;
    p.precision = Precision::city;
    p.source = Source::geonames;
    // Fill a text block so the next place's strings start a new one.
    PlaceEntry big;
    big.id = 7;
    big.name = "Big";
    big.alternate_names.assign(3, std::string(25u << 20, 'b'));
    builder.add_place(big);
    const std::uint32_t index = builder.add_place(p);
    const PlaceEntry back = builder.place(index);
    CHECK(back.id == 42);
    CHECK(back.name == p.name);
    CHECK(back.alternate_names == p.alternate_names);
    CHECK(back.feature_code == "PPLA2");
    CHECK(back.country == "SY");
    CHECK(back.admin1 == "08");
    CHECK(back.iso3166_2 == "SY-RD");
    CHECK(back.population == 123456);
    CHECK(back.position.lat == 33.55);
    CHECK(back.radius_km == 3.5F);
    CHECK(builder.place(0).alternate_names.size() == 3);
    CHECK(builder.place(0).alternate_names[2].size() == (25u << 20));
    const IndexBuilder copy(builder);
    CHECK(copy.place(index).alternate_names == p.alternate_names);
}
