// The store's schema: the four layers and their indexes, created in one transaction (a new
// GeoPackage in a temporary file renamed into place).
#include "store/store_schema.hpp"

#include "common/error.hpp"
#include "model/event_fields.hpp"
#include "store/event_store.hpp"
#include "store/store_target.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio> // renameat2
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <unistd.h>

namespace eventmap::store {

namespace fs = std::filesystem;

namespace {

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

} // namespace

const std::vector<std::string>& event_column_names() {
    static const std::vector<std::string> names = [] {
        ColumnNames visitor;
        visit_event_fields(model::Event{}, visitor);
        return visitor.names;
    }();
    return names;
}

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

namespace {

// Indexes: the ids looked up on every add_article, and mentions by article.
const char* const index_statements[] = {
    R"(CREATE UNIQUE INDEX IF NOT EXISTS events_id_idx ON "events" ("id"))",
    R"(CREATE UNIQUE INDEX IF NOT EXISTS articles_content_hash_idx ON "articles" ("content_hash"))",
    R"(CREATE INDEX IF NOT EXISTS articles_id_idx ON "articles" ("id"))",
    R"(CREATE INDEX IF NOT EXISTS mentions_article_id_idx ON "mentions" ("article_id"))",
    R"(CREATE INDEX IF NOT EXISTS events_date_idx ON "events" ("date"))",
    R"(CREATE INDEX IF NOT EXISTS events_merge_key_idx ON "events" ("merge_key"))",
};

// PostGIS: the events table is partitioned by month (docs/store.md). Its indexes are made on
// the parent, so every partition gets them. No unique index on id: a partitioned table's
// unique indexes must include the partition key, and the key is an expression of the date.
// Writers keep ids unique under their advisory locks (pg_writer.hpp).
const char* const partitioned_event_indexes[] = {
    R"(CREATE INDEX IF NOT EXISTS events_id_idx ON "events" ("id"))",
    R"(CREATE INDEX IF NOT EXISTS events_fid_idx ON "events" ("fid"))",
    R"(CREATE INDEX IF NOT EXISTS events_date_idx ON "events" ("date"))",
    R"(CREATE INDEX IF NOT EXISTS events_merge_key_idx ON "events" ("merge_key"))",
    R"(CREATE INDEX IF NOT EXISTS events_geom_idx ON "events" USING GIST ("geom"))",
};

bool is_events_index(const char* statement) {
    return std::strstr(statement, R"(ON "events")") != nullptr;
}

const char* pg_type(OGRFieldType type, OGRFieldSubType subtype) {
    switch (type) {
    case OFTInteger:
        return subtype == OFSTBoolean ? "boolean" : "integer";
    case OFTInteger64:
        return "bigint";
    case OFTReal:
        return "double precision";
    default:
        return subtype == OFSTJSON ? "json" : "varchar";
    }
}

// The events columns as GDAL would make them (fid, the event fields, merge_key, geom),
// partitioned by the event's day as text in the C collation: a month is the range
// ['YYYY-MM', 'YYYY-MM~'), and undated events (NULL) fall in events_undated. Partitions of
// months are made as events of them arrive (PgWriter::prepare_dates).
void create_partitioned_events(GDALDataset& ds, gdal::ErrorCapture& errors) {
    SchemaVisitor schema;
    visit_event_fields(model::Event{}, schema);
    std::string sql = R"(CREATE TABLE "events" ("fid" bigserial NOT NULL)";
    for (const auto& spec : schema.fields) {
        sql += std::string(", \"") + spec.name + "\" " + pg_type(spec.type, spec.subtype);
    }
    sql += std::string(", \"") + merge_key_column + "\" varchar";
    sql +=
        R"(, "geom" geometry(Point, 4326)) PARTITION BY RANGE ((coalesce("date", '')) COLLATE "C"))";
    std::vector<std::string> statements = {
        sql,
        R"(CREATE TABLE "events_undated" PARTITION OF "events" FOR VALUES FROM (MINVALUE) TO ('0'))"};
    statements.insert(statements.end(), std::begin(partitioned_event_indexes),
                      std::end(partitioned_event_indexes));
    for (const auto& statement : statements) {
        gdal::ResultSet result(ds, ds.ExecuteSQL(statement.c_str(), nullptr, nullptr));
        if (errors.has_error()) {
            throw OutputError("cannot create the events table (" + statement +
                              "): " + errors.message());
        }
    }
}

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

} // namespace

// Creates the four layers and indexes. The caller holds the transaction.
void create_schema(GDALDataset& ds, bool postgres, gdal::ErrorCapture& errors) {
    if (postgres) {
        create_partitioned_events(ds, errors);
    } else {
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
        add_merge_key_column(*events, errors);
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
          {"merge_keys", "complete"},
          {"created_by", "eventmap"}}) {
        gdal::FeaturePtr row(OGRFeature::CreateFeature(metadata->GetLayerDefn()));
        row->SetField("key", key.c_str());
        row->SetField("value", value.c_str());
        if (metadata->CreateFeature(row.get()) != OGRERR_NONE) {
            throw OutputError("cannot write metadata: " + errors.message());
        }
    }
    create_indexes(ds, errors, postgres);
}

