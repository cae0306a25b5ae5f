// Scripted runs (--script) and the frame-time bench (--bench), driving the window frame by
// frame. Each script action prints one JSON line on stdout (script.hpp lists them).
#include "common/error.hpp"
#include "view/script.hpp"
#include "view/viewer_app.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <epoxy/gl.h>
#include <imgui.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace eventmap::view {

using nlohmann::json;

namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (!item.empty()) {
            items.push_back(item);
        }
    }
    return items;
}

void apply_filter_action(Session& session, const ScriptAction& a) {
    FilterState f = session.filters();
    const std::string& facet = a.args[0];
    const std::string value = a.args.size() > 1 ? a.args[1] : std::string();
    const auto names = split_list(value);
    const std::set<std::string> set(names.begin(), names.end());
    if (facet == "clear") {
        f = {};
    } else if (facet == "type") {
        f.types = set;
    } else if (facet == "country") {
        f.countries = set;
    } else if (facet == "actor") {
        f.actors = set;
    } else if (facet == "date_source") {
        f.date_sources = set;
    } else if (facet == "quad") {
        f.quads.fill(false);
        for (const auto& q : names) {
            f.quads[static_cast<std::size_t>(q[0] - '0')] = true;
        }
    } else if (facet == "planned") {
        f.planned = *planned_filter_from(value);
    } else if (facet == "confidence") {
        f.min_confidence = static_cast<float>(a.numbers.at(0));
    } else if (facet == "text") {
        std::string text;
        for (std::size_t i = 1; i < a.args.size(); ++i) {
            text += (i > 1 ? " " : "") + a.args[i];
        }
        f.text = text;
    }
    session.set_filters(f);
    session.wait_until_loaded(); // a text search finishes before the next action
}

// Shows, hides or moves a source's layer (`layers NAME ACTION`).
void change_layer(Session& s, const std::string& name, const std::string& action) {
    const auto found = s.find_layer(name);
    if (!found) {
        throw InputError("no layer named '" + name + "'");
    }
    const std::size_t i = *found, top = s.layer_count() - 1;
    if (action == "show" || action == "hide") {
        s.set_layer_visible(i, action == "show");
    } else if (action == "up") {
        s.move_layer(i, std::min(top, i + 1));
    } else if (action == "down") {
        s.move_layer(i, i == 0 ? 0 : i - 1);
    } else if (action == "top") {
        s.move_layer(i, top);
    } else {
        s.move_layer(i, 0);
    }
    s.wait_until_loaded(); // a text search asked again for the new order
}

// The layers, topmost (drawn last) first, as the Layers panel lists them.
json layers_json(const Session& s) {
    json out = json::array();
    const auto layers = s.layers();
    for (std::size_t k = layers.size(); k-- > 0;) {
        out.push_back({{"name", layers[k].name},
                       {"source", layers[k].source},
                       {"visible", layers[k].visible},
                       {"events", layers[k].rows}});
    }
    return out;
}

json event_json(const Session& s, Row r) {
    const EventTable& t = s.table();
    return {{"row", r},
            {"id", t.id[r]},
            {"type", t.types.text(t.type[r])},
            {"date", format_day(t.day_start[r])},
            {"lat", t.lat[r]},
            {"lon", t.lon[r]},
            {"place", t.place[r]},
            {"layer", s.layer_name_of(r)},
            {"corrected", t.corrected[r] != 0}};
}

// The map's rectangle in the window's pixels, its centre and web-map zoom (as --state saves
// them).
void view_json(ViewerApp& app, json& out) {
    const UiState& ui = app.ui();
    const ViewState state = current_view_state(ui);
    out["map"] = {ui.map_x0, ui.map_y0, ui.map.width, ui.map.height};
    out["center"] = {state.view.center.lat, state.view.center.lon};
    out["zoom"] = state.view.zoom;
    out["metres_per_pixel"] = ui.map.metres_per_pixel;
}

