#include "view/session.hpp"

#include "common/error.hpp"
#include "mapdata/map_source.hpp"
#include "view/layer_merge.hpp"
#include "view/source_columns.hpp"
#include "view/store_loader.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>

namespace eventmap::view {

Session::Session(std::string source, std::string layer)
    : Session(std::vector<std::string>{std::move(source)}, std::move(layer)) {}

Session::Session(const std::vector<std::string>& sources, std::string layer)
    : layer_(std::move(layer)) {
    std::vector<std::string> names;
    for (const auto& source : sources) {
        auto slot = std::make_unique<LayerSlot>();
        slot->info.source = source;
        slot->info.name = layer_name(source, names);
        names.push_back(slot->info.name);
        layers_.push_back(std::move(slot));
    }
    if (layers_.empty()) {
        layers_.push_back(std::make_unique<LayerSlot>()); // set_data() fills it
    }
    several_layers_ = layers_.size() > 1;
}

Session::~Session() {
    stop_ = true;
    search_cancel_ = true;
    for (auto& slot : layers_) {
        if (slot->loader.joinable()) {
            slot->loader.join();
        }
    }
    if (searcher_.joinable()) {
        searcher_.join();
    }
    join_follower();
}

const std::string& Session::source() const {
    return layers_.front()->info.source;
}

// -------------------------------------------------------------------------------------------
// Loading: one worker per layer
// -------------------------------------------------------------------------------------------

void Session::start_loading() {
    std::vector<LayerSlot*> all;
    for (auto& slot : layers_) {
        all.push_back(slot.get()); // slots never move: the vector holds pointers
    }
    start_loading(all);
}

void Session::start_loading(const std::vector<LayerSlot*>& slots) {
    join_follower();
    for (LayerSlot* slot : slots) {
        if (slot->loader.joinable()) {
            slot->loader.join();
        }
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (LayerSlot* slot : slots) {
            slot->worker_stage = LoadStage::map;
            slot->info.stage = LoadStage::map;
            ++slot->info.loads;
            slot->progress = 0;
            // A reload (the source changed) keeps showing every event it had until the new
            // rows and their columns are all read: a first part would shrink the map, the
            // map step alone would empty the list's places and the filters for a moment.
            slot->progressive = !slot->has_data;
            slot->error.clear(); // a new attempt: its own errors
        }
        update_stage();
        error_.clear(); // a text search's error (an old one stays on the status bar)
    }
    load_start_ = std::chrono::steady_clock::now();
    ++loads_started_;
    for (LayerSlot* s : slots) {
        s->loader = std::thread([this, s] { load_worker(*s); });
    }
}

float Session::progress() const {
    float sum = 0;
    for (const auto& slot : layers_) {
        sum += slot->progress.load();
    }
    return sum / static_cast<float>(layers_.size());
}

void Session::update_stage() {
    bool any_map = false, any_columns = false, all_failed = true;
    for (const auto& slot : layers_) {
        any_map |= slot->worker_stage == LoadStage::map;
        any_columns |= slot->worker_stage == LoadStage::columns;
        all_failed &= slot->worker_stage == LoadStage::failed;
    }
    stage_ = any_map       ? LoadStage::map
             : any_columns ? LoadStage::columns
             : all_failed  ? LoadStage::failed
                           : LoadStage::done;
}

namespace {

// Rows a source may hold before the viewer shows only the first max_events of them: about
// 400 bytes a row between the map table, the view's columns and the GPU's copy.
std::string too_many_rows(std::uint64_t rows, std::uint64_t shown) {
    return "the source holds " + std::to_string(rows) + " events; the viewer shows the first " +
           std::to_string(shown) + " (--max-events N changes the limit, `eventmap render` " +
           "draws them all)";
}

} // namespace

std::shared_ptr<mapdata::EventTable> Session::load_map_table(LayerSlot& slot) {
    const std::string& source = slot.info.source;
    const auto progress = [this, &slot](std::uint64_t done, std::uint64_t all) {
        slot.progress = all == 0 ? 1.0f : static_cast<float>(done) / static_cast<float>(all);
        return !stop_.load();
    };
    StoreLoadOptions store_options;
    store_options.layer = layer_;
    store_options.max_events = max_events_;
    // Progressive display: the first rows are drawn while the rest is read.
    store_options.first_part = slot.progressive ? first_part_rows : 0;
    store_options.on_first_part = [this, &slot](const mapdata::EventTable& part) {
        auto map = std::make_shared<mapdata::EventTable>(part);
        auto table = std::make_unique<EventTable>(table_from_map(*map));
        {
            std::lock_guard<std::mutex> lock(mutex_);
            slot.ready_map = std::move(map);
            slot.ready_table = std::move(table);
        }
        wake();
    };
    // Eventmap stores: one SQL query into columns. Anything else: OGR feature by feature.
    if (auto store = load_store_map(source, store_options, progress)) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            slot.is_store = true;
        }
        if (max_events_ > 0 && store->rows_in_source > max_events_) {
            std::lock_guard<std::mutex> lock(mutex_);
            notice_ = too_many_rows(store->rows_in_source, max_events_);
        }
        return std::make_shared<mapdata::EventTable>(std::move(store->table));
    }
    const std::uint64_t rows = quick_row_count(source, layer_);
    if (max_events_ > 0 && rows > max_events_) {
        throw InputError("the source holds " + std::to_string(rows) +
                             " rows, more than the viewer loads from a file that is not an "
                             "eventmap store (" +
                             std::to_string(max_events_) +
                             "); open a subset (ogr2ogr -where/-limit), raise --max-events, "
                             "or draw it with `eventmap render`",
                         source);
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        slot.generic = true;
    }
    mapdata::LoadOptions options;
    options.layer = layer_;
    return std::make_shared<mapdata::EventTable>(mapdata::load_events(source, options));
}

