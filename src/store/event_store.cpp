// EventStore over GDAL/OGR. Sections:
//   1. Targets: GeoPackage path or PG: string, names for messages, access checks
//   2. Schema: the four layers, created in one transaction (GeoPackage: in a temp file, renamed)
//   3. Opening and validating an existing store
//   4. Records <-> features
//   5. Failure handling: every failed write rolls the batch back, then throws
//   6. Batches: begin, add_article, append_sources, commit, rollback
//   7. Reading: queries, finds, counts
#include "store/event_store.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "model/event_fields.hpp"
#include "store/event_columns.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio> // renameat2
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <unistd.h>

namespace eventmap::store {

namespace fs = std::filesystem;
using model::sources_from_json;
using model::sources_to_json;
using model::split_names;

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Targets
// ---------------------------------------------------------------------------------------------

bool is_pg_target(const std::string& target) {
    return target.rfind("PG:", 0) == 0;
}

// The target as messages show it: a PG password never reaches stderr.
std::string display_name(const std::string& target) {
    if (!is_pg_target(target)) {
        return target;
    }
    std::string out = target;
    const std::string key = "password=";
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + 1)) {
        const std::size_t value = at + key.size();
        std::size_t stop = out.find(' ', value);
        if (stop == std::string::npos) {
            stop = out.size();
        }
        out.replace(value, stop - value, "***");
    }
    return out;
}

std::string parent_dir(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// access(2) asks with the real uid, which is what decides for a store opened by this process.
void require_writable(const std::string& path) {
    if (::access(path.c_str(), W_OK) != 0) {
        throw OutputError(std::string("store is read-only (") + std::strerror(errno) +
                              "); open it for reading only or fix its permissions",
                          path);
    }
    const std::string dir = parent_dir(path);
    // SQLite writes its rollback journal beside the file: a read-only directory is a
    // read-only store too, only discovered at the first commit.
    if (::access(dir.c_str(), W_OK) != 0) {
        throw OutputError("store directory " + dir + " is read-only (" + std::strerror(errno) +
                              "); SQLite needs to write its journal there",
                          path);
    }
}

std::string utc_now_iso() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    std::array<char, 32> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer.data();
}

// ---------------------------------------------------------------------------------------------
// 2. Schema
// ---------------------------------------------------------------------------------------------

const char* const events_layer = "events";
const char* const articles_layer = "articles";
const char* const mentions_layer = "mentions";
const char* const metadata_layer = "metadata";

// Collects the events columns from visit_event_fields.
struct SchemaVisitor {
    struct Field {
        const char* name;
        OGRFieldType type;
        OGRFieldSubType subtype;
    };
    std::vector<Field> fields;
    void add(const char* name, OGRFieldType type, OGRFieldSubType subtype = OFSTNone) {
        fields.push_back({name, type, subtype});
    }
    void text(const char* name, const std::string&) { add(name, OFTString); }
    void integer(const char* name, std::int64_t) { add(name, OFTInteger64); }
    void real(const char* name, double) { add(name, OFTReal); }
    void boolean(const char* name, bool) { add(name, OFTInteger, OFSTBoolean); }
    void json(const char* name, const std::string&) { add(name, OFTString, OFSTJSON); }
};

struct ColumnNames {
    std::vector<std::string> names;
    void text(const char* name, const std::string&) { names.emplace_back(name); }
    void integer(const char* name, std::int64_t) { names.emplace_back(name); }
    void real(const char* name, double) { names.emplace_back(name); }
    void boolean(const char* name, bool) { names.emplace_back(name); }
    void json(const char* name, const std::string&) { names.emplace_back(name); }
};

const std::vector<std::string>& event_column_names() {
    static const std::vector<std::string> names = [] {
        ColumnNames visitor;
        visit_event_fields(model::Event{}, visitor);
        return visitor.names;
    }();
    return names;
}

struct Column {
    const char* name;
    OGRFieldType type;
    OGRFieldSubType subtype;
};

const std::vector<Column> article_columns = {
    {"id", OFTString, OFSTNone},          {"content_hash", OFTString, OFSTNone},
    {"title", OFTString, OFSTNone},       {"url", OFTString, OFSTNone},
    {"published", OFTString, OFSTNone},   {"published_inferred", OFTInteger, OFSTBoolean},
    {"ingested_at", OFTString, OFSTNone}, {"source_path", OFTString, OFSTNone},
};

const std::vector<Column> mention_columns = {
    {"article_id", OFTString, OFSTNone}, {"start", OFTInteger64, OFSTNone},
    {"end", OFTInteger64, OFSTNone},     {"text", OFTString, OFSTNone},
    {"name", OFTString, OFSTNone},       {"gazetteer_id", OFTInteger64, OFSTNone},
    {"lat", OFTReal, OFSTNone},          {"lon", OFTReal, OFSTNone},
    {"country", OFTString, OFSTNone},    {"feature_code", OFTString, OFSTNone},
    {"type", OFTString, OFSTNone},       {"role", OFTString, OFSTNone},
    {"confidence", OFTReal, OFSTNone},
};

// Indexes: the ids looked up on every add_article, and mentions by article.
const char* const index_statements[] = {
    R"(CREATE UNIQUE INDEX IF NOT EXISTS events_id_idx ON "events" ("id"))",
    R"(CREATE UNIQUE INDEX IF NOT EXISTS articles_content_hash_idx ON "articles" ("content_hash"))",
    R"(CREATE INDEX IF NOT EXISTS articles_id_idx ON "articles" ("id"))",
    R"(CREATE INDEX IF NOT EXISTS mentions_article_id_idx ON "mentions" ("article_id"))",
    R"(CREATE INDEX IF NOT EXISTS events_date_idx ON "events" ("date"))",
};

