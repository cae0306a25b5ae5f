// Small event tables written in the test, for the view model's tests.
#pragma once

#include "events/event.hpp"
#include "gazetteer/build.hpp"
#include "support/test_support.hpp"
#include "view/event_table.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::test {

// The fixture gazetteer (tests/fixtures/gazetteer: a few invented-size towns at real places)
// built into scratch directory `name`; returns the index's path.
inline std::string build_fixture_gazetteer(const std::string& name) {
    gazetteer::BuildOptions options;
    options.sources.geonames = {fixture("gazetteer/geonames.txt")};
    options.sources.alternate_names = {fixture("gazetteer/alternateNames.txt")};
    options.sources.countries = fixture("gazetteer/countries.json");
    options.sources.country_shapes = fixture("gazetteer/country_shapes.geojson");
    options.sources.admin1 = fixture("gazetteer/admin1CodesASCII.txt");
    options.sources.states = fixture("gazetteer/states.json");
    options.sources.admin2 = fixture("gazetteer/admin2Codes.txt");
    options.sources.supplement = fixture("gazetteer/supplement.tsv");
    options.sources.aliases = fixture("gazetteer/aliases.tsv");
    options.index_path = scratch_dir(name) + "/gazetteer.emg";
    if (!gazetteer::build_index(options).index_written) {
        throw std::runtime_error("the fixture gazetteer was not written");
    }
    return options.index_path;
}

struct Row {
    std::string id, date, type;
    double lat, lon;
    int quad = 4;
    std::string country = "SY";
    std::vector<std::string> actors = {};
    std::string date_source = "explicit";
    bool planned = false;
    double confidence = 0.9;
    std::string text = "";
    std::string enddate = "";
    std::string precision = "day";
};

// A row dated to a day, month or year: its first day, last day ("" for one day) and precision.
inline Row dated_row(std::string id, std::string date, std::string end, std::string precision) {
    Row r{std::move(id), std::move(date), "X", 0, 0};
    r.enddate = std::move(end);
    r.precision = std::move(precision);
    return r;
}

inline view::EventTable make_table(const std::vector<Row>& rows) {
    view::EventTable table;
    std::int64_t fid = 1;
    for (const auto& r : rows) {
        events::Event e;
        e.id = r.id;
        model::set_iso_dates(e, r.date, r.enddate.empty() ? r.date : r.enddate, r.precision);
        e.event = model::parse_plover_type(r.type).value_or(model::PloverType::none);
        e.quad_code = model::parse_quad_code(r.quad).value_or(model::QuadClass::none);
        e.event_loc.position = {r.lat, r.lon};
        e.event_loc.country_code = r.country;
        e.event_loc.resolved_place = r.id + " place";
        e.actor = r.actors;
        e.date_source = model::parse_date_source(r.date_source).value_or(model::DateSource::none);
        e.planned = r.planned;
        e.confidence = r.confidence;
        e.event_text = r.text;
        table.append(e, true, fid++);
    }
    return table;
}

} // namespace eventmap::test
