// What the window's panels share: the session (the model), the map view and the switches that
// only the window has. Each panel is one function in its own file (panel_<name>.cpp) drawing
// from and writing to this struct; the viewer's loop (viewer.cpp) calls them in turn.
#pragma once

#include "render/map_renderer.hpp"
#include "render/map_view.hpp"
#include "view/image_settings.hpp"
#include "view/session.hpp"
#include "view/view_state.hpp"

#include <deque>
#include <string>

namespace eventmap::view {

// The window's layout in window coordinates (ImGui's): the menu bar on top, the status bar and
// the time panel at the bottom, the filters docked left, the list and details docked right;
// the map is the rectangle between them.
struct PanelLayout {
    float menu = 0, status = 0, time = 0, left = 0, right = 0;
    float layers = 0; // the Layers panel's height, at the top of the left column
    float map_x = 0, map_y = 0, map_w = 0, map_h = 0;
};

struct UiState {
    Session* session = nullptr;
    render::MapRenderer* renderer = nullptr;
    render::MapView map; // in framebuffer pixels, the map's rectangle only
    PanelLayout layout;  // this frame's, in window coordinates
    // The map rectangle's top-left corner in framebuffer pixels (from the window's top-left).
    int map_x0 = 0, map_y0 = 0;
    render::MapOptions options;
    std::string projection = "web-mercator";
    // High DPI. content_scale: framebuffer pixels per pixel of a 96-dpi screen (GLFW's window
    // content scale; X11: Xft.dpi / 96): markers, pick radii, zoom levels. pixel_ratio:
    // framebuffer pixels per window coordinate (1 on X11 and Windows, 2 on a Retina Mac or a
    // Wayland output at 200 %). ui_scale = content_scale / pixel_ratio: sizes given in window
    // coordinates (ImGui's), the panels' widths and paddings.
    float content_scale = 1;
    float ui_scale = 1;
    float pixel_ratio = 1;
    bool show_filters = true, show_list = true, show_details = true, show_help = false,
         show_time = true, show_layers = true;
    // Markers coloured by their layer (source) instead of their type or quad class.
    bool color_by_layer = false;
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
    ImageSettings image; // the Save image dialog's size and scale
    // A window from --state, set once the data's extent is known.
    std::optional<DayRange> pending_window;

    void report_error(const std::string& message);
    void report(const std::string& message);
};

// The layout for a window of width x height (window coordinates), panel_layout.cpp.
PanelLayout panel_layout(const UiState& ui, float width, float height);

// Begins a panel docked at (x, y) with size w x h (window coordinates), fixed in place, its
// close box clearing `open`. False when ImGui skips it this frame, ImGui::End already
// called; true: the caller draws its content, then calls ImGui::End (panel_layout.cpp).
bool begin_docked_panel(const char* title, bool* open, float x, float y, float w, float h);

// The panels (panel_*.cpp).
void draw_time_panel(UiState& ui);
void draw_filter_panel(UiState& ui);
void draw_layers_panel(UiState& ui);
void draw_list_panel(UiState& ui);
void draw_details_panel(UiState& ui);
void draw_help_panel(UiState& ui);
void draw_toolbar(UiState& ui);
void draw_status_bar(UiState& ui);

// What the gazetteer search box (and the script's `fly-to`) found for a text: on success the
// map is asked to fly there (ui.fly_to, ui.fly_zoom), applied at the next frame; `message`,
// also put on the status bar (ui.report), says where or why not; `from` is "coordinates",
// "gazetteer" or "events" (empty: nothing found, nothing moves). panel_toolbar.cpp.
struct PlaceSearch {
    bool found = false;
    std::string message;
    std::string from;
};
PlaceSearch search_place(UiState& ui, const std::string& query);

// ViewState <-> the window's settings.
ViewState current_view_state(const UiState& ui);
void apply_view_state(UiState& ui, const ViewState& state);

} // namespace eventmap::view
