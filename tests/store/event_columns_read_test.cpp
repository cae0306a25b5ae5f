// The store's bulk column reader (store/event_columns_read.hpp): pages that join into the whole
// table, cancellation from another thread's flag, what is not a store, and the GeoPackage
// point decoder it reads geometries with.
#include "common/error.hpp"
#include "store/event_columns_read.hpp"
#include "store/gpkg_rows.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>

using namespace eventmap;
using test::sample_article;
using test::sample_event;

namespace {

// `articles` articles of two events each, the second of every third article typed CONSULT and
// reported by two articles' sentences.
std::string write_store(const std::string& name, int articles) {
    const std::string path = test::scratch_dir(name) + "/events.gpkg";
    store::EventStore s(path, store::OpenMode::create);
    s.begin();
    for (int a = 0; a < articles; ++a) {
        const std::string id = "art" + std::to_string(a);
        auto second = sample_event(id, 2, 10.0 + a, 20.0 + a, a % 3 == 0 ? "CONSULT" : "ASSAULT");
        if (a % 3 == 0) {
            second.sources.push_back({"other" + std::to_string(a), "Another report.", 0, 7});
        }
        s.add_article(sample_article(id), {sample_event(id, 1, -10.0 - a, -20.0 - a), second}, {});
    }
    s.commit();
    return path;
}

} // namespace

TEST_CASE("store columns read in pages join into the whole table", "[store][columns]") {
    const std::string path = write_store("store_columns_pages", 12); // 24 events
    const auto all = store::load_event_columns(path, {});
    REQUIRE(all);
    REQUIRE(all->size() == 24);
    CHECK(all->complete);
    CHECK_FALSE(all->more);
    CHECK(std::is_sorted(all->fid.begin(), all->fid.end()));
    CHECK(all->type_names == std::vector<std::string>{"ASSAULT", "CONSULT"});

    // Every value as the event read through the store's own API.
    store::EventStore s(path, store::OpenMode::read);
    for (std::size_t r = 0; r < all->size(); ++r) {
        const auto e = s.find_event(all->id[r]);
        REQUIRE(e);
        INFO(e->id);
        CHECK(all->lat[r] == Approx(e->event_loc.position.lat));
        CHECK(all->lon[r] == Approx(e->event_loc.position.lon));
        CHECK(all->date[r] == model::iso_date(*e));
        CHECK(all->enddate[r] == model::iso_enddate(*e));
        CHECK(all->precision[r] == static_cast<std::uint8_t>(e->date_precision));
        CHECK(all->type_names[all->type[r]] == model::to_string(e->event));
        CHECK(all->source_count[r] == e->sources.size());
    }

    // Pages of 10: 10, 10, 4, each starting after the last fid of the one before.
    store::ColumnReadOptions page;
    page.limit = 10;
    std::vector<std::int64_t> fids;
    std::vector<std::size_t> sizes;
    for (bool more = true; more;) {
        const auto part = store::load_event_columns(path, page);
        REQUIRE(part);
        sizes.push_back(part->size());
        fids.insert(fids.end(), part->fid.begin(), part->fid.end());
        page.after_fid = part->last_fid;
        more = part->more;
    }
    CHECK(sizes == std::vector<std::size_t>{10, 10, 4});
    CHECK(fids == all->fid);

    // A bounded page stops at through_fid.
    store::ColumnReadOptions head;
    head.through_fid = all->fid[4];
    CHECK(store::load_event_columns(path, head)->size() == 5);
}

