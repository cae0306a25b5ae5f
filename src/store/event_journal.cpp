#include "store/event_journal.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "store/gpkg_rows.hpp"
#include "store/pg_connection.hpp"
#include "store/store_target.hpp"

#include <algorithm>
#include <cpl_string.h>

namespace eventmap::store {

namespace {

// Where the journal is, and how statements name it: on PostgreSQL always in the store's schema
// ("schema"."event_changes"), never by the search path, which would fall through to a table of
// that name in public (another store's journal) while the store's own has not been made yet.
struct JournalNames {
    bool postgres = false;
    std::string schema; // PostgreSQL only
    std::string table;  // as statements name it

    static JournalNames sqlite() { return {false, "", journal_table}; }
    static JournalNames pg(const std::string& schema) {
        return {true, schema, pg_ident(schema) + "." + pg_ident(journal_table)};
    }
    // The advisory lock that orders this store's journalling PostgreSQL writers: taken last in
    // a transaction, held to its COMMIT, never while waiting for anything else. Keyed by the
    // schema, so stores of one database do not wait for each other.
    std::string lock_statement() const {
        return "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(" +
               pg_literal("eventmap-journal\n" + schema) + ", 0))) AS l";
    }
    // 1 when the journal exists, else 0 (one row).
    std::string exists_query() const {
        return postgres ? "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = " +
                              pg_literal(schema) + " AND tablename = " + pg_literal(journal_table)
                        : std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                      "AND name = '") +
                              journal_table + "'";
    }
    std::string create_statement() const {
        const char* type = postgres ? "bigint" : "INTEGER";
        return "CREATE TABLE IF NOT EXISTS " + table + " (seq " + type + " NOT NULL, fid_from " +
               type + " NOT NULL, fid_to " + type + " NOT NULL)";
    }
    // The index lives in its table's schema (PostgreSQL does not let its name be qualified).
    std::string index_statement() const {
        return "CREATE INDEX IF NOT EXISTS event_changes_seq_idx ON " + table + " (seq)";
    }
    std::string next_seq() const { return "SELECT coalesce(max(seq), 0) + 1 FROM " + table; }
    std::string insert_statement(std::int64_t seq, const std::vector<FidRange>& ranges) const {
        std::string sql = "INSERT INTO " + table + " (seq, fid_from, fid_to) VALUES ";
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            sql += (i == 0 ? "(" : ", (") + std::to_string(seq) + ", " +
                   std::to_string(ranges[i].first) + ", " + std::to_string(ranges[i].last) + ")";
        }
        return sql;
    }
    std::string prune_statement(std::int64_t seq) const {
        return "DELETE FROM " + table + " WHERE seq <= " + std::to_string(seq - journal_keep);
    }
};

} // namespace

std::vector<FidRange> fid_ranges(std::vector<std::int64_t> fids) {
    std::sort(fids.begin(), fids.end());
    std::vector<FidRange> out;
    for (const auto fid : fids) {
        if (!out.empty() && fid <= out.back().last + 1) {
            out.back().last = std::max(out.back().last, fid);
        } else {
            out.push_back({fid, fid});
        }
    }
    return out;
}

void journal_commit(GDALDataset& ds, const std::vector<std::int64_t>& fids) {
    if (fids.empty()) {
        return;
    }
    const bool postgres = EQUAL(ds.GetDriverName(), "PostgreSQL");
    gdal::ErrorCapture errors;
    // GDAL runs a SELECT when its first row is read.
    const auto first_value = [&](const char* sql) -> std::int64_t {
        gdal::ResultSet result(ds, ds.ExecuteSQL(sql, nullptr, nullptr));
        std::int64_t value = 0;
        if (result) {
            if (const gdal::FeaturePtr row{result->GetNextFeature()}) {
                value = row->GetFieldAsInteger64(0);
            }
        }
        if (errors.has_error()) {
            throw OutputError("cannot write the events journal: " + errors.message());
        }
        return value;
    };
    const auto run = [&](const std::string& sql) {
        gdal::ResultSet ignored(ds, ds.ExecuteSQL(sql.c_str(), nullptr, nullptr));
        if (errors.has_error()) {
            throw OutputError("cannot write the events journal: " + errors.message());
        }
    };
    JournalNames journal = JournalNames::sqlite();
    if (postgres) {
        try {
            journal = JournalNames::pg(pg_schema_of(ds));
        } catch (const PgError& e) {
            throw OutputError(std::string("cannot write the events journal: ") + e.what());
        }
        first_value(journal.lock_statement().c_str());
    }
    run(journal.create_statement());
    run(journal.index_statement());
    const std::int64_t seq = first_value(journal.next_seq().c_str());
    run(journal.insert_statement(seq, fid_ranges(fids)));
    run(journal.prune_statement(seq));
}

