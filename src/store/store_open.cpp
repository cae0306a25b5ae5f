// EventStore::Impl: opening and validating a store, and failure handling (every failed write
// rolls the batch back, then throws).
#include "common/error.hpp"
#include "store/event_record.hpp"
#include "store/store_impl.hpp"
#include "store/store_schema.hpp"
#include "store/store_target.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace eventmap::store {

namespace fs = std::filesystem;

namespace {

// How long SQLite waits for another connection's lock before it fails with "database is
// locked" (GDAL's SQLITE_BUSY_TIMEOUT; one the user set wins). A reader waits out a batch
// being committed; a writer waits, at its commit, for readers to finish their statements (a
// viewer or an export streaming many rows).
constexpr const char* reader_busy_timeout_ms = "15000";
constexpr const char* writer_busy_timeout_ms = "120000";

bool is_locked_message(const std::string& message) {
    return message.find("database is locked") != std::string::npos ||
           message.find("SQLITE_BUSY") != std::string::npos;
}

} // namespace

void EventStore::Impl::open_dataset(bool update) {
    gdal::ErrorCapture errors;
    const char* const gpkg_only[] = {"GPKG", nullptr};
    const char* const pg_only[] = {"PostgreSQL", nullptr};
    const unsigned flags =
        GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    const CPLConfigOptionSetter busy_timeout(
        "SQLITE_BUSY_TIMEOUT", update ? writer_busy_timeout_ms : reader_busy_timeout_ms, true);
    ds.reset(
        GDALDataset::Open(target.c_str(), flags, postgres ? pg_only : gpkg_only, nullptr, nullptr));
    if (!ds) {
        if (postgres) {
            throw InputError("cannot connect to the PostgreSQL store: " + errors.message(),
                             display);
        }
        const std::string message = errors.message("not a GeoPackage (or not readable)");
        if (is_locked_message(message)) {
            // Busy, not damaged: another process held a lock for longer than we waited.
            const std::string text = std::string("store is locked by another process (waited ") +
                                     (update ? writer_busy_timeout_ms : reader_busy_timeout_ms) +
                                     " ms; the store is not damaged, try again): " + message;
            if (update) {
                throw OutputError(text, display);
            }
            throw DataError(text, display);
        }
        throw DataError("cannot open the store as a GeoPackage: " + message, display);
    }
}

// Readers take no writer lock (store/writer_lock.hpp): SQLite's locks let them read beside a
// writer.
void EventStore::Impl::prepare_file_for_reading() {
    std::error_code ec;
    const auto status = fs::status(target, ec);
    if (!fs::exists(status)) {
        throw InputError("no such store (eventmap ingest --db creates one)", target);
    }
    if (!fs::is_regular_file(status)) {
        throw DataError("store is not a regular file", target);
    }
    if (::access(target.c_str(), R_OK) != 0) {
        throw DataError(std::string("store is not readable: ") + std::strerror(errno), target);
    }
    if (has_hot_journal(target)) {
        // A writer was killed mid-batch: its journal must be rolled back before anyone
        // reads, and a read-only connection may not do it (SQLite: "attempt to write a
        // readonly database"). One open for writing rolls it back, where permitted.
        open_dataset(true);
        ds.reset();
    }
}

// Writers take the writer lock first and keep it until closed, so one process at a time
// creates, recovers or writes the file; a second ingest waits here and says so.
void EventStore::Impl::lock_and_prepare_file(OpenMode mode) {
    std::error_code ec;
    auto status = fs::status(target, ec);
    // What needs no waiting fails before the wait.
    if (!fs::exists(status)) {
        if (mode != OpenMode::create) {
            throw InputError("no such store (eventmap ingest --db creates one)", target);
        }
        if (::access(parent_dir(target).c_str(), W_OK) != 0) {
            throw OutputError("cannot create store: directory " + parent_dir(target) +
                                  " is not writable (" + std::strerror(errno) + ")",
                              target);
        }
    } else if (!fs::is_regular_file(status)) {
        throw DataError("store is not a regular file", target);
    } else {
        require_writable(target);
    }
    lock.acquire(target, [this] {
        const std::string message =
            display + ": another ingest is writing to this store; waiting for it to finish";
        if (notice) {
            notice(message);
        } else {
            std::fputs(("eventmap: " + message + "\n").c_str(), stderr);
        }
    });
    // Under the lock: the file as the previous writer left it (possibly removed again).
    status = fs::status(target, ec);
    if (!fs::exists(status)) {
        if (mode != OpenMode::create) {
            throw InputError("no such store (eventmap ingest --db creates one)", target);
        }
        created = create_geopackage(target);
    } else if (::access(target.c_str(), R_OK) != 0) {
        throw DataError(std::string("store is not readable: ") + std::strerror(errno), target);
    }
    require_writable(target);
}