CPLStringList layer_options(bool postgres, bool spatial) {
    CPLStringList options;
    options.SetNameValue("FID", "fid");
    if (spatial) {
        options.SetNameValue("GEOMETRY_NAME", "geom");
        options.SetNameValue("SPATIAL_INDEX", postgres ? "GIST" : "YES");
    }
    if (postgres) {
        options.SetNameValue("PRECISION", "NO"); // plain varchar, no widths to overflow
    }
    return options;
}

OGRLayer* create_table(GDALDataset& ds, bool postgres, const char* name,
                       const std::vector<Column>& columns, gdal::ErrorCapture& errors) {
    OGRLayer* layer = ds.CreateLayer(name, nullptr, wkbNone, layer_options(postgres, false).List());
    if (layer == nullptr) {
        throw OutputError(std::string("cannot create table ") + name + ": " + errors.message());
    }
    for (const auto& column : columns) {
        OGRFieldDefn field(column.name, column.type);
        field.SetSubType(column.subtype);
        if (layer->CreateField(&field) != OGRERR_NONE) {
            throw OutputError(std::string("cannot create column ") + name + "." + column.name +
                              ": " + errors.message());
        }
    }
    return layer;
}

// Creates the four layers and indexes. The caller holds the transaction.
void create_schema(GDALDataset& ds, bool postgres, gdal::ErrorCapture& errors) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* events =
        ds.CreateLayer(events_layer, &wgs84, wkbPoint, layer_options(postgres, true).List());
    if (events == nullptr) {
        throw OutputError("cannot create layer events: " + errors.message());
    }
    SchemaVisitor schema;
    visit_event_fields(model::Event{}, schema);
    for (const auto& spec : schema.fields) {
        OGRFieldDefn field(spec.name, spec.type);
        field.SetSubType(spec.subtype);
        if (events->CreateField(&field) != OGRERR_NONE) {
            throw OutputError(std::string("cannot create column events.") + spec.name + ": " +
                              errors.message());
        }
    }
    create_table(ds, postgres, articles_layer, article_columns, errors);
    create_table(ds, postgres, mentions_layer, mention_columns, errors);
    OGRLayer* metadata =
        create_table(ds, postgres, metadata_layer,
                     {{"key", OFTString, OFSTNone}, {"value", OFTString, OFSTNone}}, errors);
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{"schema_version",
                                              std::to_string(EventStore::schema_version)},
          {"created_at", utc_now_iso()},
          {"created_by", "eventmap"}}) {
        gdal::FeaturePtr row(OGRFeature::CreateFeature(metadata->GetLayerDefn()));
        row->SetField("key", key.c_str());
        row->SetField("value", value.c_str());
        if (metadata->CreateFeature(row.get()) != OGRERR_NONE) {
            throw OutputError("cannot write metadata: " + errors.message());
        }
    }
    for (const char* statement : index_statements) {
        gdal::ResultSet result(ds, ds.ExecuteSQL(statement, nullptr, nullptr));
        if (errors.has_error()) {
            throw OutputError(std::string("cannot create index (") + statement +
                              "): " + errors.message());
        }
    }
}

// Whether a killed writer left a rollback journal beside the store (SQLite's "hot journal").
// Only a writable store can be recovered; for any other the read fails as SQLite says.
bool has_hot_journal(const std::string& path) {
    std::error_code ec;
    const std::string journal = path + "-journal";
    return fs::file_size(journal, ec) > 0 && !ec && ::access(path.c_str(), W_OK) == 0 &&
           ::access(parent_dir(path).c_str(), W_OK) == 0;
}

// A new GeoPackage is built under a temporary name and renamed into place, so a store path
// either does not exist or holds a complete schema.
// Returns whether this process put the new store in place (false: another one won the race).
bool create_geopackage(const std::string& path) {
    gdal::ErrorCapture errors;
    const fs::path final_path(path);
    const std::string temp =
        (final_path.parent_path() /
         ("." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()) + ".gpkg"))
            .string();
    if (::access(parent_dir(path).c_str(), W_OK) != 0) {
        throw OutputError("cannot create store: directory " + parent_dir(path) +
                              " is not writable (" + std::strerror(errno) + ")",
                          path);
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        throw OutputError("GDAL has no GPKG driver", path);
    }
    try {
        gdal::DatasetPtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            throw OutputError("cannot create store: " + errors.message());
        }
        if (ds->StartTransaction() != OGRERR_NONE) {
            throw OutputError("cannot start a transaction: " + errors.message());
        }
        create_schema(*ds, false, errors);
        if (ds->CommitTransaction() != OGRERR_NONE) {
            throw OutputError("cannot write the schema: " + errors.message());
        }
        ds.reset();
        if (errors.has_error()) {
            throw OutputError("cannot write the schema: " + errors.message());
        }
        // Never over an existing store: two ingests starting on an absent store both build
        // one, and a plain rename let the second replace the first's under its open connection
        // (its batches lost; SQLite then refused them as "readonly database"). The loser of
        // the race drops its copy and opens the winner's.
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
            const int err = errno;
            std::error_code ignored;
            fs::remove(temp, ignored);
            if (err != EEXIST) {
                throw OutputError(std::string("cannot move the new store into place: ") +
                                  std::strerror(err));
            }
            return false;
        }
        return true;
    } catch (const Error& e) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw OutputError(e.what(), path);
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Records <-> features
// ---------------------------------------------------------------------------------------------

