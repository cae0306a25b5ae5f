// Session: the map follows its sources. A worker looks at each source about once a second (the
// window asks): a store's mark (its journal's last commit and largest fid, two index look-ups,
// store/event_journal.hpp) against the mark of the rows shown; the rows the commits since then
// inserted or changed are read (load_store_rows) and applied in place by poll(), so a commit
// of 1,000 events to a store of a million reads 1,000 rows, not a million. Everything is read
// again only when the change cannot be described row by row: a store without a journal (made
// before it, written by an older eventmap), a reader so far behind that the journal was pruned,
// a new row that falls between rows shown. Sources that are not stores are read again when
// their file's time or size changes.
//
// A store that cannot be looked at (locked by an ingest past the reader's wait, a PostGIS
// server gone, a damaged file) gives follow_problem(); the events shown stay as they were and
// the next look tries again (a PostgreSQL connection is made again), picking up every commit
// made meanwhile once the store answers.
#include "common/error.hpp"
#include "view/session.hpp"
#include "view/store_delta.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>

namespace eventmap::view {

namespace {

bool looks_like_store(const std::string& source) {
    if (source.rfind("PG:", 0) == 0) {
        return true;
    }
    std::string low = source;
    std::transform(low.begin(), low.end(), low.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return low.size() > 5 && low.compare(low.size() - 5, 5, ".gpkg") == 0;
}

std::string message_of(const std::exception& e) {
    const auto* located = dynamic_cast<const Error*>(&e);
    return located != nullptr ? located->located() : e.what();
}

} // namespace

std::optional<store::StoreMark> Session::store_mark(const std::string& source,
                                                    const std::string& layer) {
    if (!looks_like_store(source)) {
        return std::nullopt;
    }
    try {
        return store::JournalReader(source, layer).mark();
    } catch (const std::exception&) {
        return std::nullopt; // the load says what is wrong
    }
}

// The file's modification time and size in one number; 0 for a PG: source or a vanished file.
long long Session::file_stamp(const std::string& source) {
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(source, ec);
    if (ec) {
        return 0;
    }
    const auto size = std::filesystem::file_size(source, ec);
    return static_cast<long long>(time.time_since_epoch().count() % 1000000000000LL) * 31 +
           (ec ? 0 : static_cast<long long>(size));
}

void Session::join_follower() {
    if (follower_.joinable()) {
        follower_.join();
    }
}

void Session::check_sources() {
    const LoadStage stage = stage_.load();
    if (follow_running_ || stage == LoadStage::idle || stage == LoadStage::map ||
        stage == LoadStage::columns) {
        return;
    }
    std::vector<LayerSlot*> slots;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto& slot : layers_) {
            if (slot->ready_rows || slot->ready_reload) {
                return; // the last look's results are not taken yet
            }
            slots.push_back(slot.get()); // slots never move: move_layer reorders the pointers
        }
    }
    join_follower();
    edits_at_look_ = edits_;
    follow_running_ = true;
    follower_ = std::thread([this, slots] {
        std::string problems;
        for (LayerSlot* slot : slots) {
            try {
                follow_layer(*slot);
            } catch (const std::exception& e) {
                const std::string message =
                    several_layers_ ? slot->info.name + ": " + message_of(e) : message_of(e);
                problems += (problems.empty() ? "" : "; ") + message;
            }
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            follow_problem_ = problems;
            ++follow_stats_.checks;
        }
        follow_running_ = false;
        wake();
    });
}

