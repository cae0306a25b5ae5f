#include "view/event_table.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace eventmap::view {

std::uint32_t StringTable::intern(const std::string& text) {
    const auto found = index_.find(text);
    if (found != index_.end()) {
        return found->second;
    }
    const auto index = static_cast<std::uint32_t>(texts_.size());
    texts_.push_back(text);
    index_.emplace(text, index);
    return index;
}

std::int64_t StringTable::find(const std::string& text) const {
    const auto found = index_.find(text);
    return found == index_.end() ? -1 : static_cast<std::int64_t>(found->second);
}

std::optional<Day> parse_iso_day(const std::string& text) {
    if (text.size() < 10) {
        return std::nullopt;
    }
    const auto range = parse_day_range(text.substr(0, 10));
    if (!range) {
        return std::nullopt;
    }
    return range->first;
}

void EventTable::reserve(std::size_t n) {
    for (auto* v : {&lat, &lon}) {
        v->reserve(n);
    }
    id.reserve(n);
    day_start.reserve(n);
    day_end.reserve(n);
    type.reserve(n);
    actor_offset.reserve(n + 1);
}

namespace {

std::string lower_ascii(const std::string& text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

template <class Int> Int narrow_index(std::uint32_t index) {
    // Tables past the column's width share the last slot rather than wrap onto another value.
    return static_cast<Int>(std::min<std::uint32_t>(index, std::numeric_limits<Int>::max()));
}

} // namespace

void EventTable::append(const events::Event& e, bool is_located, std::int64_t feature_id) {
    fid.push_back(feature_id);
    id.push_back(e.id);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    lat.push_back(is_located ? e.event_loc.position.lat : nan);
    lon.push_back(is_located ? e.event_loc.position.lon : nan);
    // The model's day numbers count from 1970-01-01 like the viewer's Day.
    const bool dated = model::has_date(e);
    const Day first = dated ? e.date : 1;
    const Day last = dated && e.enddate != model::no_day ? std::max(e.date, e.enddate) : first;
    day_start.push_back(first);
    day_end.push_back(dated ? last : 0);
    precision.push_back(e.date_precision == model::DatePrecision::year    ? Precision::year
                        : e.date_precision == model::DatePrecision::month ? Precision::month
                                                                          : Precision::day);
    type.push_back(narrow_index<std::uint16_t>(types.intern(model::to_string(e.event))));
    quad.push_back(static_cast<std::uint8_t>(model::quad_code(e.quad_code)));
    country.push_back(narrow_index<std::uint16_t>(countries.intern(e.event_loc.country_code)));
    date_source.push_back(
        narrow_index<std::uint8_t>(date_sources.intern(model::to_string(e.date_source))));
    planned.push_back(e.planned ? 1 : 0);
    confidence.push_back(static_cast<float>(e.confidence));
    corrected.push_back(0);
    for (const auto* names : {&e.actor, &e.recipient}) {
        for (const auto& name : *names) {
            actor_ids.push_back(actors.intern(name));
        }
    }
    actor_offset.push_back(static_cast<std::uint32_t>(actor_ids.size()));
    place.push_back(e.event_loc.resolved_place.empty() ? e.event_loc.extracted_place
                                                       : e.event_loc.resolved_place);
    search_text.push_back(lower_ascii(e.event_text) + "\n" + lower_ascii(e.article_title));
}

DayRange EventTable::day_extent() const {
    DayRange range{0, -1};
    bool any = false;
    for (std::size_t r = 0; r < size(); ++r) {
        if (day_start[r] > day_end[r]) {
            continue;
        }
        range.first = any ? std::min(range.first, day_start[r]) : day_start[r];
        range.last = any ? std::max(range.last, day_end[r]) : day_end[r];
        any = true;
    }
    return range;
}

std::string EventTable::date_text(Row r) const {
    if (day_start[r] > day_end[r]) {
        return {};
    }
    const std::string day = format_day(day_start[r]);
    const Precision p = r < precision.size() ? precision[r] : Precision::day;
    return p == Precision::year ? day.substr(0, 4) : p == Precision::month ? day.substr(0, 7) : day;
}

} // namespace eventmap::view
