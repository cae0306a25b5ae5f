// The viewer's window and loop (internal to src/view): owns GLFW, the ImGui context, the
// renderer and the session, and draws one frame at a time. The script runner
// (viewer_script.cpp) and the bench drive it through frame() and the UiState.
#pragma once

#include "view/display_scale.hpp"
#include "view/script.hpp"
#include "view/session.hpp"
#include "view/viewer.hpp"
#include "view/viewer_surface.hpp"
#include "view/viewer_ui.hpp"

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace eventmap::view {

class ViewerApp {
  public:
    explicit ViewerApp(const ViewerOptions& options);
    ~ViewerApp();
    ViewerApp(const ViewerApp&) = delete;
    ViewerApp& operator=(const ViewerApp&) = delete;

    // Interactive loop until the window closes.
    void run();
    // One frame: input, loading, playback, panels, map, swap. `dt`: simulated seconds of
    // playback (negative: wall time).
    void frame(double dt = -1);
    bool should_close() const;
    // The session's load error and notice to the status bar and stderr, each once.
    void report_load_messages();
    // Shows the drawn frame (swap buffers).
    void present();

    UiState& ui() { return ui_; }
    Session& session() { return *session_; }
    // Milliseconds the last frame spent in the renderer's draw (finished with glFinish when
    // measuring), for the bench's split between map and panels.
    double last_map_ms() const { return last_map_ms_; }
    // How many times the map was drawn (a frame where nothing on the map changed copies the
    // last image instead).
    std::uint64_t map_draws() const { return map_draws_; }
    // The legend's heading in the map last drawn (empty: no legend).
    const std::string& legend_heading() const { return renderer_->last_frame().legend_heading; }
    int framebuffer_width() const { return fb_w_; }
    int framebuffer_height() const { return fb_h_; }
    int window_width() const { return win_w_; }
    int window_height() const { return win_h_; }
    bool measure_map = false;
    // Until this glfwGetTime() the view counts as moving under the user's hand (set by a drag
    // or the wheel, and by the bench): frames then show the last map image moved and scaled,
    // as GIS programs do while panning, and the map is drawn again once the movement stops.
    double moving_until = 0;
    // Whether the last frame showed such a preview (the map is still to be drawn).
    bool previewing() const { return previewing_; }
    // The framebuffer's pixels as PNG (after the last frame's drawing).
    void screenshot(const std::string& path);
    // The map alone, through the renderer offscreen, with the screen's options at the size and
    // scale `image` asks (viewer_ui.hpp); returns the size and scale drawn.
    ImageSettings save_image(const std::string& path, const ImageSettings& image);
    // Sets the map to show a lon/lat box / a centre and zoom.
    void zoom_to(double west, double south, double east, double north);
    void center_on(LatLon centre, double zoom);
    // Screen position (framebuffer pixels from the window's top-left, panels included) of a
    // lat/lon; nullopt outside the projection. pick_at_pixel takes the same coordinates.
    std::optional<std::pair<double, double>> to_pixels(LatLon p) const;
    // The event nearest to the screen pixel within `radius` pixels.
    std::optional<Row> pick_at_pixel(double px, double py, double radius);

    // GLFW's window content scale changed (another monitor, another desktop scale): fonts,
    // ImGui sizes and the renderer's scale follow at the next frame's start, as at start-up,
    // and the map keeps its area. The window's callback and the script's `content-scale` call
    // it (viewer_scale.cpp).
    void set_content_scale(float window_content_scale) { pending_scale_ = window_content_scale; }

  private:
    bool apply_content_scale(); // true when the scales changed
    void apply_scales(const DisplayScales& scales);
    void on_data_changed();
    void handle_map_input();
    void handle_keys();
    void draw_map();
    void lay_out();
    void show_world();
    void use_projection(double lon_0);
    std::string map_key() const;
    void apply_requests();
    void follow_store(double now);
    void upload_events();
    void update_rings();

    ViewerOptions options_;
    GLFWwindow* window_ = nullptr;
    std::unique_ptr<Session> session_;
    std::unique_ptr<render::MapRenderer> renderer_;
    UiState ui_;
    bool imgui_ready_ = false;
    float pending_scale_ = 0;  // a content scale not yet applied; 0: none
    bool have_view_ = false;   // a view exists (the world until the events arrive)
    bool data_fitted_ = false; // fitted to the whole data (not only a first part)
    bool view_touched_ = false;
    double lon_0_in_use_ = 0;
    std::uint64_t seen_data_ = 0;
    std::string projection_in_use_;
    std::string reported_load_error_, reported_notice_;
    MapSurface surface_;
    std::string drawn_key_;
    render::MapView drawn_view_; // the view the map image was drawn for
    bool previewing_ = false;
    bool show_preview(const std::string& key) const;
    std::uint64_t rings_generation_ = 0;
    int fb_w_ = 1, fb_h_ = 1;
    int win_w_ = 1, win_h_ = 1; // window coordinates (equal to the framebuffer's on X11)
    double last_time_ = 0;
    double last_map_ms_ = 0;
    std::uint64_t map_draws_ = 0;
    std::uint64_t seen_filters_ = 0, uploaded_filters_ = 0;
    std::uint64_t corrected_for_ = ~0ULL, uploaded_data_ = ~0ULL;
    bool uploaded_by_layer_ = false;
    std::vector<std::size_t> highlighted_;
    double last_follow_check_ = 0;
    std::string reported_follow_problem_;
    Session::FollowStats seen_follow_;
    // Drag state: a pan with the left button, a box with shift + left.
    bool dragging_ = false, boxing_ = false;
    double drag_x_ = 0, drag_y_ = 0, box_x_ = 0, box_y_ = 0;
};

// viewer_script.cpp
int run_script(ViewerApp& app, const Script& script);
int run_bench(ViewerApp& app, int frames);

} // namespace eventmap::view
