// The map's part of the window: the rectangle the docked panels leave free (lay_out), the
// world shown before any event arrives (show_world), the renderer's projection, the map
// image drawn only when what it shows changed (map_key, draw_map; viewer_surface.hpp), and
// what the renderer is handed: events, visibility mask, rings (upload_events, update_rings).
#include "common/error.hpp"
#include "view/viewer_app.hpp"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <epoxy/gl.h>
#include <imgui.h>

namespace eventmap::view {

// Sets the renderer's projection for the menu's choice, centred on `lon_0`; only when either
// changed, since it projects every event again.
void ViewerApp::use_projection(double lon_0) {
    if (projection_in_use_ == ui_.projection && lon_0 == lon_0_in_use_) {
        return;
    }
    const auto kind = render::projection_from_name(ui_.projection);
    renderer_->set_projection(kind ? *kind : render::ProjectionKind::web_mercator, lon_0);
    projection_in_use_ = ui_.projection;
    lon_0_in_use_ = lon_0;
}

// Before any event has arrived the map shows the world, so the basemap is there (and can be
// panned) from the first frame while the events load.
void ViewerApp::show_world() {
    use_projection(0);
    lay_out();
    try {
        ui_.map = render::fit_view(renderer_->projection(), {-180, -58, 180, 78}, ui_.map.width,
                                   ui_.map.height, 0.01);
        have_view_ = true;
    } catch (const Error& e) {
        ui_.report_error(e.located());
    }
}

// The map gets the rectangle the docked panels leave free (panel_layout.cpp); its view keeps
// its centre and scale when that rectangle changes size.
void ViewerApp::lay_out() {
    glfwGetFramebufferSize(window_, &fb_w_, &fb_h_);
    glfwGetWindowSize(window_, &win_w_, &win_h_);
    ui_.pixel_ratio = win_w_ > 0 ? static_cast<float>(fb_w_) / static_cast<float>(win_w_) : 1.0f;
    ui_.layout = panel_layout(ui_, static_cast<float>(win_w_), static_cast<float>(win_h_));
    const float r = ui_.pixel_ratio;
    ui_.map_x0 = static_cast<int>(ui_.layout.map_x * r);
    ui_.map_y0 = static_cast<int>(ui_.layout.map_y * r);
    ui_.map.width =
        std::max(1, std::min(fb_w_ - ui_.map_x0, static_cast<int>(ui_.layout.map_w * r)));
    ui_.map.height =
        std::max(1, std::min(fb_h_ - ui_.map_y0, static_cast<int>(ui_.layout.map_h * r)));
}

// What the map image depends on: when none of it changed, the last image is copied again.
std::string ViewerApp::map_key() const {
    const auto& o = ui_.options;
    const auto& v = ui_.map;
    std::string key;
    key.reserve(256);
    for (double d : {v.center_x, v.center_y, v.metres_per_pixel, static_cast<double>(v.width),
                     static_cast<double>(v.height), static_cast<double>(o.window.first),
                     static_cast<double>(o.window.last), static_cast<double>(o.scale),
                     static_cast<double>(session_->data_generation()),
                     static_cast<double>(session_->filter_generation()),
                     static_cast<double>(rings_generation_)}) {
        key.append(reinterpret_cast<const char*>(&d), sizeof d);
    }
    for (bool b :
         {o.markers, o.clusters, o.heatmap, o.legend, o.time_range, o.scale_bar, o.north_arrow,
          o.attribution, o.caption, o.country_labels, o.place_labels,
          o.color_by == render::ColorBy::quad, o.graticule, o.basemap, ui_.color_by_layer}) {
        key += b ? '1' : '0';
    }
    key += projection_in_use_ + '\n' + o.title + '\n' + o.subtitle + '\n' + o.stamp;
    for (const auto& t : o.types) {
        key += '\n' + t;
    }
    return key;
}

// A preview instead of a drawing: while the view moves, when only the view changed since the
// last drawing (the key's first five numbers: centre, scale, size) and the size did not.
bool ViewerApp::show_preview(const std::string& key) const {
    constexpr std::size_t view_bytes = 5 * sizeof(double);
    return glfwGetTime() < moving_until && !drawn_key_.empty() && key.size() == drawn_key_.size() &&
           key.compare(view_bytes, std::string::npos, drawn_key_, view_bytes, std::string::npos) ==
               0 &&
           drawn_view_.width == ui_.map.width && drawn_view_.height == ui_.map.height;
}

void ViewerApp::draw_map() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w_, fb_h_);
    glClearColor(0.11f, 0.13f, 0.16f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!have_view_) {
        return;
    }
    const DayRange w = session_->time.window();
    ui_.options.window = {w.first, w.last};
    last_map_ms_ = 0;
    try {
        std::string key = map_key();
        // A click or key anywhere may have flipped a switch the key does not know of.
        const ImGuiIO& io = ImGui::GetIO();
        const bool input =
            io.MouseClicked[0] || io.MouseReleased[0] || io.InputQueueCharacters.Size > 0;
        const bool resized = surface_.resize(ui_.map.width, ui_.map.height);
        if (!resized && !input && key != drawn_key_ && show_preview(key)) {
            // The view moves: the last image, moved and scaled to where it now lies.
            const auto& d = drawn_view_;
            const auto& v = ui_.map;
            surface_.blit_moved(ui_.map_x0, ui_.map_y0, fb_h_, v.pixel_x(d.left()),
                                v.pixel_y(d.top()), v.pixel_x(d.right()), v.pixel_y(d.bottom()));
            glViewport(0, 0, fb_w_, fb_h_);
            previewing_ = true;
            return;
        }
        previewing_ = false;
        if (resized || key != drawn_key_ || input) {
            const double t0 = glfwGetTime();
            surface_.bind();
            renderer_->draw(ui_.map, ui_.options, {0, 0, ui_.map.width, ui_.map.height});
            if (measure_map) {
                glFinish();
            }
            last_map_ms_ = (glfwGetTime() - t0) * 1000.0;
            drawn_key_ = std::move(key);
            drawn_view_ = ui_.map;
            ++map_draws_;
        }
        surface_.blit(ui_.map_x0, ui_.map_y0, fb_h_);
        glViewport(0, 0, fb_w_, fb_h_);
    } catch (const Error& e) {
        ui_.report_error(e.located());
        drawn_key_.clear();
    }
}

