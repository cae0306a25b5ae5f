// The session's answers to the panels: filters and text search, the window and histogram,
// selection, corrections and export (loading and layers: session.cpp).
#include "common/error.hpp"
#include "export/export.hpp"
#include "mapdata/map_source.hpp"
#include "store/event_store.hpp"
#include "view/session.hpp"
#include "view/source_columns.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <unistd.h>

namespace eventmap::view {

namespace fs = std::filesystem;

// -------------------------------------------------------------------------------------------
// Filters, window, histogram
// -------------------------------------------------------------------------------------------

void Session::set_filters(const FilterState& filters) {
    const bool text_changed = filters.text != filters_.text;
    filters_ = filters;
    // A table from a source searches in the source; a table built in memory carries its text.
    if (text_changed && !filters_.text.empty() && table_.search_text.empty()) {
        start_text_search();
    }
    refilter();
}

void Session::start_text_search() {
    search_cancel_ = true;
    if (searcher_.joinable()) {
        searcher_.join();
    }
    search_cancel_ = false;
    text_search_running_ = true;
    const std::uint64_t ticket = ++search_ticket_;
    // Several layers: each searches its own source, matched by feature id. What the worker
    // needs of them is copied here, so it reads nothing the main thread changes.
    std::vector<SearchPart> parts;
    if (layers_.size() > 1) {
        for (const auto& slot : layers_) {
            if (slot->has_data) {
                SearchPart part{slot->info.source, slot->map->layer, {}};
                part.rows.fid = slot->table.fid;
                part.rows.id.resize(slot->table.size());
                parts.push_back(std::move(part));
            }
        }
    }
    searcher_ = std::thread([this, text = filters_.text, ticket, parts = std::move(parts)] {
        search_worker(text, ticket, parts);
    });
}

// `text` and `parts` are the thread lambda's own copies (start_text_search), alive until this
// returns.
void Session::search_worker(const std::string& text, std::uint64_t ticket,
                            const std::vector<SearchPart>& parts) {
    try {
        std::unique_ptr<std::vector<std::uint8_t>> mask;
        if (parts.empty()) {
            const LayerSlot& only = *layers_.front();
            mask = std::make_unique<std::vector<std::uint8_t>>(search_source_text(
                only.info.source, map_ ? map_->layer : layer_, table_, text, &search_cancel_));
        } else {
            // The answers laid out as the rows are, one layer after another.
            mask = std::make_unique<std::vector<std::uint8_t>>();
            for (const auto& part : parts) {
                const auto found =
                    search_source_text(part.source, part.layer, part.rows, text, &search_cancel_);
                mask->insert(mask->end(), found.begin(), found.end());
            }
        }
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
    wake();
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
    // A hidden layer's rows pass nothing: off the map, the list, the counts in the window.
    bool hidden = false;
    for (const auto& slot : layers_) {
        if (!slot->info.visible && slot->info.rows > 0) {
            const auto first = filtered_.mask.begin() + slot->info.first_row;
            std::fill(first, first + static_cast<std::ptrdiff_t>(slot->info.rows), 0);
            hidden = true;
        }
    }
    if (hidden) {
        auto& rows = filtered_.rows;
        rows.erase(
            std::remove_if(rows.begin(), rows.end(), [&](Row r) { return filtered_.mask[r] == 0; }),
            rows.end());
    }
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
    // Events at the same spot: the one drawn last (on top: a later row, a higher layer) wins,
    // by a nudge far below a pixel (a million rows: a thousandth of one).
    const double rows = static_cast<double>(table_.size());
    return grid_.nearest(
        box,
        [&](Row r) { return r < filtered_.mask.size() && filtered_.mask[r] != 0 && in_window(r); },
        [&](Row r) { return distance(r) + (rows - r) * 1e-9; });
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

std::optional<Row> Session::row_of_id_in(const LayerSlot& slot, const std::string& id) const {
    const std::size_t end = std::min(table_.id.size(), slot.info.first_row + slot.info.rows);
    for (std::size_t r = slot.info.first_row; r < end; ++r) {
        if (table_.id[r] == id) {
            return static_cast<Row>(r);
        }
    }
    return std::nullopt;
}

// -------------------------------------------------------------------------------------------
// Corrections: written to the store of the event's layer
// -------------------------------------------------------------------------------------------

namespace {

std::shared_ptr<const mapdata::EventTable>
moved_copy(const std::shared_ptr<const mapdata::EventTable>& map, std::size_t row, LatLon to) {
    if (!map || row >= map->size()) {
        return map;
    }
    auto copy = std::make_shared<mapdata::EventTable>(*map);
    copy->lat[row] = to.lat;
    copy->lon[row] = to.lon;
    return copy;
}

} // namespace

// The session's table and the layer's own copy (several layers) both move, so a later
// reordering keeps the correction.
void Session::move_row(Row row, LatLon to) {
    table_.lat[row] = to.lat;
    table_.lon[row] = to.lon;
    map_ = moved_copy(map_, row, to);
    LayerSlot& slot = slot_of(row);
    const Row local = row - slot.info.first_row;
    if (layers_.size() > 1) {
        slot.map = moved_copy(slot.map, local, to);
        if (local < slot.table.size()) {
            slot.table.lat[local] = to.lat;
            slot.table.lon[local] = to.lon;
        }
    } else {
        slot.map = map_;
    }
    grid_.update(table_, {row});
    ++data_generation_;
}

void Session::set_corrected(Row row, std::uint8_t flag) {
    table_.corrected[row] = flag;
    LayerSlot& slot = slot_of(row);
    const Row local = row - slot.info.first_row;
    if (layers_.size() > 1 && local < slot.table.size()) {
        slot.table.corrected[local] = flag;
    }
}

void Session::set_place(Row row, const std::string& place, const std::string& country) {
    auto code = [&](EventTable& t) {
        return static_cast<std::uint16_t>(
            std::min<std::uint32_t>(t.countries.intern(country), 65535));
    };
    table_.place[row] = place;
    table_.country[row] = code(table_);
    LayerSlot& slot = slot_of(row);
    const Row local = row - slot.info.first_row;
    if (layers_.size() > 1 && local < slot.table.size()) {
        slot.table.place[local] = place;
        slot.table.country[local] = code(slot.table);
    }
}

CorrectionRecord Session::correct(Row row, const PlaceChoice& chosen) {
    LayerSlot& slot = slot_of(row);
    if (row >= table_.size() || table_.id[row].empty()) {
        throw InputError("correction: the event has no id (is the source an eventmap store?)",
                         slot.info.source);
    }
    if (!slot.corrections) {
        slot.corrections = std::make_unique<CorrectionStore>(slot.info.source);
    }
    // A clicked point names what is near it, so the list, the details and the store never show
    // the name of the place the event was moved away from.
    const PlaceChoice to = chosen.name.empty() ? point_choice(finder_, chosen.position) : chosen;
    CorrectionRecord record = slot.corrections->apply(table_.id[row], to, current_user());
    ++edits_;
    move_row(row, to.position);
    set_corrected(row, 1);
    set_place(row, to.name, to.country_code);
    refilter(); // the country facet follows
    undo_stack_.emplace_back(&slot, record);
    return record;
}

std::vector<PlaceChoice> Session::candidates(Row row) {
    std::string written;
    if (row < table_.size()) {
        for (const auto& [name, value] : details(row)) {
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
    if (undo_stack_.empty()) {
        return;
    }
    const auto [slot, record] = undo_stack_.back();
    if (!slot->corrections) {
        return;
    }
    slot->corrections->undo(record);
    ++edits_;
    undo_stack_.pop_back();
    if (const auto row = row_of_id_in(*slot, record.event_id)) {
        move_row(*row, record.before.position);
        // As a store loads it: the resolved place, else the name as written.
        set_place(*row, record.before.name.empty() ? record.extracted_place : record.before.name,
                  record.before.country_code);
        refilter();
        std::uint8_t still = 0;
        for (const auto& [other_slot, other] : undo_stack_) {
            still |= other_slot == slot && other.event_id == record.event_id ? 1 : 0;
        }
        set_corrected(*row, still);
    }
}

// -------------------------------------------------------------------------------------------
// Export: each layer's events from its own store
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
    // The project's exporter reads from a store: the chosen events go into a scratch store
    // (grouped by article, as the store keeps them) and are exported from there, so every
    // format is written by the one export code path. A store layer's events are read whole
    // from its store; a file layer's are made from its rows and its attributes
    // (read_source_events says which fields it can carry).
    std::map<std::string, std::vector<events::Event>> by_article;
    const auto rows = rows_to_export();
    for (const auto& slot : layers_) {
        const Row first = slot->info.first_row;
        const Row end = first + static_cast<Row>(slot->info.rows);
        std::vector<Row> mine;
        std::copy_if(rows.begin(), rows.end(), std::back_inserter(mine),
                     [&](Row r) { return r >= first && r < end; });
        if (mine.empty()) {
            continue;
        }
        bool is_store = false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            is_store = slot->is_store;
        }
        std::vector<events::Event> found;
        if (is_store) {
            store::EventStore source(slot->info.source, store::OpenMode::read);
            for (Row r : mine) {
                if (auto event = source.find_event(table_.id[r])) {
                    found.push_back(std::move(*event));
                }
            }
        } else {
            found = read_source_events(slot->info.source, slot->map ? slot->map->layer : layer_,
                                       table_, mine, slot->info.name);
        }
        for (auto& event : found) {
            // The scratch store needs an article for every event: one per layer for those
            // that name none (their article_id stays empty in the export).
            const std::string article =
                event.article_id.empty() ? "view-export:" + slot->info.name : event.article_id;
            by_article[article].push_back(std::move(event));
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