std::string field_text(const OGRFeature& feature, int index) {
    return feature.IsFieldSetAndNotNull(index) ? feature.GetFieldAsString(index) : std::string();
}

std::string field_text(const OGRFeature& feature, const char* name) {
    return field_text(feature, feature.GetFieldIndex(name));
}

// The inverse of visit_event_fields; `index` follows the same column order.
model::Event read_event(const OGRFeature& f, const std::vector<int>& index,
                        const std::string& where) {
    model::Event e;
    std::size_t i = 0;
    auto text = [&] { return field_text(f, index[i++]); };
    auto integer = [&] { return f.GetFieldAsInteger64(index[i++]); };
    auto real = [&] { return f.GetFieldAsDouble(index[i++]); };
    auto& loc = e.event_loc;
    e.id = text();
    const std::string date = text();
    const std::string enddate = text();
    const std::string precision = text();
    if (!model::set_iso_dates(e, date, enddate, precision)) {
        throw DataError("malformed date '" + date + "' to '" + enddate + "' (" + precision + ")",
                        where);
    }
    const std::string source = text();
    const std::string type = text();
    const std::int64_t quad = integer();
    const auto date_source = model::parse_date_source(source);
    const auto plover_type = model::parse_plover_type(type);
    const auto quad_class = model::parse_quad_code(quad);
    if (!date_source || !plover_type || !quad_class) {
        throw DataError("unknown date source '" + source + "', event type '" + type +
                            "' or quad code " + std::to_string(quad),
                        where);
    }
    e.date_source = *date_source;
    e.event = *plover_type;
    e.quad_code = *quad_class;
    e.cameo_root = text();
    e.trigger = text();
    e.actor = split_names(text());
    e.recipient = split_names(text());
    e.planned = integer() != 0;
    e.confidence = real();
    loc.extracted_place = text();
    loc.resolved_place = text();
    loc.geonameid = static_cast<std::uint64_t>(integer());
    loc.country_code = text();
    loc.feature_class = text();
    loc.feature_code = text();
    loc.resolution = static_cast<int>(integer());
    loc.radius_km = static_cast<float>(real());
    e.event_text = text();
    e.article_id = text();
    e.article_title = text();
    e.article_url = text();
    e.published = text();
    e.sources = sources_from_json(text(), where);
    if (const OGRGeometry* geometry = f.GetGeometryRef();
        geometry != nullptr && wkbFlatten(geometry->getGeometryType()) == wkbPoint &&
        !geometry->IsEmpty()) {
        const OGRPoint* point = geometry->toPoint();
        loc.position = LatLon{point->getY(), point->getX()};
    }
    return e;
}

void set_text(OGRFeature& f, const char* name, const std::string& value) {
    if (value.empty()) {
        f.SetFieldNull(f.GetFieldIndex(name));
    } else {
        f.SetField(name, value.c_str());
    }
}

// Merges `extra` into `sources`, skipping ones already listed. Returns whether any was added.
bool merge_sources(std::vector<model::EventSource>& sources,
                   const std::vector<model::EventSource>& extra) {
    bool added = false;
    for (const auto& source : extra) {
        if (sources.size() >= EventStore::max_sources_per_event) {
            break; // the report's article and mentions are stored; the event keeps its first
        }
        const bool known = std::any_of(sources.begin(), sources.end(), [&](const auto& s) {
            return s.article_id == source.article_id && s.start == source.start &&
                   s.end == source.end;
        });
        if (!known) {
            sources.push_back(source);
            added = true;
        }
    }
    return added;
}

// ---------------------------------------------------------------------------------------------
// Query helpers
// ---------------------------------------------------------------------------------------------

