#include "view/session.hpp"

#include "common/error.hpp"
#include "export/export.hpp"
#include "mapdata/map_source.hpp"
#include "store/event_store.hpp"
#include "view/source_columns.hpp"
#include "view/store_loader.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <unistd.h>
#include <unordered_map>

namespace eventmap::view {

namespace fs = std::filesystem;

Session::Session(std::string source, std::string layer)
    : source_(std::move(source)), layer_(std::move(layer)) {}

Session::~Session() {
    stop_ = true;
    search_cancel_ = true;
    if (loader_.joinable()) {
        loader_.join();
    }
    if (searcher_.joinable()) {
        searcher_.join();
    }
}

// -------------------------------------------------------------------------------------------
// Loading
// -------------------------------------------------------------------------------------------

void Session::start_loading() {
    if (loader_.joinable()) {
        loader_.join();
    }
    stage_ = LoadStage::map;
    progress_ = 0;
    load_start_ = std::chrono::steady_clock::now();
    loader_ = std::thread([this] { load_worker(); });
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

std::shared_ptr<mapdata::EventTable> Session::load_map_table() {
    const auto progress = [this](std::uint64_t done, std::uint64_t all) {
        progress_ = all == 0 ? 1.0f : static_cast<float>(done) / static_cast<float>(all);
        return !stop_.load();
    };
    StoreLoadOptions store_options;
    store_options.layer = layer_;
    store_options.max_events = max_events_;
    // Progressive display: the first rows are drawn while the rest is read.
    store_options.first_part = first_part_rows;
    store_options.on_first_part = [this](const mapdata::EventTable& part) {
        auto map = std::make_shared<mapdata::EventTable>(part);
        auto table = std::make_unique<EventTable>(table_from_map(*map));
        std::lock_guard<std::mutex> lock(mutex_);
        ready_map_ = std::move(map);
        ready_table_ = std::move(table);
    };
    // Eventmap stores: one SQL query into columns. Anything else: OGR feature by feature.
    if (auto store = load_store_map(source_, store_options, progress)) {
        if (max_events_ > 0 && store->rows_in_source > max_events_) {
            std::lock_guard<std::mutex> lock(mutex_);
            notice_ = too_many_rows(store->rows_in_source, max_events_);
        }
        return std::make_shared<mapdata::EventTable>(std::move(store->table));
    }
    const std::uint64_t rows = quick_row_count(source_, layer_);
    if (max_events_ > 0 && rows > max_events_) {
        throw InputError("the source holds " + std::to_string(rows) +
                             " rows, more than the viewer loads from a file that is not an "
                             "eventmap store (" +
                             std::to_string(max_events_) +
                             "); open a subset (ogr2ogr -where/-limit), raise --max-events, "
                             "or draw it with `eventmap render`",
                         source_);
    }
    mapdata::LoadOptions options;
    options.layer = layer_;
    return std::make_shared<mapdata::EventTable>(mapdata::load_events(source_, options));
}

void Session::load_worker() {
    // Everything thrown here is reported through load_error(): no exception leaves the thread.
    try {
        const auto start = std::chrono::steady_clock::now();
        auto map = load_map_table();
        if (stop_) {
            return;
        }
        auto table = std::make_unique<EventTable>(table_from_map(*map));
        const std::string layer = map->layer;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ready_map_ = map;
            ready_table_ = std::make_unique<EventTable>(*table);
            load_seconds_ =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        stage_ = LoadStage::columns;
        progress_ = 0;
        const auto progress = [this](std::uint64_t done, std::uint64_t all) {
            progress_ = all == 0 ? 1.0f : static_cast<float>(done) / static_cast<float>(all);
            return !stop_.load();
        };
        StoreReports reports;
        std::shared_ptr<mapdata::EventTable> with_reports;
        if (read_store_columns(source_, layer, *table, progress, &reports)) {
            // The map table again, now with the reports per event (marker sizes) and the
            // article count (caption): the renderer takes it as new data.
            with_reports = std::make_shared<mapdata::EventTable>(*map);
            with_reports->sources = std::move(reports.sources);
            with_reports->article_count = reports.article_count;
        } else {
            read_source_columns(source_, layer, *table, progress);
        }
        std::lock_guard<std::mutex> lock(mutex_);
        columns_seconds_ =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ready_columns_ = std::move(table);
        ready_reports_map_ = std::move(with_reports);
    } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto* located = dynamic_cast<const Error*>(&e);
        error_ = located != nullptr ? located->located() : e.what();
        stage_ = LoadStage::failed;
    }
}

// Events corrected in earlier sessions (or before a reload) show as corrected. Sources that
// are not stores have no corrections table: nothing to mark.
void Session::mark_corrected_from_store() {
    std::vector<std::string> ids;
    try {
        ids = CorrectionStore(source_).corrected_event_ids();
    } catch (const Error&) {
        return;
    }
    if (ids.empty()) {
        return;
    }
    std::unordered_map<std::string, Row> row_of;
    for (std::size_t r = 0; r < table_.size(); ++r) {
        row_of.emplace(table_.id[r], static_cast<Row>(r));
    }
    for (const auto& id : ids) {
        if (const auto it = row_of.find(id); it != row_of.end()) {
            table_.corrected[it->second] = 1;
        }
    }
}

std::string Session::load_error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

double Session::seconds_since_load_start() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start_).count();
}

