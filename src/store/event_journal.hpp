// The events journal: which rows of the events table each commit added or changed, so that a
// reader that has loaded the store (the viewer following an ingest) reads only those rows after
// a commit, not a million events again.
//
// Table "event_changes" (seq, fid_from, fid_to): one row per range of fids that one commit
// inserted or updated (a merge into a stored event, a report appended to its sources). `seq`
// numbers the commits that changed events, 1, 2, 3... without gaps: each writer takes
// max(seq) + 1 while it alone may (the GeoPackage writer lock; on PostgreSQL a
// transaction-scoped advisory lock taken just before COMMIT), so seq order is commit order even
// with concurrent PostGIS writers whose fids interleave. The table is made by the first commit
// that journals (stores made before it have none until then); commits older than journal_keep
// are pruned, and a reader further behind finds a gap and reads everything again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;

namespace eventmap::store {

class PgConnection;

inline constexpr const char* journal_table = "event_changes";
inline constexpr std::int64_t journal_keep = 4096; // commits kept

struct FidRange {
    std::int64_t first = 0;
    std::int64_t last = 0; // inclusive
};

// The fids as sorted ranges, duplicates and neighbours merged.
std::vector<FidRange> fid_ranges(std::vector<std::int64_t> fids);

// Writers: records `fids` as one commit, inside the open transaction (before its COMMIT).
// Nothing for no fids. Throws what the connection throws (GDAL errors as OutputError), except
// a PostgreSQL role's lack of rights on the journal: its rows are then committed unjournalled.
// `ds`: a GeoPackage, or PostGIS through GDAL (the viewer's corrections).
void journal_commit(GDALDataset& ds, const std::vector<std::int64_t>& fids);
void journal_commit(PgConnection& pg, const std::vector<std::int64_t>& fids);

// Where a store stands: the last journalled commit and the largest fid.
struct StoreMark {
    bool journal = false; // the store has a journal (seq is 0 otherwise)
    std::int64_t seq = 0;
    std::int64_t max_fid = 0;
    bool operator==(const StoreMark& o) const {
        return journal == o.journal && seq == o.seq && max_fid == o.max_fid;
    }
    bool operator!=(const StoreMark& o) const { return !(*this == o); }
};

// A reader's side, for one store (a GeoPackage path or a PG: target), kept open between
// calls (a PostgreSQL connection is made again after it failed). Used by one thread.
class JournalReader {
  public:
    JournalReader(std::string source, std::string layer);
    ~JournalReader();
    JournalReader(const JournalReader&) = delete;
    JournalReader& operator=(const JournalReader&) = delete;

    // Two index look-ups. Throws InputError naming the store when it cannot be read (locked
    // past the reader's wait, damaged, the server gone).
    StoreMark mark();
    // The fid ranges of the commits after `seq`, through `through` (a mark's seq); nullopt
    // when they cannot all be known (pruned, or no journal). Throws as mark() does.
    std::optional<std::vector<FidRange>> changes(std::int64_t seq, std::int64_t through);

  private:
    PgConnection& connection();
    std::vector<std::vector<std::int64_t>> query(const std::string& sql, std::size_t columns);
    std::string source_, layer_;
    std::unique_ptr<PgConnection> pg_;
};

} // namespace eventmap::store
