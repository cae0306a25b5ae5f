#include "store/event_columns_read.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "model/event.hpp"
#include "store/gpkg_rows.hpp"
#include "store/pg_connection.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace eventmap::store {

namespace {

// Columns that make a table an eventmap store's events, for the read path to trust.
constexpr const char* store_columns[] = {
    "id",      "date",       "enddate",        "date_precision", "event",        "quad_code",
    "planned", "confidence", "radius_km",      "sources",        "country_code", "date_source",
    "actor",   "recipient",  "resolved_place", "extracted_place"};

bool ends_with_gpkg(const std::string& source) {
    std::string low = source;
    std::transform(low.begin(), low.end(), low.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return low.size() > 5 && low.compare(low.size() - 5, 5, ".gpkg") == 0;
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

// The store's events layer, opened with GDAL to check what it is; empty `table` when the
// source is not an eventmap store.
struct StoreInfo {
    gdal::DatasetPtr ds;
    std::string table, geometry;
    std::string from; // the table as the query names it: in its schema on PostgreSQL
    bool postgres = false;
    std::uint64_t rows = 0;
};

std::optional<StoreInfo> inspect(const std::string& source, const ColumnReadOptions& options) {
    const bool postgres = source.rfind("PG:", 0) == 0;
    if (!postgres && !ends_with_gpkg(source)) {
        return std::nullopt;
    }
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    const char* drivers[] = {postgres ? "PostgreSQL" : "GPKG", nullptr};
    gdal::DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds) {
        return std::nullopt; // a generic loader opens it again and says what is wrong
    }
    const std::string name = options.layer.empty() ? "events" : options.layer;
    OGRLayer* layer = ds->GetLayerByName(name.c_str());
    if (layer == nullptr || layer->GetGeometryColumn() == nullptr ||
        *layer->GetGeometryColumn() == '\0') {
        return std::nullopt;
    }
    OGRFeatureDefn& defn = *layer->GetLayerDefn();
    const auto has = [&](const std::string& column) {
        return defn.GetFieldIndex(column.c_str()) >= 0;
    };
    if (!std::all_of(std::begin(store_columns), std::end(store_columns), has)) {
        return std::nullopt;
    }
    for (const auto& column : options.columns) {
        if (!has(column)) {
            throw InputError("the events have no column '" + column + "'", source);
        }
    }
    StoreInfo info;
    info.table = name;
    info.from = quoted(name);
    if (postgres) {
        // GDAL found the layer in the store's schema (or in the one a dotted name gives);
        // the query names that schema rather than trust the search path.
        const auto dot = name.find('.');
        try {
            info.from = dot == std::string::npos
                            ? pg_ident(pg_schema_of(*ds)) + "." + quoted(name)
                            : quoted(name.substr(0, dot)) + "." + quoted(name.substr(dot + 1));
        } catch (const PgError& e) {
            throw InputError("cannot read the events (" + std::string(e.what()) + ")", source);
        }
    }
    info.geometry = layer->GetGeometryColumn();
    info.postgres = postgres;
    // A GeoPackage keeps its row count (gpkg_ogr_contents): no scan. PostGIS counts.
    const GIntBig count = options.count_rows ? layer->GetFeatureCount(TRUE) : 0;
    info.rows = count > 0 ? static_cast<std::uint64_t>(count) : 0;
    info.ds = std::move(ds);
    return info;
}

// SELECT fid, x-or-blob, y-or-NULL, columns... FROM table WHERE (page) ORDER BY fid LIMIT n.
// Aliases name every column so the PostGIS path finds them whatever GDAL does with the fid.
std::string page_query(const StoreInfo& info, const ColumnReadOptions& options) {
    const std::string g = quoted(info.geometry);
    std::string sql = "SELECT fid AS ev_fid, ";
    if (!options.point) {
        sql += "NULL AS ev_x, NULL AS ev_y";
    } else if (info.postgres) {
        sql += "ST_X(" + g + ") AS ev_x, ST_Y(" + g + ") AS ev_y";
    } else {
        sql += g + " AS ev_x, NULL AS ev_y"; // the GeoPackage blob, decoded by gpkg_point
    }
    for (std::size_t k = 0; k < options.columns.size(); ++k) {
        sql += ", " + quoted(options.columns[k]) + " AS ev_c" + std::to_string(k);
    }
    sql += " FROM " + info.from;
    std::string where;
    if (options.after_fid > 0) {
        where = "fid > " + std::to_string(options.after_fid);
    }
    if (options.through_fid > 0) {
        where += (where.empty() ? "" : " AND ") + ("fid <= " + std::to_string(options.through_fid));
    }
    if (!options.fid_ranges.empty()) {
        std::string any;
        for (const auto& [first, last] : options.fid_ranges) {
            any += (any.empty() ? "(" : " OR ") +
                   ("fid BETWEEN " + std::to_string(first) + " AND " + std::to_string(last));
        }
        where += (where.empty() ? "" : " AND ") + any + ")";
    }
    if (!where.empty()) {
        sql += " WHERE " + where;
    }
    sql += " ORDER BY fid";
    if (options.limit > 0) {
        sql += " LIMIT " + std::to_string(options.limit);
    }
    return sql;
}

// A GeoPackage read by SQLite itself: columns straight from the statement.
class SqliteReader final : public EventColumnReader {
  public:
    SqliteReader(const std::string& path, const std::string& sql) : rows_(path, sql) {}
    std::int64_t fid() const override { return rows_.fid(); }
    std::optional<std::pair<double, double>> point() const override { return rows_.point(); }
    bool has(std::size_t k) const override { return rows_.has(k + 3); }
    const char* text(std::size_t k) const override { return rows_.text(k + 3); }
    double real(std::size_t k, double fallback) const override {
        return rows_.real(k + 3, fallback);
    }
    std::int64_t integer(std::size_t k) const override { return rows_.integer(k + 3); }

  private:
    bool step() override { return rows_.next(); }
    SqliteRows rows_;
};

// A query run by GDAL (PostGIS): columns found by their alias, whatever field index the driver
// gave them (GDAL turns a table's primary key into the feature id, not a field, and may do the
// same to an alias of it).
class OgrReader final : public EventColumnReader {
  public:
    OgrReader(gdal::DatasetPtr ds, const std::string& sql, std::size_t columns,
              const std::string& source)
        : ds_(std::move(ds)), result_(*ds_, ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr)),
          source_(source) {
        if (!result_) {
            throw InputError("cannot read the events (" + errors_.message() + ")", source);
        }
        std::vector<std::string> aliases = {"ev_fid", "ev_x", "ev_y"};
        for (std::size_t k = 0; k < columns; ++k) {
            aliases.push_back("ev_c" + std::to_string(k));
        }
        for (const auto& a : aliases) {
            at_.push_back(result_->GetLayerDefn()->GetFieldIndex(a.c_str()));
        }
    }
    std::int64_t fid() const override {
        return at_[0] >= 0 ? feature_->GetFieldAsInteger64(at_[0]) : feature_->GetFID();
    }
    std::optional<std::pair<double, double>> point() const override {
        if (!set(1) || !set(2)) {
            return std::nullopt;
        }
        return std::make_pair(feature_->GetFieldAsDouble(at_[1]),
                              feature_->GetFieldAsDouble(at_[2]));
    }
    bool has(std::size_t k) const override { return set(k + 3); }
    const char* text(std::size_t k) const override {
        return set(k + 3) ? feature_->GetFieldAsString(at_[k + 3]) : "";
    }
    double real(std::size_t k, double fallback) const override {
        return set(k + 3) ? feature_->GetFieldAsDouble(at_[k + 3]) : fallback;
    }
    std::int64_t integer(std::size_t k) const override {
        return set(k + 3) ? feature_->GetFieldAsInteger64(at_[k + 3]) : 0;
    }

  private:
    bool set(std::size_t at) const {
        return at_[at] >= 0 && feature_->IsFieldSetAndNotNull(at_[at]);
    }
    bool step() override {
        feature_.reset(result_->GetNextFeature());
        if (!feature_ && errors_.has_error()) {
            throw InputError("cannot read the events: " + errors_.message(), source_);
        }
        return feature_ != nullptr;
    }
    gdal::ErrorCapture errors_;
    gdal::DatasetPtr ds_;
    gdal::ResultSet result_;
    std::string source_;
    std::vector<int> at_;
    gdal::FeaturePtr feature_;
};

} // namespace

