// Shared by the store and export tests: synthetic records, the two store backends, and a
// child-process runner for the failures that need one (killed ingest, file size limit,
// dropped privileges). Header-only: tests/CMakeLists.txt compiles only *_test.cpp files.
#pragma once

#include "gazetteer/build.hpp"
#include "store/event_store.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fcntl.h>
#include <gdal_priv.h>
#include <iostream>
#include <ogrsf_frmts.h>
#include <optional>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace eventmap::test {

// Sets an event's dates from their boundary forms (model::set_iso_dates), which must be valid.
inline void set_dates(model::Event& e, const std::string& date, const std::string& enddate,
                      const std::string& precision = "day") {
    if (!model::set_iso_dates(e, date, enddate, precision)) {
        throw std::logic_error("test dates " + date + " to " + enddate + " are malformed");
    }
}

inline model::Event sample_event(const std::string& article, int n, double lat, double lon,
                                 const std::string& type = "ASSAULT") {
    model::Event e;
    e.id = article + "-e" + std::to_string(n);
    e.date = e.enddate = model::day_number(2013, 9, n + 1);
    e.date_precision = model::DatePrecision::day;
    e.date_source = model::DateSource::explicit_date;
    e.event = model::parse_plover_type(type).value();
    e.quad_code = model::QuadClass::material_conflict;
    e.cameo_root = "19";
    e.trigger = "shelling";
    e.actor = {"Syrian army", "militia"};
    e.recipient = {"rebels"};
    e.planned = n % 2 == 1;
    e.confidence = 0.75;
    e.event_loc.extracted_place = "Aleppo";
    e.event_loc.resolved_place = "Aleppo";
    e.event_loc.geonameid = 170063;
    e.event_loc.position = LatLon{lat, lon};
    e.event_loc.country_code = "SY";
    e.event_loc.feature_class = "P";
    e.event_loc.feature_code = "PPLA";
    e.event_loc.resolution = 4;
    e.event_loc.radius_km = 12.5F;
    e.event_text = "Shelling hit \"Aleppo\" on Friday, ÄÖ – 東京.";
    e.article_id = article;
    e.article_title = "Title of " + article;
    e.article_url = "https://example.org/" + article;
    e.published = "2013-09-14";
    e.sources = {{article, e.event_text, 10, 52}};
    return e;
}

inline store::ArticleRecord sample_article(const std::string& id) {
    store::ArticleRecord a;
    a.id = id;
    a.content_hash = "hash-" + id;
    a.title = "Title of " + id;
    a.url = "https://example.org/" + id;
    a.published = "2013-09-14";
    a.published_inferred = false;
    a.ingested_at = "2026-01-01T00:00:00Z";
    a.source_path = "articles/" + id + ".txt";
    return a;
}

inline store::MentionRecord sample_mention(int n) {
    store::MentionRecord m;
    m.start = static_cast<std::uint64_t>(10 * n);
    m.end = m.start + 6;
    m.text = "Aleppo";
    m.name = "Aleppo";
    m.gazetteer_id = 170063;
    m.position = LatLon{36.20124, 37.16117};
    m.country = "SY";
    m.feature_code = "PPLA";
    m.type = "place";
    m.role = "location";
    m.confidence = 0.9;
    return m;
}

// A store target for one test: a fresh GeoPackage path, or a fresh PostgreSQL schema in the
// EVENTMAP_TEST_PG database. nullopt (after a loud warning) when PostGIS is not configured.
struct Backend {
    std::string name; // "gpkg" or "postgis"
    std::string target;
    std::string dir; // scratch directory for outputs
};

inline std::string pg_base() {
    const char* env = std::getenv("EVENTMAP_TEST_PG");
    return env == nullptr ? std::string() : std::string(env);
}

// Runs SQL on the test database outside any store (admin work: schemas, killing backends).
inline void pg_execute(const std::string& sql) {
    GDALAllRegister();
    const char* const drivers[] = {"PostgreSQL", nullptr};
    GDALDataset* ds = GDALDataset::Open(pg_base().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers,
                                        nullptr, nullptr);
    REQUIRE(ds != nullptr);
    CPLErrorReset();
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    const std::string error = CPLGetLastErrorType() == CE_Failure ? CPLGetLastErrorMsg() : "";
    if (result != nullptr) {
        // GDAL runs a SELECT when its first row is read.
        while (OGRFeature* row = result->GetNextFeature()) {
            OGRFeature::DestroyFeature(row);
        }
        ds->ReleaseResultSet(result);
    }
    GDALClose(ds);
    INFO(sql);
    REQUIRE(error.empty());
}

// `base` (a PG: target) with another database.
inline std::string with_database(const std::string& base, const std::string& db) {
    const auto at = base.find("dbname=");
    REQUIRE(at != std::string::npos);
    const auto end = base.find(' ', at);
    return base.substr(0, at) + "dbname=" + db +
           (end == std::string::npos ? std::string() : base.substr(end));
}

inline std::optional<Backend> make_backend(const std::string& kind, const std::string& test) {
    Backend b;
    b.name = kind;
    b.dir = scratch_dir("store_" + kind + "_" + test);
    if (kind == "gpkg") {
        b.target = b.dir + "/events.gpkg";
        return b;
    }
    if (pg_base().empty()) {
        mark_skipped("EVENTMAP_TEST_PG is not set: PostGIS test '" + test +
                     "' did not run (run `eval \"$(scripts/postgis start)\"` first)");
        WARN("SKIPPED: EVENTMAP_TEST_PG is not set, PostGIS variant of '"
             << test << "' did not run (eval \"$(scripts/postgis start)\")");
        return std::nullopt;
    }
    const std::string schema = "t_" + test;
    pg_execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    pg_execute("CREATE SCHEMA " + schema);
    b.target = pg_base() + " active_schema=" + schema;
    return b;
}

// Runs `body` in a forked child and returns its exit status (or 128 + signal). The child must
// end with _exit(); GDAL state is not shared after the fork because the child opens its own
// datasets and the parent opens none across the call.
template <class Body> int run_in_child(Body body);

// Waits for the child `pid`: its exit code, or 128 + the signal that ended it.
inline int wait_for_exit(pid_t pid) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

template <class Body> int run_in_child(Body body) {
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 99;
        try {
            code = body();
        } catch (...) {
            code = 98;
        }
        _exit(code);
    }
    return wait_for_exit(pid);
}

// Starts `eventmap ingest ARTICLES --input-format jsonl --db TARGET --batch N` on the default
// index, as a user would, without waiting: stdout discarded, stderr to `log`. Returns its pid.
inline pid_t spawn_ingest(const std::string& articles, const std::string& target, int batch,
                          const std::string& log) {
    std::vector<std::string> args = {EVENTMAP_TEST_BINARY,
                                     "ingest",
                                     articles,
                                     "--input-format",
                                     "jsonl",
                                     "--db",
                                     target,
                                     "--batch",
                                     std::to_string(batch),
                                     "--index",
                                     gazetteer::default_index_path()};
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

} // namespace eventmap::test