void Session::load_worker(LayerSlot& slot) {
    // Everything thrown here is reported through load_error(): no exception leaves the thread.
    const std::string& source = slot.info.source;
    try {
        const auto start = std::chrono::steady_clock::now();
        // Where the source stands before its rows are read: what the map follows from
        // (session_follow.cpp). A commit during the read is read again then.
        const auto mark = store_mark(source, layer_);
        const long long stamp = file_stamp(source);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            slot.load_began_at = mark;
            slot.ready_shown_at = mark;
            slot.ready_file_stamp = stamp;
        }
        auto map = load_map_table(slot);
        if (stop_) {
            return;
        }
        auto table = std::make_unique<EventTable>(table_from_map(*map));
        const std::string layer = map->layer;
        const bool reload = !slot.progressive; // shown with its columns, in one step
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!reload) {
                slot.ready_map = map;
                slot.ready_table = std::make_unique<EventTable>(*table);
            }
            load_seconds_ = std::max(
                load_seconds_,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            slot.worker_stage = LoadStage::columns;
            update_stage();
        }
        wake();
        slot.progress = 0;
        const auto progress = [this, &slot](std::uint64_t done, std::uint64_t all) {
            slot.progress = all == 0 ? 1.0f : static_cast<float>(done) / static_cast<float>(all);
            return !stop_.load();
        };
        StoreReports reports;
        std::shared_ptr<mapdata::EventTable> with_reports;
        if (read_store_columns(source, layer, *table, progress, &reports)) {
            // The map table again, now with the reports per event (marker sizes) and the
            // article count (caption): the renderer takes it as new data.
            with_reports = std::make_shared<mapdata::EventTable>(*map);
            with_reports->sources = std::move(reports.sources);
            with_reports->article_count = reports.article_count;
        } else {
            read_source_columns(source, layer, *table, progress);
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            columns_seconds_ = std::max(
                columns_seconds_,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            slot.ready_columns = std::move(table);
            slot.ready_reports_map = std::move(with_reports);
            if (reload) {
                slot.ready_map = std::move(map);
            }
            slot.ready_article_hashes = std::move(reports.article_hashes);
        }
        wake();
    } catch (const std::exception& e) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            const auto* located = dynamic_cast<const Error*>(&e);
            const std::string what = located != nullptr ? located->located() : e.what();
            slot.error = several_layers_ ? slot.info.name + ": " + what : what;
            slot.worker_stage = LoadStage::failed;
            // What the follower compares with: this attempt's source, so a layer that cannot
            // be read is tried again when it changes, not at the follower's first look.
            slot.file_stamp = slot.ready_file_stamp;
            update_stage();
        }
        wake();
    }
}

