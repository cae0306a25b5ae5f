// `eventmap extract` and `eventmap ingest` end to end: GeoJSON shape (RFC 7946), ogrinfo,
// errors, idempotent ingest into a GeoPackage, merging across the articles of one ingest.
#include "store/event_store.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace eventmap::test;

namespace {

const nlohmann::json* feature_with(const nlohmann::json& fc, const std::string& type,
                                   const std::string& place) {
    for (const auto& f : fc.at("features")) {
        const auto& p = f.at("properties");
        const bool named =
            p.at("resolved_place").get<std::string>().find(place) != std::string::npos ||
            p.at("extracted_place").get<std::string>().find(place) != std::string::npos;
        if (p.at("event") == type && named) {
            return &f;
        }
    }
    return nullptr;
}

bool have_ogrinfo() {
    return std::system("command -v ogrinfo >/dev/null 2>&1") == 0;
}

} // namespace

TEST_CASE("extract writes an RFC 7946 FeatureCollection to stdout", "[events][cli]") {
    const auto r = run_eventmap("extract '" + fixture("events/seed-like.txt") + "'");
    REQUIRE(r.exit_code == 0);
    const auto fc = nlohmann::json::parse(r.out);
    CHECK(fc.at("type") == "FeatureCollection");
    CHECK_FALSE(fc.contains("crs"));
    REQUIRE(fc.at("features").size() >= 5);
    for (const auto& f : fc.at("features")) {
        CHECK(f.at("type") == "Feature");
        const auto& g = f.at("geometry");
        REQUIRE(g.at("type") == "Point");
        const double lon = g.at("coordinates").at(0);
        const double lat = g.at("coordinates").at(1);
        CHECK(lon >= -180.0);
        CHECK(lon <= 180.0);
        CHECK(lat >= -90.0);
        CHECK(lat <= 90.0);
        CHECK(f.at("properties").contains("date_start"));
        CHECK(f.at("properties").contains("date_end"));
    }
    // Longitude first: Omdurman is at about 32.48 E, 15.64 N.
    const auto* strike = feature_with(fc, "ASSAULT", "Omdurman");
    REQUIRE(strike != nullptr);
    CHECK(strike->at("geometry").at("coordinates").at(0).get<double>() ==
          Approx(32.48).margin(0.3));
    CHECK(strike->at("geometry").at("coordinates").at(1).get<double>() ==
          Approx(15.64).margin(0.3));
    CHECK(strike->at("properties").at("date_start") == "2023-03-04");
    const auto* summit = feature_with(fc, "CONSULT", "Nairobi");
    REQUIRE(summit != nullptr);
    CHECK(summit->at("properties").at("planned") == true);
    CHECK(r.err.find("1 articles") != std::string::npos);
}