// Frames in real time (the window's own loop, at about 20 per second) until the data was read
// again after a change of the sources (row by row or whole, and that load ended), the sources
// could no longer be looked at (a problem reported), or `seconds` passed.
struct WaitResult {
    bool reloaded = false;    // the data changed
    bool incremental = false; // by the changed rows only
    std::string problem;
};
WaitResult wait_for_change(ViewerApp& app, double seconds) {
    Session& s = app.session();
    const auto generation = s.data_generation();
    const auto loads = s.loads_started();
    const auto follow = s.follow_stats();
    const std::string problem = s.follow_problem();
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    WaitResult out;
    while (std::chrono::steady_clock::now() < end) {
        app.frame();
        app.present();
        const LoadStage stage = s.stage();
        const bool ended = stage == LoadStage::done || stage == LoadStage::failed;
        const bool updated = s.follow_stats().updates != follow.updates;
        if ((s.loads_started() != loads || updated) && ended && !s.text_search_pending()) {
            app.frame();
            app.present();
            out.reloaded = s.data_generation() != generation;
            out.incremental = s.loads_started() == loads;
            return out;
        }
        // A problem that appears ends the wait; one there already (the store gone before the
        // wait began: its message may change) waits for the store to come back.
        out.problem = s.follow_problem();
        if (!out.problem.empty() && problem.empty()) {
            return out;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return out;
}

// Runs one action; returns false for quit.
bool run_action(ViewerApp& app, const ScriptAction& a, json& out) {
    Session& s = app.session();
    UiState& ui = app.ui();
    const std::string& v = a.verb;
    if (v == "window") {
        const auto first = parse_day_range(a.args[0]);
        const auto last = a.args.size() > 1 ? parse_day_range(a.args[1]) : first;
        s.time.set_window(first->first, last->last);
        out["first"] = format_day(s.time.window().first);
        out["last"] = format_day(s.time.window().last);
        out["in_window"] = s.count_in_window();
    } else if (v == "mode") {
        s.time.set_mode(*window_mode_from(a.args[0]));
    } else if (v == "step") {
        s.time.step(*step_unit_from(a.args[0]),
                    a.numbers.empty() ? 1 : static_cast<int>(a.numbers[0]));
        out["first"] = format_day(s.time.window().first);
        out["last"] = format_day(s.time.window().last);
    } else if (v == "zoom") {
        app.zoom_to(a.numbers[0], a.numbers[1], a.numbers[2], a.numbers[3]);
    } else if (v == "center") {
        app.center_on({a.numbers[0], a.numbers[1]}, a.numbers.size() > 2 ? a.numbers[2] : 6);
    } else if (v == "fly-to") {
        std::string text;
        for (const auto& word : a.args) {
            text += (text.empty() ? "" : " ") + word;
        }
        const PlaceSearch found = search_place(ui, text); // the search box's own code
        app.frame(0);                                     // where the flight is applied
        out["found"] = found.found;
        out["from"] = found.from;
        out["message"] = found.message;
        view_json(app, out);
    } else if (v == "display" || v == "content-scale") {
        if (v == "content-scale") {
            app.set_content_scale(static_cast<float>(a.numbers[0]));
        }
        app.frame(0);
        const ImGuiIO& io = ImGui::GetIO();
        out["content_scale"] = ui.content_scale;
        out["ui_scale"] = ui.ui_scale;
        out["pixel_ratio"] = ui.pixel_ratio;
        out["window"] = {app.window_width(), app.window_height()};
        out["framebuffer"] = {app.framebuffer_width(), app.framebuffer_height()};
        // The font as rasterised, in framebuffer pixels (drawn at font_px / pixel_ratio).
        out["font_px"] = io.Fonts->Fonts.empty() ? 0.0f : io.Fonts->Fonts[0]->FontSize;
        out["menu_height"] = ui.layout.menu;
        view_json(app, out);
    } else if (v == "select") {
        app.frame(0); // the view must be laid out at the window's size
        const auto xy = app.to_pixels({a.numbers[0], a.numbers[1]});
        s.selected =
            xy ? app.pick_at_pixel(xy->first, xy->second, 8 * ui.content_scale) : std::nullopt;
        out["selected"] = s.selected ? event_json(s, *s.selected) : json(nullptr);
    } else if (v == "select-box") {
        s.box_selection = s.select_box({a.numbers[0], a.numbers[1], a.numbers[2], a.numbers[3]});
        out["count"] = s.box_selection.size();
        json ids = json::array();
        for (Row r : s.box_selection) {
            ids.push_back(s.table().id[r]);
        }
        out["ids"] = ids;
    } else if (v == "filter") {
        apply_filter_action(s, a);
        out["passing"] = s.filtered().rows.size();
        out["in_window"] = s.count_in_window();
    } else if (v == "layer") {
        const bool on = a.args[1] == "on";
        const std::string& name = a.args[0];
        auto& o = ui.options;
        if (name == "markers") {
            o.markers = on;
        } else if (name == "clusters") {
            o.clusters = on;
        } else if (name == "heatmap") {
            o.heatmap = on;
        } else if (name == "labels") {
            o.country_labels = o.place_labels = on;
        } else if (name == "graticule") {
            o.graticule = on;
        } else if (name == "basemap") {
            o.basemap = on;
        }
    } else if (v == "panel") {
        const bool on = a.args[1] == "on";
        const std::string& name = a.args[0];
        bool& shown = name == "help"      ? ui.show_help
                      : name == "layers"  ? ui.show_layers
                      : name == "filters" ? ui.show_filters
                      : name == "list"    ? ui.show_list
                      : name == "details" ? ui.show_details
                                          : ui.show_time;
        shown = on;
    } else if (v == "color") {
        ui.options.color_by = a.args[0] == "quad" ? render::ColorBy::quad : render::ColorBy::type;
        ui.color_by_layer = a.args[0] == "layer";
    } else if (v == "layers") {
        if (!a.args.empty()) {
            change_layer(s, a.args[0], a.args[1]);
        }
        out["layers"] = layers_json(s);
    } else if (v == "correct") {
        const auto row = s.row_of_id(a.args[0]);
        if (!row) {
            throw InputError("no event with id '" + a.args[0] + "'");
        }
        PlaceChoice to{{0, 0}, "", 0, "", ""};
        if (a.args[1] == "candidate") {
            const auto candidates = s.candidates(*row);
            const auto n = static_cast<std::size_t>(a.numbers[0]);
            if (n > candidates.size()) {
                throw InputError("event '" + a.args[0] + "' has " +
                                 std::to_string(candidates.size()) + " other candidates");
            }
            to = candidates[n - 1];
        } else {
            to.position = {a.numbers[0], a.numbers[1]};
        }
        const auto record = s.correct(*row, to);
        out["event"] = event_json(s, *row);
        out["who"] = record.who;
        out["at"] = record.at;
    } else if (v == "undo") {
        s.undo();
    } else if (v == "export") {
        out["events"] = s.export_filtered(a.args[0]);
        out["file"] = a.args[0];
    } else if (v == "screenshot") {
        app.frame(0);
        app.screenshot(a.args[0]);
        app.present();
        out["file"] = a.args[0];
        // Where the map sits in the picture (the docked panels around it), for pixel probes.
        out["map"] = {ui.map_x0, ui.map_y0, ui.map.width, ui.map.height};
        out["legend"] = app.legend_heading();
    } else if (v == "drag") {
        // The view moved by hand: the frame shows the preview (the last image moved).
        app.frame(0); // drawn as it is first
        app.moving_until = 1e300;
        ui.map.pan_pixels(a.numbers[0], a.numbers[1]);
        app.frame(0);
        out["preview"] = app.previewing();
        if (a.args.size() > 2) {
            app.screenshot(a.args[2]);
            out["file"] = a.args[2];
        }
        app.present();
        app.moving_until = 0;
    } else if (v == "save-image") {
        app.frame(0);
        ImageSettings image;
        image.width = static_cast<int>(a.numbers[0]);
        image.height = static_cast<int>(a.numbers[1]);
        image.scale = a.numbers.size() > 2 ? static_cast<float>(a.numbers[2]) : 0;
        const ImageSettings drawn = app.save_image(a.args[0], image);
        app.present();
        out["file"] = a.args[0];
        out["size"] = {drawn.width, drawn.height};
        out["scale"] = drawn.scale;
    } else if (v == "save-state") {
        write_view_state(current_view_state(ui), a.args[0]);
    } else if (v == "frames") {
        for (int i = 0; i < static_cast<int>(a.numbers[0]); ++i) {
            app.frame(0);
            app.present();
        }
    } else if (v == "play") {
        s.time.play();
        for (double t = 0; t < a.numbers[0] && s.time.playing(); t += 1.0 / 30) {
            app.frame(1.0 / 30);
            app.present();
        }
        s.time.pause();
        out["last"] = format_day(s.time.window().last);
    } else if (v == "wait") {
        const WaitResult waited = wait_for_change(app, a.numbers[0]);
        out["reloaded"] = waited.reloaded;
        out["incremental"] = waited.incremental;
        if (!waited.problem.empty()) {
            out["problem"] = waited.problem;
        }
        const auto follow = s.follow_stats();
        out["rows_read"] = follow.last_rows_read;
        out["full_loads"] = s.loads_started();
        out["events"] = s.table().size();
        out["in_window"] = s.count_in_window();
    } else if (v == "quit") {
        return false;
    }
    return true;
}

} // namespace

int run_script(ViewerApp& app, const Script& script) {
    Session& session = app.session();
    session.wait_until_loaded();
    app.frame(0);
    app.present();
    if (session.stage() == LoadStage::failed) {
        app.report_load_messages(); // once: the frame above may have said it already
        return static_cast<int>(ExitCode::input_error);
    }
    int status = 0;
    for (const auto& action : script.actions) {
        json out = {{"line", action.line}, {"action", action.verb}};
        try {
            const bool go_on = run_action(app, action, out);
            std::cout << out.dump() << "\n" << std::flush;
            if (!go_on) {
                break;
            }
        } catch (const Error& e) {
            // A failing action is reported and the script stops: later lines may depend on it.
            std::cerr << "eventmap view: " << script.file << ":" << action.line << ": " << e.what()
                      << (e.file().empty() ? "" : " (" + e.file() + ")") << "\n";
            status = static_cast<int>(e.code());
            break;
        }
    }
    return status;
}

// -------------------------------------------------------------------------------------------
// Bench: a scripted pan, zoom and scrub; frame times in ms (glFinish makes each frame's GPU
// work, on llvmpipe CPU work, part of its time).
// -------------------------------------------------------------------------------------------

namespace {
double load_average() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}
} // namespace

