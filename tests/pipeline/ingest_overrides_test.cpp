// The viewer's place corrections reach later ingests: a place_overrides row ("this name, in
// this article, means this place", as view/correction_store.cpp writes it) moves the events of
// a later report of that article naming that place; other articles are left alone.
#include "common/gdal.hpp"
#include "events/extractor.hpp"
#include "geoparse/geoparse_support.hpp"
#include "pipeline/ingest.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

void ingest(const std::string& target, const std::vector<Article>& list) {
    static const events::EventExtractor extractor(test::default_geoparser());
    store::EventStore db(target, store::OpenMode::create);
    std::size_t next = 0;
    pipeline::ingest_articles(
        [&](Article& a) {
            if (next == list.size()) {
                return false;
            }
            a = list[next++];
            return true;
        },
        db, extractor, {});
}

Article article(const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.text = text;
    a.published = "2014-03-08";
    return a;
}

// What the viewer writes when a user moves an event whose place was written `name`.
void write_override(const std::string& path, const std::string& name, const std::string& article_id,
                    double lat, double lon) {
    GDALAllRegister();
    gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds != nullptr);
    OGRLayer* table = ds->CreateLayer("place_overrides", nullptr, wkbNone, nullptr);
    REQUIRE(table != nullptr);
    for (const auto& [column, type] :
         std::vector<std::pair<const char*, OGRFieldType>>{{"name", OFTString},
                                                           {"article_id", OFTString},
                                                           {"event_id", OFTString},
                                                           {"lat", OFTReal},
                                                           {"lon", OFTReal},
                                                           {"place", OFTString},
                                                           {"geonameid", OFTInteger64},
                                                           {"country_code", OFTString},
                                                           {"who", OFTString},
                                                           {"created_at", OFTString},
                                                           {"active", OFTInteger}}) {
        OGRFieldDefn field(column, type);
        REQUIRE(table->CreateField(&field) == OGRERR_NONE);
    }
    gdal::FeaturePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
    row->SetField("name", name.c_str());
    row->SetField("article_id", article_id.c_str());
    row->SetField("lat", lat);
    row->SetField("lon", lon);
    row->SetField("place", "Corrected Place");
    row->SetField("geonameid", static_cast<GIntBig>(0));
    row->SetField("country_code", "XX");
    row->SetField("active", 1);
    REQUIRE(table->CreateFeature(row.get()) == OGRERR_NONE);
}

} // namespace

TEST_CASE("ingest applies the viewer's place overrides to later reports", "[pipeline][store]") {
    const std::string dir = test::scratch_dir("ingest_overrides");
    const std::string path = dir + "/events.gpkg";
    ingest(path, {article("wire-1", "Shelling hit Homs on 2014-03-02, officials said.")});
    {
        store::EventStore s(path, store::OpenMode::read);
        REQUIRE(s.count_events() == 1);
    }
    write_override(path, "Homs", "wire-1", 12.5, 45.25);
    // The same article, updated (new text, so a new content hash), and another article.
    ingest(path, {article("wire-1", "Shelling hit Homs on 2014-03-03, officials said again."),
                  article("wire-2", "Shelling hit Homs on 2014-03-04, residents said.")});
    store::EventStore s(path, store::OpenMode::read);
    int corrected = 0;
    int untouched = 0;
    s.for_each_event({}, [&](const model::Event& e) {
        INFO(e.article_id << " " << model::iso_date(e) << " " << e.event_loc.resolved_place);
        if (e.article_id == "wire-1" && model::iso_date(e) == "2014-03-03") {
            CHECK(e.event_loc.resolved_place == "Corrected Place");
            CHECK(e.event_loc.position.lat == Approx(12.5));
            CHECK(e.event_loc.position.lon == Approx(45.25));
            CHECK(e.event_loc.basis == "override");
            ++corrected;
        } else {
            CHECK(e.event_loc.resolved_place != "Corrected Place");
            ++untouched;
        }
    });
    CHECK(corrected == 1);
    CHECK(untouched == 2);
}
