// Everything the viewer knows, with no window and no GL: the loaded events, the time window,
// the filters and what passes them, the list, the selection, corrections and exports. The
// window (viewer.cpp) draws from it and forwards input to it; scripts and tests drive it
// directly. Derived data (filter result, list, histogram) is rebuilt when its inputs change,
// never per frame.
//
// Loading runs on a worker thread in two steps: the map table (positions, days, types: enough
// to draw), then the columns the filters need (ids, countries, actors, places). poll() on the
// main thread takes each step's result when it is ready, so the map is usable after step one.
//
// Several sources open as layers: each has its own worker (they load in parallel), its own
// tables and its own store for corrections. The session's table is every loaded layer's rows,
// one block after another in drawing order (layer 0 at the bottom); filters and the time
// window apply to all of them, a hidden layer's rows pass no filter, and reordering rebuilds
// the blocks (layer_merge.hpp).
#pragma once

#include "mapdata/event_table.hpp"
#include "store/event_journal.hpp"
#include "view/correction_store.hpp"
#include "view/event_list.hpp"
#include "view/event_table.hpp"
#include "view/filter.hpp"
#include "view/histogram.hpp"
#include "view/layer_merge.hpp"
#include "view/place_finder.hpp"
#include "view/spatial_grid.hpp"
#include "view/store_loader.hpp"
#include "view/time_model.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace eventmap::view {

class Session {
  public:
    explicit Session(std::string source, std::string layer = {});
    // One layer per source, in drawing order (the first at the bottom). `layer`: the OGR layer
    // to read from each (empty: each source's default).
    Session(const std::vector<std::string>& sources, std::string layer);
    ~Session(); // stops the workers
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // The first layer's source (the only one, usually).
    const std::string& source() const;

    // --- Layers ---
    // In drawing order: index 0 is drawn first (at the bottom).
    std::vector<LayerInfo> layers() const;
    std::size_t layer_count() const { return layers_.size(); }
    // A layer by name or by 1-based number in drawing order; nullopt when none.
    std::optional<std::size_t> find_layer(const std::string& name_or_number) const;
    // Hiding a layer filters its rows out (map, list, counts, histogram); nothing is reloaded.
    void set_layer_visible(std::size_t layer, bool visible);
    // Moves a layer to position `to` of the drawing order (rows are rebuilt in the new order;
    // the selection follows its event).
    void move_layer(std::size_t from, std::size_t to);
    // The layer a row of table() belongs to.
    std::size_t layer_of(Row row) const;
    const std::string& layer_name_of(Row row) const;
    // The source's own attributes of a row (sentence, title, URL...), read by feature id.
    std::vector<std::pair<std::string, std::string>> details(Row row) const;

    // --- Loading ---
    void start_loading();
    // How many times loading started (the first load, then each reload of one or more layers;
    // LayerInfo::loads counts each layer's).
    std::uint64_t loads_started() const { return loads_started_; }
    // Takes finished work from the workers; true when the data or the filter result changed.
    bool poll();
    // Blocks until loading (and a pending text search) is finished; for scripts and tests.
    void wait_until_loaded();
    LoadStage stage() const { return stage_.load(); }
    float progress() const; // 0..1 within the current stage (the layers' mean)
    std::string load_error() const;
    // Something the user should know about the data that is not an error (a source larger
    // than max_events, shown in part); empty when none.
    std::string load_notice() const;
    // Called on a worker thread each time a loading step or a text search has a result for
    // poll() (the window wakes its event loop with it instead of drawing frames while it
    // waits); set before start_loading().
    void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
    // At most this many events are loaded (0: no limit); set before start_loading().
    void set_max_events(std::uint64_t n) { max_events_ = n; }
    static constexpr std::uint64_t default_max_events = 3000000;
    // A store's first rows are shown on their own while the rest loads.
    static constexpr std::uint64_t first_part_rows = 131072;
    bool has_map() const { return map_ != nullptr; }
    std::shared_ptr<const mapdata::EventTable> map() const { return map_; }
    const EventTable& table() const { return table_; }
    double load_seconds() const { return load_seconds_; }
    // Seconds since start_loading() was last called.
    double seconds_since_load_start() const;
    // Seconds from start_loading() until the filter columns were read too.
    double columns_seconds() const { return columns_seconds_; }
    // --- Following the sources (the map follows the store; session_follow.cpp) ---
    // Starts a look at the sources for committed changes on a worker thread, unless one runs
    // or a load is under way; the window calls it about once a second. poll() applies what it
    // found: a store's changed rows read one by one (its journal, store/event_journal.hpp),
    // or everything read again when the change cannot be described row by row.
    void check_sources();
    struct FollowStats {
        std::uint64_t checks = 0;         // looks finished
        std::uint64_t updates = 0;        // changes applied row by row
        std::uint64_t reloads = 0;        // changes that had every event read again
        std::uint64_t rows_read = 0;      // store rows read by the updates, in all
        std::uint64_t last_rows_read = 0; // ... by the last one
    };
    FollowStats follow_stats() const;
    // Why the sources cannot be followed just now (a store locked past the reader's wait, a
    // PostGIS server gone), naming the source; empty while they can. The events stay.
    std::string follow_problem() const;

