// Rows of a query over a GeoPackage read with SQLite itself (a GeoPackage is an SQLite file):
// no feature objects, columns straight from the statement. For the viewer's bulk reads of an
// eventmap store, where GDAL's per-feature path costs more than the query. Read-only; a
// store being written by an ingest is read as of its last commit (SQLite's own locking).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace eventmap::store {

// A point from a GeoPackage geometry blob (header, optional envelope, WKB point or the first
// point of a multipoint); nullopt for anything else, an empty geometry or a short blob.
std::optional<std::pair<double, double>> gpkg_point(const unsigned char* blob, std::size_t size);

class SqliteRows {
  public:
    // Opens `path` read-only and prepares `sql`. Column 0 must be the fid and, when point()
    // is used, column 1 the geometry blob. Throws InputError naming the file.
    SqliteRows(const std::string& path, const std::string& sql);
    ~SqliteRows();
    SqliteRows(const SqliteRows&) = delete;
    SqliteRows& operator=(const SqliteRows&) = delete;

    // The next row; false at the end. Throws InputError when the read fails (corrupt file).
    bool next();
    std::int64_t fid() const;
    std::optional<std::pair<double, double>> point() const;
    bool has(std::size_t column) const;
    const char* text(std::size_t column) const; // "" for NULL
    double real(std::size_t column, double fallback = 0) const;
    std::int64_t integer(std::size_t column) const;

  private:
    struct Close {
        void operator()(sqlite3* db) const noexcept;
        void operator()(sqlite3_stmt* statement) const noexcept;
    };
    std::string path_;
    std::unique_ptr<sqlite3, Close> db_;
    std::unique_ptr<sqlite3_stmt, Close> statement_;
};

} // namespace eventmap::store