// The renderer draws the events passing the filters: the filter's per-row mask, handed over
// when the filter (or the data) changes, never per frame; the window stays two uniforms.
void ViewerApp::upload_events() {
    const auto map = session_->map();
    if (!map) {
        return;
    }
    if (uploaded_data_ != session_->data_generation() || uploaded_by_layer_ != ui_.color_by_layer) {
        // Colour by layer: the renderer is handed the rows with their layer as their "type",
        // so its palette and legend name the layers.
        renderer_->set_events(ui_.color_by_layer ? std::make_shared<const mapdata::EventTable>(
                                                       layer_typed(*map, session_->layers()))
                                                 : map);
        uploaded_data_ = session_->data_generation();
        uploaded_by_layer_ = ui_.color_by_layer;
        // New rows: the rings are sent again (the old rows' rings would mark other events).
        highlighted_.clear();
        renderer_->set_highlight({});
        ++rings_generation_;
        corrected_for_ = ~0ULL;
    }
    const auto& mask = session_->filtered().mask;
    if (session_->filtered().rows.size() == map->size() || mask.size() != map->size()) {
        renderer_->set_visible(nullptr);
    } else {
        renderer_->set_visible(std::make_shared<const std::vector<std::uint8_t>>(mask));
    }
    uploaded_filters_ = session_->filter_generation();
}

// The selection and corrected events, drawn by the renderer as rings (so a saved image shows
// them too): handed over when they change.
void ViewerApp::update_rings() {
    if (!have_view_) {
        return;
    }
    const EventTable& t = session_->table();
    std::vector<std::size_t> highlight;
    if (session_->selected) {
        highlight.push_back(*session_->selected);
    }
    const std::size_t most = 5000; // more rings than this say nothing a count does not
    for (std::size_t i = 0; i < session_->box_selection.size() && i < most; ++i) {
        highlight.push_back(session_->box_selection[i]);
    }
    if (highlight != highlighted_) {
        highlighted_ = highlight;
        renderer_->set_highlight(highlight);
        ++rings_generation_;
    }
    if (corrected_for_ != session_->data_generation()) {
        corrected_for_ = session_->data_generation();
        std::vector<std::size_t> corrected;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t.corrected[i] != 0) {
                corrected.push_back(i);
            }
        }
        renderer_->set_corrected(corrected);
        ++rings_generation_;
    }
}

} // namespace eventmap::view
