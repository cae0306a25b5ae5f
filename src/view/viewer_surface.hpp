// The map's image on screen: an offscreen colour buffer the size of the map rectangle, drawn
// by the renderer only when what the map shows changed (view, window, filters, options,
// selection), and copied into the window at the map rectangle every frame. Panels drawn
// around it (hovering, typing, scrolling the list) then cost a copy, not a map.
#pragma once

#include "render/gl_objects.hpp"

namespace eventmap::view {

class MapSurface {
  public:
    // Makes the buffer width x height; true when it was (re)made and its contents are gone.
    bool resize(int width, int height);
    // Binds it as the draw target (the renderer sets its own viewport).
    void bind() const;
    // Copies it into the window's framebuffer with its top-left corner at (x, y) pixels from
    // the window's top-left; `window_height` is the framebuffer's height (GL counts from the
    // bottom).
    void blit(int x, int y, int window_height) const;
    // A preview while the view moves: the image copied, scaled, into the rectangle (left, top)
    // - (right, bottom) in map pixels (it may reach past the map), clipped to the map's
    // rectangle at (x, y), the part it leaves uncovered cleared to the window's background.
    void blit_moved(int x, int y, int window_height, double left, double top, double right,
                    double bottom) const;
    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }

  private:
    render::Framebuffer fbo_;
    render::Renderbuffer color_;
    int width_ = 0, height_ = 0;
};

} // namespace eventmap::view
