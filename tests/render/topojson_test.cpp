// The basemap's own TopoJSON reader against GDAL's TopoJSON driver: the same features, names,
// polygons, rings and coordinates (exactly the same doubles), on world-atlas' files at every
// scale and on small topologies that exercise the joining rules.
#include "common/error.hpp"
#include "common/gdal.hpp"
#include "render/basemap_geometry.hpp"
#include "render/topojson.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <ogrsf_frmts.h>

using namespace eventmap;

namespace {

// GDAL's reading of `path`, layer `layer`, in the reader's shape.
std::vector<render::TopoFeature> read_with_gdal(const std::string& path, const std::string& layer) {
    gdal::register_drivers();
    auto* handle =
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    REQUIRE(handle != nullptr);
    gdal::DatasetPtr ds(GDALDataset::FromHandle(handle));
    OGRLayer* l = ds->GetLayerByName(layer.c_str());
    REQUIRE(l != nullptr);
    const int name_field = l->GetLayerDefn()->GetFieldIndex("name");
    std::vector<render::TopoFeature> out;
    for (auto& feature : *l) {
        auto& f = out.emplace_back();
        if (name_field >= 0 && feature->IsFieldSetAndNotNull(name_field)) {
            f.name = feature->GetFieldAsString(name_field);
        }
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g == nullptr) {
            continue;
        }
        std::vector<const OGRPolygon*> polygons;
        const auto type = wkbFlatten(g->getGeometryType());
        if (type == wkbPolygon) {
            polygons.push_back(g->toPolygon());
        } else if (type == wkbMultiPolygon) {
            for (const auto* part : *g->toMultiPolygon()) {
                polygons.push_back(part);
            }
        }
        for (const auto* polygon : polygons) {
            auto& p = f.polygons.emplace_back();
            for (const auto* ring : *polygon) {
                auto& r = p.rings.emplace_back();
                for (const auto& point : *ring) {
                    r.lon.push_back(point.getX());
                    r.lat.push_back(point.getY());
                }
            }
        }
    }
    return out;
}

// Counts what differs, so a failure says where rather than dumping megabytes.
void require_same(const std::vector<render::TopoFeature>& ours,
                  const std::vector<render::TopoFeature>& theirs) {
    REQUIRE(ours.size() == theirs.size());
    std::size_t points = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        INFO("feature " << i << " (" << theirs[i].name << ")");
        CHECK(ours[i].name == theirs[i].name);
        REQUIRE(ours[i].polygons.size() == theirs[i].polygons.size());
        for (std::size_t p = 0; p < ours[i].polygons.size(); ++p) {
            const auto& a = ours[i].polygons[p].rings;
            const auto& b = theirs[i].polygons[p].rings;
            REQUIRE(a.size() == b.size());
            for (std::size_t r = 0; r < a.size(); ++r) {
                INFO("polygon " << p << " ring " << r);
                REQUIRE(a[r].lon == b[r].lon); // exact: the same doubles
                REQUIRE(a[r].lat == b[r].lat);
                points += a[r].lon.size();
            }
        }
    }
    CHECK(points > 0);
}

} // namespace

TEST_CASE("the TopoJSON reader gives GDAL's geometry for every world-atlas file",
          "[render][basemap][topojson]") {
    const auto dir = render::default_world_atlas_dir();
    for (const std::string scale : {"110m", "50m", "10m"}) {
        for (const std::string layer : {"land", "countries"}) {
            const std::string path =
                dir + "/" + (layer == "land" ? "land-" : "countries-") + scale + ".json";
            INFO(path);
            require_same(render::read_topojson(path, layer), read_with_gdal(path, layer));
        }
    }
}

TEST_CASE("the TopoJSON reader joins arcs as GDAL does", "[render][basemap][topojson]") {
    const auto dir = test::scratch_dir("topojson_rules");
    // Two squares sharing an edge (arc 0), one using it reversed; a polygon with a hole; a
    // ring of two points (dropped), an empty MultiPolygon part and one whose only arc is out of
    // range (both dropped), a LineString (no polygons); the transform written before the arcs
    // in one file and after in the other, and a file without a transform (absolute
    // coordinates).
    const std::string objects =
        R"("objects":{"other":{"type":"GeometryCollection","geometries":[]},)"
        R"("shapes":{"type":"GeometryCollection","geometries":[)"
        R"({"type":"MultiPolygon","arcs":[[[0,1]],[],[[9]]],"properties":{"name":"west"}},)"
        R"({"type":"Polygon","arcs":[[-1,2],[3]],"properties":{"name":"east","pop":3}},)"
        R"({"type":"Polygon","arcs":[[4,99,18446744073709551615,-9223372036854775808]],"id":7},)"
        R"({"type":"LineString","arcs":[0],"properties":{"name":"line"}}]}})";
    const std::string quantized_arcs =
        R"("arcs":[[[10,0],[0,10]],[[10,10],[-10,0],[0,-10],[10,0]],)"
        R"([[10,0],[10,0],[0,10],[-10,0]],[[12,2],[0,4],[4,0],[0,-4],[-4,0]],)"
        R"([[1,1],[1,0]]])";
    const std::string transform = R"("transform":{"scale":[0.5,0.25],"translate":[-10,40]})";
    const std::string absolute_arcs =
        R"("arcs":[[[10.5,0],[10.5,10]],[[10.5,10],[0,10],[0,0],[10.5,0]],)"
        R"([[10.5,0],[20,0],[20,10],[10.5,10]],[[12,2],[12,6],[16,6],[16,2],[12,2]],)"
        R"([[1,1],[2,1]]])";
    const std::vector<std::pair<std::string, std::string>> files = {
        {"after",
         "{\"type\":\"Topology\"," + objects + "," + quantized_arcs + "," + transform + "}"},
        {"before",
         "{" + transform + ",\"type\":\"Topology\"," + quantized_arcs + "," + objects + "}"},
        {"absolute", "{\"type\":\"Topology\"," + absolute_arcs + "," + objects + "}"},
    };
    for (const auto& [name, text] : files) {
        const std::string path = dir + "/" + name + ".json";
        test::write_file(path, text);
        INFO(name);
        const auto ours = render::read_topojson(path, "shapes");
        require_same(ours, read_with_gdal(path, "shapes"));
        REQUIRE(ours.size() == 4);
        CHECK(ours[0].polygons.size() == 1); // the empty parts dropped
        CHECK(ours[0].polygons.at(0).rings.at(0).lon.size() == 5);
        CHECK(ours[1].polygons.at(0).rings.size() == 2);
        CHECK(ours[2].polygons.at(0).rings.empty()); // the 2-point ring dropped
        CHECK(ours[3].polygons.empty());
    }
}

TEST_CASE("a file that is not a TopoJSON topology is a clear error",
          "[render][basemap][topojson]") {
    const auto dir = test::scratch_dir("topojson_bad");
    for (const std::string text : {"{\"type\":\"Topology\",\"arcs\":[[[0,0]", "[1,2,3]",
                                   R"({"type":"FeatureCollection","features":[]})",
                                   R"({"type":"Topology","arcs":[],"objects":{}})"}) {
        const std::string path = dir + "/bad.json";
        test::write_file(path, text);
        INFO(text);
        CHECK_THROWS_AS(render::read_topojson(path, "land"), InputError);
    }
    CHECK_THROWS_AS(render::read_topojson(dir + "/missing.json", "land"), InputError);
}
