// The details panel's provenance (view/event_provenance.hpp) read from a store written through
// the store's API: every reporting sentence with its article, the date expression inside each,
// and the correction's who, when and previous place.
#include "mapdata/map_source.hpp"
#include "store_fixture.hpp"
#include "view/event_provenance.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

const std::string first_sentence = "Rockets hit a fuel depot in Lakeview on 3 March 2019.";
const std::string second_sentence = "A fuel depot in Lakeview burned on Sunday, officials said.";

// One event reported by two invented articles: the second dates it "on Sunday", which is
// 2019-03-03 against its publication on Monday 2019-03-04.
// Each test its own folder: CTest runs them in parallel processes.
std::string write_merged_store(const std::string& name) {
    std::string path = test::scratch_dir(name) + "/events.gpkg";
    auto e = test::fixture_event("ev-depot", "2019-03-03", "ASSAULT", 4, "Lakeview", 41.5, -81.7,
                                 "US", first_sentence);
    e.trigger = "hit";
    e.sources.push_back({"art-second", second_sentence, 0, second_sentence.size()});
    store::EventStore s(path, store::OpenMode::create);
    s.begin();
    test::add_fixture_article(s, e);
    store::ArticleRecord second;
    second.id = "art-second";
    second.content_hash = "hash-second";
    second.title = "Second invented report";
    second.url = "https://example.org/second";
    second.published = "2019-03-04";
    s.add_article(second, {}, {});
    s.commit();
    return path;
}

view::DetailFields fields_of(const std::string& path) {
    const auto table = mapdata::load_events(path);
    REQUIRE(table.size() == 1);
    view::DetailFields fields;
    for (auto& [name, value] : mapdata::load_details(table, table.fid[0])) {
        fields[name] = value;
    }
    return fields;
}

std::vector<std::string> marked(const std::string& sentence,
                                const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
    std::vector<std::string> out;
    out.reserve(spans.size());
    for (const auto& [begin, end] : spans) {
        out.push_back(sentence.substr(begin, end - begin));
    }
    return out;
}

} // namespace

TEST_CASE("details list every reporting sentence with its article", "[view][details]") {
    const std::string path = write_merged_store("provenance_reports");
    const auto fields = fields_of(path);
    const auto reports = view::source_reports(path, fields);
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].sentence == first_sentence);
    CHECK(reports[0].title == "Invented report ev-depot");
    CHECK(reports[0].published == "2019-03-03");
    CHECK(reports[1].sentence == second_sentence);
    CHECK(reports[1].title == "Second invented report");
    CHECK(reports[1].url == "https://example.org/second");
    CHECK(reports[1].published == "2019-03-04");
}

TEST_CASE("details mark the date expression that gives the event's date", "[view][details]") {
    const std::string path = write_merged_store("provenance_dates");
    const auto fields = fields_of(path);
    const auto reports = view::source_reports(path, fields);
    REQUIRE(reports.size() == 2);
    CHECK(marked(reports[0].sentence,
                 view::date_mentions(reports[0].sentence, fields, reports[0].published)) ==
          std::vector<std::string>{"3 March 2019"});
    const auto second = marked(reports[1].sentence, view::date_mentions(reports[1].sentence, fields,
                                                                        reports[1].published));
    REQUIRE(second.size() == 1);
    CHECK(second[0].find("Sunday") != std::string::npos);
    // Published a week later, "Sunday" names another day: nothing is marked.
    CHECK(view::date_mentions(reports[1].sentence, fields, "2019-03-11").empty());
    // A sentence with no date of the event's.
    CHECK(view::date_mentions("Talks resumed on 9 May 2019.", fields, "2019-05-09").empty());
}

TEST_CASE("details read who corrected an event, when, and its previous place", "[view][details]") {
    const std::string path = write_merged_store("provenance_correction");
    CHECK_FALSE(view::latest_correction(path, "ev-depot"));
    view::CorrectionStore corrections(path);
    view::PlaceChoice to;
    to.position = {41.4, -81.6};
    to.name = "Brookside";
    const auto record = corrections.apply("ev-depot", to, "tester");
    const auto read = view::latest_correction(path, "ev-depot");
    REQUIRE(read);
    CHECK(read->who == "tester");
    CHECK(read->at == record.at);
    CHECK(read->before.name == "Lakeview");
    CHECK(read->before.position.lat == Approx(41.5));
    CHECK(read->after.name == "Brookside");
    corrections.undo(record);
    CHECK_FALSE(view::latest_correction(path, "ev-depot"));
}
