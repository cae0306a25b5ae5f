#include "view/store_loader.hpp"

#include "common/error.hpp"
#include "mapdata/map_source.hpp"
#include "model/event_fields.hpp"
#include "store/event_columns_read.hpp"
#include "view/source_columns.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace eventmap::view {

namespace {

// A read of the store's events in fid order (store/event_columns_read.hpp); nullptr when the
// source is not an eventmap store.
std::unique_ptr<store::EventColumnReader>
open_reader(const std::string& source, const std::string& layer, std::vector<std::string> columns,
            bool point, std::uint64_t limit = 0, std::int64_t through_fid = 0,
            std::int64_t after_fid = 0, const std::vector<store::FidRange>& ranges = {}) {
    store::ColumnReadOptions options;
    for (const auto& r : ranges) {
        options.fid_ranges.emplace_back(r.first, r.last);
    }
    options.count_rows = ranges.empty();
    options.after_fid = after_fid;
    options.layer = layer;
    options.columns = std::move(columns);
    options.point = point;
    options.limit = limit;
    options.through_fid = through_fid;
    return store::EventColumnReader::open(source, options);
}

// Hands every row to `row`; progress as documented in the header (false stops).
template <typename RowFn>
void scan(store::EventColumnReader& rows, std::uint64_t total, const LoadProgress& progress,
          RowFn&& row) {
    std::uint64_t done = 0;
    while (rows.next()) {
        row(rows);
        if (++done % 16384 == 0 && progress && !progress(done, total)) {
            return;
        }
    }
}

mapdata::DatePrecision precision_of(const char* text, mapdata::DatePrecision fallback) {
    if (std::strcmp(text, "day") == 0) {
        return mapdata::DatePrecision::day;
    }
    if (std::strcmp(text, "month") == 0) {
        return mapdata::DatePrecision::month;
    }
    if (std::strcmp(text, "year") == 0) {
        return mapdata::DatePrecision::year;
    }
    return fallback;
}

class TypeIndex {
  public:
    // Names already in `names` keep their indices (a second half's names are merged into
    // the first's through this).
    explicit TypeIndex(std::vector<std::string>& names) : names_(names) {
        for (std::size_t i = 0; i < names.size() && i < 65535; ++i) {
            ids_.emplace(names[i], static_cast<std::uint16_t>(i));
        }
    }
    std::uint16_t of(const char* text) {
        std::string_view name = text == nullptr || *text == '\0' ? "(none)" : text;
        // Rows of one type come in runs often enough that the last answer is worth a compare.
        if (!names_.empty() && name == names_[last_]) {
            return last_;
        }
        const auto found = ids_.find(std::string(name));
        if (found != ids_.end()) {
            last_ = found->second;
            return found->second;
        }
        if (names_.size() >= 65535) {
            return 65534; // free text, not types: folded together as the generic loader does
        }
        const auto id = static_cast<std::uint16_t>(names_.size());
        names_.emplace_back(name);
        ids_.emplace(std::string(name), id);
        return id;
    }

  private:
    std::vector<std::string>& names_;
    std::unordered_map<std::string, std::uint16_t> ids_;
    std::uint16_t last_ = 0;
};

} // namespace

