// `eventmap eval dates`: the corpus readers and the TempEval-3 scores, on corpora we wrote.
#include "common/error.hpp"
#include "eval/dates_corpus.hpp"
#include "eval/dates_eval.hpp"
#include "eval/dates_scorer.hpp"
#include "eval/dates_xml.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace eventmap;
using namespace eventmap::eval;

TEST_CASE("the XML reader decodes entities and pairs self-closing tags", "[dates][eval]") {
    XmlReader reader("<?xml version='1.0'?><!DOCTYPE x><a k=\"1 &amp; 2\"><!-- c --><b/>"
                     "x&lt;&#233;&#x41;<![CDATA[<raw>]]></a>",
                     "t.xml");
    XmlEvent e;
    REQUIRE(reader.next(e));
    CHECK(e.name == "a");
    CHECK(e.attribute("k", "") == "1 & 2");
    REQUIRE(reader.next(e));
    CHECK((e.kind == XmlEvent::Kind::start && e.name == "b"));
    REQUIRE(reader.next(e));
    CHECK((e.kind == XmlEvent::Kind::end && e.name == "b"));
    REQUIRE(reader.next(e));
    CHECK(e.text == "x<\xC3\xA9"
                    "A");
    REQUIRE(reader.next(e));
    CHECK(e.text == "<raw>");
    REQUIRE(reader.next(e));
    CHECK(e.kind == XmlEvent::Kind::end);
    CHECK_FALSE(reader.next(e));
}

TEST_CASE("malformed XML is an input error with a line", "[dates][eval]") {
    auto drain = [](const char* xml) {
        XmlReader reader(xml, "bad.xml");
        XmlEvent e;
        while (reader.next(e)) {
        }
    };
    CHECK_THROWS_AS(drain("<a><b></a>"), InputError);
    CHECK_THROWS_AS(drain("<a>\n<b"), InputError);
    CHECK_THROWS_AS(drain("<a x=1></a>"), InputError);
    CHECK_THROWS_AS(drain("<a>"), InputError);
    CHECK_THROWS_WITH(drain("<a>\n\n</b>"), Catch::Contains("</b>"));
    try {
        drain("<a>\n\n</b>");
    } catch (const InputError& e) {
        CHECK(e.line() == 3);
    }
}

TEST_CASE("MEANTIME CAT files become text with gold spans", "[dates][eval]") {
    const GoldDocument doc = read_meantime(test::fixture("dates/mini-meantime.xml"));
    CHECK(doc.id == "9001");
    CHECK(doc.creation_time == "2013-09-13");
    CHECK(doc.text.substr(0, 29) == "Dam fails\nSeptember 13, 2013\n");
    REQUIRE(doc.timexes.size() == 4); // the implicit TIMEX3 has no tokens
    CHECK(doc.timexes[0].creation_time);
    CHECK(doc.text.substr(doc.timexes[2].byte_begin,
                          doc.timexes[2].byte_end - doc.timexes[2].byte_begin) == "two days");
    // Only up to the last sentence with any markable was annotated.
    CHECK(doc.text.substr(doc.annotated_end, 1) == "\n");
    CHECK(doc.text.find("Unannotated") > doc.annotated_end);
}

TEST_CASE("TimeML files become text with gold spans and the DCT", "[dates][eval]") {
    const GoldDocument doc = read_timeml(test::fixture("dates/mini.tml"));
    CHECK(doc.id == "9002");
    CHECK(doc.creation_time == "2013-09-13");
    REQUIRE(doc.timexes.size() == 4);
    CHECK(doc.text.substr(doc.timexes[0].byte_begin, 9) == "yesterday");
    CHECK(doc.sentences.size() == 3);
    CHECK_THROWS_AS(read_timeml(test::fixture("dates/broken.tml")), InputError);
}