void EventStore::Impl::open(OpenMode mode) {
    gdal::register_drivers();
    postgres = is_pg_target(target);
    read_only = mode == OpenMode::read;
    if (!postgres) {
        if (read_only) {
            prepare_file_for_reading();
        } else {
            lock_and_prepare_file(mode);
        }
    }
    open_dataset(!read_only);
    if (postgres && mode == OpenMode::create && ds->GetLayerByName(events_layer) == nullptr &&
        ds->GetLayerByName(metadata_layer) == nullptr) {
        create_pg_schema_once();
        // Reopen so the driver lists the new tables with their final definitions.
        ds.reset();
        open_dataset(true);
    }
    validate_schema();
    if (postgres && !read_only) {
        require_pg_write_privileges();
        try {
            pg = std::make_unique<PgWriter>(target, *events, *articles, *mentions);
        } catch (const PgError& e) {
            throw InputError(std::string("cannot connect to the PostgreSQL store: ") + e.what(),
                             display);
        }
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
    const bool older = version == "1";
    if (version != std::to_string(EventStore::schema_version) && !older) {
        throw DataError("store has schema version " + (version.empty() ? "(empty)" : version) +
                            "; this eventmap reads versions 1 to " +
                            std::to_string(EventStore::schema_version) +
                            " (re-ingest into a new store)",
                        display);
    }
    if (older && !read_only) {
        upgrade(*metadata);
        return;
    }
    events = layer(events_layer);
    articles = layer(articles_layer);
    mentions = layer(mentions_layer);
    const OGRFeatureDefn* definition = events->GetLayerDefn();
    event_index.clear();
    for (const auto& name : event_column_names()) {
        const int index = definition->GetFieldIndex(name.c_str());
        if (index < 0 && !(older && added_in_schema_2(name))) {
            throw DataError("events table has no column '" + name + "'", display);
        }
        event_index.push_back(index);
    }
    merge_key_index = definition->GetFieldIndex(merge_key_column);
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

// Schema 1 -> 2 in one transaction (store_schema.hpp), then validated as any store.
void EventStore::Impl::upgrade(OGRLayer& metadata) {
    gdal::ErrorCapture errors;
    start_transaction(errors);
    try {
        upgrade_schema_1(*ds, *layer(events_layer), metadata, errors);
    } catch (const Error& e) {
        ds->RollbackTransaction();
        throw OutputError(std::string("cannot upgrade the store to schema ") +
                              std::to_string(EventStore::schema_version) + ": " + e.what(),
                          display);
    }
    if (ds->CommitTransaction() != OGRERR_NONE) {
        throw OutputError("cannot upgrade the store: " + errors.message(), display);
    }
    ds.reset();
    open_dataset(true); // the driver lists the new columns
    validate_schema();
}

namespace {

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

} // namespace

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
    if (contains(message, "database is locked") || contains(message, "SQLITE_BUSY")) {
        return "store is locked by another process (a writer, or a reader that held it longer "
               "than the wait; the store is not damaged, try again)";
    }
    if (contains(message, "readonly") || contains(message, "read-only") ||
        contains(message, "permission denied") || contains(message, "Permission denied")) {
        return "store is read-only";
    }
    return "write failed";
}

std::string EventStore::Impl::abandon_batch() {
    if (!batch) {
        return "";
    }
    batch = false;
    try {
        roll_back_and_reopen();
    } catch (const Error&) {
        // The store cannot be reopened (it is the failure being reported); the rollback itself
        // happened in the database, and later calls say the store is closed.
    }
    return " (batch rolled back: the store is as before it)";
}

void EventStore::Impl::fail_write(const std::string& doing, gdal::ErrorCapture& errors) {
    const std::string message = errors.message();
    const std::string rolled_back = abandon_batch();
    throw OutputError(failure_hint(message, postgres) + " while " + doing + ": " + message +
                          rolled_back,
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
    const std::string rolled_back = abandon_batch();
    throw DataError("cannot read the store while " + doing + ": " + message + rolled_back, display);
}

// GDAL's GeoPackage layers cache feature counts and toggle count triggers inside a
// transaction; after a rollback that cache no longer matches the file, so the dataset is
// reopened. A PostgreSQL connection keeps nothing of the sort (and may be gone).
void EventStore::Impl::roll_back_and_reopen() {
    changed_fids.clear();
    if (pg) {
        pg->rollback(); // the batch (a GDAL transaction below is fill_merge_keys')
        pg_batch.clear();
    }
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
    changed_fids.clear();
    if (ds->StartTransaction() != OGRERR_NONE) {
        fail_write("starting a transaction", errors);
    }
}

void EventStore::Impl::require_writable_store() const {
    if (read_only) {
        throw OutputError("store was opened for reading only", display);
    }
}

} // namespace eventmap::store