namespace {

// The map columns, in the order add_map_row reads them.
const std::vector<std::string> map_columns = {"date",       "enddate",   "date_precision",
                                              "event",      "quad_code", "planned",
                                              "confidence", "radius_km"};

// Appends one store row to the map table; false (counted as skipped) without a usable point
// or date.
template <typename Reader>
void add_map_row(const Reader& r, mapdata::EventTable& table, TypeIndex& types) {
    const auto xy = r.point();
    const auto date = r.has(0) ? mapdata::parse_date(r.text(0)) : std::nullopt;
    if (!xy || !date || !std::isfinite(xy->first) || !std::isfinite(xy->second) ||
        std::abs(xy->first) > 180 || std::abs(xy->second) > 90) {
        ++table.skipped_rows;
        return;
    }
    mapdata::DayRange days = date->days;
    if (r.has(1)) {
        if (const auto end = mapdata::parse_date(r.text(1))) {
            days.last = std::max(days.first, end->days.last);
        }
    }
    table.fid.push_back(r.fid());
    table.lon.push_back(xy->first);
    table.lat.push_back(xy->second);
    table.day_start.push_back(days.first);
    table.day_end.push_back(days.last);
    table.precision.push_back(precision_of(r.text(2), date->precision));
    table.type.push_back(types.of(r.text(3)));
    const auto quad = r.integer(4);
    table.quad.push_back(
        static_cast<mapdata::QuadClass>(quad >= 1 && quad <= 4 ? static_cast<int>(quad) : 0));
    table.planned.push_back(r.integer(5) != 0 ? 1 : 0);
    table.confidence.push_back(static_cast<float>(r.real(6, 1.0)));
    table.radius_km.push_back(static_cast<float>(r.real(7)));
    // Reports per event come with the columns (read_store_columns): parsing every sources
    // list here would double the time to the first map.
    table.sources.push_back(1);
}

// Appends `tail` (the rows after `table`'s, read on another thread with its own type names).
void append_part(mapdata::EventTable& table, const mapdata::EventTable& tail) {
    std::vector<std::uint16_t> type_of(tail.type_names.size());
    TypeIndex types(table.type_names);
    for (std::size_t i = 0; i < tail.type_names.size(); ++i) {
        type_of[i] = types.of(tail.type_names[i].c_str());
    }
    mapdata::append_rows(table, tail, type_of);
}

// The first row's fid; 0 when the store has none.
std::int64_t first_fid(const std::string& source, const std::string& layer) {
    const auto reader = open_reader(source, layer, {}, false, 1);
    return reader && reader->next() ? reader->fid() : 0;
}

} // namespace

// A large store is read in two halves by fid, the second on its own thread with its own
// connection (the reader allows any number at once): on two idle cores the map is there in
// about half the time, for the same CPU. The halves are split at first fid + rows / 2, which
// halves the rows when fids are dense (a store's are, ingest only appends); sparse fids only
// make the halves unequal. The first part shown early comes from the first half, in fid order
// as before.
std::optional<StoreMap> load_store_map(const std::string& source, const StoreLoadOptions& options,
                                       const LoadProgress& progress) {
    const auto reader = open_reader(source, options.layer, map_columns, true, options.max_events);
    if (!reader) {
        return std::nullopt;
    }
    const std::uint64_t in_store = reader->rows_in_store();
    const std::uint64_t total =
        options.max_events > 0 ? std::min(options.max_events, in_store) : in_store;
    // With a row limit the second half could not know where its rows end: one reader.
    const bool split = options.parallel_from > 0 && total >= options.parallel_from &&
                       (options.max_events == 0 || in_store <= total);
    std::int64_t middle = 0;
    if (split) {
        middle = first_fid(source, options.layer) + static_cast<std::int64_t>(total / 2) - 1;
    }
    std::atomic<std::uint64_t> done{0};
    std::atomic<bool> stopped{false};
    const auto report = [&](std::uint64_t rows) {
        const std::uint64_t now = done += rows;
        if (progress && !progress(std::min(now, total), total)) {
            stopped = true;
        }
        return !stopped.load();
    };
    // The second half, on its own thread.
    mapdata::EventTable tail;
    std::exception_ptr tail_error;
    std::thread second;
    // Started once the first part is out (or at once without one): on two busy cores the
    // first part, what the user sees first, is not slowed by the second half.
    const bool first_part_first =
        options.on_first_part && options.first_part > 0 && options.first_part < total / 2;
    const auto start_second = [&] {
        second = std::thread([&] {
            try {
                const auto rows =
                    open_reader(source, options.layer, map_columns, true, 0, 0, middle);
                tail.reserve(static_cast<std::size_t>(total - total / 2));
                TypeIndex types(tail.type_names);
                std::uint64_t n = 0;
                while (!stopped && rows != nullptr && rows->next()) {
                    add_map_row(*rows, tail, types);
                    if (++n % 16384 == 0 && !report(16384)) {
                        break;
                    }
                }
            } catch (...) {
                tail_error = std::current_exception();
                stopped = true;
            }
        });
    };
    if (split && !first_part_first) {
        start_second();
    }
    mapdata::EventTable table;
    table.source = source;
    table.layer = reader->layer();
    table.data_source = "eventmap events";
    table.reserve(static_cast<std::size_t>(total));
    TypeIndex types(table.type_names);
    std::uint64_t rows = 0;
    try {
        while (!stopped && reader->next()) {
            if (split && reader->fid() > middle) {
                break;
            }
            ++rows;
            add_map_row(*reader, table, types);
            if (rows == options.first_part && options.on_first_part && total > rows) {
                options.on_first_part(table);
                if (split && first_part_first) {
                    start_second();
                }
            }
            if (rows % 16384 == 0 && !report(16384)) {
                break;
            }
        }
    } catch (...) {
        stopped = true;
        if (second.joinable()) {
            second.join();
        }
        throw;
    }
    if (split && !second.joinable()) {
        start_second(); // sparse fids: the first half ended before its first part
    }
    if (second.joinable()) {
        second.join();
        if (tail_error) {
            std::rethrow_exception(tail_error);
        }
        rows += tail.size() + tail.skipped_rows;
        append_part(table, tail);
    }
    if (rows == 0) {
        throw InputError("layer '" + reader->layer() + "' is empty: no events to draw", source);
    }
    if (table.size() == 0) {
        throw InputError("none of the " + std::to_string(rows) +
                             " rows has both a point and a readable date",
                         source);
    }
    table.shrink_to_fit();
    return StoreMap{std::move(table), in_store};
}