TEST_CASE("TempEval-3 scores count strict, relaxed and value matches", "[dates][eval]") {
    GoldDocument gold;
    gold.text = "met on Friday for two days last month";
    gold.timexes = {{7, 13, "DATE", "2013-09-13", false}, // Friday
                    {18, 26, "DURATION", "P2D", false},   // two days
                    {27, 37, "DATE", "2013-08", false}};  // last month
    std::vector<dates::TimeExpression> system(3);
    system[0].byte_start = 7; // exact, right value
    system[0].byte_end = 13;
    system[0].value = "2013-09-13";
    system[1].byte_start = 14; // "for two days": overlaps only, right value
    system[1].byte_end = 26;
    system[1].value = "P2D";
    system[1].type = dates::TimexType::duration;
    system[2].byte_start = 0; // "met": spurious
    system[2].byte_end = 3;
    system[2].value = "2013";
    std::vector<TimexError> errors;
    const TimexCounts c = score_document(gold, system, false, &errors);
    CHECK(c.gold == 3);
    CHECK(c.system == 3);
    CHECK(c.strict == 1);
    CHECK(c.relaxed == 2);
    CHECK(c.value_correct == 2);
    CHECK(c.relaxed_prf().f1 == Approx(2.0 / 3.0));
    CHECK(c.value_prf().f1 == Approx(c.relaxed_prf().f1 * c.value_accuracy()));
    CHECK(errors.size() == 2); // one spurious, one missed
}

TEST_CASE("the evaluation runs end to end on a small corpus", "[dates][eval]") {
    DatesEvalOptions options;
    options.corpus = test::fixture("dates/mini.tml");
    options.format = CorpusFormat::timeml;
    options.timelines = test::fixture("dates/timelines");
    const DatesEvalReport r = evaluate_dates(options);
    CHECK(r.documents == 1);
    CHECK(r.all.gold == 4);
    CHECK(r.all.value_correct == 4);
    CHECK(r.all.strict == 4);
    CHECK(r.timeline.events == 1); // the undatable event is not counted
    CHECK(r.timeline.sentence_date == 1);
    CHECK(r.timeline.dct_only == 0);

    DatesEvalOptions meantime;
    meantime.corpus = test::fixture("dates/mini-meantime.xml");
    const DatesEvalReport m = evaluate_dates(meantime);
    CHECK(m.all.gold == 4);
    // "last month" is wrong in the gold on purpose (2013-07): the value score must say so.
    CHECK(m.all.relaxed == 4);
    CHECK(m.all.value_correct == 3);
    CHECK(m.inference_as_is.exact == 1);
    CHECK_THROWS_AS(
        evaluate_dates(DatesEvalOptions{"/nonexistent/corpus", CorpusFormat::timeml, "", false}),
        InputError);
}

TEST_CASE("the dev and test halves alternate over the sorted document ids", "[dates][eval]") {
    const std::string dir = test::fixture("dates/split");
    CHECK(detect_format(dir) == CorpusFormat::timeml);
    CHECK(detect_format(test::fixture("dates/mini-meantime.xml")) == CorpusFormat::meantime);
    CHECK(detect_format(test::fixture("dates/mini.tml")) == CorpusFormat::timeml);
    CHECK(half_of(0) == Half::dev);
    CHECK(half_of(1) == Half::test);
    CHECK(half_of(2) == Half::dev);

    DatesEvalOptions options;
    options.corpus = dir;
    options.format = CorpusFormat::timeml;
    options.show_errors = true;
    options.errors_from = Half::test;
    const DatesEvalReport r = evaluate_dates(options);
    REQUIRE(r.documents == 3);
    // DOC1 and DOC3 are dev, DOC2 is test, whatever the file order on disk.
    CHECK(r.dev_documents == 2);
    CHECK(r.test_documents == 1);
    CHECK(r.dev.gold == 4);
    CHECK(r.test.gold == 2);
    CHECK(r.all.gold == r.dev.gold + r.test.gold);
    CHECK(r.all.value_correct == r.dev.value_correct + r.test.value_correct);
    for (const std::string& line : r.error_lines) {
        CHECK(line.rfind("DOC2\t", 0) == 0); // only the test half's errors were asked for
    }

    std::ostringstream table;
    print_split_table(table, {{"split", r}});
    CHECK(table.str().find("  dev   2     4     ") != std::string::npos);
    CHECK(table.str().find("  test  1     2     ") != std::string::npos);
    CHECK(three_decimals(0.86649) == "0.866");
    CHECK(three_decimals(1.0) == "1.000");
}