bool all_digits(const std::string& s, std::size_t from, std::size_t count) {
    if (s.size() < from + count) {
        return false;
    }
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from),
                       s.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string two_digits(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

// The first date after the period `to` names (day, month or year), as the exclusive bound
// "date < next". A strict bound stays correct under any collation a PostgreSQL database uses,
// where a padded "to~" would not.
std::string next_period(const std::string& to) {
    int year = std::stoi(to.substr(0, 4));
    if (to.size() == 4) {
        return std::to_string(year + 1);
    }
    int month = std::stoi(to.substr(5, 2));
    if (to.size() == 7) {
        return month == 12 ? std::to_string(year + 1) + "-01"
                           : to.substr(0, 4) + "-" + two_digits(month + 1);
    }
    int day = std::stoi(to.substr(8, 2)) + 1;
    if (day > days_in_month(year, month)) {
        day = 1;
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

std::string where_clause(const EventQuery& query) {
    std::vector<std::string> terms;
    if (!query.type.empty()) {
        terms.push_back("\"event\" = " + gdal::sql_literal(query.type));
    }
    if (!query.from.empty()) {
        const std::string from = gdal::sql_literal(query.from);
        terms.push_back("(\"enddate\" >= " + from +
                        " OR (\"enddate\" IS NULL AND \"date\" >= " + from + "))");
    }
    if (!query.to.empty()) {
        terms.push_back("\"date\" < " + gdal::sql_literal(next_period(query.to)));
    }
    std::string where;
    for (const auto& term : terms) {
        where += (where.empty() ? "" : " AND ") + term;
    }
    return where;
}

} // namespace

void validate_query_date(const std::string& date, const std::string& what) {
    const bool shape_ok =
        (date.size() == 4 && all_digits(date, 0, 4)) ||
        (date.size() == 7 && all_digits(date, 0, 4) && date[4] == '-' && all_digits(date, 5, 2)) ||
        (date.size() == 10 && all_digits(date, 0, 4) && date[4] == '-' && all_digits(date, 5, 2) &&
         date[7] == '-' && all_digits(date, 8, 2));
    if (!shape_ok) {
        throw InputError(what + " '" + date + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    if (date.size() >= 7) {
        const int year = std::stoi(date.substr(0, 4));
        const int month = std::stoi(date.substr(5, 2));
        if (month < 1 || month > 12) {
            throw InputError(what + " '" + date + "' has no month " + date.substr(5, 2));
        }
        if (date.size() == 10) {
            const int day = std::stoi(date.substr(8, 2));
            if (day < 1 || day > days_in_month(year, month)) {
                throw InputError(what + " '" + date + "' is not a day of that month");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Opening
// ---------------------------------------------------------------------------------------------

struct EventStore::Impl {
    std::string target;
    std::string display;
    bool postgres = false;
    bool read_only = false;
    bool created = false; // this process made the GeoPackage (and won any creation race)
    bool batch = false;
    gdal::DatasetPtr ds;
    OGRLayer* events = nullptr;
    OGRLayer* articles = nullptr;
    OGRLayer* mentions = nullptr;
    std::vector<int> event_index; // column index of each event field, visit order

    void open(OpenMode mode);
    void open_dataset(bool update);
    void validate_schema();
    void require_pg_write_privileges();
    OGRLayer* layer(const char* name);

    [[noreturn]] void fail_write(const std::string& doing, gdal::ErrorCapture& errors);
    [[noreturn]] void fail_read(const std::string& doing, gdal::ErrorCapture& errors);
    void roll_back_and_reopen();
    void require_open() const;
    void start_transaction(gdal::ErrorCapture& errors);
    void require_writable_store() const;

    gdal::FeaturePtr find_one(OGRLayer* layer, const std::string& where,
                              gdal::ErrorCapture& errors);
    void write_event(const model::Event& event, gdal::ErrorCapture& errors);
    std::set<std::string> stored_event_ids(const std::vector<model::Event>& candidates,
                                           gdal::ErrorCapture& errors);
    bool append_sources(const std::string& id, const std::vector<model::EventSource>& sources,
                        gdal::ErrorCapture& errors);
};

void EventStore::Impl::open_dataset(bool update) {
    gdal::ErrorCapture errors;
    const char* const gpkg_only[] = {"GPKG", nullptr};
    const char* const pg_only[] = {"PostgreSQL", nullptr};
    const unsigned flags =
        GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    ds.reset(
        GDALDataset::Open(target.c_str(), flags, postgres ? pg_only : gpkg_only, nullptr, nullptr));
    if (!ds) {
        if (postgres) {
            throw InputError("cannot connect to the PostgreSQL store: " + errors.message(),
                             display);
        }
        throw DataError("cannot open the store as a GeoPackage: " +
                            errors.message("not a GeoPackage (or not readable)"),
                        display);
    }
}

void EventStore::Impl::open(OpenMode mode) {
    gdal::register_drivers();
    postgres = is_pg_target(target);
    read_only = mode == OpenMode::read;
    if (!postgres) {
        std::error_code ec;
        const auto status = fs::status(target, ec);
        if (!fs::exists(status)) {
            if (mode != OpenMode::create) {
                throw InputError("no such store (eventmap ingest --db creates one)", target);
            }
            created = create_geopackage(target);
        } else if (!fs::is_regular_file(status)) {
            throw DataError("store is not a regular file", target);
        } else if (::access(target.c_str(), R_OK) != 0) {
            throw DataError(std::string("store is not readable: ") + std::strerror(errno), target);
        }
        if (!read_only) {
            require_writable(target);
        } else if (has_hot_journal(target)) {
            // A writer was killed mid-batch: its journal must be rolled back before anyone
            // reads, and a read-only connection may not do it (SQLite: "attempt to write a
            // readonly database"). One open for writing rolls it back, where permitted.
            open_dataset(true);
            ds.reset();
        }
    }
    open_dataset(!read_only);
    if (postgres && mode == OpenMode::create && ds->GetLayerByName(events_layer) == nullptr &&
        ds->GetLayerByName(metadata_layer) == nullptr) {
        gdal::ErrorCapture errors;
        start_transaction(errors);
        try {
            create_schema(*ds, true, errors);
        } catch (const Error& e) {
            ds->RollbackTransaction();
            throw OutputError(e.what(), display);
        }
        if (ds->CommitTransaction() != OGRERR_NONE) {
            throw OutputError("cannot create the schema: " + errors.message(), display);
        }
        // Reopen so the driver lists the new tables with their final definitions.
        ds.reset();
        open_dataset(true);
    }
    validate_schema();
    if (postgres && !read_only) {
        require_pg_write_privileges();
    }
}

// A PostgreSQL role that may only read would fail at the first insert, after work was done;
// ask the server up front instead.
void EventStore::Impl::require_pg_write_privileges() {
    gdal::ErrorCapture errors;
    const char* const sql = "SELECT has_table_privilege('\"events\"', 'INSERT, UPDATE') AND "
                            "has_table_privilege('\"articles\"', 'INSERT') AND "
                            "has_table_privilege('\"mentions\"', 'INSERT') AS writable";
    gdal::ResultSet result(*ds, ds->ExecuteSQL(sql, nullptr, nullptr));
    gdal::FeaturePtr row;
    if (result) {
        row.reset(result->GetNextFeature());
    }
    if (!row) {
        throw DataError("cannot check table privileges: " + errors.message(), display);
    }
    if (row->GetFieldAsInteger(0) == 0) {
        throw OutputError("store is read-only: this PostgreSQL user may not insert into the "
                          "events, articles and mentions tables",
                          display);
    }
}

OGRLayer* EventStore::Impl::layer(const char* name) {
    OGRLayer* found = ds->GetLayerByName(name);
    if (found == nullptr) {
        throw DataError(std::string("not an eventmap store: no '") + name + "' table", display);
    }
    return found;
}

void EventStore::Impl::validate_schema() {
    gdal::ErrorCapture errors;
    OGRLayer* metadata = layer(metadata_layer);
    gdal::FeaturePtr row = find_one(metadata, "\"key\" = 'schema_version'", errors);
    if (!row) {
        throw DataError("not an eventmap store: metadata has no schema_version", display);
    }
    const std::string version = field_text(*row, "value");
    if (version != std::to_string(EventStore::schema_version)) {
        throw DataError("store has schema version " + (version.empty() ? "(empty)" : version) +
                            "; this eventmap reads version " +
                            std::to_string(EventStore::schema_version) +
                            " (re-ingest into a new store)",
                        display);
    }
    events = layer(events_layer);
    articles = layer(articles_layer);
    mentions = layer(mentions_layer);
    const OGRFeatureDefn* definition = events->GetLayerDefn();
    event_index.clear();
    for (const auto& name : event_column_names()) {
        const int index = definition->GetFieldIndex(name.c_str());
        if (index < 0) {
            throw DataError("events table has no column '" + name + "'", display);
        }
        event_index.push_back(index);
    }
    for (const auto* columns : {&article_columns, &mention_columns}) {
        OGRLayer* table = columns == &article_columns ? articles : mentions;
        for (const auto& column : *columns) {
            if (table->GetLayerDefn()->GetFieldIndex(column.name) < 0) {
                throw DataError(std::string(table->GetName()) + " table has no column '" +
                                    column.name + "'",
                                display);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Failure handling
// ---------------------------------------------------------------------------------------------

namespace {

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

// A hint for the failures users can act on.
std::string failure_hint(const std::string& message, bool postgres) {
    if (postgres &&
        (contains(message, "server closed the connection") ||
         contains(message, "terminating connection") ||
         contains(message, "no connection to the server") ||
         contains(message, "connection to server") || contains(message, "could not send data") ||
         contains(message, "could not receive data"))) {
        return "lost the connection to the PostgreSQL server";
    }
    if (contains(message, "disk is full") || contains(message, "disk I/O error") ||
        contains(message, "No space left") || contains(message, "File too large") ||
        contains(message, "could not extend file")) {
        return "disk full (or file size limit reached)";
    }
    if (contains(message, "readonly") || contains(message, "read-only") ||
        contains(message, "permission denied") || contains(message, "Permission denied")) {
        return "store is read-only";
    }
    return "write failed";
}

} // namespace

void EventStore::Impl::fail_write(const std::string& doing, gdal::ErrorCapture& errors) {
    const std::string message = errors.message();
    const bool had_batch = batch;
    if (batch) {
        batch = false;
        try {
            roll_back_and_reopen();
        } catch (const Error&) {
            // The store cannot be reopened (it is the failure we report); the rollback itself
            // happened in the database, and later calls say the store is closed.
        }
    }
    throw OutputError(failure_hint(message, postgres) + " while " + doing + ": " + message +
                          (had_batch ? " (batch rolled back: the store is as before it)" : ""),
                      display);
}

// A failed read is a read error (exit 4: the store is unreadable or damaged), not a write
// error, even inside a batch (rolled back all the same), unless what failed is the connection
// or the disk under the batch.
void EventStore::Impl::fail_read(const std::string& doing, gdal::ErrorCapture& errors) {
    const std::string message = errors.message();
    // A lost server, a full disk or a read-only store during a batch is the write failing
    // (exit 5, with its hint); only a store that cannot be read is a read error.
    if (batch && failure_hint(message, postgres) != "write failed") {
        fail_write(doing, errors);
    }
    const bool had_batch = batch;
    if (batch) {
        batch = false;
        try {
            roll_back_and_reopen();
        } catch (const Error&) {
            // As in fail_write: the store is then closed for later calls.
        }
    }
    throw DataError("cannot read the store while " + doing + ": " + message +
                        (had_batch ? " (batch rolled back: the store is as before it)" : ""),
                    display);
}

// GDAL's GeoPackage layers cache feature counts and toggle count triggers inside a
// transaction; after a rollback that cache no longer matches the file, so the dataset is
// reopened. A PostgreSQL connection keeps nothing of the sort (and may be gone).
void EventStore::Impl::roll_back_and_reopen() {
    {
        gdal::ErrorCapture ignored; // the rollback of a dead connection fails too; nothing to add
        ds->RollbackTransaction();
    }
    if (!postgres) {
        events = articles = mentions = nullptr;
        ds.reset();
        open_dataset(true);
        validate_schema();
    }
}

void EventStore::Impl::require_open() const {
    if (!ds) {
        throw OutputError("store is closed after an earlier failure", display);
    }
}

void EventStore::Impl::start_transaction(gdal::ErrorCapture& errors) {
    if (ds->StartTransaction() != OGRERR_NONE) {
        fail_write("starting a transaction", errors);
    }
}

void EventStore::Impl::require_writable_store() const {
    if (read_only) {
        throw OutputError("store was opened for reading only", display);
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Batches
// ---------------------------------------------------------------------------------------------

gdal::FeaturePtr EventStore::Impl::find_one(OGRLayer* table, const std::string& where,
                                            gdal::ErrorCapture& errors) {
    if (table->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        fail_read("querying " + std::string(table->GetName()), errors);
    }
    table->ResetReading();
    gdal::FeaturePtr found(table->GetNextFeature());
    table->SetAttributeFilter(nullptr);
    if (!found && errors.has_error()) {
        fail_read("reading " + std::string(table->GetName()), errors);
    }
    return found;
}

bool EventStore::Impl::append_sources(const std::string& id,
                                      const std::vector<model::EventSource>& sources,
                                      gdal::ErrorCapture& errors) {
    gdal::FeaturePtr feature = find_one(events, "\"id\" = " + gdal::sql_literal(id), errors);
    if (!feature) {
        return false;
    }
    const int column = event_index.back(); // sources is the last field visited
    auto stored = sources_from_json(field_text(*feature, column), display);
    if (merge_sources(stored, sources)) {
        feature->SetField(column, sources_to_json(stored).c_str());
        if (events->SetFeature(feature.get()) != OGRERR_NONE) {
            fail_write("updating event " + id, errors);
        }
    }
    return true;
}

// Which of these events' ids are stored already: one query per article, reading the id column
// only. (A plain attribute filter per event prepares a 28-column SELECT each time, which took
// most of the ingest time; ExecuteSQL on a GeoPackage syncs every layer first, slower still.)
std::set<std::string>
EventStore::Impl::stored_event_ids(const std::vector<model::Event>& candidates,
                                   gdal::ErrorCapture& errors) {
    std::set<std::string> found;
    if (candidates.empty()) {
        return found;
    }
    std::string where = R"("id" IN ()";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        where += (i == 0 ? "" : ",") + gdal::sql_literal(candidates[i].id);
    }
    where += ")";
    CPLStringList ignored;
    for (const auto& name : event_column_names()) {
        if (name != "id") {
            ignored.AddString(name.c_str());
        }
    }
    ignored.AddString("OGR_GEOMETRY");
    const int id_column = event_index.front();
    events->SetIgnoredFields(const_cast<const char**>(ignored.List()));
    const bool filtered = events->SetAttributeFilter(where.c_str()) == OGRERR_NONE;
    if (filtered) {
        events->ResetReading();
        while (gdal::FeaturePtr row{events->GetNextFeature()}) {
            found.insert(row->GetFieldAsString(id_column));
        }
    }
    events->SetAttributeFilter(nullptr);
    events->SetIgnoredFields(nullptr);
    if (!filtered || errors.has_error()) {
        fail_read("looking up event ids", errors);
    }
    return found;
}

void EventStore::Impl::write_event(const model::Event& event, gdal::ErrorCapture& errors) {
    gdal::FeaturePtr feature(OGRFeature::CreateFeature(events->GetLayerDefn()));
    visit_event_fields(event, EventColumnSetter{*feature, event_index, true});
    if (has_location(event)) {
        feature->SetGeometryDirectly(
            new OGRPoint(event.event_loc.position.lon, event.event_loc.position.lat));
    }
    if (events->CreateFeature(feature.get()) != OGRERR_NONE) {
        fail_write("adding event " + event.id, errors);
    }
}

EventStore::EventStore(const std::string& target, OpenMode mode) : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->display = display_name(target);
    impl_->open(mode);
}

EventStore::~EventStore() {
    if (impl_ && impl_->ds) {
        gdal::ErrorCapture ignored; // closing after a lost connection reports it again
        if (impl_->batch) {
            impl_->ds->RollbackTransaction();
        }
        impl_->ds.reset();
    }
}

EventStore::EventStore(EventStore&&) noexcept = default;
EventStore& EventStore::operator=(EventStore&&) noexcept = default;

const std::string& EventStore::target() const {
    return impl_->display;
}
bool EventStore::is_postgres() const {
    return impl_->postgres;
}
bool EventStore::read_only() const {
    return impl_->read_only;
}
bool EventStore::created() const {
    return impl_->created;
}
bool EventStore::in_batch() const {
    return impl_->batch;
}

void EventStore::begin() {
    impl_->require_open();
    impl_->require_writable_store();
    if (impl_->batch) {
        throw OutputError("begin() inside an open batch", impl_->display);
    }
    gdal::ErrorCapture errors;
    impl_->start_transaction(errors);
    impl_->batch = true;
}

void EventStore::commit() {
    if (!impl_->batch) {
        throw OutputError("commit() without begin()", impl_->display);
    }
    gdal::ErrorCapture errors;
    if (impl_->ds->CommitTransaction() != OGRERR_NONE || errors.has_error()) {
        impl_->fail_write("committing the batch", errors);
    }
    impl_->batch = false;
}

void EventStore::rollback() {
    if (!impl_->batch) {
        return;
    }
    impl_->batch = false;
    impl_->roll_back_and_reopen();
}

bool EventStore::has_article(const std::string& content_hash) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    // Existence only: read the hash column alone (see stored_event_ids for why it matters).
    CPLStringList ignored;
    for (const auto& column : article_columns) {
        if (std::string(column.name) != "content_hash") {
            ignored.AddString(column.name);
        }
    }
    impl_->articles->SetIgnoredFields(const_cast<const char**>(ignored.List()));
    bool found = false;
    try {
        found = impl_->find_one(impl_->articles,
                                "\"content_hash\" = " + gdal::sql_literal(content_hash),
                                errors) != nullptr;
    } catch (...) {
        if (impl_->articles != nullptr) {
            impl_->articles->SetIgnoredFields(nullptr);
        }
        throw;
    }
    impl_->articles->SetIgnoredFields(nullptr);
    return found;
}

bool EventStore::add_article(const ArticleRecord& article, const std::vector<model::Event>& events,
                             const std::vector<MentionRecord>& mentions) {
    impl_->require_open();
    impl_->require_writable_store();
    // Validate everything before the first write: bad records never leave half an article.
    if (article.id.empty() || article.content_hash.empty()) {
        throw DataError("article without id or content hash (" +
                            (article.source_path.empty() ? article.id : article.source_path) + ")",
                        impl_->display);
    }
    for (const auto& event : events) {
        if (event.id.empty()) {
            throw DataError("event without id in article " + article.id, impl_->display);
        }
    }
    if (!impl_->batch) {
        begin();
        try {
            const bool added = add_article(article, events, mentions);
            commit();
            return added;
        } catch (...) {
            rollback();
            throw;
        }
    }
    gdal::ErrorCapture errors;
    if (has_article(article.content_hash)) {
        return false;
    }
    gdal::FeaturePtr row(OGRFeature::CreateFeature(impl_->articles->GetLayerDefn()));
    set_text(*row, "id", article.id);
    set_text(*row, "content_hash", article.content_hash);
    set_text(*row, "title", article.title);
    set_text(*row, "url", article.url);
    set_text(*row, "published", article.published);
    row->SetField("published_inferred", article.published_inferred ? 1 : 0);
    set_text(*row, "ingested_at",
             article.ingested_at.empty() ? utc_now_iso() : article.ingested_at);
    set_text(*row, "source_path", article.source_path);
    if (impl_->articles->CreateFeature(row.get()) != OGRERR_NONE) {
        impl_->fail_write("adding article " + article.id, errors);
    }
    std::set<std::string> stored = impl_->stored_event_ids(events, errors);
    for (const auto& event : events) {
        if (stored.count(event.id) > 0) {
            impl_->append_sources(event.id, event.sources, errors);
        } else {
            impl_->write_event(event, errors);
            stored.insert(event.id); // a second event with this id in the list merges into it
        }
    }
    for (const auto& mention : mentions) {
        gdal::FeaturePtr m(OGRFeature::CreateFeature(impl_->mentions->GetLayerDefn()));
        set_text(*m, "article_id", mention.article_id.empty() ? article.id : mention.article_id);
        m->SetField("start", static_cast<GIntBig>(mention.start));
        m->SetField("end", static_cast<GIntBig>(mention.end));
        set_text(*m, "text", mention.text);
        set_text(*m, "name", mention.name);
        m->SetField("gazetteer_id", static_cast<GIntBig>(mention.gazetteer_id));
        m->SetField("lat", mention.position.lat);
        m->SetField("lon", mention.position.lon);
        set_text(*m, "country", mention.country);
        set_text(*m, "feature_code", mention.feature_code);
        set_text(*m, "type", mention.type);
        set_text(*m, "role", mention.role);
        m->SetField("confidence", mention.confidence);
        if (impl_->mentions->CreateFeature(m.get()) != OGRERR_NONE) {
            impl_->fail_write("adding a mention of article " + article.id, errors);
        }
    }
    return true;
}

bool EventStore::append_sources(const std::string& event_id,
                                const std::vector<model::EventSource>& sources) {
    impl_->require_open();
    impl_->require_writable_store();
    if (!impl_->batch) {
        begin();
        try {
            const bool found = append_sources(event_id, sources);
            commit();
            return found;
        } catch (...) {
            rollback();
            throw;
        }
    }
    gdal::ErrorCapture errors;
    return impl_->append_sources(event_id, sources, errors);
}

// ---------------------------------------------------------------------------------------------
// 7. Reading
// ---------------------------------------------------------------------------------------------

namespace {

// Sets a query's filters on the events layer and clears them again, whatever happens.
class FilterScope {
  public:
    FilterScope(OGRLayer& layer, const EventQuery& query, const std::string& display)
        : layer_(layer) {
        if (!query.from.empty()) {
            validate_query_date(query.from, "--from");
        }
        if (!query.to.empty()) {
            validate_query_date(query.to, "--to");
        }
        const std::string where = where_clause(query);
        if (layer_.SetAttributeFilter(where.empty() ? nullptr : where.c_str()) != OGRERR_NONE) {
            throw DataError("cannot filter events by " + where, display);
        }
        if (query.bbox) {
            const auto& b = *query.bbox;
            layer_.SetSpatialFilterRect(b.west, b.south, b.east, b.north);
        }
        layer_.ResetReading();
    }
    FilterScope(const FilterScope&) = delete;
    FilterScope& operator=(const FilterScope&) = delete;
    ~FilterScope() {
        layer_.SetAttributeFilter(nullptr);
        layer_.SetSpatialFilter(nullptr);
    }

  private:
    OGRLayer& layer_;
};

[[noreturn]] void read_failed(const std::string& display, const std::string& doing,
                              gdal::ErrorCapture& errors) {
    const std::string message = errors.message();
    const std::string hint = failure_hint(message, is_pg_target(display));
    throw DataError((hint == "write failed" ? "cannot read the store" : hint) + " while " + doing +
                        ": " + message,
                    display);
}

} // namespace

bool EventStore::for_each_event(const EventQuery& query,
                                const std::function<void(const model::Event&)>& sink,
                                const std::atomic<bool>* cancel) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    FilterScope filter(*impl_->events, query, impl_->display);
    std::uint64_t row = 0;
    bool complete = true;
    while (gdal::FeaturePtr feature{impl_->events->GetNextFeature()}) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            complete = false;
            break;
        }
        ++row;
        sink(read_event(*feature, impl_->event_index,
                        impl_->display + " (events row " + std::to_string(row) + ")"));
    }
    if (errors.has_error()) {
        read_failed(impl_->display, "reading events", errors);
    }
    return complete;
}

EventStore::EventPage EventStore::read_events(const EventQuery& query, std::uint64_t offset,
                                              std::size_t limit, const std::atomic<bool>* cancel) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    FilterScope filter(*impl_->events, query, impl_->display);
    EventPage page;
    std::uint64_t row = 0;
    while (gdal::FeaturePtr feature{impl_->events->GetNextFeature()}) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            page.complete = false;
            break;
        }
        ++row;
        if (row <= offset) {
            continue;
        }
        if (page.events.size() == limit) {
            page.more = true;
            break;
        }
        page.events.push_back(
            read_event(*feature, impl_->event_index,
                       impl_->display + " (events row " + std::to_string(row) + ")"));
    }
    if (errors.has_error()) {
        read_failed(impl_->display, "reading events", errors);
    }
    return page;
}

std::optional<model::Event> EventStore::find_event(const std::string& id) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    gdal::FeaturePtr feature =
        impl_->find_one(impl_->events, "\"id\" = " + gdal::sql_literal(id), errors);
    if (!feature) {
        return std::nullopt;
    }
    return read_event(*feature, impl_->event_index, impl_->display + " (event " + id + ")");
}

std::optional<ArticleRecord> EventStore::find_article(const std::string& content_hash) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    gdal::FeaturePtr row = impl_->find_one(
        impl_->articles, "\"content_hash\" = " + gdal::sql_literal(content_hash), errors);
    if (!row) {
        return std::nullopt;
    }
    ArticleRecord article;
    article.id = field_text(*row, "id");
    article.content_hash = field_text(*row, "content_hash");
    article.title = field_text(*row, "title");
    article.url = field_text(*row, "url");
    article.published = field_text(*row, "published");
    article.published_inferred = row->GetFieldAsInteger("published_inferred") != 0;
    article.ingested_at = field_text(*row, "ingested_at");
    article.source_path = field_text(*row, "source_path");
    return article;
}

std::vector<MentionRecord> EventStore::mentions_of(const std::string& article_id) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    OGRLayer* table = impl_->mentions;
    const std::string where = "\"article_id\" = " + gdal::sql_literal(article_id);
    if (table->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        read_failed(impl_->display, "filtering mentions by " + where, errors);
    }
    table->ResetReading();
    std::vector<MentionRecord> out;
    while (gdal::FeaturePtr row{table->GetNextFeature()}) {
        MentionRecord m;
        m.article_id = field_text(*row, "article_id");
        m.start = static_cast<std::uint64_t>(row->GetFieldAsInteger64("start"));
        m.end = static_cast<std::uint64_t>(row->GetFieldAsInteger64("end"));
        m.text = field_text(*row, "text");
        m.name = field_text(*row, "name");
        m.gazetteer_id = static_cast<std::uint64_t>(row->GetFieldAsInteger64("gazetteer_id"));
        m.position = LatLon{row->GetFieldAsDouble("lat"), row->GetFieldAsDouble("lon")};
        m.country = field_text(*row, "country");
        m.feature_code = field_text(*row, "feature_code");
        m.type = field_text(*row, "type");
        m.role = field_text(*row, "role");
        m.confidence = row->GetFieldAsDouble("confidence");
        out.push_back(std::move(m));
    }
    table->SetAttributeFilter(nullptr);
    if (errors.has_error()) {
        read_failed(impl_->display, "reading mentions", errors);
    }
    return out;
}

std::uint64_t EventStore::count_events(const EventQuery& query) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    FilterScope filter(*impl_->events, query, impl_->display);
    const GIntBig count = impl_->events->GetFeatureCount(TRUE);
    if (count < 0 || errors.has_error()) {
        read_failed(impl_->display, "counting events", errors);
    }
    return static_cast<std::uint64_t>(count);
}

std::uint64_t EventStore::count_articles() {
    impl_->require_open();
    gdal::ErrorCapture errors;
    const GIntBig count = impl_->articles->GetFeatureCount(TRUE);
    if (count < 0 || errors.has_error()) {
        read_failed(impl_->display, "counting articles", errors);
    }
    return static_cast<std::uint64_t>(count);
}

std::uint64_t EventStore::count_mentions() {
    impl_->require_open();
    gdal::ErrorCapture errors;
    const GIntBig count = impl_->mentions->GetFeatureCount(TRUE);
    if (count < 0 || errors.has_error()) {
        read_failed(impl_->display, "counting mentions", errors);
    }
    return static_cast<std::uint64_t>(count);
}

} // namespace eventmap::store
