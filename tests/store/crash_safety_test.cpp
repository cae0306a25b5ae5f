// Crash safety, proven on the real command (issue 13): `eventmap ingest` is SIGKILLed at 100
// random points (fixed seed, printed) while it writes a GeoPackage, and after each kill the
// store must open for reading, pass SQLite's integrity check, and hold exactly the articles of
// the batches that committed: a prefix of the input, each article whole (its mentions and
// events all there or none). The next run resumes; a run that completes must hold exactly
// what an uninterrupted run holds, with no article or event twice. Then two ingests race on
// one GeoPackage: each either succeeds or fails with a clear message, nothing is lost or
// corrupted. The same kills run against PostGIS when EVENTMAP_TEST_PG is set.
#include "common/gdal.hpp"
#include "events/extractor.hpp"
#include "geoparse/geoparse_support.hpp"
#include "store/store_test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace eventmap;
namespace fs = std::filesystem;

namespace {

constexpr int article_count = 48;
constexpr int batch_size = 4;

// Invented reports, each a distinct event (own place and day) so no two articles merge and
// the events of any prefix of the input are known from the uninterrupted run. (Reports of one
// event split across runs merge into the stored event: tests/pipeline/ingest_merge_test.cpp.
// This test pins down what a kill may and may not leave.)
std::string article_line(int i) {
    static const char* const places[] = {"Damascus", "Aleppo", "Homs",   "Geneva",
                                         "Cairo",    "Paris",  "Vienna", "Amman"};
    const std::string place = places[i % 8];
    const int day = 1 + i / 8;
    const std::string date = "2014-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    return R"({"id":"crash-)" + std::to_string(i) + R"(","published":")" + date +
           R"(","title":"Report )" + std::to_string(i) + R"(","text":"Shelling hit )" + place +
           " on " + date + ", killing " + std::to_string(3 + i) +
           R"( people in the old quarter of )" + place + R"(, officials said."})" + "\n";
}

std::string write_articles(const std::string& dir) {
    const std::string path = dir + "/articles.jsonl";
    std::ofstream out(path);
    for (int i = 0; i < article_count; ++i) {
        out << article_line(i);
    }
    return path;
}

// The hash ingest stores for article i (what has_article() looks up).
std::string hash_of(int i) {
    const std::string line = article_line(i);
    const auto begin = line.find(R"("text":")") + 8;
    const auto end = line.rfind(R"("})");
    return events::content_hash(line.substr(begin, end - begin));
}

pid_t start_ingest(const std::string& articles, const std::string& target, const std::string& log) {
    return test::spawn_ingest(articles, target, batch_size, log);
}

std::string integrity_check(const std::string& path) {
    GDALAllRegister();
    gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds != nullptr);
    OGRLayer* result = ds->ExecuteSQL("PRAGMA integrity_check", nullptr, nullptr);
    REQUIRE(result != nullptr);
    std::string answer;
    while (OGRFeature* row = result->GetNextFeature()) {
        answer += row->GetFieldAsString(0);
        OGRFeature::DestroyFeature(row);
    }
    ds->ReleaseResultSet(result);
    return answer;
}

// What an uninterrupted run stores: per article, its mentions and its events.
struct Reference {
    std::vector<std::uint64_t> mentions; // per article
    std::vector<std::uint64_t> events;   // per article
    std::set<std::string> event_ids;
};

Reference reference_run(const std::string& articles, const std::string& dir) {
    const std::string path = dir + "/reference.gpkg";
    REQUIRE(test::wait_for_exit(start_ingest(articles, path, dir + "/reference.log")) == 0);
    store::EventStore s(path, store::OpenMode::read);
    Reference r;
    std::map<std::string, std::uint64_t> events_per_article;
    s.for_each_event({}, [&](const events::Event& e) {
        r.event_ids.insert(e.id);
        ++events_per_article[e.article_id];
    });
    for (int i = 0; i < article_count; ++i) {
        const std::string id = "crash-" + std::to_string(i);
        r.mentions.push_back(s.mentions_of(id).size());
        r.events.push_back(events_per_article[id]);
    }
    REQUIRE(s.count_articles() == article_count);
    REQUIRE(r.event_ids.size() > article_count / 2); // the articles do make events
    return r;
}