namespace {

json stats_json(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) {
        return json{{"median", 0}, {"p95", 0}, {"max", 0}};
    }
    return json{{"median", v[v.size() / 2]},
                {"p95", v[std::min(v.size() - 1, v.size() * 95 / 100)]},
                {"max", v.back()}};
}

double cpu_ms_now() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// One phase of the bench: `frames` frames of pan, then zoom, then scrub (a third each).
// `moving`: the pan and zoom frames count as moved by the user's hand, so they show the
// preview (the last image moved and scaled) as an interactive drag or wheel does.
// The events in the window whose centre lies inside the map's rectangle: what a phase draws,
// beside those the GPU only clips.
std::size_t events_in_view(ViewerApp& app) {
    const Session& session = app.session();
    const UiState& ui = app.ui();
    const EventTable& t = session.table();
    std::size_t in = 0;
    for (Row r = 0; r < t.size(); ++r) {
        if (!session.in_window(r)) {
            continue;
        }
        const auto xy = app.to_pixels({t.lat[r], t.lon[r]});
        const double x = xy ? xy->first - ui.map_x0 : -1, y = xy ? xy->second - ui.map_y0 : -1;
        in += x >= 0 && x < ui.map.width && y >= 0 && y < ui.map.height ? 1 : 0;
    }
    return in;
}

