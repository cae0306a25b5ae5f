#include "common/error.hpp"
#include "gazetteer/country_shapes.hpp"
#include "gazetteer/sources.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>
#include <thread>

using namespace eventmap;
using namespace eventmap::gazetteer;
using eventmap::test::fixture;

namespace {
std::size_t errors_on_line(const Diagnostics& d, std::uint64_t line) {
    std::size_t n = 0;
    for (const auto& e : d.first_errors()) {
        n += e.line == line;
    }
    return n;
}
} // namespace

TEST_CASE("GeoNames table rows import, malformed rows are counted with their line", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    const std::size_t added =
        read_geonames_table(fixture("gazetteer/geonames.txt"), builder, index, diag);
    CHECK(added == 12);
    CHECK(diag.count() == 3);
    CHECK(errors_on_line(diag, 13) == 1); // wrong column count
    CHECK(errors_on_line(diag, 14) == 1); // bad latitude
    CHECK(errors_on_line(diag, 15) == 1); // invalid UTF-8
    CHECK(diag.first_errors()[0].file == fixture("gazetteer/geonames.txt"));
    const PlaceEntry& damascus = builder.place(index.geonames.at(170654));
    CHECK(damascus.name == "Damascus");
    CHECK(damascus.feature_code == "PPLC");
    CHECK(damascus.country == "SY");
    CHECK(damascus.population == 1569394);
    CHECK(damascus.position.lat == Approx(33.5102));
    CHECK(damascus.position.lon == Approx(36.29128));
    CHECK(damascus.alternate_names.size() == 4);
}

TEST_CASE("a missing source names the file and how to fetch it", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    try {
        read_geonames_table("/nonexistent/cities500.txt", builder, index, diag);
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(e.file() == "/nonexistent/cities500.txt");
        CHECK(std::string(e.what()).find("scripts/setup") != std::string::npos);
    }
}

TEST_CASE("alternateNames rows add names to loaded places only", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    read_geonames_table(fixture("gazetteer/geonames.txt"), builder, index, diag);
    Diagnostics alt_diag;
    const std::size_t added = read_geonames_alternate_names(fixture("gazetteer/alternateNames.txt"),
                                                            builder, index, alt_diag);
    CHECK(added == 3);            // en + abbr for Damascus, fr for Paris; link and unknown skipped
    CHECK(alt_diag.count() == 1); // "notanumber"
}

TEST_CASE("world-countries records become countries with demonyms", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    const std::size_t added =
        read_world_countries(fixture("gazetteer/countries.json"), builder, index, diag);
    CHECK(added == 5);
    CHECK(diag.count() == 1); // the record without latlng
    const PlaceEntry& syria = builder.place(index.countries.at("SY"));
    CHECK(syria.precision == Precision::country);
    CHECK(syria.feature_code == "PCLI");
    CHECK(syria.id == country_id_base + 760);
    CHECK(syria.position.lat == Approx(35.0));
    CHECK(builder.place(index.countries.at("LB")).feature_code == "PCLI"); // null independent
}

TEST_CASE("first-level divisions join GeoNames names with state coordinates", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    read_geonames_table(fixture("gazetteer/geonames.txt"), builder, index, diag);
    Diagnostics admin_diag;
    read_admin1(fixture("gazetteer/admin1CodesASCII.txt"), fixture("gazetteer/states.json"),
                builder, index, admin_diag);
    CHECK(admin_diag.count() == 1); // "bad line without tabs"
    const PlaceEntry& texas = builder.place(index.admin1.at("US.TX"));
    CHECK(texas.iso3166_2 == "US-TX");
    CHECK(texas.position.lat == Approx(31.9686));
    CHECK(texas.id == 4736286);
    // Maryland has no state row: it sits at the centre of its places.
    const PlaceEntry& maryland = builder.place(index.admin1.at("US.MD"));
    CHECK(maryland.position.lat == Approx(39.28844).margin(0.01));
    // A state row placed on another continent is not believed: the division's own places are.
    Diagnostics country_diag;
    IndexBuilder b3;
    SourceIndex i3;
    read_geonames_table(fixture("gazetteer/geonames.txt"), b3, i3, country_diag);
    read_world_countries(fixture("gazetteer/countries.json"), b3, i3, country_diag);
    read_admin1(fixture("gazetteer/admin1CodesASCII.txt"), fixture("gazetteer/states.json"), b3, i3,
                country_diag);
    const PlaceEntry& illinois = b3.place(i3.admin1.at("US.IL"));
    CHECK(illinois.iso3166_2 == "US-IL");
    CHECK(illinois.position.lat == Approx(41.88753).margin(0.01)); // Geneva, Ill., its one place
    // "Damascus Governorate" is not "Dimashq": no false join; Rif Dimashq joins by name.
    CHECK(builder.place(index.admin1.at("SY.08")).iso3166_2 == "SY-RD");

    SECTION("the JSON names file reads the same way") {
        IndexBuilder b2;
        SourceIndex i2;
        Diagnostics d2;
        read_admin1(fixture("gazetteer/admin1.json"), "", b2, i2, d2);
        CHECK(d2.count() == 1);               // "nocode"
        CHECK(i2.admin1.count("US.KY") == 0); // no coordinates anywhere: skipped
    }
}

TEST_CASE("second-level divisions sit at the centre of their places", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    read_geonames_table(fixture("gazetteer/geonames.txt"), builder, index, diag);
    const std::size_t before = builder.size();
    Diagnostics d;
    const std::size_t added = read_admin2(fixture("gazetteer/admin2Codes.txt"), builder, d);
    CHECK(added == 1); // Montgomery County (Damascus, Md. is in it); the others have no places
    CHECK(builder.place(static_cast<std::uint32_t>(before)).name == "Montgomery County");
    CHECK(builder.place(static_cast<std::uint32_t>(before)).position.lat ==
          Approx(39.28844).margin(0.001));
}