std::string Session::load_error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string all;
    for (const auto& slot : layers_) {
        if (!slot->error.empty()) {
            all += (all.empty() ? "" : "; ") + slot->error;
        }
    }
    if (!error_.empty()) {
        all += (all.empty() ? "" : "; ") + error_;
    }
    return all;
}

double Session::seconds_since_load_start() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start_).count();
}

std::string Session::load_notice() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return notice_;
}

// -------------------------------------------------------------------------------------------
// The layers' rows as one table
// -------------------------------------------------------------------------------------------

namespace {

// Events corrected in earlier sessions (or before a reload) show as corrected. Sources that
// are not stores have no corrections table: nothing to mark.
void mark_corrected_from_store(const std::string& source, EventTable& table) {
    std::vector<std::string> ids;
    try {
        ids = CorrectionStore(source).corrected_event_ids();
    } catch (const Error&) {
        return;
    }
    if (ids.empty()) {
        return;
    }
    std::unordered_map<std::string, Row> row_of;
    for (std::size_t r = 0; r < table.size(); ++r) {
        row_of.emplace(table.id[r], static_cast<Row>(r));
    }
    for (const auto& id : ids) {
        if (const auto it = row_of.find(id); it != row_of.end()) {
            table.corrected[it->second] = 1;
        }
    }
}

} // namespace

EventTable& Session::slot_table(LayerSlot& slot) {
    return slot.table_in_merged ? table_ : slot.table;
}

// Takes a layer's finished steps from its worker; true when its rows changed.
bool Session::take_layer_results(LayerSlot& slot) {
    std::unique_ptr<EventTable> table, columns;
    std::shared_ptr<mapdata::EventTable> map, reports_map;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        table = std::move(slot.ready_table);
        columns = std::move(slot.ready_columns);
        map = std::move(slot.ready_map);
        reports_map = std::move(slot.ready_reports_map);
        slot.info.stage = slot.worker_stage;
    }
    bool changed = false;
    // A reload's map arrives with its columns (no table of its own): shown in one step.
    const bool whole = map && !table && columns;
    if (map && (table || columns)) {
        slot.map = std::move(map);
        if (table) {
            slot.table = std::move(*table);
        }
        slot.table_in_merged = false;
        slot.has_data = true;
        changed = true;
    }
    if (columns) {
        if (reports_map && slot.map && reports_map->size() == slot.map->size()) {
            slot.map = std::move(reports_map);
        }
        // Same rows, more columns: keep what a correction changed since the first step (a
        // reload read every row again: the store has its corrections).
        const EventTable& before = slot_table(slot);
        if (!whole && before.size() == columns->size()) {
            columns->corrected = before.corrected;
            columns->lat = before.lat;
            columns->lon = before.lon;
        }
        mark_corrected_from_store(slot.info.source, *columns);
        slot.table = std::move(*columns);
        slot.table_in_merged = false;
        std::lock_guard<std::mutex> lock(mutex_);
        // The rows shown are now those read from this mark on (session_follow.cpp).
        slot.shown_at = slot.ready_shown_at;
        slot.file_stamp = slot.ready_file_stamp;
        slot.article_hashes = std::move(slot.ready_article_hashes);
        slot.worker_stage = LoadStage::done;
        slot.info.stage = LoadStage::done;
        update_stage();
        changed = true;
    }
    return changed;
}