json bench_phase(ViewerApp& app, int frames, int span, bool moving = false) {
    Session& session = app.session();
    UiState& ui = app.ui();
    const DayRange extent = session.time.extent();
    app.frame(0); // the layout of this phase's panels, so the count sees its map
    const std::size_t in_view = events_in_view(app);
    std::vector<double> frame_ms, frame_cpu_ms, map_ms, scrub_cpu_ms;
    const auto draws_before = app.map_draws();
    int previews = 0;
    for (int i = 0; i < frames; ++i) {
        const int phase = (i * 3) / frames; // pan, zoom, scrub
        app.moving_until = moving && phase < 2 ? 1e300 : 0;
        if (phase == 0) {
            // Back and forth, as the zoom: one way, 80 frames of 4 pixels moved the markers off
            // a 640-pixel map, and the next phases began there (none drawn, so "faster").
            const double step = i % 40 < 20 ? 4 : -4;
            ui.map.pan_pixels(step, step / 2);
        } else if (phase == 1) {
            ui.map.zoom_at(ui.map.width / 2.0, ui.map.height / 2.0, i % 40 < 20 ? 1.03 : 1 / 1.03);
        } else {
            // The CPU cost of moving the window: what the slider does, plus the count it shows.
            const double c0 = cpu_ms_now();
            const Day first = extent.first + (i * 7919) % std::max(1, extent.last - extent.first);
            session.time.set_window(first, first + span);
            volatile std::size_t shown = session.count_in_window();
            (void)shown;
            scrub_cpu_ms.push_back(cpu_ms_now() - c0);
        }
        const auto t0 = std::chrono::steady_clock::now();
        const double cpu0 = cpu_ms_now();
        app.frame(0);
        app.present();
        glFinish();
        frame_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        map_ms.push_back(app.last_map_ms());
        previews += app.previewing() ? 1 : 0;
        // Process CPU (llvmpipe's threads included): fairer than wall time on a shared machine.
        frame_cpu_ms.push_back(cpu_ms_now() - cpu0);
    }
    app.moving_until = 0;
    app.frame(0); // the map drawn after the last preview
    app.present();
    // Frames where nothing moved: the map image is copied, not drawn.
    std::vector<double> idle_ms;
    for (int i = 0; i < 20; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        app.frame(0);
        app.present();
        glFinish();
        idle_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    return {{"map_width", ui.map.width},
            {"map_height", ui.map.height},
            {"events_in_window_last", session.count_in_window()},
            {"events_in_view_first", in_view},
            {"frame_ms", stats_json(frame_ms)},
            {"frame_cpu_ms", stats_json(frame_cpu_ms)},
            {"map_draw_ms", stats_json(map_ms)},
            {"map_draws", app.map_draws() - draws_before},
            {"previews", previews},
            {"unchanged_frame_ms", stats_json(idle_ms)},
            {"scrub_cpu_ms", stats_json(scrub_cpu_ms)}};
}

} // namespace