TEST_CASE("second-level divisions are also known by their bare names", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    read_geonames_table(fixture("gazetteer/geonames.txt"), builder, index, diag);
    const std::size_t before = builder.size();
    // Invented names on the code of a fixture county (it holds a fixture town): a prefix and
    // a suffix naming the unit's kind come off; "County" stays (US news writes it).
    const std::string dir = eventmap::test::scratch_dir("bare_division_names");
    const std::string path = dir + "/admin2Codes.txt";
    eventmap::test::write_file(path, "US.MD.031\tProvince of Quorvant\tProvince of Quorvant\t0\n"
                                     "US.MD.031\tBelvanne District\tBelvanne District\t0\n"
                                     "US.MD.031\tOstrey County\tOstrey County\t0\n");
    Diagnostics d;
    REQUIRE(read_admin2(path, builder, d) == 3);
    const auto names = [&](std::size_t i) {
        return builder.place(static_cast<std::uint32_t>(before + i)).alternate_names;
    };
    CHECK(std::find(names(0).begin(), names(0).end(), "Quorvant") != names(0).end());
    CHECK(std::find(names(1).begin(), names(1).end(), "Belvanne") != names(1).end());
    CHECK(std::find(names(2).begin(), names(2).end(), "Ostrey") == names(2).end());
}

TEST_CASE("supplement and aliases rows import and bad rows are reported", "[sources]") {
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    read_world_countries(fixture("gazetteer/countries.json"), builder, index, diag);
    Diagnostics d;
    const std::size_t added =
        read_supplement(fixture("gazetteer/supplement.tsv"), builder, index, d);
    CHECK(added == 3);
    CHECK(d.count() == 3);
    const PlaceEntry& barzeh = builder.place(index.supplement.at("barzeh"));
    CHECK(barzeh.precision == Precision::district);
    CHECK(barzeh.radius_km == Approx(2.0));
    CHECK(barzeh.source == Source::supplement);

    Diagnostics a;
    const std::size_t aliases = read_aliases(fixture("gazetteer/aliases.tsv"), builder, index, a);
    CHECK(aliases == 3); // Ky. needs admin1, not loaded here
    CHECK(a.count() == 3);
}

TEST_CASE("a project TSV with the wrong header is refused", "[sources]") {
    const std::string dir = eventmap::test::scratch_dir("bad_header");
    eventmap::test::write_file(dir + "/aliases.tsv", "name\tkind\n");
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics d;
    CHECK_THROWS_AS(read_aliases(dir + "/aliases.tsv", builder, index, d), InputError);
}

TEST_CASE("country points come from the largest part of their Natural Earth shape", "[sources]") {
    Diagnostics diag;
    const auto shapes = read_country_shapes(fixture("gazetteer/country_shapes.geojson"), diag);
    CHECK(diag.count() == 1); // the feature without geometry
    CHECK(shapes.count("-99") == 0);
    REQUIRE(shapes.count("760") == 1);
    // The mainland box's centroid, not the islet's (a second feature with the same code).
    CHECK(shapes.at("760").point.lat == Approx(35.0));
    CHECK(shapes.at("760").point.lon == Approx(38.5));

    IndexBuilder builder;
    SourceIndex index;
    Diagnostics d;
    read_world_countries(fixture("gazetteer/countries.json"), builder, index, d, &shapes);
    CHECK(builder.place(index.countries.at("SY")).position.lon == Approx(38.5));
    // A shape far from the table's point (a wrong or wrapped polygon) is not trusted.
    CHECK(builder.place(index.countries.at("CH")).position.lat == Approx(47.0));
}

TEST_CASE("a directory or a device as a gazetteer source is refused by name",
          "[sources][hostile]") {
    const std::string dir = test::scratch_dir("sources_hostile");
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    auto refusal = [&](const std::string& path) {
        try {
            read_geonames_table(path, builder, index, diag);
        } catch (const InputError& e) {
            CHECK(e.file() == path);
            return std::string(e.what());
        }
        FAIL("expected InputError for " + path);
        return std::string();
    };
    CHECK(refusal(dir).find("is a directory") != std::string::npos);
    CHECK(refusal("/dev/zero").find("device") != std::string::npos);
    CHECK_THROWS_AS(read_world_countries("/dev/urandom", builder, index, diag), InputError);
    CHECK_THROWS_AS(read_country_shapes(dir, diag), InputError);

    // A file growing while read: the sources read through LineInput, tested with it in
    // tests/common/input_file_test.cpp.
}

TEST_CASE("a gazetteer source given as a FIFO is read as a stream", "[sources][hostile]") {
    const std::string dir = test::scratch_dir("sources_fifo");
    const std::string fifo = dir + "/cities.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::ofstream out(fifo);
        out << "5\tKaro\tKaro\t\t10.0\t20.0\tP\tPPL\tSY\t\t01\t\t\t\t100\t\t5\tAsia\t2020-01-01\n";
        out << "6\tVosel\tVosel\t\t11.0\t21.0\tP\tPPL\tSY\t\t01\t\t\t\t100\t\t5\tAsia\t2020-01-"
               "01\n";
    });
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    const std::size_t added = read_geonames_table(fifo, builder, index, diag);
    writer.join();
    CHECK(added == 2);
    CHECK(diag.count() == 0);
    CHECK(builder.place(index.geonames.at(6)).name == "Vosel");
}