    // Replaces the data with a table built in memory (tests, benches); no worker involved.
    void set_data(std::shared_ptr<const mapdata::EventTable> map, EventTable table);

    // --- Time and filters ---
    TimeModel time;
    const FilterState& filters() const { return filters_; }
    void set_filters(const FilterState& filters);
    const FilterResult& filtered() const { return filtered_; }
    // Bumped whenever filtered() changes: the renderer's visibility mask follows it.
    std::uint64_t filter_generation() const { return filter_generation_; }
    bool text_search_pending() const { return text_search_running_.load(); }
    bool in_window(Row row) const;
    std::size_t count_in_window() const { return list_.count_in(time.window()); }

    EventList& list() { return list_; }
    // Histogram over `range` with at most `max_bins` bins, cached until data/filter/args change.
    const Histogram& histogram(DayRange range, int max_bins);

    // --- Selection ---
    // The nearest event passing the filters and the window inside `box`, by `distance`.
    std::optional<Row> pick(const LonLatBox& box, const std::function<double(Row)>& distance);
    std::vector<Row> select_box(const LonLatBox& box);
    std::optional<Row> selected;
    std::vector<Row> box_selection;
    std::optional<Row> row_of_id(const std::string& id) const;

    // --- Corrections (the source must be a GeoPackage or PostGIS store) ---
    // Moves the event; the map table is replaced by a copy with the new position (the renderer
    // takes it through map()). A `to` without a name is a point clicked on the map: it is
    // named by point_choice (place_finder.hpp), in the table and the store alike. Throws as
    // CorrectionStore does.
    CorrectionRecord correct(Row row, const PlaceChoice& to);
    // Other places the event's name could mean (gazetteer look-up of the name as written),
    // the event's current place left out. Throws DataError when there is no gazetteer.
    std::vector<PlaceChoice> candidates(Row row);
    PlaceFinder& places() { return finder_; }
    bool can_undo() const { return !undo_stack_.empty(); }
    void undo();
    std::uint64_t data_generation() const { return data_generation_; }

    // --- Export ---
    // The events passing the filters inside the window, through the project's export code
    // (format from the extension). Returns how many were written.
    std::uint64_t export_filtered(const std::string& path);
    std::vector<Row> rows_to_export();

  private:
    void refilter();
    struct LayerSlot;
    // Loads these layers (again); the others keep their rows.
    void start_loading(const std::vector<LayerSlot*>& slots);
    std::shared_ptr<mapdata::EventTable> load_map_table(LayerSlot& slot);
    void load_worker(LayerSlot& slot);
    void follow_worker();
    void follow_layer(LayerSlot& slot);
    bool take_follow_results(LayerSlot& slot, bool& reload, std::vector<Row>& changed_rows);
    void join_follower();
    static std::optional<store::StoreMark> store_mark(const std::string& source,
                                                      const std::string& layer);
    static long long file_stamp(const std::string& source);
    void update_stage(); // with mutex_ held
    bool take_layer_results(LayerSlot& slot);
    void rebuild_merged();
    void adopt_merged(const std::vector<Row>* changed_rows = nullptr);
    EventTable& slot_table(LayerSlot& slot);
    void start_text_search();
    struct SearchPart {
        std::string source, layer;
        EventTable rows; // feature ids only
    };
    void search_worker(const std::string& text, std::uint64_t ticket,
                       const std::vector<SearchPart>& parts);
    void move_row(Row row, LatLon to);
    void set_corrected(Row row, std::uint8_t flag);
    void set_place(Row row, const std::string& place, const std::string& country);
    LayerSlot& slot_of(Row row) const;
    std::optional<Row> row_of_id_in(const LayerSlot& slot, const std::string& id) const;

