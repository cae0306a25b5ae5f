// A libpq connection for the PostGIS store's writes (internal to src/store). GDAL's PostgreSQL
// driver sends values inside SQL text and has no INSERT ... ON CONFLICT; the store's batches on
// PostGIS run here instead, every value a bound parameter ($1, $2...), so that concurrent
// writers are settled by the database (event_store.hpp, "Concurrency").
#pragma once

#include <libpq-fe.h>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

class GDALDataset;

namespace eventmap::store {

// A failed statement: the server's message and SQLSTATE (empty when the connection failed).
class PgError : public std::runtime_error {
  public:
    PgError(const std::string& message, std::string sqlstate)
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }
    // A deadlock or serialization failure: the transaction was aborted by the server to settle
    // a conflict with another writer, and may simply be run again.
    bool retryable() const { return sqlstate_ == "40P01" || sqlstate_ == "40001"; }

  private:
    std::string sqlstate_;
};

// A result set; rows are read as text (NULL: nullopt).
class PgResult {
  public:
    explicit PgResult(PGresult* result) : result_(result, &PQclear) {}
    int rows() const { return PQntuples(result_.get()); }
    int column(const char* name) const { return PQfnumber(result_.get(), name); }
    bool is_null(int row, int col) const { return PQgetisnull(result_.get(), row, col) != 0; }
    std::string text(int row, int col) const { return PQgetvalue(result_.get(), row, col); }

  private:
    std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

using PgParams = std::vector<std::optional<std::string>>;

// The GDAL target "PG:<conninfo> [active_schema=S] [schemas=...] [tables=...]" as a libpq
// conninfo without GDAL's own keywords, and the schema to put first on the search path (the
// one GDAL uses, so both connections see the same tables).
struct PgTarget {
    std::string conninfo;
    std::string schema; // empty: the server's default search path
};
PgTarget parse_pg_target(const std::string& target);

class PgConnection {
  public:
    // Throws PgError when the server cannot be reached.
    explicit PgConnection(const std::string& gdal_target);
    // Runs one statement with bound text parameters; throws PgError on failure.
    PgResult exec(const std::string& sql, const PgParams& params = {});
    // The store's schema: the target's active_schema, else the server's current schema for
    // this role (where GDAL makes the store's tables then).
    const std::string& schema() const { return schema_; }
    // `name` in the store's schema, quoted: "schema"."name". Every statement on the store's
    // tables names them so: an unqualified name falls through the search path to a table of
    // that name in public (another store's) when the store's schema lacks it.
    std::string table(const std::string& name) const;

  private:
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
    std::string schema_;
};

// A name quoted as an SQL identifier ("a""b"), and text as an SQL string literal ('it''s').
std::string pg_ident(const std::string& name);
std::string pg_literal(const std::string& text);

// The store's schema on a connection GDAL's PostgreSQL driver opened (as PgConnection::schema:
// the target's active_schema, else the connection's current schema). Throws PgError when the
// server does not answer.
std::string pg_schema_of(GDALDataset& ds);

// A PostgreSQL array literal of text values ({"a","b"}), bound as one parameter ($1::text[]).
std::string pg_text_array(const std::vector<std::string>& values);

} // namespace eventmap::store