namespace {

// Ranges per query: SQLite parses a chain of ORs as a tree no deeper than 1,000.
constexpr std::size_t ranges_per_query = 256;

// read_store_columns, over the rows in `ranges` when there are any.
bool read_columns(const std::string& source, const std::string& layer, EventTable& t,
                  const LoadProgress& progress, StoreReports* reports,
                  const std::vector<store::FidRange>& ranges) {
    // The bound stops at the last row the map table holds (it may hold the first N only).
    std::vector<std::string> columns = {"id",        "country_code",   "date_source",    "actor",
                                        "recipient", "resolved_place", "extracted_place"};
    if (reports != nullptr) {
        columns.emplace_back("sources");
    }
    // One reader per part of the ranges (all rows: one part), in fid order.
    std::vector<std::unique_ptr<store::EventColumnReader>> readers;
    for (std::size_t at = 0; at < ranges.size() || (ranges.empty() && readers.empty());
         at += ranges_per_query) {
        const std::vector<store::FidRange> part(
            ranges.begin() + static_cast<std::ptrdiff_t>(std::min(at, ranges.size())),
            ranges.begin() +
                static_cast<std::ptrdiff_t>(std::min(at + ranges_per_query, ranges.size())));
        readers.push_back(open_reader(source, layer, columns, false, 0,
                                      t.size() > 0 && ranges.empty() ? t.fid.back() : 0, 0, part));
        if (!readers.back()) {
            return false;
        }
    }
    // Rows follow fid order here and in the map table: a merge, not a search per row.
    std::vector<std::vector<std::uint32_t>> actors_of(t.size());
    std::size_t next = 0;
    std::unordered_map<std::string, std::uint32_t> country_of, source_of;
    std::vector<std::uint64_t> article_hashes;
    if (reports != nullptr) {
        reports->sources.assign(t.size(), 1);
    }
    const auto interned = [](std::unordered_map<std::string, std::uint32_t>& cache,
                             StringTable& table, const char* value) {
        const std::string key(value);
        const auto found = cache.find(key);
        if (found != cache.end()) {
            return found->second;
        }
        const std::uint32_t id = table.intern(key);
        cache.emplace(key, id);
        return id;
    };
    const auto fill = [&](const auto& c) {
        const std::int64_t fid = c.fid();
        while (next < t.size() && t.fid[next] < fid) {
            ++next;
        }
        const std::int64_t row = next < t.size() && t.fid[next] == fid
                                     ? static_cast<std::int64_t>(next)
                                     : row_of_fid(t, fid);
        if (row < 0) {
            return; // a row the map table skipped (no point or no date)
        }
        const auto r = static_cast<std::size_t>(row);
        next = r + 1;
        t.id[r] = c.text(0);
        t.country[r] = static_cast<std::uint16_t>(
            std::min<std::uint32_t>(interned(country_of, t.countries, c.text(1)), 65535));
        t.date_source[r] = static_cast<std::uint8_t>(
            std::min<std::uint32_t>(interned(source_of, t.date_sources, c.text(2)), 255));
        if (reports != nullptr) {
            reports->sources[r] = mapdata::count_sources(c.text(7), article_hashes);
        }
        const char* resolved = c.text(5);
        t.place[r] = *resolved != '\0' ? resolved : c.text(6);
        for (std::size_t column : {3, 4}) {
            const char* names = c.text(column);
            if (*names != '\0') {
                for (const auto& name : model::split_names(names)) {
                    actors_of[r].push_back(t.actors.intern(name));
                }
            }
        }
    };
    for (auto& reader : readers) {
        scan(*reader, t.size(), progress, fill);
    }
    t.actor_ids.clear();
    for (std::size_t r = 0; r < t.size(); ++r) {
        t.actor_ids.insert(t.actor_ids.end(), actors_of[r].begin(), actors_of[r].end());
        t.actor_offset[r + 1] = static_cast<std::uint32_t>(t.actor_ids.size());
    }
    if (reports != nullptr) {
        std::sort(article_hashes.begin(), article_hashes.end());
        article_hashes.erase(std::unique(article_hashes.begin(), article_hashes.end()),
                             article_hashes.end());
        reports->article_count = article_hashes.size();
        reports->article_hashes = std::move(article_hashes);
    }
    if (progress) {
        progress(t.size(), t.size());
    }
    return true;
}

} // namespace

