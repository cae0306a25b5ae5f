#include "store/gpkg_rows.hpp"

#include "common/error.hpp"

#include <cstring>
#include <sqlite3.h>

namespace eventmap::store {

namespace {

std::uint32_t read_u32(const unsigned char* p, bool little) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
        v |= static_cast<std::uint32_t>(p[little ? i : 3 - i]) << (8 * i);
    }
    return v;
}

double read_double(const unsigned char* p, bool little) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = p[little ? i : 7 - i];
    }
    double v = 0;
    std::memcpy(&v, bytes, sizeof v); // the host is little-endian (x86-64, ARM64)
    return v;
}

} // namespace

std::optional<std::pair<double, double>> gpkg_point(const unsigned char* blob, std::size_t size) {
    // GeoPackage binary header: "GP", version, flags, srs_id (4 bytes), envelope.
    if (blob == nullptr || size < 8 || blob[0] != 'G' || blob[1] != 'P') {
        return std::nullopt;
    }
    const unsigned flags = blob[3];
    const unsigned envelope = (flags >> 1) & 7U;
    static const std::size_t envelope_bytes[] = {0, 32, 48, 48, 64};
    if ((flags & 0x10U) != 0 || envelope > 4) {
        return std::nullopt; // empty geometry, or an envelope code the standard does not have
    }
    const unsigned char* wkb = blob + 8 + envelope_bytes[envelope];
    const unsigned char* end = blob + size;
    if (end - wkb < 21) {
        return std::nullopt;
    }
    bool little = wkb[0] == 1;
    std::uint32_t type = read_u32(wkb + 1, little) % 1000; // ISO Z/M/ZM codes: 1001, 2001, 3001
    if (type == 4) {                                       // multipoint: its first point
        if (end - wkb < 9 + 21 || read_u32(wkb + 5, little) == 0) {
            return std::nullopt;
        }
        wkb += 9;
        little = wkb[0] == 1;
        type = read_u32(wkb + 1, little) % 1000;
    }
    if (type != 1) {
        return std::nullopt;
    }
    return std::make_pair(read_double(wkb + 5, little), read_double(wkb + 13, little));
}

void SqliteRows::Close::operator()(sqlite3* db) const noexcept {
    sqlite3_close_v2(db);
}

void SqliteRows::Close::operator()(sqlite3_stmt* statement) const noexcept {
    sqlite3_finalize(statement);
}

SqliteRows::SqliteRows(const std::string& path, const std::string& sql) : path_(path) {
    sqlite3* db = nullptr;
    // NOMUTEX: this connection is one reader's, used by one thread at a time (the contract of
    // EventColumnReader), so SQLite's per-call connection mutex only costs time (13 % of a
    // million-row load's samples in the viewer's profile).
    const int opened =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    db_.reset(db);
    if (opened != SQLITE_OK) {
        throw InputError(std::string("cannot open the GeoPackage: ") +
                             (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(opened)),
                         path);
    }
    // A running ingest may hold the write lock for a moment: wait rather than fail.
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        throw InputError(std::string("cannot read the events: ") + sqlite3_errmsg(db), path);
    }
    statement_.reset(statement);
}

SqliteRows::~SqliteRows() = default;

bool SqliteRows::next() {
    const int status = sqlite3_step(statement_.get());
    if (status == SQLITE_ROW) {
        return true;
    }
    if (status == SQLITE_DONE) {
        return false;
    }
    throw InputError(std::string("cannot read the events (corrupt or locked?): ") +
                         sqlite3_errmsg(db_.get()),
                     path_);
}

std::int64_t SqliteRows::fid() const {
    return sqlite3_column_int64(statement_.get(), 0);
}

std::optional<std::pair<double, double>> SqliteRows::point() const {
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(statement_.get(), 1));
    const int size = sqlite3_column_bytes(statement_.get(), 1);
    return gpkg_point(blob, static_cast<std::size_t>(size > 0 ? size : 0));
}

bool SqliteRows::has(std::size_t column) const {
    return sqlite3_column_type(statement_.get(), static_cast<int>(column)) != SQLITE_NULL;
}

const char* SqliteRows::text(std::size_t column) const {
    const auto* p = sqlite3_column_text(statement_.get(), static_cast<int>(column));
    return p != nullptr ? reinterpret_cast<const char*>(p) : "";
}

double SqliteRows::real(std::size_t column, double fallback) const {
    return has(column) ? sqlite3_column_double(statement_.get(), static_cast<int>(column))
                       : fallback;
}

std::int64_t SqliteRows::integer(std::size_t column) const {
    return sqlite3_column_int64(statement_.get(), static_cast<int>(column));
}

} // namespace eventmap::store
