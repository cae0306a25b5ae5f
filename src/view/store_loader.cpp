#include "view/store_loader.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "mapdata/map_source.hpp"
#include "model/event_fields.hpp"
#include "view/gpkg_rows.hpp"
#include "view/source_columns.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace eventmap::view {

namespace {

enum class Dialect { sqlite, postgres };

// An opened store: the dataset, its events layer and the SQL dialect its driver speaks.
struct Store {
    gdal::DatasetPtr ds;
    std::string table, geometry;
    Dialect dialect = Dialect::sqlite;
    std::uint64_t rows = 0;
};

bool has_fields(OGRFeatureDefn& defn, std::initializer_list<const char*> names) {
    return std::all_of(names.begin(), names.end(),
                       [&](const char* n) { return defn.GetFieldIndex(n) >= 0; });
}

// The store's events layer, or nullopt for anything this reader does not know: only the
// project's own stores (GeoPackage or PostGIS with the store's columns) take the SQL path.
std::optional<Store> open_store(const std::string& source, const std::string& layer_name) {
    const bool postgres = source.rfind("PG:", 0) == 0;
    std::string low = source;
    std::transform(low.begin(), low.end(), low.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool gpkg = low.size() > 5 && low.compare(low.size() - 5, 5, ".gpkg") == 0;
    if (!postgres && !gpkg) {
        return std::nullopt;
    }
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    const char* drivers[] = {postgres ? "PostgreSQL" : "GPKG", nullptr};
    gdal::DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds) {
        return std::nullopt; // the generic loader opens it again and says what is wrong
    }
    const std::string name = layer_name.empty() ? "events" : layer_name;
    OGRLayer* layer = ds->GetLayerByName(name.c_str());
    if (layer == nullptr || layer->GetGeometryColumn() == nullptr ||
        *layer->GetGeometryColumn() == '\0' ||
        !has_fields(*layer->GetLayerDefn(),
                    {"id", "date", "enddate", "date_precision", "event", "quad_code", "planned",
                     "confidence", "radius_km", "sources", "country_code", "date_source", "actor",
                     "recipient", "resolved_place", "extracted_place"})) {
        return std::nullopt;
    }
    Store store;
    store.table = name;
    store.geometry = layer->GetGeometryColumn();
    store.dialect = postgres ? Dialect::postgres : Dialect::sqlite;
    // A GeoPackage keeps its row count (gpkg_ogr_contents): no scan. PostGIS counts.
    const GIntBig count = layer->GetFeatureCount(TRUE);
    store.rows = count > 0 ? static_cast<std::uint64_t>(count) : 0;
    store.ds = std::move(ds);
    return store;
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

// Rows of a query run by GDAL (PostGIS): the columns by the position of their alias in the
// query, whatever field index the driver gave them (GDAL turns a table's primary key into
// the feature id, not a field, and may do the same to an alias of it). Column 0 is the fid;
// in the map query columns 1 and 2 are x and y.
class OgrRows {
  public:
    OgrRows(GDALDataset& ds, const std::string& sql, const std::vector<std::string>& aliases,
            const std::string& source)
        : result_(ds, ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)), source_(source) {
        if (!result_) {
            throw InputError("cannot read the events (" + errors_.message() + ")", source);
        }
        for (const auto& a : aliases) {
            at_.push_back(result_->GetLayerDefn()->GetFieldIndex(a.c_str()));
        }
    }
    bool next() {
        feature_.reset(result_->GetNextFeature());
        if (!feature_ && errors_.has_error()) {
            throw InputError("cannot read the events: " + errors_.message(), source_);
        }
        return feature_ != nullptr;
    }
    std::int64_t fid() const {
        return at_[0] >= 0 ? feature_->GetFieldAsInteger64(at_[0]) : feature_->GetFID();
    }
    std::optional<std::pair<double, double>> point() const {
        if (!has(1) || !has(2)) {
            return std::nullopt;
        }
        return std::make_pair(real(1), real(2));
    }
    bool has(std::size_t k) const { return at_[k] >= 0 && feature_->IsFieldSetAndNotNull(at_[k]); }
    const char* text(std::size_t k) const {
        return has(k) ? feature_->GetFieldAsString(at_[k]) : "";
    }
    double real(std::size_t k, double fallback = 0) const {
        return has(k) ? feature_->GetFieldAsDouble(at_[k]) : fallback;
    }
    std::int64_t integer(std::size_t k) const {
        return has(k) ? feature_->GetFieldAsInteger64(at_[k]) : 0;
    }

  private:
    gdal::ErrorCapture errors_;
    gdal::ResultSet result_;
    std::string source_;
    std::vector<int> at_;
    gdal::FeaturePtr feature_;
};

// SELECT expr AS alias, ... for `columns` (expression, alias) pairs; the first is the fid.
std::string select_list(const std::vector<std::pair<std::string, std::string>>& columns,
                        std::vector<std::string>& aliases) {
    std::string sql;
    for (const auto& [expr, alias] : columns) {
        sql += sql.empty() ? "SELECT " : ", ";
        sql += expr;
        sql += " AS ";
        sql += alias;
        aliases.push_back(alias);
    }
    return sql;
}

// Hands every row to `row`; progress as documented in the header (false stops).
template <typename Rows, typename RowFn>
void scan(Rows& rows, std::uint64_t total, const LoadProgress& progress, RowFn&& row) {
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

std::string limit_clause(std::uint64_t max_events) {
    return max_events > 0 ? " LIMIT " + std::to_string(max_events) : std::string();
}

// The store's sources column is a JSON array of {"article_id": ..., ...}: the number of keys is
// the number of reports, and the ids (hashed) count the distinct articles, without parsing
// the sentences the objects also hold. The same count as the generic loader's.
std::uint16_t count_reports(const char* json, std::vector<std::uint64_t>& article_hashes) {
    static const char key[] = "\"article_id\"";
    std::uint32_t n = 0;
    for (const char* at = std::strstr(json, key); at != nullptr;
         at = std::strstr(at + sizeof key - 1, key)) {
        const char* id = at + sizeof key - 1;
        while (*id == ' ' || *id == ':') {
            ++id;
        }
        ++n;
        const char* close = *id == '"' ? std::strchr(id + 1, '"') : nullptr;
        if (close != nullptr) {
            article_hashes.push_back(std::hash<std::string_view>{}(
                std::string_view(id + 1, static_cast<std::size_t>(close - id - 1))));
        }
    }
    return static_cast<std::uint16_t>(std::clamp<std::uint32_t>(n, 1, 65535));
}

class TypeIndex {
  public:
    explicit TypeIndex(std::vector<std::string>& names) : names_(names) {}
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

std::optional<StoreMap> load_store_map(const std::string& source, const StoreLoadOptions& options,
                                       const LoadProgress& progress) {
    auto store = open_store(source, options.layer);
    if (!store) {
        return std::nullopt;
    }
    const std::string g = quoted(store->geometry);
    const bool sqlite = store->dialect == Dialect::sqlite;
    // Columns 3.. are the same in both queries; a GeoPackage hands the geometry blob (decoded
    // here), PostGIS x and y.
    std::vector<std::string> aliases;
    const std::string sql = select_list({{"fid", "ev_fid"},
                                         {sqlite ? g : "ST_X(" + g + ")", "ev_x"},
                                         {sqlite ? "NULL" : "ST_Y(" + g + ")", "ev_y"},
                                         {"date", "ev_date"},
                                         {"enddate", "ev_enddate"},
                                         {"date_precision", "ev_precision"},
                                         {"event", "ev_type"},
                                         {"quad_code", "ev_quad"},
                                         {"planned", "ev_planned"},
                                         {"confidence", "ev_confidence"},
                                         {"radius_km", "ev_radius"}},
                                        aliases) +
                            " FROM " + quoted(store->table) + " ORDER BY fid" +
                            limit_clause(options.max_events);
    mapdata::EventTable table;
    table.source = source;
    table.layer = store->table;
    table.data_source = "eventmap events";
    const std::uint64_t total =
        options.max_events > 0 ? std::min(options.max_events, store->rows) : store->rows;
    table.reserve(static_cast<std::size_t>(total));
    TypeIndex types(table.type_names);
    std::uint64_t rows = 0;
    const auto add = [&](const auto& r) {
        ++rows;
        const auto xy = r.point();
        const auto date = r.has(3) ? mapdata::parse_date(r.text(3)) : std::nullopt;
        if (!xy || !date || !std::isfinite(xy->first) || !std::isfinite(xy->second) ||
            std::abs(xy->first) > 180 || std::abs(xy->second) > 90) {
            ++table.skipped_rows;
            return;
        }
        mapdata::DayRange days = date->days;
        if (r.has(4)) {
            if (const auto end = mapdata::parse_date(r.text(4))) {
                days.last = std::max(days.first, end->days.last);
            }
        }
        table.fid.push_back(r.fid());
        table.lon.push_back(xy->first);
        table.lat.push_back(xy->second);
        table.day_start.push_back(days.first);
        table.day_end.push_back(days.last);
        table.precision.push_back(precision_of(r.text(5), date->precision));
        table.type.push_back(types.of(r.text(6)));
        const auto quad = r.integer(7);
        table.quad.push_back(
            static_cast<mapdata::QuadClass>(quad >= 1 && quad <= 4 ? static_cast<int>(quad) : 0));
        table.planned.push_back(r.integer(8) != 0 ? 1 : 0);
        table.confidence.push_back(static_cast<float>(r.real(9, 1.0)));
        table.radius_km.push_back(static_cast<float>(r.real(10)));
        // Reports per event come with the columns (read_store_columns): parsing every
        // sources list here would double the time to the first map.
        table.sources.push_back(1);
        if (rows == options.first_part && options.on_first_part && total > rows) {
            options.on_first_part(table);
        }
    };
    if (sqlite) {
        store->ds.reset(); // SQLite reads the file directly from here on
        SqliteRows r(source, sql);
        scan(r, total, progress, add);
    } else {
        OgrRows r(*store->ds, sql, aliases, source);
        scan(r, total, progress, add);
    }
    if (rows == 0) {
        throw InputError("layer '" + store->table + "' is empty: no events to draw", source);
    }
    if (table.size() == 0) {
        throw InputError("none of the " + std::to_string(rows) +
                             " rows has both a point and a readable date",
                         source);
    }
    table.shrink_to_fit();
    return StoreMap{std::move(table), store->rows};
}

bool read_store_columns(const std::string& source, const std::string& layer, EventTable& t,
                        const LoadProgress& progress, StoreReports* reports) {
    auto store = open_store(source, layer);
    if (!store) {
        return false;
    }
    std::vector<std::string> aliases;
    const std::string sql = select_list({{"fid", "ev_fid"},
                                         {"id", "ev_id"},
                                         {"country_code", "ev_country"},
                                         {"date_source", "ev_date_source"},
                                         {"actor", "ev_actor"},
                                         {"recipient", "ev_recipient"},
                                         {"resolved_place", "ev_resolved"},
                                         {"extracted_place", "ev_extracted"},
                                         {reports != nullptr ? "sources" : "NULL", "ev_sources"}},
                                        aliases) +
                            " FROM " + quoted(store->table) +
                            (t.size() > 0 ? " WHERE fid <= " + std::to_string(t.fid.back()) : "") +
                            " ORDER BY fid";
    // Rows follow fid order here and in the map table: a merge, not a search per row. The
    // bound stops at the last row the map table holds (it may hold the first N only).
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
        t.id[r] = c.text(1);
        t.country[r] = static_cast<std::uint16_t>(
            std::min<std::uint32_t>(interned(country_of, t.countries, c.text(2)), 65535));
        t.date_source[r] = static_cast<std::uint8_t>(
            std::min<std::uint32_t>(interned(source_of, t.date_sources, c.text(3)), 255));
        if (reports != nullptr) {
            reports->sources[r] = count_reports(c.text(8), article_hashes);
        }
        const char* resolved = c.text(6);
        t.place[r] = *resolved != '\0' ? resolved : c.text(7);
        for (std::size_t column : {4, 5}) {
            const char* names = c.text(column);
            if (*names != '\0') {
                for (const auto& name : model::split_names(names)) {
                    actors_of[r].push_back(t.actors.intern(name));
                }
            }
        }
    };
    if (store->dialect == Dialect::sqlite) {
        store->ds.reset();
        SqliteRows rows(source, sql);
        scan(rows, t.size(), progress, fill);
    } else {
        OgrRows rows(*store->ds, sql, aliases, source);
        scan(rows, t.size(), progress, fill);
    }
    t.actor_ids.clear();
    for (std::size_t r = 0; r < t.size(); ++r) {
        t.actor_ids.insert(t.actor_ids.end(), actors_of[r].begin(), actors_of[r].end());
        t.actor_offset[r + 1] = static_cast<std::uint32_t>(t.actor_ids.size());
    }
    if (reports != nullptr) {
        std::sort(article_hashes.begin(), article_hashes.end());
        reports->article_count = static_cast<std::uint64_t>(
            std::unique(article_hashes.begin(), article_hashes.end()) - article_hashes.begin());
    }
    if (progress) {
        progress(t.size(), t.size());
    }
    return true;
}

} // namespace eventmap::view
