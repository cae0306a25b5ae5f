// `eventmap ingest` failure paths: a failed run leaves no new store, a connection string's
// password never reaches the terminal, a damaged or unreadable store is a read error (exit 4).
#include "common/gdal.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

using namespace eventmap::test;
namespace fs = std::filesystem;

namespace {

const std::string article_path() {
    return fixture("events/seed-like.txt");
}

} // namespace

TEST_CASE("a failed ingest leaves no new store behind", "[pipeline][cli]") {
    const std::string dir = scratch_dir("ingest_failed");
    const std::string db = dir + "/events.gpkg";

    // No gazetteer: fails before any article is read.
    auto r = run_eventmap("ingest '" + article_path() + "' --index '" + dir +
                          "/missing.emg' --db '" + db + "'");
    CHECK(r.exit_code != 0);
    CHECK_FALSE(fs::exists(db));

    // A missing input file.
    r = run_eventmap("ingest '" + dir + "/no-such-article.txt' --db '" + db + "'");
    CHECK(r.exit_code == 3);
    CHECK_FALSE(fs::exists(db));

    // Bad input found only once the store exists (the second of two inputs is binary).
    const std::string binary = dir + "/binary.txt";
    write_file(binary, std::string("\x00\x01\x02\xff\xfe garbage \x00", 16));
    r = run_eventmap("ingest '" + article_path() + "' '" + binary + "' --db '" + db + "'");
    CHECK(r.exit_code == 3);
    CHECK_FALSE(fs::exists(db));

    // A store that existed before the failed run stays.
    REQUIRE(run_eventmap("ingest '" + article_path() + "' -q --db '" + db + "'").exit_code == 0);
    r = run_eventmap("ingest '" + binary + "' --db '" + db + "'");
    CHECK(r.exit_code == 3);
    CHECK(fs::exists(db));
}

TEST_CASE("ingest never prints a connection string's password", "[pipeline][cli]") {
    const std::string secret = "Sup3rSecretPw";
    // An unreachable server: the error names the target, without the password.
    auto r = run_eventmap("ingest '" + article_path() +
                          "' --db 'PG:host=/nonexistent-socket-dir port=1 dbname=x user=y "
                          "password=" +
                          secret + "'");
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("PG:") != std::string::npos);
    CHECK(r.err.find(secret) == std::string::npos);
    CHECK(r.out.find(secret) == std::string::npos);

    // A reachable one (trust authentication ignores the password): the summary names the
    // store without it.
    const char* pg = std::getenv("EVENTMAP_TEST_PG");
    if (pg == nullptr || *pg == '\0') {
        mark_skipped("EVENTMAP_TEST_PG is not set: ingest summary with a password not checked");
        return;
    }
    r = run_eventmap("ingest '" + article_path() + "' --db '" + std::string(pg) +
                     " password=" + secret + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("now holds") != std::string::npos);
    CHECK(r.err.find("password=***") != std::string::npos);
    CHECK(r.err.find(secret) == std::string::npos);
}

TEST_CASE("a store whose rows cannot be read is a read error, exit 4", "[pipeline][cli]") {
    const std::string dir = scratch_dir("ingest_damaged");
    const std::string db = dir + "/events.gpkg";
    REQUIRE(run_eventmap("ingest '" + article_path() + "' -q --db '" + db + "'").exit_code == 0);
    {
        // Damage one column the way a foreign tool could: a date no reader can take.
        eventmap::gdal::register_drivers();
        eventmap::gdal::DatasetPtr ds(GDALDataset::Open(db.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                        nullptr, nullptr, nullptr));
        REQUIRE(ds);
        ds->ReleaseResultSet(ds->ExecuteSQL("UPDATE events SET date = 'soon'", nullptr, "SQLITE"));
    }
    const auto r = run_eventmap("export --db '" + db + "' -o '" + dir + "/out.geojson'");
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("malformed date 'soon'") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/out.geojson"));
}

// Root reads any file, so a store without read permission is tried by an unprivileged user:
// as root the command runs under setpriv as `nobody` (the test skips loudly where neither
// works); otherwise it runs as the user it is.
TEST_CASE("a store the user may not read is a read error, exit 4", "[pipeline][cli]") {
    const std::string dir = scratch_dir("ingest_unreadable");
    const std::string db = dir + "/events.gpkg";
    REQUIRE(run_eventmap("ingest '" + article_path() + "' -q --db '" + db + "'").exit_code == 0);
    std::string as_user;
    if (::geteuid() == 0) {
        if (run_command("setpriv --reuid=65534 --regid=65534 --clear-groups true").exit_code != 0) {
            mark_skipped("setpriv cannot drop to nobody here: unreadable store not tried");
            return;
        }
        as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
    // The folder is open to all (the output could be written); only the store is closed.
    fs::permissions(dir, fs::perms::all);
    fs::permissions(db, fs::perms::none);
    const auto r = run_command(as_user + "'" + EVENTMAP_TEST_BINARY + "' export --db '" + db +
                               "' -o '" + dir + "/out.geojson'");
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("not readable") != std::string::npos);
    CHECK(r.err.find(db) != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/out.geojson"));

    // A folder where the store should be: the same kind of error, as any user.
    const auto folder = run_eventmap("export --db '" + dir + "' -o '" + dir + "/out.geojson'");
    CHECK(folder.exit_code == 4);
    CHECK(folder.err.find("not a regular file") != std::string::npos);
}
