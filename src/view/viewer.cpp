// The viewer's window and loop. Sections:
//   1. GLFW and ImGui set-up and tear-down
//   2. The frame: loading hand-off, playback, panels, map
//   3. Map input: pan, zoom at the cursor, click/box select, keys
//   4. The interactive loop (images: viewer_images.cpp)
//   5. run_viewer
#include "common/error.hpp"
#include "render/render_error.hpp"
#include "view/panel_text.hpp"
#include "view/script.hpp"
#include "view/viewer_app.hpp"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <cmath>
#include <epoxy/gl.h>
#include <filesystem>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <iostream>

namespace eventmap::view {

// -------------------------------------------------------------------------------------------
// 1. Set-up
// -------------------------------------------------------------------------------------------

namespace {

// GLFW reports errors through a C callback: keep the last message for the exception.
std::string& glfw_error() {
    static thread_local std::string message;
    return message;
}

void on_glfw_error(int code, const char* description) noexcept {
    try {
        glfw_error() = std::string(description != nullptr ? description : "unknown") + " (" +
                       std::to_string(code) + ")";
    } catch (...) {
    }
}

} // namespace

void UiState::report_error(const std::string& message) {
    error = message;
    std::cerr << "eventmap view: " << message << "\n";
}

void UiState::report(const std::string& message) {
    messages.push_back(message);
    while (messages.size() > 5) {
        messages.pop_front();
    }
}

ViewerApp::ViewerApp(const ViewerOptions& options) : options_(options) {
    glfwSetErrorCallback(on_glfw_error);
    if (glfwInit() == GLFW_FALSE) {
        throw render::RenderError("cannot open a window (no display? `eventmap render` draws "
                                  "without one): " +
                                  glfw_error());
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // The state is read first: it may name the sources (none on the command line) and keeps
    // the layers' order and visibility.
    std::optional<ViewState> state;
    if (!options.state_file.empty() && std::filesystem::exists(options.state_file)) {
        try {
            state = read_view_state(options.state_file);
        } catch (const Error& e) {
            ui_.report_error(e.located());
        }
    }
    const auto layers = plan_layers(
        options.sources, state ? state->sources : std::vector<LayerState>{}, default_source);
    options_.sources.clear();
    for (const auto& layer : layers) {
        options_.sources.push_back(layer.source);
    }
    std::string title = "eventmap —";
    for (const auto& source : options_.sources) {
        title += " " + source;
    }
    window_ = glfwCreateWindow(options.width, options.height, title.c_str(), nullptr, nullptr);
    if (window_ == nullptr) {
        const std::string why = glfw_error();
        glfwTerminate();
        throw render::RenderError("cannot open an OpenGL 3.3 window: " + why);
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(options.bench || !options.script_file.empty() ? 0 : 1);

    float xs = 1, ys = 1;
    glfwGetWindowContentScale(window_, &xs, &ys);
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    glfwGetWindowSize(window_, &win_w, &win_h);
    ui_.pixel_ratio =
        win_w > 0 && fb_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // layout comes from --state, not imgui.ini
    apply_scales(display_scales(xs, ui_.pixel_ratio));
    // Moved to a monitor of another scale: applied at the next frame's start (viewer_scale.cpp).
    glfwSetWindowUserPointer(window_, this);
    glfwSetWindowContentScaleCallback(window_, [](GLFWwindow* window, float x, float /*y*/) {
        static_cast<ViewerApp*>(glfwGetWindowUserPointer(window))->set_content_scale(x);
    });
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    imgui_ready_ = true;

    render::RendererSettings settings;
    settings.basemap_raster = options.basemap_raster; // unreadable: InputError, exit 3
    renderer_ = std::make_unique<render::MapRenderer>(settings);
    session_ = std::make_unique<Session>(options_.sources, options.layer);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        session_->set_layer_visible(i, layers[i].visible);
    }
    session_->set_max_events(options.max_events);
    // The loop sleeps while the workers read; a finished step wakes it (thread-safe call).
    session_->set_wake([] { glfwPostEmptyEvent(); });
    ui_.session = session_.get();
    if (!options.gazetteer_index.empty()) {
        session_->places().set_index(options.gazetteer_index);
    }
    ui_.renderer = renderer_.get();
    ui_.options.scale = ui_.content_scale;
    ui_.options.title.clear();
    ui_.options.graticule = options.graticule;
    if (state) {
        apply_view_state(ui_, *state);
    }
    session_->start_loading();
    show_world();
    last_time_ = glfwGetTime();
}

ViewerApp::~ViewerApp() {
    if (!options_.state_file.empty() && session_ && session_->has_map()) {
        try {
            write_view_state(current_view_state(ui_), options_.state_file);
        } catch (const Error& e) {
            std::cerr << "eventmap view: " << e.located() << "\n";
        }
    }
    session_.reset();
    surface_ = MapSurface{}; // GL objects go while the context is current
    renderer_.reset();
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_ != nullptr) {
        glfwDestroyWindow(window_);
    }
    glfwTerminate();
}

bool ViewerApp::should_close() const {
    return glfwWindowShouldClose(window_) != 0;
}

void ViewerApp::present() {
    glfwSwapBuffers(window_);
}

// -------------------------------------------------------------------------------------------
// 2. The frame
// -------------------------------------------------------------------------------------------

void ViewerApp::on_data_changed() {
    const auto map = session_->map();
    if (!map) {
        return;
    }
    if (!data_fitted_) {
        use_projection(mapdata::central_longitude(*map));
    }
    upload_events();
    if (ui_.pending_window) {
        session_->time.set_window(ui_.pending_window->first, ui_.pending_window->last);
        ui_.pending_window.reset();
    }
    // Fit to the events (the first part of a progressive load, then all of them) until the
    // user moves the map or a --state view is to be restored.
    if (!data_fitted_ && !view_touched_) {
        if (!ui_.fly_to) {
            ui_.fit_requested = true;
        }
    }
    data_fitted_ = data_fitted_ || session_->stage() != LoadStage::map;
}

// The map follows the store: about once a second the session looks at its sources on a worker
// (session_follow.cpp) and applies what a commit changed, row by row where it can; the view,
// window, filters and selection stay. A source that cannot be looked at (locked by an ingest,
// a PostGIS server gone) says so on the status bar and stderr, once per problem, and keeps
// its events; when it answers again, that is said too.
void ViewerApp::follow_store(double now) {
    const std::string problem = session_->follow_problem();
    if (problem != reported_follow_problem_) {
        const std::string kept = " (the map keeps the events it shows and tries again)";
        if (!problem.empty()) {
            ui_.report_error(problem + kept);
        } else {
            // Back: the status bar's message goes (if it is still this one), stderr says so.
            if (ui_.error == reported_follow_problem_ + kept) {
                ui_.error.clear();
            }
            ui_.report("the store answers again: following it");
            std::cerr << "eventmap view: the store answers again: following it\n";
        }
        reported_follow_problem_ = problem;
    }
    const auto stats = session_->follow_stats();
    if (stats.reloads != seen_follow_.reloads) {
        ui_.report("the store changed: reloading");
    } else if (stats.updates != seen_follow_.updates) {
        ui_.report("the store changed: " + std::to_string(stats.last_rows_read) + " events read");
    }
    seen_follow_ = stats;
    if (now - last_follow_check_ < 1.0) {
        return;
    }
    last_follow_check_ = now;
    session_->check_sources();
}

void ViewerApp::apply_requests() {
    if (ui_.projection_changed) {
        ui_.projection_changed = false;
        const auto centre = renderer_->projection().inverse(ui_.map.center_x, ui_.map.center_y);
        const auto map = session_->map();
        use_projection(map ? mapdata::central_longitude(*map) : 0.0);
        if (centre) {
            center_on({centre->second, centre->first}, 3);
        }
    }
    if (ui_.fit_requested && session_->map()) {
        ui_.fit_requested = false;
        const auto box = mapdata::event_bounds(*session_->map());
        try {
            // The map's rectangle is what the panels leave free: fit the events into it.
            ui_.map = render::fit_events_view(renderer_->projection(), box, ui_.map.width,
                                              ui_.map.height, 0.06, ui_.content_scale);
        } catch (const Error& e) {
            ui_.report_error(e.located());
        }
    }
    if (ui_.fly_to && have_view_) {
        center_on(*ui_.fly_to, ui_.fly_zoom);
        ui_.fly_to.reset();
        view_touched_ = true; // a restored or chosen view is not fitted over
    }
}

void ViewerApp::report_load_messages() {
    const std::string error = session_->load_error();
    if (!error.empty() && error != ui_.error && error != reported_load_error_) {
        reported_load_error_ = error;
        ui_.report_error(error);
    }
    const std::string notice = session_->load_notice();
    if (!notice.empty() && notice != reported_notice_) {
        reported_notice_ = notice;
        ui_.report_error(notice); // kept on the status bar until dismissed, and on stderr
    }
}

void ViewerApp::frame(double dt) {
    glfwPollEvents();
    const double now = glfwGetTime();
    const double elapsed = dt >= 0 ? dt : now - last_time_;
    last_time_ = now;

    lay_out();
    if (apply_content_scale()) {
        lay_out(); // panel sizes follow the new ui_scale
    }

    if (session_->poll() || session_->data_generation() != seen_data_) {
        seen_data_ = session_->data_generation();
        on_data_changed();
    }
    report_load_messages();
    apply_requests();
    if (session_->filter_generation() != seen_filters_) {
        // The renderer filters by type itself; the other facets narrow list and counts.
        seen_filters_ = session_->filter_generation();
        if (uploaded_filters_ != seen_filters_ && have_view_) {
            upload_events();
        }
    }
    // By layer, the renderer's "types" are the layers: the type filter goes by the mask.
    const auto& types = session_->filters().types;
    if (ui_.color_by_layer) {
        ui_.options.types.clear();
    } else {
        ui_.options.types.assign(types.begin(), types.end());
    }
    // The palette names the layers: the legend's heading says so (the renderer's default
    // would call them types).
    ui_.options.legend_heading = ui_.color_by_layer ? "Events by layer" : "";
    if (uploaded_by_layer_ != ui_.color_by_layer && have_view_) {
        upload_events();
    }
    follow_store(now);
    session_->time.advance(elapsed);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    draw_toolbar(ui_);
    if (ui_.show_time) {
        draw_time_panel(ui_);
    }
    if (ui_.show_layers) {
        draw_layers_panel(ui_);
    }
    if (ui_.show_filters) {
        draw_filter_panel(ui_);
    }
    if (ui_.show_list) {
        draw_list_panel(ui_);
    }
    if (ui_.show_details) {
        draw_details_panel(ui_);
    }
    if (ui_.show_help) {
        draw_help_panel(ui_);
    }
    draw_status_bar(ui_);
    handle_map_input();
    handle_keys();
    update_rings();
    ImGui::Render();

    draw_map();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!ui_.save_image_path.empty()) {
        const std::string path = ui_.save_image_path;
        ui_.save_image_path.clear();
        try {
            save_image(path, ui_.image);
            ui_.report("saved " + path);
        } catch (const Error& e) {
            ui_.report_error(e.located());
        }
    }
}