// The session's table: the loaded layers' rows in drawing order. A single layer's table is
// moved, not copied (a million rows cost nothing extra).
void Session::rebuild_merged() {
    // The selection keeps its events across the rebuild: (layer, row within it).
    const auto locate = [this](Row r) {
        const LayerSlot& s = slot_of(r);
        return std::make_pair(&s, r - s.info.first_row);
    };
    std::optional<std::pair<const LayerSlot*, Row>> selected_at;
    if (selected && *selected < table_.size()) {
        selected_at = locate(*selected);
    }
    std::vector<std::pair<const LayerSlot*, Row>> box_at;
    for (Row r : box_selection) {
        if (r < table_.size()) {
            box_at.push_back(locate(r));
        }
    }
    Row at = 0;
    std::vector<const mapdata::EventTable*> maps;
    std::vector<const EventTable*> tables;
    for (auto& slot : layers_) {
        const EventTable& t = slot_table(*slot);
        slot->info.first_row = at;
        slot->info.rows = slot->has_data ? t.size() : 0;
        at += static_cast<Row>(slot->info.rows);
        if (slot->has_data) {
            maps.push_back(slot->map.get());
            tables.push_back(&t);
        }
    }
    if (layers_.size() == 1) {
        LayerSlot& only = *layers_.front();
        map_ = only.map;
        if (!only.table_in_merged) {
            table_ = std::move(only.table);
            only.table = EventTable{};
            only.table_in_merged = true;
        }
    } else {
        map_ =
            maps.empty() ? nullptr : std::make_shared<const mapdata::EventTable>(concat_maps(maps));
        table_ = concat_tables(tables);
    }
    const auto restore = [](const std::pair<const LayerSlot*, Row>& p) -> std::optional<Row> {
        if (!p.first->has_data || p.second >= p.first->info.rows) {
            return std::nullopt;
        }
        return p.first->info.first_row + p.second;
    };
    selected = selected_at ? restore(*selected_at) : std::nullopt;
    box_selection.clear();
    for (const auto& p : box_at) {
        if (const auto r = restore(p)) {
            box_selection.push_back(*r);
        }
    }
    std::sort(box_selection.begin(), box_selection.end());
}

// New rows: the grid, the time extent and the filter result follow. `changed_rows`: only those
// rows of the table changed or were added (the rest kept their place), for the grid to take
// them as they are rather than be built again.
void Session::adopt_merged(const std::vector<Row>* changed_rows) {
    if (changed_rows != nullptr) {
        grid_.update(table_, *changed_rows);
    } else {
        grid_.build(table_);
    }
    const DayRange before = time.extent();
    const DayRange window = time.window();
    const DayRange extent = table_.day_extent();
    time.set_extent(extent.first, extent.last);
    // The first data shows all of itself; later data (the rest of a progressive load, a
    // reload, another layer) keeps the user's window unless it was the whole extent, which
    // then grows.
    if (data_generation_ == 0 || (window.first == before.first && window.last == before.last)) {
        time.set_window(extent.first, extent.last);
    }
    ++data_generation_;
    refilter();
}

void Session::set_data(std::shared_ptr<const mapdata::EventTable> map, EventTable table) {
    LayerSlot& only = *layers_.front();
    only.map = std::move(map);
    only.table = std::move(table);
    only.table_in_merged = false;
    only.has_data = true;
    rebuild_merged();
    adopt_merged();
}

bool Session::poll() {
    bool changed = false;
    for (auto& slot : layers_) {
        changed |= take_layer_results(*slot);
    }
    bool followed = false;
    std::vector<Row> followed_rows; // rows of a layer
    std::vector<LayerSlot*> reloads;
    for (auto& slot : layers_) {
        bool reload = false;
        followed |= take_follow_results(*slot, reload, followed_rows);
        if (reload) {
            reloads.push_back(slot.get());
        }
    }
    if (changed || followed) {
        rebuild_merged();
        // One layer whose rows only followed its store: the layer's rows are the table's.
        const bool in_place = !changed && layers_.size() == 1;
        adopt_merged(in_place ? &followed_rows : nullptr);
    }
    // A text searched in the source answers per row: asked again for the new rows.
    if (followed && !filters_.text.empty() && table_.search_text.empty()) {
        text_mask_.clear();
        start_text_search();
        refilter();
    }
    if (!reloads.empty()) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++follow_stats_.reloads;
        }
        start_loading(reloads); // only the layers whose source changed
        changed = true;
    }
    changed = changed || followed;
    std::unique_ptr<std::vector<std::uint8_t>> text_mask;
    std::uint64_t ticket = 0, failed = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        text_mask = std::move(ready_text_mask_);
        ticket = ready_search_ticket_;
        failed = failed_search_ticket_;
    }
    // The source could not answer (a PostGIS server gone): the events stay as they were,
    // the text unapplied, and the error says so.
    if (failed != 0 && failed == search_ticket_ && text_failed_for_ != filters_.text) {
        text_failed_for_ = filters_.text;
        refilter();
        changed = true;
    }
    if (text_mask && ticket == search_ticket_) {
        text_mask_ = std::move(*text_mask);
        text_mask_for_ = filters_.text;
        refilter();
        changed = true;
    }
    return changed;
}