int run_bench(ViewerApp& app, int frames) {
    Session& session = app.session();
    const double cpu_start = cpu_ms_now();
    // Three moments: the first frame (basemap drawn, the map can be moved; events still
    // loading), the first events drawn (a store's first part), and every event drawn.
    app.frame(0);
    app.present();
    glFinish();
    const double basemap_s = session.seconds_since_load_start();
    const auto drawn = [&](auto&& ready) {
        while (!ready() && session.stage() != LoadStage::failed) {
            session.poll();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        app.frame(0);
        app.present();
        glFinish();
        return std::make_pair(session.seconds_since_load_start(),
                              (cpu_ms_now() - cpu_start) / 1000.0);
    };
    const auto first_events = drawn([&] { return session.has_map(); });
    const std::size_t first_rows = session.table().size();
    const auto all_events =
        drawn([&] { return session.has_map() && session.stage() != LoadStage::map; });
    if (session.stage() == LoadStage::failed) {
        app.report_load_messages(); // once: the frame above may have said it already
        return static_cast<int>(ExitCode::input_error);
    }
    session.wait_until_loaded();
    app.frame(0);
    const double columns_s = session.columns_seconds();
    app.measure_map = true;
    UiState& ui = app.ui();
    // A window holding about 100,000 events (all of a smaller source), scrubbed with that
    // length; markers, panels docked around the map.
    const DayRange extent = session.time.extent();
    const double share = std::min(1.0, 100000.0 / std::max<double>(1, session.table().size()));
    const int span = std::max(0, static_cast<int>((extent.last - extent.first) * share));
    session.time.set_window(extent.first, extent.first + span);
    // Every phase starts from the view fitted to the events: one phase's pan and zoom must not
    // leave the next one a map with other markers in it (or none).
    const render::MapView start = ui.map;
    json phases;
    phases["markers_panels"] = bench_phase(app, frames, span);
    // The same pan and zoom moved by hand: previews, the map drawn again when it rests.
    session.time.set_window(extent.first, extent.first + span);
    ui.map = start;
    phases["markers_panels_moving"] = bench_phase(app, frames, span, true);
    // The same with every side panel hidden: the map takes the window's width.
    const bool filters = ui.show_filters, list = ui.show_list, details = ui.show_details,
               layers = ui.show_layers;
    ui.show_filters = ui.show_list = ui.show_details = ui.show_layers = false;
    session.time.set_window(extent.first, extent.first + span);
    ui.map = start;
    phases["markers_full_width"] = bench_phase(app, frames, span);
    ui.show_filters = filters;
    ui.show_list = list;
    ui.show_details = details;
    ui.show_layers = layers;
    // Clusters over every event (the whole extent in the window).
    ui.options.clusters = true;
    session.time.set_window(extent.first, extent.last);
    ui.map = start;
    phases["clusters_panels"] = bench_phase(app, frames, extent.last - extent.first);
    ui.options.clusters = false;
    const json report = {{"events", session.table().size()},
                         {"window_width", app.framebuffer_width()},
                         {"window_height", app.framebuffer_height()},
                         {"first_frame_basemap_s", basemap_s},
                         {"first_events_drawn_s", first_events.first},
                         {"first_events_drawn_cpu_s", first_events.second},
                         {"first_events_rows", first_rows},
                         {"all_events_drawn_s", all_events.first},
                         {"all_events_drawn_cpu_s", all_events.second},
                         {"filter_columns_s", columns_s},
                         {"frames_per_phase", frames},
                         {"phases", phases},
                         {"load_average", load_average()},
                         {"gl_renderer", reinterpret_cast<const char*>(glGetString(GL_RENDERER))}};
    std::cout << report.dump() << "\n";
    return 0;
}

} // namespace eventmap::view