// One source's look (on the follower); throws when the source cannot be looked at.
void Session::follow_layer(LayerSlot& slot) {
    const std::string& source = slot.info.source;
    std::optional<store::StoreMark> shown, began;
    bool generic = false;
    long long stamp = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        shown = slot.shown_at;
        began = slot.load_began_at;
        generic = slot.generic && !slot.is_store;
        stamp = slot.file_stamp;
    }
    const auto reload = [&](std::optional<store::StoreMark> from) {
        std::lock_guard<std::mutex> lock(mutex_);
        slot.ready_reload = true;
        if (from) {
            slot.load_began_at = from; // one attempt per change when the reload fails
        }
    };
    if (!looks_like_store(source) || generic) {
        // Not a store (a GeoJSON file, a foreign GeoPackage): read again when its file changed.
        const long long now = file_stamp(source);
        if (now != 0 && now != stamp) {
            {
                std::lock_guard<std::mutex> lock(mutex_);
                slot.file_stamp = now; // one attempt per change when the reload fails
            }
            reload(std::nullopt);
        }
        return;
    }
    if (!slot.journal) {
        slot.journal = std::make_unique<store::JournalReader>(source, layer_);
    }
    const store::StoreMark now = slot.journal->mark();
    if (!shown) {
        // Nothing shown from this store (its load failed): read it once it changed.
        if (!began || now != *began) {
            reload(now);
        }
        return;
    }
    if (now == *shown) {
        return;
    }
    std::optional<std::vector<store::FidRange>> ranges;
    if (now.journal) {
        ranges = slot.journal->changes(shown->seq, now.seq);
    }
    // Rows past the journal's (a writer that keeps none): not described.
    if (ranges && now.max_fid > shown->max_fid &&
        (ranges->empty() || ranges->back().last < now.max_fid)) {
        ranges.reset();
    }
    if (!ranges) {
        if (!began || now != *began) {
            reload(now);
        }
        return;
    }
    auto rows = load_store_rows(source, layer_, *ranges);
    if (!rows) {
        reload(now);
        return;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    slot.ready_rows = std::make_unique<StoreRows>(std::move(*rows));
    slot.ready_rows_mark = now;
}

// Applies the rows the follower read (main thread); true when the layer's rows changed.
// `reload` is set when the layer must be read again. The rows replaced or appended (rows of
// the layer) are added to `changed_rows`.
bool Session::take_follow_results(LayerSlot& slot, bool& reload, std::vector<Row>& changed_rows) {
    std::unique_ptr<StoreRows> rows;
    store::StoreMark mark;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        rows = std::move(slot.ready_rows);
        mark = slot.ready_rows_mark;
        reload = reload || slot.ready_reload;
        slot.ready_reload = false;
    }
    if (!rows) {
        return false;
    }
    if (edits_at_look_ != edits_) {
        // A correction or an undo was written after the look began: the rows it read may
        // predate that write (an undone correction would come back for a moment). Dropped:
        // the next look reads the same changes again, with the write, in the store's order.
        return false;
    }
    if (!slot.has_data || !slot.map) {
        reload = true;
        return false;
    }
    // The renderer may hold the map table: the rows go into a copy (48 bytes a row).
    auto map = std::make_shared<mapdata::EventTable>(*slot.map);
    const auto counts = apply_store_rows(*map, slot_table(slot), rows->map, rows->table);
    if (!counts) {
        reload = true;
        return false;
    }
    map->skipped_rows += rows->map.skipped_rows;
    if (map->article_count > 0) {
        std::vector<std::uint64_t> all;
        all.reserve(slot.article_hashes.size() + rows->article_hashes.size());
        std::set_union(slot.article_hashes.begin(), slot.article_hashes.end(),
                       rows->article_hashes.begin(), rows->article_hashes.end(),
                       std::back_inserter(all));
        slot.article_hashes = std::move(all);
        map->article_count = slot.article_hashes.size();
    }
    for (const std::size_t r : counts->replaced_rows) {
        changed_rows.push_back(static_cast<Row>(r));
    }
    for (std::size_t r = map->size() - counts->appended; r < map->size(); ++r) {
        changed_rows.push_back(static_cast<Row>(r));
    }
    slot.map = std::move(map);
    std::lock_guard<std::mutex> lock(mutex_);
    slot.shown_at = mark;
    ++follow_stats_.updates;
    follow_stats_.rows_read += rows->rows_read;
    follow_stats_.last_rows_read = rows->rows_read;
    return counts->replaced + counts->appended > 0;
}

Session::FollowStats Session::follow_stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return follow_stats_;
}

std::string Session::follow_problem() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return follow_problem_;
}

} // namespace eventmap::view