// -------------------------------------------------------------------------------------------
// 3. Map input
// -------------------------------------------------------------------------------------------

std::optional<std::pair<double, double>> ViewerApp::to_pixels(LatLon p) const {
    const auto xy = renderer_->projection().forward(p.lon, p.lat);
    if (!std::isfinite(xy.x) || !std::isfinite(xy.y)) {
        return std::nullopt;
    }
    return std::make_pair(ui_.map.pixel_x(xy.x) + ui_.map_x0, ui_.map.pixel_y(xy.y) + ui_.map_y0);
}

std::optional<Row> ViewerApp::pick_at_pixel(double window_px, double window_py, double radius) {
    if (!have_view_) {
        return std::nullopt;
    }
    const double px = window_px - ui_.map_x0, py = window_py - ui_.map_y0;
    // The lon/lat box the pick radius covers: the inverse of its corners and edge midpoints.
    LonLatBox box{180, 90, -180, -90};
    bool any = false;
    for (double dx : {-radius, 0.0, radius}) {
        for (double dy : {-radius, 0.0, radius}) {
            const auto ll =
                renderer_->projection().inverse(ui_.map.x_at(px + dx), ui_.map.y_at(py + dy));
            if (ll) {
                box.west = std::min(box.west, ll->first);
                box.east = std::max(box.east, ll->first);
                box.south = std::min(box.south, ll->second);
                box.north = std::max(box.north, ll->second);
                any = true;
            }
        }
    }
    if (!any) {
        return std::nullopt;
    }
    const EventTable& t = session_->table();
    return session_->pick(box, [&](Row r) {
        const auto xy = to_pixels({t.lat[r], t.lon[r]});
        const double d = xy ? std::hypot(xy->first - window_px, xy->second - window_py) : 1e300;
        return d <= radius ? d : 1e300;
    });
}

