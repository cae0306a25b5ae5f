// Gold corpus readers and the scorer (src/eval/geoparse_*), on small corpora written for the
// tests in each schema.
#include "common/error.hpp"
#include "eval/geoparse_corpus.hpp"
#include "eval/geoparse_scorer.hpp"
#include "geoparse_support.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace eventmap;
using namespace eventmap::test;

TEST_CASE("GeoVirus reader shifts offsets by one and tolerates a stray nested location",
          "[geoparse][eval]") {
    const auto xml = read_file(fixture("geoparse/mini_geovirus.xml"));
    CHECK(eval::detect_geo_corpus_format(xml) == eval::GeoCorpusFormat::geovirus);
    const auto corpus = eval::parse_geo_corpus(xml, eval::GeoCorpusFormat::geovirus, "mini");
    REQUIRE(corpus.articles.size() == 2);
    CHECK(corpus.toponyms == 5);
    CHECK(corpus.misaligned == 0);
    const auto& a = corpus.articles[0];
    REQUIRE(a.toponyms.size() == 4);
    CHECK(a.toponyms[0].name == "Nairobi");
    CHECK(a.toponyms[0].start == 18);
    CHECK(a.toponyms[2].name == "Mombasa");
    CHECK(corpus.articles[1].text.find("Atlantis & nobody") != std::string::npos);
}

TEST_CASE("LGL reader takes gaztag coordinates and skips toponyms without them",
          "[geoparse][eval]") {
    const auto xml = read_file(fixture("geoparse/mini_lgl.xml"));
    CHECK(eval::detect_geo_corpus_format(xml) == eval::GeoCorpusFormat::lgl);
    const auto corpus = eval::parse_geo_corpus(xml, eval::GeoCorpusFormat::lgl, "lgl");
    REQUIRE(corpus.articles.size() == 1);
    CHECK(corpus.articles[0].id == "101");
    CHECK(corpus.toponyms == 3);
    CHECK(corpus.without_coordinates == 1);
    CHECK(corpus.articles[0].toponyms[0].position.lat == Approx(33.66));
}

TEST_CASE("corpus reader reports malformed XML with file and line", "[geoparse][eval]") {
    const std::string xml = "<articles>\n<article><text>x</text>\n<locations><location>"
                            "<start>1</start></articles>";
    CHECK_THROWS_AS(eval::parse_geo_corpus(xml, eval::GeoCorpusFormat::geovirus, "bad.xml"),
                    InputError);
    const std::string no_span = "<articles><article><text>abc</text><locations><location>"
                                "<name>a</name><lat>1</lat><lon>2</lon></location></locations>"
                                "</article></articles>";
    try {
        eval::parse_geo_corpus(no_span, eval::GeoCorpusFormat::geovirus, "nospan.xml");
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(e.file() == "nospan.xml");
        CHECK(e.line() == 1);
    }
}

TEST_CASE("scorer counts misses as wrong end to end and far ones as wrong matched",
          "[geoparse][eval]") {
    eval::GoldArticle gold;
    gold.id = "g";
    gold.text = "In Alpha and Beta and Gamma.";
    gold.toponyms = {
        {3, 8, "Alpha", {10, 10}}, {13, 17, "Beta", {20, 20}}, {22, 27, "Gamma", {30, 30}}};
    std::vector<geoparse::Mention> predicted(3);
    predicted[0].start = 3;
    predicted[0].end = 8;
    predicted[0].position = {10.5, 10}; // 56 km off: right
    predicted[1].start = 13;
    predicted[1].end = 17;
    predicted[1].position = {25, 20}; // 556 km off: wrong
    predicted[2].start = 0;
    predicted[2].end = 2; // spurious
    predicted[2].position = {0, 0};
    eval::GeoparseScore score;
    std::vector<double> errors;
    std::vector<eval::GeoparseErrorRecord> records;
    eval::score_article(gold, predicted, errors, score, &records);
    eval::finish_score(errors, score);
    CHECK(score.gold == 3);
    CHECK(score.predicted == 3);
    CHECK(score.matched == 2);
    CHECK(score.within_161 == 1);
    CHECK(score.precision() == Approx(2.0 / 3));
    CHECK(score.recall() == Approx(2.0 / 3));
    CHECK(score.accuracy_matched() == Approx(0.5));
    CHECK(score.accuracy_end_to_end() == Approx(1.0 / 3));
    CHECK(score.median_error_km == Approx((55.6 + 556.0) / 2).epsilon(0.02));
    CHECK(records.size() == 4); // three gold outcomes and one spurious prediction
}

TEST_CASE("eval geoparse scores the geoparser on a corpus", "[geoparse][eval][cli]") {
    const auto r = run_eventmap("eval geoparse " + index_option() + "'" +
                                fixture("geoparse/mini_geovirus.xml") + "' --json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const nlohmann::json run = j["runs"]["geoparser"];
    CHECK(run["gold"] == 5);
    // Nairobi, Kenya, Mombasa, Springfield (IL) are found; the gold Damascus point is wrong
    // on purpose, so 4 of 5 at most are within 161 km.
    CHECK(run["recall"].get<double>() == Approx(1.0));
    CHECK(run["accuracy_161_end_to_end"].get<double>() <= 0.8 + 1e-9);
    CHECK(run["accuracy_161_end_to_end"].get<double>() >= 0.6 - 1e-9);
    const auto missing = run_eventmap("eval geoparse /nonexistent/corpus.xml");
    CHECK(missing.exit_code == 3);
}

TEST_CASE("GeoWebNews reader scores literal toponyms, not demonyms", "[geoparse][eval]") {
    const auto xml = read_file(fixture("geoparse/mini_gwn.xml"));
    CHECK(eval::detect_geo_corpus_format(xml) == eval::GeoCorpusFormat::gwn);
    const auto corpus = eval::parse_geo_corpus(xml, eval::GeoCorpusFormat::gwn, "gwn");
    REQUIRE(corpus.articles.size() == 1);
    CHECK(corpus.articles[0].id == "0");
    CHECK(corpus.toponyms == 2);
    CHECK(corpus.other_types == 1);
    CHECK(corpus.realigned == 0);
    CHECK(corpus.misaligned == 0);
    const auto score = eval::score_geoparser(default_geoparser(), corpus);
    CHECK(score.recall() == Approx(1.0));
    CHECK(score.accuracy_end_to_end() == Approx(1.0));
}
