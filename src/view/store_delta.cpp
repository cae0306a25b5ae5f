#include "view/store_delta.hpp"

#include "view/source_columns.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace eventmap::view {

namespace {

std::uint16_t map_type(mapdata::EventTable& map, const std::string& name) {
    const auto at = std::find(map.type_names.begin(), map.type_names.end(), name);
    if (at != map.type_names.end()) {
        return static_cast<std::uint16_t>(at - map.type_names.begin());
    }
    if (map.type_names.size() >= 65535) {
        return 65534; // folded together, as the loaders do
    }
    map.type_names.push_back(name);
    return static_cast<std::uint16_t>(map.type_names.size() - 1);
}

// Row `d` of `from` into row `r` of `map` (r == size: appended).
void put_map_row(mapdata::EventTable& map, std::size_t r, const mapdata::EventTable& from,
                 std::size_t d) {
    if (r == map.size()) {
        map.resize(r + 1);
        map.fid[r] = from.fid[d];
    }
    map.lon[r] = from.lon[d];
    map.lat[r] = from.lat[d];
    map.day_start[r] = from.day_start[d];
    map.day_end[r] = from.day_end[d];
    map.precision[r] = from.precision[d];
    map.type[r] = map_type(map, from.type_names[from.type[d]]);
    map.quad[r] = from.quad[d];
    map.sources[r] = d < from.sources.size() ? from.sources[d] : std::uint16_t{1};
    map.planned[r] = from.planned[d];
    map.confidence[r] = from.confidence[d];
    map.radius_km[r] = from.radius_km[d];
}

template <class Int> Int interned(StringTable& into, const StringTable& from, std::uint32_t at) {
    return static_cast<Int>(into.intern(from.text(at)));
}

// Row `d` of `from` into row `r` of `t` (r == size: appended), actors aside.
void put_row(EventTable& t, std::size_t r, const EventTable& from, std::size_t d) {
    if (r == t.size()) {
        t.fid.push_back(from.fid[d]);
        t.id.emplace_back();
        t.lat.push_back(0);
        t.lon.push_back(0);
        t.day_start.push_back(0);
        t.day_end.push_back(0);
        t.precision.push_back(Precision::day);
        t.type.push_back(0);
        t.quad.push_back(0);
        t.country.push_back(0);
        t.date_source.push_back(0);
        t.planned.push_back(0);
        t.confidence.push_back(1);
        t.corrected.push_back(0);
        t.place.emplace_back();
    }
    t.id[r] = from.id[d];
    t.lat[r] = from.lat[d];
    t.lon[r] = from.lon[d];
    t.day_start[r] = from.day_start[d];
    t.day_end[r] = from.day_end[d];
    t.precision[r] = from.precision[d];
    t.type[r] = interned<std::uint16_t>(t.types, from.types, from.type[d]);
    t.quad[r] = from.quad[d];
    t.country[r] = interned<std::uint16_t>(t.countries, from.countries, from.country[d]);
    t.date_source[r] =
        interned<std::uint8_t>(t.date_sources, from.date_sources, from.date_source[d]);
    t.planned[r] = from.planned[d];
    t.confidence[r] = from.confidence[d];
    t.place[r] = from.place[d];
}

// The actors of the rows: the held rows' own, the replaced and new rows' from `from` (by row of
// `from`, -1 for a row kept). Only new rows (nothing replaced): appended to the held arrays;
// else every row's again.
void rebuild_actors(EventTable& t, std::size_t held, const std::vector<std::int64_t>& source_of,
                    const EventTable& from, bool only_new) {
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> ids;
    std::size_t first = 0;
    if (only_new) {
        offsets = std::move(t.actor_offset);
        ids = std::move(t.actor_ids);
        first = held;
    }
    offsets.reserve(t.size() + 1);
    for (std::size_t r = first; r < t.size(); ++r) {
        const std::int64_t d = source_of[r];
        if (d < 0 && r < held) {
            ids.insert(ids.end(), t.actor_ids.begin() + t.actor_offset[r],
                       t.actor_ids.begin() + t.actor_offset[r + 1]);
        } else if (d >= 0) {
            const auto row = static_cast<std::size_t>(d);
            for (auto k = from.actor_offset[row]; k < from.actor_offset[row + 1]; ++k) {
                ids.push_back(t.actors.intern(from.actors.text(from.actor_ids[k])));
            }
        }
        offsets.push_back(static_cast<std::uint32_t>(ids.size()));
    }
    t.actor_offset = std::move(offsets);
    t.actor_ids = std::move(ids);
}

} // namespace

std::optional<DeltaCounts> apply_store_rows(mapdata::EventTable& map, EventTable& table,
                                            const mapdata::EventTable& rows_map,
                                            const EventTable& rows) {
    if (map.size() != table.size() || rows_map.size() != rows.size() ||
        !table.search_text.empty() || table.actor_offset.size() != table.size() + 1) {
        return std::nullopt;
    }
    // Where each row goes, decided before anything changes.
    const std::size_t held = table.size();
    const std::int64_t last = held > 0 ? table.fid.back() : 0;
    std::vector<std::pair<std::size_t, std::size_t>> replaced; // (held row, row of `rows`)
    std::size_t first_new = rows.size();
    for (std::size_t d = 0; d < rows.size(); ++d) {
        if (d > 0 && rows.fid[d] <= rows.fid[d - 1]) {
            return std::nullopt;
        }
        if (held == 0 || rows.fid[d] > last) {
            first_new = d;
            break;
        }
        const std::int64_t r = row_of_fid(table, rows.fid[d]);
        if (r < 0) {
            return std::nullopt;
        }
        replaced.emplace_back(static_cast<std::size_t>(r), d);
    }
    std::vector<std::int64_t> source_of(held + rows.size() - first_new, -1);
    for (const auto& [r, d] : replaced) {
        put_map_row(map, r, rows_map, d);
        put_row(table, r, rows, d); // corrected stays: the user's mark on this event
        source_of[r] = static_cast<std::int64_t>(d);
    }
    for (std::size_t d = first_new; d < rows.size(); ++d) {
        source_of[map.size()] = static_cast<std::int64_t>(d);
        put_map_row(map, map.size(), rows_map, d);
        put_row(table, table.size(), rows, d);
    }
    rebuild_actors(table, held, source_of, rows, replaced.empty());
    DeltaCounts counts{replaced.size(), rows.size() - first_new, {}};
    counts.replaced_rows.reserve(replaced.size());
    for (const auto& [r, d] : replaced) {
        counts.replaced_rows.push_back(r);
    }
    return counts;
}

} // namespace eventmap::view
