#include "common/error.hpp"
#include "mapdata/event_cache.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace eventmap;
using eventmap::test::fixture;
using eventmap::test::scratch_dir;

namespace {

// Points EVENTMAP_CACHE_DIR at a fresh folder for one test and restores it after.
class CacheDirScope {
  public:
    explicit CacheDirScope(const std::string& dir) {
        if (const char* old = std::getenv("EVENTMAP_CACHE_DIR")) {
            old_ = old;
            had_ = true;
        }
        setenv("EVENTMAP_CACHE_DIR", dir.c_str(), 1);
    }
    ~CacheDirScope() {
        if (had_) {
            setenv("EVENTMAP_CACHE_DIR", old_.c_str(), 1);
        } else {
            unsetenv("EVENTMAP_CACHE_DIR");
        }
    }
    CacheDirScope(const CacheDirScope&) = delete;
    CacheDirScope& operator=(const CacheDirScope&) = delete;

  private:
    std::string old_;
    bool had_ = false;
};

void check_same(const mapdata::EventTable& a, const mapdata::EventTable& b) {
    CHECK(a.fid == b.fid);
    CHECK(a.lon == b.lon);
    CHECK(a.lat == b.lat);
    CHECK(a.day_start == b.day_start);
    CHECK(a.day_end == b.day_end);
    CHECK(a.type == b.type);
    CHECK(a.quad == b.quad);
    CHECK(a.sources == b.sources);
    CHECK(a.planned == b.planned);
    CHECK(a.radius_km == b.radius_km);
    CHECK(a.type_names == b.type_names);
    CHECK(a.article_count == b.article_count);
    CHECK(a.data_source == b.data_source);
    CHECK(a.layer == b.layer);
}

} // namespace

TEST_CASE("a loaded table is cached on disk and read back identical", "[mapdata][cache]") {
    const auto dir = scratch_dir("event_cache_same");
    CacheDirScope scope(dir + "/cache");
    std::filesystem::copy_file(fixture("mapdata/events.geojson"), dir + "/events.geojson");
    bool hit = true;
    const auto first = mapdata::load_events_cached(dir + "/events.geojson", {}, &hit);
    CHECK_FALSE(hit);
    const auto second = mapdata::load_events_cached(dir + "/events.geojson", {}, &hit);
    CHECK(hit);
    check_same(first, second);
    check_same(first, mapdata::load_events(dir + "/events.geojson"));
}

TEST_CASE("a changed file is read again, never answered from a stale entry", "[mapdata][cache]") {
    const auto dir = scratch_dir("event_cache_stale");
    CacheDirScope scope(dir + "/cache");
    const std::string csv = dir + "/points.csv";
    eventmap::test::write_file(csv, "longitude,latitude,date,event\n36.29,33.51,2013-08-21,A\n");
    bool hit = false;
    CHECK(mapdata::load_events_cached(csv, {}, &hit).size() == 1);
    eventmap::test::write_file(
        csv, "longitude,latitude,date,event\n36.29,33.51,2013-08-21,A\n2.35,48.85,2014-01-02,B\n");
    // Same second on a coarse clock: move the time on explicitly, as an editor would.
    std::filesystem::last_write_time(csv, std::filesystem::last_write_time(csv) +
                                              std::chrono::seconds(2));
    const auto again = mapdata::load_events_cached(csv, {}, &hit);
    CHECK_FALSE(hit);
    CHECK(again.size() == 2);
}

TEST_CASE("a damaged cache entry is a miss, not a wrong map", "[mapdata][cache]") {
    const auto dir = scratch_dir("event_cache_damaged");
    CacheDirScope scope(dir + "/cache");
    const std::string source = dir + "/events.geojson";
    std::filesystem::copy_file(fixture("mapdata/events.geojson"), source);
    const auto first = mapdata::load_events_cached(source);
    std::vector<std::filesystem::path> entries;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/cache")) {
        entries.push_back(e.path());
    }
    REQUIRE(entries.size() == 1);
    std::filesystem::resize_file(entries[0], std::filesystem::file_size(entries[0]) / 2);
    bool hit = true;
    const auto again = mapdata::load_events_cached(source, {}, &hit);
    CHECK_FALSE(hit);
    check_same(first, again);
}

TEST_CASE("a failed load is never cached", "[mapdata][cache]") {
    const auto dir = scratch_dir("event_cache_never");
    CacheDirScope scope(dir + "/cache");
    CHECK_THROWS_AS(mapdata::load_events_cached(fixture("mapdata/no_date.geojson")), InputError);
    CHECK_THROWS_AS(mapdata::load_events_cached(fixture("mapdata/no_date.geojson")), InputError);
    CHECK_FALSE(std::filesystem::exists(dir + "/cache"));
}
