// The store opener on damaged GeoPackages: a store file that a crash, a bad disk or a person
// mangled. Every open must refuse with an eventmap::Error or give a store that reads to the end
// and (for one input in sixteen) takes or clearly refuses one more batch; nothing escapes,
// nothing crashes.
//
//   EVENTMAP_FUZZ_WRITE_SEEDS=DIR store_open_fuzz   writes a small store made by this build
//   into DIR and exits (scripts/fuzz does this, so the seed follows the schema).
#include "events/event.hpp"
#include "fuzz_support.hpp"
#include "store/event_store.hpp"

#include <cpl_error.h>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <gdal.h>

using namespace eventmap;

namespace {

events::Event sample_event(const std::string& article, int n) {
    events::Event e;
    e.id = article + "-e" + std::to_string(n);
    const std::string day = "2014-02-1" + std::to_string(n);
    model::set_iso_dates(e, day, day, "day");
    e.date_source = model::DateSource::explicit_date;
    e.event = model::PloverType::consult;
    e.quad_code = model::QuadClass::verbal_cooperation;
    e.trigger = "talks";
    e.actor = {"envoys"};
    e.confidence = 0.5;
    e.event_loc.extracted_place = "Springfield";
    e.event_loc.resolved_place = "Springfield";
    e.event_loc.geonameid = 4250542;
    e.event_loc.position = LatLon{39.8, -89.6};
    e.event_loc.country_code = "US";
    e.event_text = "Envoys held talks in Springfield.";
    e.article_id = article;
    e.sources = {{article, e.event_text, 0, 33}};
    return e;
}

void add_batch(store::EventStore& s, const std::string& id) {
    store::ArticleRecord a;
    a.id = id;
    a.content_hash = "hash-" + id;
    a.title = "Title " + id;
    a.published = "2014-02-14";
    store::MentionRecord m;
    m.start = 21;
    m.end = 32;
    m.text = m.name = "Springfield";
    m.position = LatLon{39.8, -89.6};
    m.type = "place";
    m.role = "location";
    s.begin();
    s.add_article(a, {sample_event(id, 1), sample_event(id, 2)}, {m});
    s.commit();
}

// SQLite's smallest pages, the file rewritten: the same store in 42 KB instead of 160 KB. Every
// execution writes the input out and opens it, and libFuzzer's inputs grow to the largest
// seed, so this one change took an execution from 7.2 to 2.7 CPU ms (README, "What CI runs").
// The store code never sets a page size, so the seed is as valid a store as the one written.
void compact(const std::string& path) {
    CPLErrorReset();
    const char* const gpkg_only[] = {"GPKG", nullptr};
    GDALDatasetH ds =
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, gpkg_only, nullptr, nullptr);
    if (ds == nullptr) {
        fuzz::escaped("the seed store does not reopen");
    }
    for (const char* sql : {"PRAGMA page_size = 512", "VACUUM"}) {
        if (OGRLayerH result = GDALDatasetExecuteSQL(ds, sql, nullptr, nullptr)) {
            GDALDatasetReleaseResultSet(ds, result);
        }
    }
    GDALClose(ds);
    if (CPLGetLastErrorType() >= CE_Failure) {
        fuzz::escaped(CPLGetLastErrorMsg());
    }
}

void write_seeds(const std::string& dir) {
    const std::string path = dir + "/store.gpkg";
    std::filesystem::remove(path);
    {
        store::EventStore s(path, store::OpenMode::create);
        add_batch(s, "a1");
        add_batch(s, "a2");
    }
    compact(path);
}

void exercise(const std::string& path) {
    {
        store::EventStore s(path, store::OpenMode::read);
        s.count_articles();
        s.count_mentions();
        s.for_each_event({}, [](const events::Event&) {});
        store::EventQuery q;
        q.from = "2014-02";
        q.bbox = store::BoundingBox{-100, 30, -80, 50};
        s.for_each_event(q, [](const events::Event&) {});
        s.find_event("a1-e1");
        s.find_article("hash-a1");
        s.mentions_of("a1");
    }
}

// Appending: a transaction, inserts, an R-tree update. The costliest step, run on a sample.
void append(const std::string& path) {
    store::EventStore s(path, store::OpenMode::append);
    add_batch(s, "fuzz");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("EVENTMAP_FUZZ_WRITE_SEEDS")) {
        write_seeds(dir);
        std::exit(0);
    }
    CPLSetErrorHandler(CPLQuietErrorHandler); // GDAL's own chatter is not a finding
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("store.gpkg", data, size);
    fuzz::expect_clean([&] { exercise(path); });
    if (fuzz::sampled(data, size, 16)) {
        fuzz::expect_clean([&] { append(path); });
    }
    return 0;
}