void ViewerApp::zoom_to(double west, double south, double east, double north) {
    ui_.map = render::fit_view(renderer_->projection(), {west, south, east, north}, ui_.map.width,
                               ui_.map.height, 0.02);
}

// A zoom level means the same area at any DPI: the map has content_scale framebuffer pixels
// per pixel of a 96-dpi screen (X11's Xft.dpi 192: 2, window and framebuffer sizes equal), as
// the markers and labels drawn at options.scale have.
void ViewerApp::center_on(LatLon centre, double zoom) {
    ui_.map = render::center_view(renderer_->projection(), centre.lat, centre.lon, zoom,
                                  ui_.map.width, ui_.map.height, ui_.content_scale);
}

void ViewerApp::handle_map_input() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!have_view_) {
        return;
    }
    // Map-local pixels: the map's rectangle starts at (map_x0, map_y0) in the window.
    const double px = io.MousePos.x * ui_.pixel_ratio - ui_.map_x0;
    const double py = io.MousePos.y * ui_.pixel_ratio - ui_.map_y0;
    const bool over_map =
        !io.WantCaptureMouse && px >= 0 && py >= 0 && px < ui_.map.width && py < ui_.map.height;
    // GLFW delivers no pinch gesture. A wheel notch, a trackpad's two-finger scroll (small
    // fractional steps) and the Ctrl+wheel that several platforms send for a pinch all zoom at
    // the cursor; a sideways scroll pans.
    // A wheel or a drag moves the view: previews until it rests for a moment (viewer_map.cpp).
    const double rest_s = 0.25;
    if (over_map && io.MouseWheel != 0) {
        ui_.map.zoom_at(px, py, std::pow(1.25, io.MouseWheel));
        view_touched_ = true;
        moving_until = glfwGetTime() + rest_s;
    }
    if (over_map && io.MouseWheelH != 0) {
        ui_.map.pan_pixels(-io.MouseWheelH * 40.0 * ui_.pixel_ratio, 0);
        view_touched_ = true;
        moving_until = glfwGetTime() + rest_s;
    }
    if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        dragging_ = !io.KeyShift;
        boxing_ = io.KeyShift;
        drag_x_ = box_x_ = px;
        drag_y_ = box_y_ = py;
    }
    if (dragging_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        view_touched_ = view_touched_ || px != drag_x_ || py != drag_y_;
        if (px != drag_x_ || py != drag_y_) {
            moving_until = glfwGetTime() + rest_s;
        }
        ui_.map.pan_pixels(px - drag_x_, py - drag_y_); // the map follows the pointer
        drag_x_ = px;
        drag_y_ = py;
    }
    if (boxing_) {
        ImGui::GetForegroundDrawList()->AddRect(
            ImVec2(static_cast<float>((box_x_ + ui_.map_x0) / ui_.pixel_ratio),
                   static_cast<float>((box_y_ + ui_.map_y0) / ui_.pixel_ratio)),
            io.MousePos, IM_COL32(255, 220, 80, 255), 0, 0, 2);
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const double moved = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x;
        const bool click = std::abs(moved) < 3 &&
                           std::abs(ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).y) < 3;
        if (boxing_) {
            const auto a =
                renderer_->projection().inverse(ui_.map.x_at(box_x_), ui_.map.y_at(box_y_));
            const auto b = renderer_->projection().inverse(ui_.map.x_at(px), ui_.map.y_at(py));
            if (a && b) {
                session_->box_selection = session_->select_box(
                    {std::min(a->first, b->first), std::min(a->second, b->second),
                     std::max(a->first, b->first), std::max(a->second, b->second)});
                ui_.report(std::to_string(session_->box_selection.size()) + " events selected");
            }
        } else if (dragging_ && click) {
            if (ui_.placing_correction && session_->selected) {
                const auto ll = renderer_->projection().inverse(ui_.map.x_at(px), ui_.map.y_at(py));
                ui_.placing_correction = false;
                if (ll) {
                    try {
                        session_->correct(*session_->selected,
                                          PlaceChoice{{ll->second, ll->first}, "", 0, "", ""});
                        ui_.report("event moved (Ctrl+Z undoes)");
                    } catch (const Error& e) {
                        ui_.report_error(e.located());
                    }
                }
            } else {
                session_->selected =
                    pick_at_pixel(px + ui_.map_x0, py + ui_.map_y0, 8 * ui_.content_scale);
            }
        }
        dragging_ = boxing_ = false;
    }
    if (over_map && !dragging_) {
        if (const auto hover =
                pick_at_pixel(px + ui_.map_x0, py + ui_.map_y0, 6 * ui_.content_scale)) {
            const EventTable& t = session_->table();
            ImGui::BeginTooltip();
            ImGui::Text("%s  %s", t.types.text(t.type[*hover]).c_str(),
                        t.date_text(*hover).c_str());
            text_line(t.place[*hover]);
            if (session_->layer_count() > 1) {
                ImGui::TextDisabled("layer: %s", session_->layer_name_of(*hover).c_str());
            }
            ImGui::EndTooltip();
        }
    }
}