std::string Session::load_notice() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return notice_;
}

void Session::set_data(std::shared_ptr<const mapdata::EventTable> map, EventTable table) {
    map_ = std::move(map);
    table_ = std::move(table);
    grid_.build(table_);
    const DayRange before = time.extent();
    const DayRange window = time.window();
    const DayRange extent = table_.day_extent();
    time.set_extent(extent.first, extent.last);
    // The first data shows all of itself; later data (the rest of a progressive load, a
    // reload) keeps the user's window unless it was the whole extent, which then grows.
    if (data_generation_ == 0 || (window.first == before.first && window.last == before.last)) {
        time.set_window(extent.first, extent.last);
    }
    ++data_generation_;
    refilter();
}

bool Session::poll() {
    std::unique_ptr<EventTable> table, columns;
    std::shared_ptr<mapdata::EventTable> map, reports_map;
    std::unique_ptr<std::vector<std::uint8_t>> text_mask;
    std::uint64_t ticket = 0, failed = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        table = std::move(ready_table_);
        columns = std::move(ready_columns_);
        map = std::move(ready_map_);
        reports_map = std::move(ready_reports_map_);
        text_mask = std::move(ready_text_mask_);
        ticket = ready_search_ticket_;
        failed = failed_search_ticket_;
    }
    bool changed = false;
    if (map && table) {
        set_data(map, std::move(*table));
        changed = true;
    }
    if (columns) {
        if (reports_map && map_ && reports_map->size() == map_->size()) {
            map_ = std::move(reports_map);
        }
        // Same rows, more columns: keep the grid, refilter with countries and actors known.
        columns->corrected = table_.corrected;
        columns->lat = table_.lat;
        columns->lon = table_.lon;
        table_ = std::move(*columns);
        mark_corrected_from_store();
        grid_.build(table_);
        stage_ = LoadStage::done;
        ++data_generation_;
        refilter();
        changed = true;
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
// Filters, window, histogram
// -------------------------------------------------------------------------------------------

void Session::set_filters(const FilterState& filters) {
    const bool text_changed = filters.text != filters_.text;
    filters_ = filters;
    // A table from a source searches in the source; a table built in memory carries its text.
    if (text_changed && !filters_.text.empty() && table_.search_text.empty()) {
        search_cancel_ = true;
        if (searcher_.joinable()) {
            searcher_.join();
        }
        search_cancel_ = false;
        text_search_running_ = true;
        const std::uint64_t ticket = ++search_ticket_;
        searcher_ =
            std::thread([this, text = filters_.text, ticket] { search_worker(text, ticket); });
    }
    refilter();
}

// `text` is the thread lambda's own copy (set_filters), alive until this returns.
void Session::search_worker(const std::string& text, std::uint64_t ticket) {
    try {
        auto mask = std::make_unique<std::vector<std::uint8_t>>(search_source_text(
            source_, map_ ? map_->layer : layer_, table_, text, &search_cancel_));
        std::lock_guard<std::mutex> lock(mutex_);
        if (!search_cancel_) {
            ready_text_mask_ = std::move(mask);
            ready_search_ticket_ = ticket;
        }
    } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(mutex_);
        error_ = std::string("text search: ") + e.what() + " (the text filter is not applied)";
        failed_search_ticket_ = ticket;
    }
    text_search_running_ = false;
}

void Session::refilter() {
    const bool use_mask =
        !filters_.text.empty() && table_.search_text.empty() && filters_.text != text_failed_for_;
    // Until the source's answer for this text arrives, the previous text's matches stand in
    // (an empty mask while none has arrived: nothing passes rather than everything flashing).
    std::vector<std::uint8_t> none;
    const std::vector<std::uint8_t>* mask = nullptr;
    if (use_mask) {
        mask = text_mask_.size() == table_.size() ? &text_mask_ : &none;
    }
    filtered_ = apply_filter(table_, filters_, mask);
    list_.set_rows(table_, filtered_.rows);
    ++filter_generation_;
}

bool Session::in_window(Row r) const {
    const DayRange w = time.window();
    return table_.day_start[r] <= w.last && table_.day_end[r] >= w.first &&
           table_.day_start[r] <= table_.day_end[r];
}

const Histogram& Session::histogram(DayRange range, int max_bins) {
    if (range.first != histogram_range_.first || range.last != histogram_range_.last ||
        max_bins != histogram_bins_ || histogram_generation_ != filter_generation_) {
        histogram_ = build_histogram(table_, filtered_.mask, range, max_bins);
        histogram_range_ = range;
        histogram_bins_ = max_bins;
        histogram_generation_ = filter_generation_;
    }
    return histogram_;
}