// The store holds articles 0..k-1 whole and nothing else; returns k.
int check_committed_prefix(const std::string& target, const Reference& ref) {
    store::EventStore s(target, store::OpenMode::read); // as export and the viewer open it
    const auto k = static_cast<int>(s.count_articles());
    for (int i = 0; i < article_count; ++i) {
        INFO("article " << i << " of a store holding " << k);
        CHECK(s.has_article(hash_of(i)) == (i < k));
    }
    std::uint64_t mentions = 0;
    std::uint64_t events = 0;
    for (int i = 0; i < k; ++i) {
        mentions += ref.mentions[i];
        events += ref.events[i];
    }
    CHECK(s.count_mentions() == mentions);
    CHECK(s.count_events() == events);
    std::multiset<std::string> ids;
    s.for_each_event({}, [&](const events::Event& e) { ids.insert(e.id); });
    for (const auto& id : ids) {
        INFO("event " << id);
        CHECK(ids.count(id) == 1);
        CHECK(ref.event_ids.count(id) == 1);
    }
    return k;
}

void kill_at_random_points(const std::string& kind, int kills) {
    auto backend = test::make_backend(kind, "crash_kills");
    if (!backend) {
        return;
    }
    const std::string articles = write_articles(backend->dir);
    // PostGIS: the schema is made before the kills. A kill while GDAL creates the tables
    // leaves some of them without the metadata table, and every later open then refuses the
    // store ("not an eventmap store") - an open finding of issue 13, not covered here.
    auto create_pg_schema = [&] {
        if (kind == "postgis") {
            store::EventStore created(backend->target, store::OpenMode::create);
        }
    };
    create_pg_schema();
    const auto t0 = std::chrono::steady_clock::now();
    const Reference ref = reference_run(articles, backend->dir);
    double full_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (kind == "postgis") {
        // The kills must land all along a run into this backend, and a PostGIS run (a server
        // round trip per statement, the change journal) is slower than the GeoPackage reference:
        // time one uninterrupted run here too, then start again from an empty schema.
        const auto t1 = std::chrono::steady_clock::now();
        REQUIRE(test::wait_for_exit(
                    start_ingest(articles, backend->target, backend->dir + "/timing.log")) == 0);
        full_ms = std::max(full_ms, std::chrono::duration<double, std::milli>(
                                        std::chrono::steady_clock::now() - t1)
                                        .count());
        backend = test::make_backend(kind, "crash_kills");
        write_articles(backend->dir);
        create_pg_schema();
    }

    const unsigned seed = 20260113;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> at(0.0, 1.1 * full_ms);
    std::cerr << "crash safety (" << kind << "): " << kills << " kills in [0, "
              << static_cast<int>(1.1 * full_ms) << "] ms, seed " << seed << "\n";
    int completed = 0;
    int partial = 0;
    for (int n = 0; n < kills; ++n) {
        const double delay_ms = at(rng);
        INFO("kill " << n << " after " << delay_ms << " ms (seed " << seed << ")");
        const pid_t child = start_ingest(articles, backend->target, backend->dir + "/run.log");
        std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay_ms));
        ::kill(child, SIGKILL);
        const int status = test::wait_for_exit(child);
        INFO("ingest ended with " << status << ": " << test::read_file(backend->dir + "/run.log"));
        REQUIRE((status == 0 || status == 128 + SIGKILL));
        if (kind == "gpkg" && !fs::exists(backend->target)) {
            continue; // killed before the new store was renamed into place: nothing committed
        }
        // Opened first as export and the viewer do (read-only), which must cope with the
        // journal the killed writer left; then SQLite's own check of every page.
        const int k = check_committed_prefix(backend->target, ref);
        if (kind == "gpkg") {
            REQUIRE(integrity_check(backend->target) == "ok");
        }
        CHECK((k % batch_size == 0 || k == article_count));
        if (k == article_count) {
            ++completed;
            // Start over so the next kills land all along the run again.
            if (kind == "gpkg") {
                fs::remove(backend->target);
            } else {
                backend = test::make_backend(kind, "crash_kills"); // a fresh directory too
                write_articles(backend->dir);
                create_pg_schema();
            }
        } else if (k > 0) {
            ++partial;
        }
    }
    std::cerr << "crash safety (" << kind << "): " << partial << " kills left a partial store, "
              << completed << " runs completed\n";
    // Whatever the last kill left, one more run completes it exactly.
    REQUIRE(test::wait_for_exit(
                start_ingest(articles, backend->target, backend->dir + "/run.log")) == 0);
    CHECK(check_committed_prefix(backend->target, ref) == article_count);
    CHECK(partial > 0); // the kills did land mid-run
}

} // namespace

TEST_CASE("crash safety: ingest killed at 100 random points gpkg", "[store][gpkg][crash]") {
    test::index_option(); // the default index, built once if missing
    kill_at_random_points("gpkg", 100);
}

TEST_CASE("crash safety: ingest killed at random points postgis", "[store][postgis][crash]") {
    test::index_option();
    kill_at_random_points("postgis", 30);
}