std::unique_ptr<EventColumnReader> EventColumnReader::open(const std::string& source,
                                                           const ColumnReadOptions& options) {
    auto info = inspect(source, options);
    if (!info) {
        return nullptr;
    }
    const std::string sql = page_query(*info, options);
    std::unique_ptr<EventColumnReader> reader;
    if (info->postgres) {
        reader =
            std::make_unique<OgrReader>(std::move(info->ds), sql, options.columns.size(), source);
    } else {
        info->ds.reset(); // SQLite reads the file directly from here on
        reader = std::make_unique<SqliteReader>(source, sql);
    }
    reader->cancel_ = options.cancel;
    reader->rows_in_store_ = info->rows;
    reader->layer_ = info->table;
    return reader;
}

bool EventColumnReader::next() {
    // The flag is looked at every 1,024 rows: a row costs about a microsecond, so a cancel
    // takes effect within a millisecond and costs nothing measurable.
    if (cancel_ != nullptr && read_ % 1024 == 0 && cancel_->load(std::memory_order_relaxed)) {
        cancelled_ = true;
        return false;
    }
    if (!step()) {
        return false;
    }
    ++read_;
    return true;
}

std::optional<EventColumns> load_event_columns(const std::string& source,
                                               ColumnReadOptions options) {
    options.point = true;
    options.columns = {"id", "date", "enddate", "date_precision", "event", "source_count"};
    // One row more than the page tells whether another page follows.
    const std::uint64_t page = options.limit;
    if (page > 0) {
        options.limit = page + 1;
    }
    const auto reader = EventColumnReader::open(source, options);
    if (!reader) {
        return std::nullopt;
    }
    EventColumns out;
    out.last_fid = options.after_fid;
    std::unordered_map<std::string, std::uint16_t> types;
    std::uint64_t rows = 0;
    while (reader->next()) {
        if (page > 0 && rows == page) {
            out.more = true;
            break;
        }
        ++rows;
        out.last_fid = reader->fid();
        const auto xy = reader->point();
        if (!xy) {
            ++out.skipped_rows;
            continue;
        }
        out.fid.push_back(reader->fid());
        out.id.emplace_back(reader->text(0));
        out.lon.push_back(xy->first);
        out.lat.push_back(xy->second);
        out.date.emplace_back(reader->text(1));
        out.enddate.emplace_back(reader->text(2));
        out.precision.push_back(static_cast<std::uint8_t>(
            model::parse_date_precision(reader->text(3)).value_or(model::DatePrecision::none)));
        const auto type =
            types.try_emplace(reader->text(4), static_cast<std::uint16_t>(out.type_names.size()));
        if (type.second) {
            out.type_names.push_back(type.first->first);
        }
        out.type.push_back(type.first->second);
        out.source_count.push_back(
            static_cast<std::uint32_t>(std::max<std::int64_t>(reader->integer(5), 1)));
    }
    out.complete = !reader->cancelled();
    out.more = out.more || !out.complete;
    return out;
}

} // namespace eventmap::store