// -------------------------------------------------------------------------------------------
// Selection
// -------------------------------------------------------------------------------------------

std::optional<Row> Session::pick(const LonLatBox& box, const std::function<double(Row)>& distance) {
    return grid_.nearest(
        box,
        [&](Row r) { return r < filtered_.mask.size() && filtered_.mask[r] != 0 && in_window(r); },
        distance);
}

std::vector<Row> Session::select_box(const LonLatBox& box) {
    std::vector<Row> rows;
    grid_.query(box, [&](Row r) {
        if (r < filtered_.mask.size() && filtered_.mask[r] != 0 && in_window(r)) {
            rows.push_back(r);
        }
    });
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::optional<Row> Session::row_of_id(const std::string& id) const {
    for (std::size_t r = 0; r < table_.id.size(); ++r) {
        if (table_.id[r] == id) {
            return static_cast<Row>(r);
        }
    }
    return std::nullopt;
}

// -------------------------------------------------------------------------------------------
// Corrections
// -------------------------------------------------------------------------------------------

void Session::move_row(Row row, LatLon to) {
    table_.lat[row] = to.lat;
    table_.lon[row] = to.lon;
    if (map_) {
        auto copy = std::make_shared<mapdata::EventTable>(*map_);
        copy->lat[row] = to.lat;
        copy->lon[row] = to.lon;
        map_ = copy;
    }
    grid_.build(table_);
    ++data_generation_;
}

CorrectionRecord Session::correct(Row row, const PlaceChoice& to) {
    if (row >= table_.size() || table_.id[row].empty()) {
        throw InputError("correction: the event has no id (is the source an eventmap store?)",
                         source_);
    }
    if (!corrections_) {
        corrections_ = std::make_unique<CorrectionStore>(source_);
    }
    CorrectionRecord record = corrections_->apply(table_.id[row], to, current_user());
    move_row(row, to.position);
    table_.corrected[row] = 1;
    undo_stack_.push_back(record);
    return record;
}

std::vector<PlaceChoice> Session::candidates(Row row) {
    std::string written;
    if (map_ && row < table_.size()) {
        for (const auto& [name, value] : mapdata::load_details(*map_, table_.fid[row])) {
            if (name == "extracted_place") {
                written = value;
            }
        }
    }
    if (written.empty()) {
        written = table_.place[row];
    }
    std::vector<PlaceChoice> out;
    for (auto& place : finder_.lookup(written, 12)) {
        const bool same = std::abs(place.position.lat - table_.lat[row]) < 1e-4 &&
                          std::abs(place.position.lon - table_.lon[row]) < 1e-4;
        if (!same) {
            out.push_back(std::move(place));
        }
    }
    return out;
}

void Session::undo() {
    if (undo_stack_.empty() || !corrections_) {
        return;
    }
    const CorrectionRecord record = undo_stack_.back();
    corrections_->undo(record);
    undo_stack_.pop_back();
    if (const auto row = row_of_id(record.event_id)) {
        move_row(*row, record.before.position);
        table_.corrected[*row] = 0;
        for (const auto& other : undo_stack_) {
            table_.corrected[*row] |= other.event_id == record.event_id ? 1 : 0;
        }
    }
}

// -------------------------------------------------------------------------------------------
// Export
// -------------------------------------------------------------------------------------------

std::vector<Row> Session::rows_to_export() {
    std::vector<Row> rows;
    for (Row r : filtered_.rows) {
        if (in_window(r)) {
            rows.push_back(r);
        }
    }
    return rows;
}

std::uint64_t Session::export_filtered(const std::string& path) {
    if (!exporter::format_from_path(path)) {
        throw InputError("unknown export format; use .geojson, .geojsonl, .csv, .kml, .fgb or "
                         ".gpkg",
                         path);
    }
    store::EventStore source(source_, store::OpenMode::read);
    // The project's exporter reads from a store: the chosen events go into a scratch store
    // (grouped by article, as the store keeps them) and are exported from there, so every
    // format is written by the one export code path.
    std::map<std::string, std::vector<events::Event>> by_article;
    for (Row r : rows_to_export()) {
        if (auto event = source.find_event(table_.id[r])) {
            by_article[event->article_id].push_back(std::move(*event));
        }
    }
    const fs::path scratch = fs::temp_directory_path() /
                             ("eventmap-view-export-" + std::to_string(::getpid()) + ".gpkg");
    fs::remove(scratch);
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } cleanup{scratch};
    {
        store::EventStore temp(scratch.string(), store::OpenMode::create);
        temp.begin();
        for (const auto& [article, events] : by_article) {
            store::ArticleRecord record;
            record.id = article;
            record.content_hash = "view-export:" + article;
            temp.add_article(record, events, {});
        }
        temp.commit();
        exporter::ExportOptions options;
        options.output = path;
        return exporter::export_events(temp, options).events;
    }
}

} // namespace eventmap::view