// Dear ImGui 1.86 indexes keys by the backend's codes: GLFW_KEY_* here.
void ViewerApp::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) {
        return;
    }
    TimeModel& time = session_->time;
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE)) {
        time.toggle_play();
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) {
        time.step(ui_.step_unit, 1);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) {
        time.step(ui_.step_unit, -1);
    }
    // A zoom by key is the user's view, as a wheel's is: a later part of a loading source
    // must not fit the map over it again.
    const double cx = ui_.map.width / 2.0, cy = ui_.map.height / 2.0;
    if (ImGui::IsKeyPressed(GLFW_KEY_KP_ADD) || ImGui::IsKeyPressed(GLFW_KEY_EQUAL)) {
        ui_.map.zoom_at(cx, cy, 1.5);
        view_touched_ = true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT) || ImGui::IsKeyPressed(GLFW_KEY_MINUS)) {
        ui_.map.zoom_at(cx, cy, 1 / 1.5);
        view_touched_ = true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_F)) {
        ui_.fit_requested = true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_H) || ImGui::IsKeyPressed(GLFW_KEY_F1)) {
        ui_.show_help = !ui_.show_help;
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Z) && session_->can_undo()) {
        try {
            session_->undo();
            ui_.report("correction undone");
        } catch (const Error& e) {
            ui_.report_error(e.located());
        }
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        session_->selected.reset();
        session_->box_selection.clear();
        ui_.placing_correction = false;
    }
}

