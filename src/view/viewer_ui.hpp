// What the window's panels share: the session (the model), the map view and the switches that
// only the window has. Each panel is one function in its own file (panel_<name>.cpp) drawing
// from and writing to this struct; the viewer's loop (viewer.cpp) calls them in turn.
#pragma once

#include "render/map_renderer.hpp"
#include "render/map_view.hpp"
#include "view/session.hpp"
#include "view/view_state.hpp"

#include <deque>
#include <string>

namespace eventmap::view {

struct UiState {
    Session* session = nullptr;
    render::MapRenderer* renderer = nullptr;
    render::MapView map; // in framebuffer pixels
    render::MapOptions options;
    std::string projection = "web-mercator";
    float ui_scale = 1;    // content scale (hi-DPI)
    float pixel_ratio = 1; // framebuffer pixels per window coordinate
    bool show_filters = true, show_list = true, show_details = true, show_help = false,
         show_time = true;
    StepUnit step_unit = StepUnit::day;
    // "Pick a point on the map" mode for a correction.
    bool placing_correction = false;
    // Messages for the status bar and stderr (errors stay until dismissed).
    std::deque<std::string> messages;
    std::string error;
    // Requests the panels make of the loop.
    bool fit_requested = false;
    bool projection_changed = false;
    std::optional<LatLon> fly_to;
    double fly_zoom = 6;
    std::string save_image_path;
    // A window from --state, set once the data's extent is known.
    std::optional<DayRange> pending_window;

    void report_error(const std::string& message);
    void report(const std::string& message);
};

// The panels (panel_*.cpp).
void draw_time_panel(UiState& ui);
void draw_filter_panel(UiState& ui);
void draw_list_panel(UiState& ui);
void draw_details_panel(UiState& ui);
void draw_help_panel(UiState& ui);
void draw_toolbar(UiState& ui);
void draw_status_bar(UiState& ui);

// ViewState <-> the window's settings.
ViewState current_view_state(const UiState& ui);
void apply_view_state(UiState& ui, const ViewState& state);

} // namespace eventmap::view
