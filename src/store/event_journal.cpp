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

// The advisory lock that orders journalling PostgreSQL writers ("eventmap" in ASCII): taken
// last in a transaction, held to its COMMIT, never while waiting for anything else.
constexpr const char* pg_journal_lock = "SELECT pg_advisory_xact_lock(7310575178805670000)";

const char* create_statement(bool postgres) {
    return postgres ? "CREATE TABLE IF NOT EXISTS event_changes (seq bigint NOT NULL, "
                      "fid_from bigint NOT NULL, fid_to bigint NOT NULL)"
                    : "CREATE TABLE IF NOT EXISTS event_changes (seq INTEGER NOT NULL, "
                      "fid_from INTEGER NOT NULL, fid_to INTEGER NOT NULL)";
}
constexpr const char* index_statement =
    "CREATE INDEX IF NOT EXISTS event_changes_seq_idx ON event_changes (seq)";
constexpr const char* next_seq = "SELECT coalesce(max(seq), 0) + 1 FROM event_changes";

std::string insert_statement(std::int64_t seq, const std::vector<FidRange>& ranges) {
    std::string sql = "INSERT INTO event_changes (seq, fid_from, fid_to) VALUES ";
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        sql += (i == 0 ? "(" : ", (") + std::to_string(seq) + ", " +
               std::to_string(ranges[i].first) + ", " + std::to_string(ranges[i].last) + ")";
    }
    return sql;
}

std::string prune_statement(std::int64_t seq) {
    return "DELETE FROM event_changes WHERE seq <= " + std::to_string(seq - journal_keep);
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

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
    if (postgres) {
        first_value("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7310575178805670000)) AS l");
    }
    run(create_statement(postgres));
    run(index_statement);
    const std::int64_t seq = first_value(next_seq);
    run(insert_statement(seq, fid_ranges(fids)));
    run(prune_statement(seq));
}

void journal_commit(PgConnection& pg, const std::vector<std::int64_t>& fids) {
    if (fids.empty()) {
        return;
    }
    // In a savepoint: a role that may write the events but not make or write the journal
    // still commits its rows, unjournalled (a follower then reads the store whole).
    pg.exec("SAVEPOINT eventmap_journal");
    try {
        pg.exec(pg_journal_lock);
        // Made once (by the first journalling writer, under the lock): no DDL later.
        if (pg.exec("SELECT to_regclass('event_changes') IS NULL").text(0, 0) == "t") {
            pg.exec(create_statement(true));
            pg.exec(index_statement);
        }
        const std::int64_t seq = std::stoll(pg.exec(next_seq).text(0, 0));
        pg.exec(insert_statement(seq, fid_ranges(fids)));
        pg.exec(prune_statement(seq));
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
        if (!pg_) {
            pg_ = std::make_unique<PgConnection>(source_);
        }
        const PgResult result = pg_->exec(sql);
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
    const std::string has_journal =
        pg ? "(to_regclass('event_changes') IS NOT NULL)::int"
           : "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
             "'event_changes')";
    const auto first = query(
        "SELECT (SELECT coalesce(max(fid), 0) FROM " + quoted(layer_) + "), " + has_journal, 2);
    if (first.empty()) {
        return m;
    }
    m.max_fid = first[0][0];
    m.journal = first[0][1] != 0;
    if (m.journal) {
        const auto seq = query("SELECT coalesce(max(seq), 0) FROM event_changes", 1);
        m.seq = seq.empty() ? 0 : seq[0][0];
    }
    return m;
}

std::optional<std::vector<FidRange>> JournalReader::changes(std::int64_t seq,
                                                            std::int64_t through) {
    if (through <= seq) {
        return std::vector<FidRange>{};
    }
    const auto rows =
        query("SELECT seq, fid_from, fid_to FROM event_changes WHERE seq > " + std::to_string(seq) +
                  " AND seq <= " + std::to_string(through) + " ORDER BY seq",
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