// -------------------------------------------------------------------------------------------
// 4. The interactive loop
// -------------------------------------------------------------------------------------------

void ViewerApp::run() {
    while (!should_close()) {
        const bool loading = session_->stage() == LoadStage::map ||
                             session_->stage() == LoadStage::columns ||
                             session_->text_search_pending();
        if (!session_->time.playing()) {
            // Nothing moves: sleep until input, a finished loading step (the workers wake the
            // loop), a progress-bar tick while loading, or a second (the store follower).
            // Drawing frames while waiting would take a core from the loader on small machines.
            // A preview shown: the map is drawn once the view rests.
            glfwWaitEventsTimeout(previewing_ ? 0.05 : loading ? 0.25 : 1.0);
        }
        frame();
        glfwSwapBuffers(window_);
    }
}

// -------------------------------------------------------------------------------------------
// 5. run_viewer
// -------------------------------------------------------------------------------------------

int run_viewer(const ViewerOptions& options) {
    // A script is checked line by line before the window opens: a typo costs nothing.
    std::optional<Script> script;
    if (!options.script_file.empty()) {
        script = read_script(options.script_file);
    }
    ViewerApp app(options);
    if (script) {
        return run_script(app, *script);
    }
    if (options.bench) {
        return run_bench(app, options.bench_frames);
    }
    app.run();
    return 0;
}

} // namespace eventmap::view