void create_indexes(GDALDataset& ds, gdal::ErrorCapture& errors, bool partitioned_events) {
    for (const char* statement : index_statements) {
        if (partitioned_events && is_events_index(statement)) {
            continue; // made with the partitioned table
        }
        gdal::ResultSet result(ds, ds.ExecuteSQL(statement, nullptr, nullptr));
        if (errors.has_error()) {
            throw OutputError(std::string("cannot create index (") + statement +
                              "): " + errors.message());
        }
    }
}

void add_merge_key_column(OGRLayer& events, gdal::ErrorCapture& errors) {
    OGRFieldDefn field(merge_key_column, OFTString);
    if (events.CreateField(&field) != OGRERR_NONE) {
        throw OutputError(std::string("cannot create column events.") + merge_key_column + ": " +
                          errors.message());
    }
}

bool added_in_schema_2(const std::string& column) {
    static const char* const added[] = {"source_count", "mode",        "trigger_start",
                                        "trigger_end",  "place_basis", "unresolved_place"};
    return std::any_of(std::begin(added), std::end(added),
                       [&](const char* name) { return column == name; });
}

void upgrade_schema_1(GDALDataset& ds, OGRLayer& events, OGRLayer& metadata,
                      gdal::ErrorCapture& errors) {
    SchemaVisitor schema;
    visit_event_fields(model::Event{}, schema);
    for (const auto& spec : schema.fields) {
        if (events.GetLayerDefn()->GetFieldIndex(spec.name) >= 0) {
            continue;
        }
        OGRFieldDefn field(spec.name, spec.type);
        field.SetSubType(spec.subtype);
        if (events.CreateField(&field) != OGRERR_NONE) {
            throw OutputError(std::string("cannot add column events.") + spec.name + ": " +
                              errors.message());
        }
    }
    if (events.GetLayerDefn()->GetFieldIndex(merge_key_column) < 0) {
        add_merge_key_column(events, errors);
    }
    metadata.SetAttributeFilter("\"key\" = 'schema_version'");
    metadata.ResetReading();
    gdal::FeaturePtr row(metadata.GetNextFeature());
    metadata.SetAttributeFilter(nullptr);
    if (!row) {
        throw OutputError("metadata has no schema_version: " + errors.message());
    }
    row->SetField("value", std::to_string(EventStore::schema_version).c_str());
    if (metadata.SetFeature(row.get()) != OGRERR_NONE) {
        throw OutputError("cannot update the schema version: " + errors.message());
    }
    create_indexes(ds, errors);
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

} // namespace eventmap::store
