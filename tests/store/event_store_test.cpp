// EventStore against GeoPackage and, when EVENTMAP_TEST_PG is set, PostGIS: the same cases
// for both (EVENTMAP_STORE_TEST), then the failures each backend has its own way to provoke:
// a killed process, a file size limit, a read-only file (GeoPackage); a server connection
// killed mid-batch (PostGIS).
#include "common/error.hpp"
#include "store/event_store.hpp"
#include "store/store_test_support.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <sys/resource.h>

using namespace eventmap;
using eventmap::test::Backend;
using eventmap::test::sample_article;
using eventmap::test::sample_event;
using eventmap::test::sample_mention;

namespace {

// Each case runs once per backend, as two CTest tests: "... gpkg" and "... postgis".
#define EVENTMAP_STORE_TEST(name, body)                                                            \
    TEST_CASE("store " #name " gpkg", "[store][gpkg]") {                                           \
        body(*test::make_backend("gpkg", #name));                                                  \
    }                                                                                              \
    TEST_CASE("store " #name " postgis", "[store][postgis]") {                                     \
        if (auto backend = test::make_backend("postgis", #name)) {                                 \
            body(*backend);                                                                        \
        }                                                                                          \
    }

void write_two_articles(store::EventStore& s) {
    s.begin();
    CHECK(s.add_article(
        sample_article("a1"),
        {sample_event("a1", 1, 36.20124, 37.16117), sample_event("a1", 2, 33.5, 36.3)},
        {sample_mention(1), sample_mention(2)}));
    CHECK(s.add_article(sample_article("a2"), {sample_event("a2", 3, 48.85, 2.35, "PROTEST")},
                        {sample_mention(3)}));
    s.commit();
}

void check_round_trip(const Backend& b) {
    {
        store::EventStore s(b.target, store::OpenMode::create);
        write_two_articles(s);
    }
    store::EventStore s(b.target, store::OpenMode::read);
    CHECK(s.count_articles() == 2);
    CHECK(s.count_events() == 3);
    CHECK(s.count_mentions() == 3);

    const auto want = sample_event("a1", 1, 36.20124, 37.16117);
    const auto got = s.find_event(want.id);
    REQUIRE(got);
    CHECK(got->id == want.id);
    CHECK(got->date == want.date);
    CHECK(got->enddate == want.enddate);
    CHECK(got->date_precision == want.date_precision);
    CHECK(got->date_source == want.date_source);
    CHECK(got->event == want.event);
    CHECK(got->quad_code == want.quad_code);
    CHECK(got->cameo_root == want.cameo_root);
    CHECK(got->trigger == want.trigger);
    CHECK(got->actor == want.actor);
    CHECK(got->recipient == want.recipient);
    CHECK(got->planned == want.planned);
    CHECK(got->confidence == Approx(want.confidence));
    CHECK(got->event_loc.extracted_place == want.event_loc.extracted_place);
    CHECK(got->event_loc.resolved_place == want.event_loc.resolved_place);
    CHECK(got->event_loc.geonameid == want.event_loc.geonameid);
    CHECK(got->event_loc.position.lat == Approx(36.20124).margin(1e-9));
    CHECK(got->event_loc.position.lon == Approx(37.16117).margin(1e-9));
    CHECK(got->event_loc.country_code == want.event_loc.country_code);
    CHECK(got->event_loc.feature_class == want.event_loc.feature_class);
    CHECK(got->event_loc.feature_code == want.event_loc.feature_code);
    CHECK(got->event_loc.resolution == want.event_loc.resolution);
    CHECK(got->event_loc.radius_km == Approx(want.event_loc.radius_km));
    CHECK(got->event_text == want.event_text);
    CHECK(got->article_id == want.article_id);
    CHECK(got->article_title == want.article_title);
    CHECK(got->article_url == want.article_url);
    CHECK(got->published == want.published);
    REQUIRE(got->sources.size() == 1);
    CHECK(got->sources[0].article_id == "a1");
    CHECK(got->sources[0].sentence == want.event_text);
    CHECK(got->sources[0].start == 10);
    CHECK(got->sources[0].end == 52);

    const auto article = s.find_article("hash-a2");
    REQUIRE(article);
    CHECK(article->id == "a2");
    CHECK(article->url == "https://example.org/a2");
    CHECK(article->source_path == "articles/a2.txt");
    CHECK(article->ingested_at == "2026-01-01T00:00:00Z");

    const auto mentions = s.mentions_of("a1");
    REQUIRE(mentions.size() == 2);
    CHECK(mentions[0].article_id == "a1");
    CHECK(mentions[1].start == 20);
    CHECK(mentions[1].end == 26);
    CHECK(mentions[1].gazetteer_id == 170063);
    CHECK(mentions[1].position.lat == Approx(36.20124));
    CHECK(mentions[1].position.lon == Approx(37.16117));
    CHECK(mentions[1].role == "location");
}
EVENTMAP_STORE_TEST(round_trip, check_round_trip)

void check_idempotent(const Backend& b) {
    store::EventStore s(b.target, store::OpenMode::create);
    write_two_articles(s);
    CHECK(s.has_article("hash-a1"));
    CHECK_FALSE(s.has_article("hash-zz"));
    // Again, in a new batch and without one: nothing is added.
    s.begin();
    CHECK_FALSE(
        s.add_article(sample_article("a1"), {sample_event("a1", 1, 1, 1)}, {sample_mention(1)}));
    s.commit();
    CHECK_FALSE(s.add_article(sample_article("a2"), {sample_event("a2", 3, 1, 1)}, {}));
    // The same article twice within one batch counts once.
    s.begin();
    CHECK(s.add_article(sample_article("a3"), {sample_event("a3", 1, 1, 1)}, {sample_mention(1)}));
    CHECK_FALSE(
        s.add_article(sample_article("a3"), {sample_event("a3", 1, 1, 1)}, {sample_mention(1)}));
    s.commit();
    CHECK(s.count_articles() == 3);
    CHECK(s.count_events() == 4);
    CHECK(s.count_mentions() == 4);
}
EVENTMAP_STORE_TEST(idempotent, check_idempotent)

void check_rollback(const Backend& b) {
    {
        store::EventStore s(b.target, store::OpenMode::create);
        write_two_articles(s);
        s.begin();
        s.add_article(sample_article("r1"), {sample_event("r1", 1, 1, 1)}, {sample_mention(1)});
        s.rollback();
        CHECK_FALSE(s.has_article("hash-r1"));

        // A record the store refuses is refused before anything of it is written; the batch
        // stays usable.
        s.begin();
        auto broken = sample_event("r2", 1, 1, 1);
        broken.id.clear();
        CHECK_THROWS_AS(s.add_article(sample_article("r2"), {broken}, {sample_mention(1)}),
                        DataError);
        CHECK(s.in_batch());
        CHECK_FALSE(s.has_article("hash-r2"));
        s.add_article(sample_article("r3"), {sample_event("r3", 1, 1, 1)}, {});
        s.commit();

        // A batch never committed (the store closed first) is rolled back.
        s.begin();
        s.add_article(sample_article("r4"), {sample_event("r4", 1, 1, 1)}, {sample_mention(1)});
    }
    store::EventStore s(b.target, store::OpenMode::read);
    CHECK(s.count_articles() == 3); // a1, a2, r3
    CHECK(s.count_events() == 4);
    CHECK(s.count_mentions() == 3);
    CHECK_FALSE(s.has_article("hash-r4"));
    CHECK_FALSE(s.find_event("r4-e1"));
}
EVENTMAP_STORE_TEST(rollback, check_rollback)

void check_append_sources(const Backend& b) {
    store::EventStore s(b.target, store::OpenMode::create);
    write_two_articles(s);
    // The extractor merged the same event reported by article b1 under a1's event id.
    auto merged = sample_event("a1", 1, 36.2, 37.1);
    merged.sources = {{"b1", "Aleppo was shelled.", 0, 19}, merged.sources[0]};
    s.begin();
    CHECK(s.add_article(sample_article("b1"), {merged}, {}));
    s.commit();
    CHECK(s.count_events() == 3);
    auto stored = s.find_event("a1-e1");
    REQUIRE(stored);
    REQUIRE(stored->sources.size() == 2);
    CHECK(stored->sources[1].article_id == "b1");
    CHECK(stored->sources[1].end == 19);
    // Explicit update outside a batch; a known source is not added twice.
    CHECK(
        s.append_sources("a1-e1", {{"c1", "Again.", 5, 11}, {"b1", "Aleppo was shelled.", 0, 19}}));
    CHECK_FALSE(s.append_sources("no-such-event", {{"c1", "x", 0, 1}}));
    stored = s.find_event("a1-e1");
    REQUIRE(stored);
    REQUIRE(stored->sources.size() == 3);
    CHECK(stored->sources[2].article_id == "c1");
    CHECK(stored->event_loc.position.lat == Approx(36.20124)); // other fields kept
}
EVENTMAP_STORE_TEST(append_sources, check_append_sources)

void check_queries(const Backend& b) {
    store::EventStore s(b.target, store::OpenMode::create);
    s.begin();
    auto month = sample_event("q1", 1, 10, 10);
    test::set_dates(month, "2013-08-01", "2013-08-31", "month");
    auto timed = sample_event("q1", 2, 20, 20, "PROTEST");
    test::set_dates(timed, "2013-09-13T22:15:00Z", "");
    auto unlocated = sample_event("q1", 3, 0, 0);
    unlocated.event_loc = {};
    test::set_dates(unlocated, "2014-01-02", "");
    s.add_article(sample_article("q1"), {month, timed, unlocated}, {});
    s.commit();

    auto count = [&](store::EventQuery q) { return s.count_events(q); };
    CHECK(count({}) == 3);
    CHECK(count({"2013-09-01", "", std::nullopt, ""}) == 2);
    CHECK(count({"2013-08-31", "", std::nullopt, ""}) == 3);
    CHECK(count({"2013-09-14", "", std::nullopt, ""}) == 1);
    CHECK(count({"", "2013-09-13", std::nullopt, ""}) == 2); // the whole day, time included
    CHECK(count({"", "2013-09-12", std::nullopt, ""}) == 1);
    CHECK(count({"", "2013-08", std::nullopt, ""}) == 1);
    CHECK(count({"2013", "2013", std::nullopt, ""}) == 2);
    CHECK(count({"2013-08-15", "2013-08-15", std::nullopt, ""}) == 1); // inside the month
    CHECK(count({"", "", store::BoundingBox{5, 5, 15, 15}, ""}) == 1);
    CHECK(count({"", "", store::BoundingBox{-180, -90, 180, 90}, ""}) == 2); // unlocated excluded
    CHECK(count({"", "", std::nullopt, "PROTEST"}) == 1);
    CHECK(count({"", "", std::nullopt, "O'Brien"}) == 0); // quoted, not injected
    CHECK(count({"2013-09-01", "2013-12-31", store::BoundingBox{15, 15, 25, 25}, "PROTEST"}) == 1);
    CHECK_THROWS_AS(count({"2013-13-01", "", std::nullopt, ""}), InputError);
    CHECK_THROWS_AS(count({"", "yesterday", std::nullopt, ""}), InputError);

    std::vector<std::string> ids;
    s.for_each_event({"2013-09-01", "", std::nullopt, ""},
                     [&](const model::Event& e) { ids.push_back(e.id); });
    CHECK(ids == std::vector<std::string>{"q1-e2", "q1-e3"});
    const auto back = s.find_event("q1-e3");
    REQUIRE(back);
    CHECK(back->event_loc.position.lat == 0.0);
    CHECK(back->event_loc.resolved_place.empty());
}
EVENTMAP_STORE_TEST(queries, check_queries)

// Paging and cancellation: what a viewer needs for a long list on a thread of its own.
void check_pages(const Backend& b) {
    store::EventStore s(b.target, store::OpenMode::create);
    s.begin();
    std::vector<model::Event> events;
    for (int n = 0; n < 7; ++n) {
        events.push_back(sample_event("p1", n, 10 + n, 20));
    }
    s.add_article(sample_article("p1"), events, {});
    s.commit();

    store::EventStore reader(b.target, store::OpenMode::read);
    std::vector<std::string> all;
    reader.for_each_event({}, [&](const model::Event& e) { all.push_back(e.id); });
    REQUIRE(all.size() == 7);
    std::vector<std::string> paged;
    for (std::uint64_t offset = 0;; offset += 3) {
        const auto page = reader.read_events({}, offset, 3);
        CHECK(page.complete);
        for (const auto& e : page.events) {
            paged.push_back(e.id);
        }
        if (!page.more) {
            CHECK(page.events.size() == 1); // 3 + 3 + 1
            break;
        }
    }
    CHECK(paged == all);

    std::atomic<bool> cancel{false};
    int seen = 0;
    CHECK_FALSE(reader.for_each_event(
        {},
        [&](const model::Event&) {
            if (++seen == 2) {
                cancel = true; // as a UI thread would, between two rows
            }
        },
        &cancel));
    CHECK(seen == 2);
    const auto cancelled = reader.read_events({}, 0, 5, &cancel);
    CHECK_FALSE(cancelled.complete);
    CHECK(cancelled.events.empty());
}
EVENTMAP_STORE_TEST(pages, check_pages)

void check_schema_version(const Backend& b) {
    {
        store::EventStore s(b.target, store::OpenMode::create);
        write_two_articles(s);
    }
    {
        GDALAllRegister();
        GDALDataset* ds = GDALDataset::Open(b.target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
        REQUIRE(ds != nullptr);
        OGRLayer* r = ds->ExecuteSQL(
            "UPDATE \"metadata\" SET \"value\" = '99' WHERE \"key\" = 'schema_version'", nullptr,
            nullptr);
        if (r != nullptr) {
            ds->ReleaseResultSet(r);
        }
        GDALClose(ds);
    }
    for (auto mode : {store::OpenMode::read, store::OpenMode::append, store::OpenMode::create}) {
        try {
            store::EventStore s(b.target, mode);
            FAIL("opened a store of schema version 99");
        } catch (const DataError& e) {
            CHECK_THAT(e.what(), Catch::Contains("schema version 99"));
            CHECK_FALSE(e.file().empty());
            CHECK(e.file().find("password") == std::string::npos);
        }
    }
}
EVENTMAP_STORE_TEST(schema_version, check_schema_version)

void check_read_mode(const Backend& b) {
    { store::EventStore s(b.target, store::OpenMode::create); }
    store::EventStore s(b.target, store::OpenMode::read);
    CHECK(s.read_only());
    CHECK_THROWS_AS(s.begin(), OutputError);
    CHECK_THROWS_AS(s.add_article(sample_article("x"), {}, {}), OutputError);
}
EVENTMAP_STORE_TEST(read_mode, check_read_mode)

// ---------------------------------------------------------------------------------------------
// GeoPackage only
// ---------------------------------------------------------------------------------------------

TEST_CASE("store missing or unreadable gpkg", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_unreadable");
    try {
        store::EventStore s(dir + "/absent.gpkg", store::OpenMode::read);
        FAIL("opened a missing store");
    } catch (const InputError& e) {
        CHECK(e.file() == dir + "/absent.gpkg");
        CHECK_THAT(e.what(), Catch::Contains("no such store"));
    }
    CHECK_FALSE(std::filesystem::exists(dir + "/absent.gpkg")); // read/append never create
    CHECK_THROWS_AS(store::EventStore(dir + "/absent.gpkg", store::OpenMode::append), InputError);

    test::write_file(dir + "/garbage.gpkg",
                     std::string("this is not SQLite\n", 19) + std::string(5000, 'x'));
    try {
        store::EventStore s(dir + "/garbage.gpkg", store::OpenMode::append);
        FAIL("opened a garbage store");
    } catch (const DataError& e) {
        CHECK(e.file() == dir + "/garbage.gpkg");
        CHECK_THAT(e.what(), Catch::Contains("cannot open the store"));
    }
    CHECK(test::read_file(dir + "/garbage.gpkg").size() == 5019); // untouched

    // A GeoPackage that is not ours.
    {
        GDALAllRegister();
        GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
            (dir + "/other.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        REQUIRE(ds != nullptr);
        ds->CreateLayer("roads", nullptr, wkbLineString, nullptr);
        GDALClose(ds);
    }
    try {
        store::EventStore s(dir + "/other.gpkg", store::OpenMode::create);
        FAIL("opened a foreign GeoPackage");
    } catch (const DataError& e) {
        CHECK_THAT(e.what(), Catch::Contains("not an eventmap store"));
    }
    CHECK_THROWS_AS(store::EventStore(dir, store::OpenMode::read), DataError);
}

TEST_CASE("store killed mid-batch leaves it as before gpkg", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_killed");
    const std::string path = dir + "/events.gpkg";
    {
        store::EventStore s(path, store::OpenMode::create);
        write_two_articles(s);
    }
    const int status = test::run_in_child([&] {
        store::EventStore s(path, store::OpenMode::append);
        s.begin();
        for (int i = 0; i < 300; ++i) {
            const std::string id = "k" + std::to_string(i);
            s.add_article(sample_article(id),
                          {sample_event(id, 1, 1, 1), sample_event(id, 2, 2, 2)},
                          {sample_mention(1), sample_mention(2)});
        }
        std::raise(SIGKILL); // no destructor, no rollback: only the journal protects the store
        return 0;
    });
    CHECK(status == 128 + SIGKILL);
    store::EventStore s(path, store::OpenMode::append);
    CHECK(s.count_articles() == 2);
    CHECK(s.count_events() == 3);
    CHECK(s.count_mentions() == 3);
    CHECK_FALSE(s.has_article("hash-k0"));
    s.add_article(sample_article("after"), {sample_event("after", 1, 1, 1)}, {});
    CHECK(s.count_articles() == 3);
}

TEST_CASE("store disk full rolls back gpkg", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_disk_full");
    const std::string path = dir + "/events.gpkg";
    {
        store::EventStore s(path, store::OpenMode::create);
        write_two_articles(s);
    }
    const auto size_before = std::filesystem::file_size(path);
    const std::string message_file = dir + "/message";
    // RLIMIT_FSIZE in a child stands in for a full disk: writes past it fail with EFBIG
    // (SIGXFSZ ignored), as they would with ENOSPC, without filling a real file system.
    const int status = test::run_in_child([&] {
        std::signal(SIGXFSZ, SIG_IGN);
        store::EventStore s(path, store::OpenMode::append);
        const rlimit limit{size_before + 64 * 1024, size_before + 64 * 1024};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
            return 3;
        }
        try {
            s.begin();
            const std::string text(2000, 'x');
            for (int i = 0; i < 3000; ++i) {
                const std::string id = "f" + std::to_string(i);
                auto e = sample_event(id, 1, 1, 1);
                e.event_text = text;
                s.add_article(sample_article(id), {e}, {sample_mention(1)});
            }
            s.commit();
            return 1; // should not fit
        } catch (const OutputError& e) {
            test::write_file(message_file, e.located());
            return s.in_batch() ? 2 : 0;
        }
    });
    REQUIRE(status == 0);
    const std::string message = test::read_file(message_file);
    INFO(message);
    CHECK_THAT(message, Catch::Contains(path));
    CHECK_THAT(message, Catch::Contains("disk full"));
    CHECK_THAT(message, Catch::Contains("rolled back"));
    store::EventStore s(path, store::OpenMode::append);
    CHECK(s.count_articles() == 2);
    CHECK(s.count_events() == 3);
    CHECK_FALSE(s.has_article("hash-f0"));
    s.add_article(sample_article("after"), {sample_event("after", 1, 1, 1)}, {});
    CHECK(s.count_articles() == 3);
}

TEST_CASE("store read-only target gpkg", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_read_only");
    const std::string path = dir + "/events.gpkg";
    {
        store::EventStore s(path, store::OpenMode::create);
        write_two_articles(s);
    }
    std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
    std::filesystem::permissions(dir, std::filesystem::perms::all);
    const std::string message_file = dir + "/message";
    // Root writes anything; the child drops to `nobody` so permissions mean what they say.
    const int status = test::run_in_child([&] {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
            return 3;
        }
        try {
            store::EventStore s(path, store::OpenMode::append);
            return 1;
        } catch (const OutputError& e) {
            test::write_file(message_file, e.located());
        }
        store::EventStore reader(path, store::OpenMode::read); // reading still works
        return reader.count_events() == 3 ? 0 : 2;
    });
    CHECK(status == 0);
    const std::string message = test::read_file(message_file);
    CHECK_THAT(message, Catch::Contains(path));
    CHECK_THAT(message, Catch::Contains("read-only"));
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
}

TEST_CASE("store creation is atomic gpkg", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_create");
    const std::string path = dir + "/new.gpkg";
    { store::EventStore s(path, store::OpenMode::create); }
    std::size_t entries = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        (void)entry;
        ++entries;
    }
    CHECK(entries == 1); // no temp file left beside it
    store::EventStore s(path, store::OpenMode::read);
    CHECK(s.count_events() == 0);
    CHECK_THROWS_AS(store::EventStore(dir + "/no/such/dir/x.gpkg", store::OpenMode::create),
                    OutputError);
}

// ---------------------------------------------------------------------------------------------
// PostGIS only
// ---------------------------------------------------------------------------------------------

TEST_CASE("store server goes away mid-batch postgis", "[store][postgis]") {
    auto backend = test::make_backend("postgis", "server_gone");
    if (!backend) {
        return;
    }
    {
        store::EventStore s(backend->target, store::OpenMode::create);
        write_two_articles(s);
    }
    const std::string app = "eventmap_test_kill_" + std::to_string(getpid());
    store::EventStore s(backend->target + " application_name=" + app, store::OpenMode::append);
    s.begin();
    s.add_article(sample_article("g1"), {sample_event("g1", 1, 1, 1)}, {sample_mention(1)});
    // The server ends our session from a second connection: what a restart or failover does.
    test::pg_execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                     "application_name = '" +
                     app + "'");
    try {
        s.add_article(sample_article("g2"), {sample_event("g2", 1, 1, 1)}, {sample_mention(1)});
        s.commit();
        FAIL("wrote through a terminated connection");
    } catch (const OutputError& e) {
        INFO(e.located());
        CHECK_THAT(e.what(), Catch::Contains("lost the connection to the PostgreSQL server"));
        CHECK_THAT(e.located(), Catch::Contains("active_schema=t_server_gone"));
    }
    CHECK_FALSE(s.in_batch());
    store::EventStore check(backend->target, store::OpenMode::read);
    CHECK(check.count_articles() == 2);
    CHECK(check.count_events() == 3);
    CHECK(check.count_mentions() == 3);
    CHECK_FALSE(check.has_article("hash-g1"));
}

TEST_CASE("store read-only role postgis", "[store][postgis]") {
    auto backend = test::make_backend("postgis", "read_only_role");
    if (!backend) {
        return;
    }
    {
        store::EventStore s(backend->target, store::OpenMode::create);
        write_two_articles(s);
    }
    test::pg_execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                     "'eventmap_test_reader') THEN CREATE ROLE eventmap_test_reader LOGIN; END IF; "
                     "END $$");
    test::pg_execute("GRANT USAGE ON SCHEMA t_read_only_role TO eventmap_test_reader");
    test::pg_execute(
        "GRANT SELECT ON ALL TABLES IN SCHEMA t_read_only_role TO eventmap_test_reader");
    const std::string reader = backend->target + " user=eventmap_test_reader";
    try {
        store::EventStore s(reader, store::OpenMode::append);
        FAIL("opened a store the role may not write");
    } catch (const OutputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("read-only"));
    }
    store::EventStore s(reader, store::OpenMode::read);
    CHECK(s.count_events() == 3);
}

TEST_CASE("store unreachable server postgis", "[store][postgis]") {
    // Port 1 on a socket directory with no server: refused at once, no network involved.
    try {
        store::EventStore s("PG:host=/nonexistent-eventmap port=1 dbname=x user=x password=secret",
                            store::OpenMode::append);
        FAIL("connected to nothing");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("cannot connect"));
        CHECK(e.located().find("secret") == std::string::npos);
    }
}

} // namespace
