// Merging against the stored events (issue 11): the same articles give the same events whether
// they are ingested in one run, in many small runs, or in a run killed midway and resumed, in
// GeoPackage and PostGIS alike; unlocated events never merge across articles.
#include "events/extractor.hpp"
#include "geoparse/geoparse_support.hpp"
#include "model/event_fields.hpp"
#include "pipeline/ingest.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <stdexcept>

using namespace eventmap;

namespace {

// Invented reports: one shelling told by three articles in different words, one protest told
// by two, an arrest without a place told by two (an unlocated event, if the extractor keeps
// one, stays one article's; tests/store/event_store_sources_test.cpp pins that down), and
// events of their own.
std::vector<Article> articles() {
    const std::vector<std::string> texts = {
        "Shelling hit Homs on 2014-03-02, killing five people, officials said.",
        "Protesters marched in Lyon on 2014-03-05 to demand lower rents.",
        "Heavy shelling hit Homs on 2014-03-02, a monitoring group reported.",
        "Police arrested three men on 2014-03-04, a spokesman said.",
        "Thousands of protesters marched in Lyon on 2014-03-05, organisers said.",
        "Shelling hit Aleppo on 2014-03-07, residents said.",
        "Police arrested three men on 2014-03-04 after a raid, the ministry said.",
        "Shelling hit Homs on 2014-03-02 for a second night, witnesses said.",
        "Protesters marched in Bonn on 2014-03-06 against the new road.",
    };
    std::vector<Article> out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Article a;
        a.id = "merge-" + std::to_string(i);
        a.text = texts[i];
        a.published = "2014-03-08";
        a.title = "Report " + std::to_string(i);
        out.push_back(a);
    }
    return out;
}

const events::EventExtractor& extractor() {
    static const events::EventExtractor e(test::default_geoparser());
    return e;
}

// Ingests articles [first, last); throws after `stop_after` articles when given (a run that
// dies midway: its open batch is never committed).
void ingest(const std::string& target, std::size_t first, std::size_t last, std::size_t batch,
            std::size_t stop_after = 0) {
    const std::vector<Article> all = articles();
    store::EventStore db(target, store::OpenMode::create);
    std::size_t next = first;
    pipeline::IngestOptions options;
    options.batch = batch;
    pipeline::ingest_articles(
        [&](Article& a) {
            if (stop_after != 0 && next - first == stop_after) {
                throw std::runtime_error("killed");
            }
            if (next == last) {
                return false;
            }
            a = all[next++];
            return true;
        },
        db, extractor(), options);
}

// Each stored event as a comparable line: id, type, place, dates, every source, count, actors.
std::multiset<std::string> events_of(const std::string& target) {
    store::EventStore db(target, store::OpenMode::read);
    std::multiset<std::string> out;
    db.for_each_event({}, [&](const model::Event& e) {
        std::set<std::string> sources;
        for (const auto& s : e.sources) {
            sources.insert(s.article_id + ":" + std::to_string(s.start) + "-" +
                           std::to_string(s.end));
        }
        std::string line = e.id + " " + model::to_string(e.event) + " " +
                           std::to_string(e.event_loc.geonameid) + " " + model::iso_date(e) +
                           " count=" + std::to_string(model::reports_of(e)) + " sources=";
        for (const auto& s : sources) {
            line += s + ",";
        }
        line += " actors=" + model::join_names(e.actor) + "|" + model::join_names(e.recipient);
        out.insert(line);
    });
    return out;
}

void check_same_events_however_batched(const std::string& kind) {
    const std::size_t n = articles().size();
    auto one_run = test::make_backend(kind, "merge_one_run");
    if (!one_run) {
        return;
    }
    ingest(one_run->target, 0, n, 200);
    const auto reference = events_of(one_run->target);
    std::uint64_t reports = 0;
    {
        store::EventStore db(one_run->target, store::OpenMode::read);
        db.for_each_event({}, [&](const model::Event& e) {
            reports += model::reports_of(e);
            if (e.event_loc.geonameid == 0) {
                CHECK(e.sources.size() == 1); // an unlocated event stays one article's
            }
        });
    }
    INFO("one run:\n"
         << [&] {
                std::string all;
                for (const auto& line : reference) {
                    all += line + "\n";
                }
                return all;
            }());
    CHECK(reports > reference.size()); // reports of one event from several articles merged

    auto many = test::make_backend(kind, "merge_many_runs");
    for (std::size_t i = 0; i < n; ++i) {
        ingest(many->target, i, i + 1, 1);
    }
    CHECK(events_of(many->target) == reference);

    auto killed = test::make_backend(kind, "merge_killed");
    CHECK_THROWS(ingest(killed->target, 0, n, 2, 5)); // dies in its third batch
    ingest(killed->target, 0, n, 2);                  // resumed: the first two batches skip
    CHECK(events_of(killed->target) == reference);
}

} // namespace

TEST_CASE("ingest merges into stored events however batched gpkg", "[pipeline][store][gpkg]") {
    check_same_events_however_batched("gpkg");
}

TEST_CASE("ingest merges into stored events however batched postgis",
          "[pipeline][store][postgis]") {
    check_same_events_however_batched("postgis");
}
