// The GDAL wrapper: errors are captured per scope instead of printed, scopes nest, literals
// are quoted.
#include "common/gdal.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("gdal errors are captured by the innermost scope", "[common]") {
    gdal::register_drivers();
    gdal::ErrorCapture outer;
    {
        gdal::ErrorCapture inner;
        CPLError(CE_Failure, CPLE_AppDefined, "first\nline");
        CPLError(CE_Warning, CPLE_AppDefined, "only a warning");
        CPLError(CE_Failure, CPLE_AppDefined, "first\nline"); // repeated: reported once
        CPLError(CE_Failure, CPLE_AppDefined, "second");
        CHECK(inner.has_error());
        CHECK(inner.message() == "first line; second");
        inner.clear();
        CHECK_FALSE(inner.has_error());
        CHECK(inner.message("nothing") == "nothing");
    }
    CHECK_FALSE(outer.has_error());
    gdal::DatasetPtr missing(
        GDALDataset::Open("/nonexistent/eventmap.gpkg", GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR));
    CHECK_FALSE(missing);
    CHECK(outer.has_error());
    CHECK_THAT(outer.message(), Catch::Contains("/nonexistent/eventmap.gpkg"));
}

TEST_CASE("sql literals double their quotes", "[common]") {
    CHECK(gdal::sql_literal("plain") == "'plain'");
    CHECK(gdal::sql_literal("O'Brien") == "'O''Brien'");
    CHECK(gdal::sql_literal("") == "''");
}