bool read_store_columns(const std::string& source, const std::string& layer, EventTable& t,
                        const LoadProgress& progress, StoreReports* reports) {
    return read_columns(source, layer, t, progress, reports, {});
}

std::optional<StoreRows> load_store_rows(const std::string& source, const std::string& layer,
                                         const std::vector<store::FidRange>& ranges) {
    StoreRows out;
    out.map.source = source;
    out.map.data_source = "eventmap events";
    TypeIndex types(out.map.type_names);
    for (std::size_t at = 0; at < ranges.size(); at += ranges_per_query) {
        const std::vector<store::FidRange> part(
            ranges.begin() + static_cast<std::ptrdiff_t>(at),
            ranges.begin() +
                static_cast<std::ptrdiff_t>(std::min(at + ranges_per_query, ranges.size())));
        const auto reader = open_reader(source, layer, map_columns, true, 0, 0, 0, part);
        if (!reader) {
            return std::nullopt;
        }
        out.map.layer = reader->layer();
        while (reader->next()) {
            ++out.rows_read;
            add_map_row(*reader, out.map, types);
        }
    }
    out.table = table_from_map(out.map);
    if (out.map.size() == 0) {
        return out;
    }
    StoreReports reports;
    if (!read_columns(source, out.map.layer, out.table, {}, &reports, ranges)) {
        return std::nullopt;
    }
    out.map.sources = std::move(reports.sources);
    out.article_hashes = std::move(reports.article_hashes);
    return out;
}

} // namespace eventmap::view