void journal_commit(PgConnection& pg, const std::vector<std::int64_t>& fids) {
    if (fids.empty()) {
        return;
    }
    // In a savepoint: a role that may write the events but not make or write the journal
    // still commits its rows, unjournalled (a follower then reads the store whole).
    pg.exec("SAVEPOINT eventmap_journal");
    try {
        const JournalNames journal = JournalNames::pg(pg.schema());
        pg.exec(journal.lock_statement());
        // Made once (by the first journalling writer, under the lock): no DDL later.
        if (pg.exec(journal.exists_query()).text(0, 0) == "0") {
            pg.exec(journal.create_statement());
            pg.exec(journal.index_statement());
        }
        const std::int64_t seq = std::stoll(pg.exec(journal.next_seq()).text(0, 0));
        pg.exec(journal.insert_statement(seq, fid_ranges(fids)));
        pg.exec(journal.prune_statement(seq));
        pg.exec("RELEASE SAVEPOINT eventmap_journal");
    } catch (const PgError& e) {
        if (e.sqlstate() != "42501") { // insufficient_privilege; the rest is the batch's to settle
            throw;
        }
        pg.exec("ROLLBACK TO SAVEPOINT eventmap_journal");
    }
}

JournalReader::JournalReader(std::string source, std::string layer)
    : source_(std::move(source)), layer_(layer.empty() ? "events" : std::move(layer)) {}

JournalReader::~JournalReader() = default;

// The PostgreSQL connection, made again after it failed; InputError naming the store when the
// server does not answer.
PgConnection& JournalReader::connection() {
    try {
        if (!pg_) {
            pg_ = std::make_unique<PgConnection>(source_);
        }
    } catch (const PgError& e) {
        throw InputError("cannot read the store: " + std::string(e.what()), display_name(source_));
    }
    return *pg_;
}

// Rows of integers; InputError naming the store when the query fails.
std::vector<std::vector<std::int64_t>> JournalReader::query(const std::string& sql,
                                                            std::size_t columns) {
    std::vector<std::vector<std::int64_t>> out;
    if (!is_pg_target(source_)) {
        SqliteRows rows(source_, sql);
        while (rows.next()) {
            std::vector<std::int64_t> row;
            row.reserve(columns);
            for (std::size_t k = 0; k < columns; ++k) {
                row.push_back(rows.integer(k));
            }
            out.push_back(std::move(row));
        }
        return out;
    }
    try {
        const PgResult result = connection().exec(sql);
        for (int r = 0; r < result.rows(); ++r) {
            std::vector<std::int64_t> row;
            row.reserve(columns);
            for (int c = 0; c < static_cast<int>(columns); ++c) {
                row.push_back(result.is_null(r, c) ? 0 : std::stoll(result.text(r, c)));
            }
            out.push_back(std::move(row));
        }
    } catch (const PgError& e) {
        pg_.reset(); // connected again at the next call
        throw InputError("cannot read the store: " + std::string(e.what()), display_name(source_));
    }
    return out;
}

StoreMark JournalReader::mark() {
    StoreMark m;
    const bool pg = is_pg_target(source_);
    const JournalNames journal =
        pg ? JournalNames::pg(connection().schema()) : JournalNames::sqlite();
    const std::string events = pg ? connection().table(layer_) : pg_ident(layer_);
    const auto first = query("SELECT (SELECT coalesce(max(fid), 0) FROM " + events + "), (" +
                                 journal.exists_query() + ")",
                             2);
    if (first.empty()) {
        return m;
    }
    m.max_fid = first[0][0];
    m.journal = first[0][1] != 0;
    if (m.journal) {
        const auto seq = query("SELECT coalesce(max(seq), 0) FROM " + journal.table, 1);
        m.seq = seq.empty() ? 0 : seq[0][0];
    }
    return m;
}

std::optional<std::vector<FidRange>> JournalReader::changes(std::int64_t seq,
                                                            std::int64_t through) {
    if (through <= seq) {
        return std::vector<FidRange>{};
    }
    const JournalNames journal =
        is_pg_target(source_) ? JournalNames::pg(connection().schema()) : JournalNames::sqlite();
    const auto rows =
        query("SELECT seq, fid_from, fid_to FROM " + journal.table + " WHERE seq > " +
                  std::to_string(seq) + " AND seq <= " + std::to_string(through) + " ORDER BY seq",
              3);
    // Commits are numbered without gaps: the first after `seq` must be there, or it was pruned.
    if (rows.empty() || rows.front()[0] != seq + 1 || rows.back()[0] != through) {
        return std::nullopt;
    }
    std::vector<FidRange> ranges;
    ranges.reserve(rows.size());
    for (const auto& row : rows) {
        ranges.push_back({row[1], row[2]});
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const FidRange& a, const FidRange& b) { return a.first < b.first; });
    std::vector<FidRange> merged;
    for (const auto& r : ranges) {
        if (!merged.empty() && r.first <= merged.back().last + 1) {
            merged.back().last = std::max(merged.back().last, r.last);
        } else {
            merged.push_back(r);
        }
    }
    return merged;
}

} // namespace eventmap::store
