// Findings of the fuzz targets on the events stage (tests/fuzz/), kept as tests that fail in
// the plain build too (its assertions are off, so replaying the input alone would pass there).
#include "events/events_support.hpp"
#include "events/extractor.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::model;
using namespace eventmap::test;

TEST_CASE("an event dated by a bare year spans that year", "[events][extractor][fuzz]") {
    // text_pipeline_fuzz (tests/fuzz/regressions/text_pipeline_fuzz/year-only-event-date): a
    // year value reached the model as "1991", which is no day, so the event lost its date (and
    // an assertion fired in sanitizer builds). A year is its first day to its last.
    // The input as found, its control bytes as spaces (it fails the same way with them).
    const auto events = default_extractor().extract(
        text_article("Protesters marched throu        gfield, Ill., on Friday.          embassy "
                     "in Damascus said Syrians had fled to Texas since the 1991s.\n"));
    int dated_by_year = 0;
    for (const auto& e : events) {
        if (e.date_precision == DatePrecision::year) {
            ++dated_by_year;
            CHECK(iso_date(e) == "1991-01-01");
            CHECK(iso_enddate(e) == "1991-12-31");
        }
    }
    CHECK(dated_by_year >= 1);
}