TEST_CASE("store column reads stop when cancelled", "[store][columns]") {
    const std::string path = write_store("store_columns_cancel", 1500); // 3,000 events
    std::atomic<bool> cancel{true};
    store::ColumnReadOptions options;
    options.cancel = &cancel;
    const auto none = store::load_event_columns(path, options);
    REQUIRE(none);
    CHECK(none->size() == 0);
    CHECK_FALSE(none->complete);

    // Set half way, as a viewer's UI thread would: the read ends within the next 1,024 rows.
    cancel = false;
    options.columns = {"id"};
    const auto reader = store::EventColumnReader::open(path, options);
    REQUIRE(reader);
    CHECK(reader->rows_in_store() == 3000);
    std::uint64_t rows = 0;
    while (reader->next()) {
        if (++rows == 1500) {
            cancel = true;
        }
    }
    CHECK(reader->cancelled());
    CHECK(rows >= 1500);
    CHECK(rows < 1500 + 1024);

    cancel = false;
    const auto whole = store::load_event_columns(path, options);
    CHECK(whole->size() == 3000);
    CHECK(whole->complete);
}

TEST_CASE("store column reads leave what is not a store to others", "[store][columns]") {
    const std::string dir = test::scratch_dir("store_columns_other");
    test::write_file(dir + "/points.geojson", R"({"type":"FeatureCollection","features":[]})");
    CHECK_FALSE(store::EventColumnReader::open(dir + "/points.geojson", {}));
    CHECK_FALSE(store::EventColumnReader::open(dir + "/missing.gpkg", {}));
    CHECK_FALSE(std::filesystem::exists(dir + "/missing.gpkg"));
    {
        GDALAllRegister();
        GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
            (dir + "/roads.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        REQUIRE(ds != nullptr);
        ds->CreateLayer("events", nullptr, wkbPoint, nullptr);
        GDALClose(ds);
    }
    CHECK_FALSE(store::load_event_columns(dir + "/roads.gpkg", {}));

    // A store, but a column it does not have: an error, not a silent empty column.
    const std::string path = write_store("store_columns_missing", 1);
    store::ColumnReadOptions options;
    options.columns = {"id", "no_such_column"};
    CHECK_THROWS_AS(store::EventColumnReader::open(path, options), InputError);
}

TEST_CASE("GeoPackage point blobs decode with and without an envelope", "[store][columns]") {
    // "GP", version 0, flags, srs_id 4326, then the envelope and little-endian WKB.
    const auto blob = [](unsigned char flags, int envelope_doubles, bool big_endian,
                         std::uint32_t type) {
        std::vector<unsigned char> b = {'G', 'P', 0, flags, 0xE6, 0x10, 0, 0};
        b.resize(b.size() + static_cast<std::size_t>(envelope_doubles) * 8, 0);
        b.push_back(big_endian ? 0 : 1);
        for (int i = 0; i < 4; ++i) {
            b.push_back(static_cast<unsigned char>(type >> (8 * (big_endian ? 3 - i : i))));
        }
        for (double v : {36.2913, 33.5102}) {
            unsigned char bytes[8];
            std::memcpy(bytes, &v, 8);
            for (int i = 0; i < 8; ++i) {
                b.push_back(bytes[big_endian ? 7 - i : i]);
            }
        }
        return b;
    };
    const auto plain = blob(0x01, 0, false, 1);
    auto p = store::gpkg_point(plain.data(), plain.size());
    REQUIRE(p);
    CHECK(p->first == 36.2913);
    CHECK(p->second == 33.5102);
    const auto with_envelope = blob(0x03, 4, false, 1); // envelope code 1: minx maxx miny maxy
    p = store::gpkg_point(with_envelope.data(), with_envelope.size());
    REQUIRE(p);
    CHECK(p->second == 33.5102);
    const auto big = blob(0x01, 0, true, 1001); // big-endian WKB, a Z point's type code
    p = store::gpkg_point(big.data(), big.size());
    REQUIRE(p);
    CHECK(p->first == 36.2913);
    const auto empty = blob(0x11, 0, false, 1);
    CHECK_FALSE(store::gpkg_point(empty.data(), empty.size()));
    const auto line = blob(0x01, 0, false, 2);
    CHECK_FALSE(store::gpkg_point(line.data(), line.size()));
    CHECK_FALSE(store::gpkg_point(plain.data(), 12)); // cut short
}
