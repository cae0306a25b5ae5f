// Several writers into one PostGIS database (issue 13): four `eventmap ingest` processes, as on
// four machines, ingest overlapping article sets into one empty schema at once. All must exit
// 0; afterwards every article is stored exactly once and the events are those one ingest of
// the union gives (same count, same merge keys, same sources). Ten rounds, each on a fresh
// schema (so the writers also race to create the tables), half with one article per
// transaction and half with several (where batches can deadlock and are replayed).
#include "events/merge.hpp"
#include "geoparse/geoparse_support.hpp"
#include "store/store_test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>

using namespace eventmap;

namespace {

// Invented reports: each shelling told three ways and each protest two ways, over four months,
// so most events have reports in several writers' sets.
std::vector<std::string> article_lines() {
    const char* const shelled[] = {"Homs", "Aleppo", "Hama", "Mosul", "Kirkuk", "Basra"};
    const char* const shelling_dates[] = {"2014-01-12", "2014-02-03", "2014-02-20",
                                          "2014-03-09", "2014-04-01", "2014-04-22"};
    const char* const marched[] = {"Lyon", "Bonn", "Porto", "Ghent"};
    const char* const protest_dates[] = {"2014-01-25", "2014-02-14", "2014-03-30", "2014-04-11"};
    std::vector<std::string> texts;
    for (int i = 0; i < 6; ++i) {
        const std::string p = shelled[i];
        const std::string d = shelling_dates[i];
        texts.push_back("Shelling hit " + p + " on " + d +
                        ", killing four people, officials said.");
        texts.push_back("Heavy shelling hit " + p + " on " + d + ", a monitoring group reported.");
        texts.push_back("Shelling hit " + p + " on " + d + " for a second night, witnesses said.");
    }
    for (int i = 0; i < 4; ++i) {
        const std::string p = marched[i];
        const std::string d = protest_dates[i];
        texts.push_back("Protesters marched in " + p + " on " + d + " to demand lower rents.");
        texts.push_back("Thousands of protesters marched in " + p + " on " + d +
                        ", organisers said.");
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        lines.push_back(R"({"id":"w-)" + std::to_string(i) +
                        R"(","published":"2014-05-01","title":"Report )" + std::to_string(i) +
                        R"(","text":")" + texts[i] + "\"}\n");
    }
    return lines;
}

constexpr int writers = 4;

// Writer w's articles: three in four (each article is in three writers' sets), in an order of
// its own.
std::string write_set(const std::string& dir, int w) {
    const std::vector<std::string> all = article_lines();
    std::vector<std::string> mine;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (static_cast<int>(i % writers) != w) {
            mine.push_back(all[i]);
        }
    }
    std::rotate(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(w * 5 % mine.size()),
                mine.end());
    if (w % 2 == 1) {
        std::reverse(mine.begin(), mine.end());
    }
    const std::string path = dir + "/set" + std::to_string(w) + ".jsonl";
    std::ofstream out(path);
    for (const auto& line : mine) {
        out << line;
    }
    return path;
}

// Each stored event by merge key: its reports (source_count) and the articles of its sources.
std::multimap<std::string, std::string> events_by_key(const std::string& target) {
    store::EventStore db(target, store::OpenMode::read);
    std::multimap<std::string, std::string> out;
    db.for_each_event({}, [&](const model::Event& e) {
        std::set<std::string> articles;
        for (const auto& s : e.sources) {
            articles.insert(s.article_id);
        }
        std::string line = std::to_string(model::reports_of(e)) + " reports:";
        for (const auto& a : articles) {
            line += " " + a;
        }
        out.emplace(events::merge_key(e), line);
    });
    return out;
}

} // namespace

TEST_CASE("four ingest processes into one PostGIS database all succeed, nothing twice",
          "[store][postgis][concurrency]") {
    test::index_option(); // the default index, built once if missing
    const auto reference = test::make_backend("postgis", "pg_writers_reference");
    if (!reference) {
        return; // reported as skipped (make_backend)
    }
    const std::string dir = reference->dir;
    const std::string all = dir + "/all.jsonl";
    {
        std::ofstream out(all);
        for (const auto& line : article_lines()) {
            out << line;
        }
    }
    REQUIRE(test::wait_for_exit(
                test::spawn_ingest(all, reference->target, 200, dir + "/reference.log")) == 0);
    const auto expected = events_by_key(reference->target);
    std::uint64_t expected_mentions = 0;
    {
        store::EventStore db(reference->target, store::OpenMode::read);
        REQUIRE(db.count_articles() == article_lines().size());
        expected_mentions = db.count_mentions();
    }
    // Each shelling's three reports merged into one event (so the writers have merging to do).
    REQUIRE(std::count_if(expected.begin(), expected.end(),
                          [](const auto& e) { return e.second.rfind("3 reports:", 0) == 0; }) == 6);

    std::string sets[writers];
    for (int w = 0; w < writers; ++w) {
        sets[w] = write_set(dir, w);
    }
    for (int round = 0; round < 10; ++round) {
        const int batch = round % 2 == 0 ? 1 : 4;
        INFO("round " << round << ", " << batch << " article(s) per transaction");
        const auto backend = test::make_backend("postgis", "pg_writers_" + std::to_string(round));
        REQUIRE(backend);
        pid_t pids[writers];
        for (int w = 0; w < writers; ++w) {
            pids[w] = test::spawn_ingest(sets[w], backend->target, batch,
                                         dir + "/writer" + std::to_string(w) + ".log");
        }
        for (int w = 0; w < writers; ++w) {
            const int status = test::wait_for_exit(pids[w]);
            INFO("writer " << w << ": "
                           << test::read_file(dir + "/writer" + std::to_string(w) + ".log"));
            CHECK(status == 0);
        }
        store::EventStore db(backend->target, store::OpenMode::read);
        CHECK(db.count_articles() == article_lines().size());
        CHECK(db.count_mentions() == expected_mentions);
        const auto got = events_by_key(backend->target);
        CHECK(got.size() == expected.size()); // a duplicate event shows here first
        CHECK(got == expected);
    }
}
