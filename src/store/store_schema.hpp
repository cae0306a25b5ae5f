// The store's schema (internal to src/store): table names, the articles and mentions columns,
// the events columns (from model/event_fields.hpp), and creating all of it.
#pragma once

#include "common/gdal.hpp"

#include <string>
#include <vector>

namespace eventmap::store {

inline const char* const events_layer = "events";
inline const char* const articles_layer = "articles";
inline const char* const mentions_layer = "mentions";
inline const char* const metadata_layer = "metadata";

// Store-only column of events: the merge identity of a located event (MergeRule::key), indexed
// so a later ingest finds the stored events a report may belong to. Never exported.
inline const char* const merge_key_column = "merge_key";

struct Column {
    const char* name;
    OGRFieldType type;
    OGRFieldSubType subtype;
};

extern const std::vector<Column> article_columns;
extern const std::vector<Column> mention_columns;
// The events columns in visit_event_fields order.
const std::vector<std::string>& event_column_names();

// Creates the four layers and indexes. The caller holds the transaction. On PostGIS the events
// table is partitioned by month (create_partitioned_events in store_schema.cpp).
void create_schema(GDALDataset& ds, bool postgres, gdal::ErrorCapture& errors);

// `partitioned_events`: a new PostGIS store, whose events table has its own indexes.
void create_indexes(GDALDataset& ds, gdal::ErrorCapture& errors, bool partitioned_events = false);
void add_merge_key_column(OGRLayer& events, gdal::ErrorCapture& errors);

// Schema 2 added event columns (source_count, mode, trigger span, place basis, unresolved
// place) and merge_key. A schema-1 store is read as it is (the new fields read empty) and
// upgraded in place when opened for writing: the caller holds the transaction. Its merge keys
// are filled in by the first ingest (EventStore::set_merge_rule).
bool added_in_schema_2(const std::string& column);
void upgrade_schema_1(GDALDataset& ds, OGRLayer& events, OGRLayer& metadata,
                      gdal::ErrorCapture& errors);

// Whether a killed writer left a rollback journal beside the store (SQLite's "hot journal")
// that this process may roll back.
bool has_hot_journal(const std::string& path);

// Builds a new GeoPackage under a temporary name and renames it into place (never over an
// existing file). Returns whether this process put it in place (false: another one won).
bool create_geopackage(const std::string& path);

} // namespace eventmap::store