// Articles first..last-1 of article_line(), as one jsonl file.
std::string write_range(const std::string& path, int first, int last) {
    std::ofstream out(path);
    for (int i = first; i < last; ++i) {
        out << article_line(i);
    }
    return path;
}

TEST_CASE("crash safety: two concurrent ingests into one GeoPackage", "[store][gpkg][crash]") {
    test::index_option();
    const std::string dir = test::scratch_dir("crash_concurrent");
    const int half = article_count / 2;
    const std::string first = write_range(dir + "/first.jsonl", 0, half);
    const std::string second = write_range(dir + "/second.jsonl", half, article_count);
    const std::string target = dir + "/events.gpkg";
    // Both start on an absent store, so they also race to create it; each brings its own
    // articles, so a store replaced under a writer (its batches lost) would show.
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        // An absent store: no file and none of SQLite's side files from the round before.
        for (const char* side : {"", "-journal", "-wal", "-shm"}) {
            fs::remove(target + side);
        }
        const pid_t a = start_ingest(first, target, dir + "/a.log");
        const pid_t b = start_ingest(second, target, dir + "/b.log");
        const int status[2] = {test::wait_for_exit(a), test::wait_for_exit(b)};
        const std::string log[2] = {test::read_file(dir + "/a.log"),
                                    test::read_file(dir + "/b.log")};
        INFO("first: exit " << status[0] << ", " << log[0]);
        INFO("second: exit " << status[1] << ", " << log[1]);
        CHECK((status[0] == 0 || status[1] == 0));
        // The store opens as any reader opens it (a loser's rolled-back journal is settled
        // there), then SQLite checks every page.
        store::EventStore s(target, store::OpenMode::read);
        REQUIRE(integrity_check(target) == "ok");
        for (int which = 0; which < 2; ++which) {
            int stored = 0;
            bool missing = false; // an article before this one is not stored
            bool prefix = true;
            for (int i = which * half; i < (which + 1) * half; ++i) {
                const bool has = s.has_article(hash_of(i));
                prefix = prefix && !(has && missing);
                missing = missing || !has;
                stored += has ? 1 : 0;
            }
            CHECK(prefix); // committed batches, in order, nothing skipped
            if (status[which] == 0) {
                CHECK(stored == half); // a run that says it succeeded lost nothing
            } else {
                // Failing is allowed, clearly: the exit code for an unwritable output and the
                // reason; what it committed before stays.
                CHECK(status[which] == static_cast<int>(ExitCode::io_error));
                CHECK(log[which].find("eventmap ingest: ") != std::string::npos);
                CHECK(log[which].find("locked") != std::string::npos);
                CHECK(stored % batch_size == 0);
            }
        }
    }
}

// The viewer and export read while an ingest writes: every read sees whole committed batches
// (never an error, never a half batch), and the ingest completes with every article.
TEST_CASE("crash safety: an ingest while a reader reads one GeoPackage", "[store][gpkg][crash]") {
    test::index_option();
    const std::string dir = test::scratch_dir("crash_reader");
    const int half = article_count / 2;
    const std::string first = write_range(dir + "/first.jsonl", 0, half);
    const std::string second = write_range(dir + "/second.jsonl", half, article_count);
    const std::string target = dir + "/events.gpkg";
    for (const char* side : {"", "-journal", "-wal", "-shm"}) {
        fs::remove(target + side);
    }
    REQUIRE(test::wait_for_exit(start_ingest(first, target, dir + "/first.log")) == 0);
    const pid_t writer = start_ingest(second, target, dir + "/second.log");
    int reads = 0;
    std::uint64_t last = half;
    int status = -1;
    while (true) {
        int raw = 0;
        const pid_t done = waitpid(writer, &raw, WNOHANG);
        {
            store::EventStore reader(target, store::OpenMode::read);
            const std::uint64_t articles = reader.count_articles();
            std::uint64_t events = 0;
            reader.for_each_event({}, [&](const events::Event&) { ++events; });
            INFO("read " << reads << ": " << articles << " articles, " << events << " events");
            CHECK(articles >= last); // committed batches never disappear
            CHECK((articles % batch_size == 0 || articles == article_count));
            CHECK(events >= articles / 2); // the events of those articles are there with them
            last = articles;
            ++reads;
        }
        if (done == writer) {
            status = WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : WEXITSTATUS(raw);
            break;
        }
    }
    INFO("ingest: " << test::read_file(dir + "/second.log"));
    CHECK(status == 0);
    CHECK(reads > 1);
    store::EventStore s(target, store::OpenMode::read);
    CHECK(s.count_articles() == article_count);
    REQUIRE(integrity_check(target) == "ok");
}