void Session::wait_until_loaded() {
    while (stage_ == LoadStage::map || stage_ == LoadStage::columns || text_search_running_ ||
           poll()) {
        if (stage_ == LoadStage::failed) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        poll();
    }
    poll();
}

// -------------------------------------------------------------------------------------------
// Layers
// -------------------------------------------------------------------------------------------

std::vector<LayerInfo> Session::layers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<LayerInfo> out;
    for (const auto& slot : layers_) {
        out.push_back(slot->info);
    }
    return out;
}

std::optional<std::size_t> Session::find_layer(const std::string& name_or_number) const {
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        if (layers_[i]->info.name == name_or_number) {
            return i;
        }
    }
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        if (std::to_string(i + 1) == name_or_number) {
            return i;
        }
    }
    return std::nullopt;
}

void Session::set_layer_visible(std::size_t layer, bool visible) {
    if (layer >= layers_.size() || layers_[layer]->info.visible == visible) {
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        layers_[layer]->info.visible = visible;
    }
    // What is hidden is not selected any more.
    const LayerInfo& info = layers_[layer]->info;
    const auto in_layer = [&](Row r) {
        return r >= info.first_row && r < info.first_row + info.rows;
    };
    if (!visible && selected && in_layer(*selected)) {
        selected.reset();
    }
    if (!visible) {
        box_selection.erase(std::remove_if(box_selection.begin(), box_selection.end(), in_layer),
                            box_selection.end());
    }
    refilter();
}

void Session::move_layer(std::size_t from, std::size_t to) {
    if (from >= layers_.size() || to >= layers_.size() || from == to) {
        return;
    }
    // A search running over the old order is dropped (asked again below).
    search_cancel_ = true;
    if (searcher_.joinable()) {
        searcher_.join();
    }
    search_cancel_ = false;
    // Each slot holds its rows as they are now (corrections reach both), so the blocks are
    // simply laid out again.
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto moved = std::move(layers_[from]);
        layers_.erase(layers_.begin() + static_cast<std::ptrdiff_t>(from));
        layers_.insert(layers_.begin() + static_cast<std::ptrdiff_t>(to), std::move(moved));
    }
    rebuild_merged();
    adopt_merged();
    // A text search's answer is per row: ask again for the new order.
    if (!filters_.text.empty() && table_.search_text.empty()) {
        text_mask_.clear();
        start_text_search();
        refilter();
    }
}

Session::LayerSlot& Session::slot_of(Row row) const {
    for (const auto& slot : layers_) {
        if (row >= slot->info.first_row && row < slot->info.first_row + slot->info.rows) {
            return *slot;
        }
    }
    return *layers_.front();
}

std::size_t Session::layer_of(Row row) const {
    const LayerSlot* s = &slot_of(row);
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        if (layers_[i].get() == s) {
            return i;
        }
    }
    return 0;
}

const std::string& Session::layer_name_of(Row row) const {
    return slot_of(row).info.name;
}

std::vector<std::pair<std::string, std::string>> Session::details(Row row) const {
    const LayerSlot& s = slot_of(row);
    if (!s.map || row >= table_.size()) {
        return {};
    }
    return mapdata::load_details(*s.map, table_.fid[row]);
}

} // namespace eventmap::view