    // One source: its tables while loading and, with several layers, its own copy of its rows
    // (the session's table is rebuilt from them when the order changes).
    struct LayerSlot {
        LayerInfo info;
        std::shared_ptr<const mapdata::EventTable> map;
        EventTable table;
        bool has_data = false;
        std::string error;            // its last load's error (guarded by mutex_)
        bool progressive = true;      // set before its loader starts (read by it)
        bool table_in_merged = false; // a single layer's rows live in table_, not copied
        std::unique_ptr<CorrectionStore> corrections;
        std::atomic<float> progress{0};
        std::thread loader;
        // Worker hand-off: guarded by mutex_.
        std::shared_ptr<mapdata::EventTable> ready_map, ready_reports_map;
        std::unique_ptr<EventTable> ready_table, ready_columns;
        LoadStage worker_stage = LoadStage::idle;
        // Following (session_follow.cpp). Guarded by mutex_: where the source stood when the
        // rows shown were read (nullopt: unknown, not a store) and when the last load began;
        // the file's time and size for a source that is not a store.
        bool is_store = false, generic = false; // how its last load read it
        std::optional<store::StoreMark> shown_at, load_began_at, ready_shown_at;
        long long file_stamp = 0, ready_file_stamp = 0;
        // The follower's only: the store's journal, kept open between looks.
        std::unique_ptr<store::JournalReader> journal;
        // Follower hand-off, guarded by mutex_: rows to apply, or a reload wanted.
        std::unique_ptr<StoreRows> ready_rows;
        store::StoreMark ready_rows_mark;
        bool ready_reload = false;
        std::vector<std::uint64_t> article_hashes; // the main thread's (reports' articles)
        std::vector<std::uint64_t> ready_article_hashes;
    };
    std::vector<std::unique_ptr<LayerSlot>> layers_;
    std::string layer_;
    bool several_layers_ = false; // fixed at construction (workers read it)
    std::function<void()> wake_;  // set before the workers start (they call it)
    void wake() const {
        if (wake_) {
            wake_();
        }
    }
    std::shared_ptr<const mapdata::EventTable> map_;
    EventTable table_;
    SpatialGrid grid_;
    FilterState filters_;
    FilterResult filtered_;
    std::uint64_t filter_generation_ = 0, data_generation_ = 0;
    EventList list_;
    Histogram histogram_;
    DayRange histogram_range_{1, 0};
    int histogram_bins_ = 0;
    std::uint64_t histogram_generation_ = ~0ULL;
    std::vector<std::pair<LayerSlot*, CorrectionRecord>> undo_stack_;
    PlaceFinder finder_;
    double load_seconds_ = 0, columns_seconds_ = 0;
    std::chrono::steady_clock::time_point load_start_;
    std::uint64_t max_events_ = default_max_events;
    std::uint64_t loads_started_ = 0;
    std::thread follower_;
    std::atomic<bool> follow_running_{false};
    // Corrections and undos made (main thread), and their count when the running look at the
    // sources began: a look begun before the last one read the store before that write.
    std::uint64_t edits_ = 0, edits_at_look_ = 0;
    FollowStats follow_stats_;   // guarded by mutex_
    std::string follow_problem_; // guarded by mutex_

    // Worker hand-off: guarded by mutex_.
    mutable std::mutex mutex_;
    std::thread searcher_;
    std::atomic<LoadStage> stage_{LoadStage::idle};
    std::atomic<bool> stop_{false};
    std::string error_, notice_; // error_: a text search's (a layer's own: LayerSlot::error)
    std::atomic<bool> text_search_running_{false};
    std::atomic<bool> search_cancel_{false};
    std::uint64_t search_ticket_ = 0, ready_search_ticket_ = 0, failed_search_ticket_ = 0;
    std::unique_ptr<std::vector<std::uint8_t>> ready_text_mask_;
    std::vector<std::uint8_t> text_mask_;
    std::string text_mask_for_;
    std::string text_failed_for_; // a text the source could not search (not applied)
};

} // namespace eventmap::view