TEST_CASE("extract -o writes a file ogrinfo opens, jsonl input merges across articles",
          "[events][cli]") {
    const std::string dir = scratch_dir("events_extract_out");
    const std::string out = dir + "/events.geojson";
    const auto r = run_eventmap("extract --input-format jsonl '" +
                                fixture("events/two-reports.jsonl") + "' -o '" + out + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    const auto fc = nlohmann::json::parse(read_file(out));
    const auto* strikes = feature_with(fc, "ASSAULT", "Kafr Nabl");
    REQUIRE(strikes != nullptr);
    const auto& sources = strikes->at("properties").at("sources");
    REQUIRE(sources.size() >= 2);
    CHECK(sources.at(0).at("article_id") != sources.at(sources.size() - 1).at("article_id"));
    CHECK(strikes->at("properties").at("date_start") == "2019-05-07");
    if (have_ogrinfo()) {
        const int rc = std::system(("ogrinfo -ro -so -al '" + out + "' >/dev/null 2>&1").c_str());
        CHECK(rc == 0);
    } else {
        WARN("SKIPPED: ogrinfo not installed; the GeoJSON was checked by parsing only");
    }
}

TEST_CASE("extract: bad input fails with file and exit code, writing nothing", "[events][cli]") {
    const std::string dir = scratch_dir("events_extract_bad");
    const std::string out = dir + "/events.geojson";
    const auto missing = run_eventmap("extract '" + dir + "/nope.txt' -o '" + out + "'");
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("nope.txt") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    write_file(dir + "/bad.jsonl", "{\"id\":\"a\",\"text\":\"Clashes in Aleppo.\"}\n{oops\n");
    const auto malformed =
        run_eventmap("extract --input-format jsonl '" + dir + "/bad.jsonl' -o '" + out + "'");
    CHECK(malformed.exit_code == 3);
    CHECK(malformed.err.find("bad.jsonl:2") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    const auto bad_date =
        run_eventmap("extract --published 2013-13-45 '" + fixture("events/seed-like.txt") + "'");
    CHECK(bad_date.exit_code != 0);
    CHECK(bad_date.out.empty());
}

TEST_CASE("extract --published sets the publication date", "[events][cli]") {
    const std::string dir = scratch_dir("events_extract_published");
    write_file(dir + "/a.txt", "Protesters rallied in Bamako against the junta.\n");
    const auto r = run_eventmap("extract --published 2022-06-20 '" + dir + "/a.txt'");
    REQUIRE(r.exit_code == 0);
    const auto fc = nlohmann::json::parse(r.out);
    const auto* rally = feature_with(fc, "PROTEST", "Bamako");
    REQUIRE(rally != nullptr);
    CHECK(rally->at("properties").at("date_start") == "2022-06-20");
    CHECK(rally->at("properties").at("date_source") == "publication");
}

TEST_CASE("ingest into a GeoPackage is idempotent and merges across articles",
          "[events][cli][store]") {
    const std::string dir = scratch_dir("events_ingest");
    const std::string db = dir + "/events.gpkg";
    const std::string inputs = "'" + fixture("events/seed-like.txt") + "'";
    const auto first = run_eventmap("ingest " + inputs + " --db '" + db + "'");
    REQUIRE(first.exit_code == 0);
    CHECK(first.err.find("1 articles") != std::string::npos);
    std::uint64_t events_after_first = 0;
    {
        eventmap::store::EventStore store(db, eventmap::store::OpenMode::read);
        CHECK(store.count_articles() == 1);
        events_after_first = store.count_events();
        CHECK(events_after_first >= 5);
    }
    const auto again = run_eventmap("ingest " + inputs + " --db '" + db + "'");
    REQUIRE(again.exit_code == 0);
    CHECK(again.err.find("already stored") != std::string::npos);
    {
        eventmap::store::EventStore store(db, eventmap::store::OpenMode::read);
        CHECK(store.count_articles() == 1);
        CHECK(store.count_events() == events_after_first);
    }

    // Two articles reporting the same strikes: one stored event with both sources.
    const auto wire = run_eventmap("ingest --input-format jsonl '" +
                                   fixture("events/two-reports.jsonl") + "' --db '" + db + "'");
    REQUIRE(wire.exit_code == 0);
    eventmap::store::EventStore store(db, eventmap::store::OpenMode::read);
    CHECK(store.count_articles() == 3);
    eventmap::store::EventQuery query;
    query.type = "ASSAULT";
    std::size_t kafr_nabl = 0;
    store.for_each_event(query, [&](const eventmap::model::Event& e) {
        if (eventmap::model::iso_date(e) == "2019-05-07") {
            ++kafr_nabl;
            CHECK(e.sources.size() >= 2);
        }
    });
    CHECK(kafr_nabl == 1);
}

TEST_CASE("ingest needs --db and inputs, a PostGIS run needs a server", "[events][cli]") {
    CHECK(run_eventmap("ingest").exit_code != 0);
    CHECK(run_eventmap("ingest '" + fixture("events/seed-like.txt") + "'").exit_code != 0);
    const char* pg = std::getenv("EVENTMAP_TEST_PG");
    if (pg == nullptr || *pg == '\0') {
        mark_skipped("PostGIS ingest (set EVENTMAP_TEST_PG to a PG:... connection string)");
        return;
    }
    const auto r = run_eventmap("ingest '" + fixture("events/seed-like.txt") + "' --db '" +
                                std::string(pg) + "'");
    CHECK(r.exit_code == 0);
}
